# Tests: KeyError messages (repr of the key) for dict lookups that fail, and safe alternatives
prices = {"apple": 1.25, "banana": 0.5, "cherry": 3.0}

for fruit in ["banana", "durian", "apple"]:
    try:
        print(fruit, prices[fruit])
    except KeyError as e:
        print("KeyError:", e)
        print("args:", e.args)

for key in [3, ("a", 1), "it's"]:
    try:
        {}[key]
    except KeyError as e:
        print("missing", e)

print(prices.get("durian"), prices.get("durian", 0.0))
print("durian" in prices, "apple" in prices)

inventory = {"apple": 3}
order = ["apple", "kiwi", "apple", "apple", "apple"]
for item in order:
    try:
        if inventory[item] == 0:
            raise KeyError(item)
        inventory[item] -= 1
        print("took", item, "left", inventory[item])
    except KeyError as e:
        print(f"out of {e.args[0]}")

nested = {"db": {"host": "h1"}}
try:
    port = nested["db"]["port"]
except KeyError as err:
    print(f"config missing {err}")
try:
    del prices["fig"]
except KeyError as e:
    print("del failed:", str(e))
print(sorted(prices))
