# Tests tuple packing/unpacking: multiple returns, unpacking in for loops, tuple methods.
point = 3, 4
x, y = point
print(point, x, y, type(point).__name__, len(point))


def min_max_mean(values: list) -> tuple:
    return min(values), max(values), sum(values) / len(values)


lo, hi, avg = min_max_mean([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
stats = min_max_mean([2.5, 0.5])
print(stats, stats[0], stats[-1])


def parse_version(text):
    major, minor, patch = (int(p) for p in text.split("."))
    return major, minor, patch


for v in ["1.2.3", "10.0.1", "0.9.12"]:
    print(v, parse_version(v))
print(sorted(["1.10.0", "1.2.0", "1.9.9"], key=parse_version))

coords = [(1, 2), (3, 4), (-5, 6)]
for cx, cy in coords:
    print(f"({cx}, {cy}) -> dist^2 = {cx * cx + cy * cy}")

t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], 2 in t)
a, b = "hi"
print(a, b)
(first, second), third = ("p", "q"), "r"
print(first, second, third)
empty = ()
single = ("only",)
print(empty, single, len(single), tuple([1, 2]), tuple("ab"))
