# Tests dict insertion order for iteration, keys/values/items, updates keeping position.
d = {}
d["zeta"] = 1
d["alpha"] = 2
d["mid"] = 3
print(d, list(d), list(d.values()))
d["alpha"] = 20
print(d)

for key in d:
    print(key, d[key])
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)

codes = dict(b=2, a=1)
codes.update({"c": 3, "a": 100})
print(codes, len(codes), "a" in codes, 100 in codes, 100 in codes.values())


def first_occurrences(text: str) -> dict:
    seen = {}
    for i, ch in enumerate(text):
        if ch not in seen:
            seen[ch] = i
    return seen


print(first_occurrences("abracadabra"))
print(list(first_occurrences("mississippi").keys()))
squares = {n: n * n for n in [5, 3, 9, 1]}
print(squares, max(squares), min(squares.items(), key=lambda kv: kv[1]))
print(list(reversed(squares)), next(iter(squares)), list(squares.items())[-1])
dedup = list(dict.fromkeys([3, 1, 3, 2, 1, 5]))
print(dedup, dict.fromkeys("ab", 0))
