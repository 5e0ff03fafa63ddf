# Tests dict.get with/without default, setdefault for grouping, and KeyError handling.
stock = {"apple": 5, "pear": 0}
print(stock.get("apple"), stock.get("kiwi"), stock.get("kiwi", 0), stock.get("pear", 99))

try:
    print(stock["kiwi"])
except KeyError as e:
    print("KeyError:", e)

print(stock.setdefault("kiwi", 12), stock.setdefault("apple", 1000), stock)

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)


def group_by_length(items: list) -> dict:
    groups: dict = {}
    for item in items:
        groups.setdefault(len(item), []).append(item)
    return groups


print(group_by_length(words))

counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)

settings = {"theme": "dark", "font_size": 12}


def setting(name, default=None):
    value = settings.get(name, default)
    print(f"  {name} = {value!r}")
    return value


setting("theme")
setting("language", "en")
setting("autosave")
print(settings.get("font_size", 10) * 2, settings.get("missing") is None)
