# Tests dict(zip()), iterating sorted(d.items(), key=...), sorting by value and by key.
names = ["mia", "leo", "ava", "kai", "zoe"]
ages = [31, 25, 31, 19, 25]
people = dict(zip(names, ages))
print(people)

print("by name:")
for name, age in sorted(people.items()):
    print(f"  {name}: {age}")
print("by age, then name:")
for name, age in sorted(people.items(), key=lambda kv: (kv[1], kv[0])):
    print(f"  {name}: {age}")
print("by age desc (stable):")
for name, age in sorted(people.items(), key=lambda kv: kv[1], reverse=True):
    print(f"  {name}: {age}")

print(sorted(people, key=people.get), sorted(people.values()), sorted(people.items())[0])


def invert_multi(d: dict) -> dict:
    result = {}
    for key, value in d.items():
        result.setdefault(value, []).append(key)
    return result


print(invert_multi(people))
print(dict(sorted(people.items(), key=lambda kv: -kv[1])))
pairs = dict(zip("abc", range(1, 10)))
print(pairs, dict(zip([], [])), dict([("x", 1), ("x", 2)]))
keys = ["id", "title", "done"]
rows = [(1, "write tests", False), (2, "ship", True)]
for row in [dict(zip(keys, r)) for r in rows]:
    print(row, sorted(row.items(), key=lambda kv: str(kv[1])))
