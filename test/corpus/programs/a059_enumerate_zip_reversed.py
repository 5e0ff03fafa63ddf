# Tests enumerate (with start), zip (shortest wins, unzip with *), reversed on lists/ranges/strings.
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, start=1):
    print(f"{i}. {f}")
print(list(enumerate("ab", 10)), list(enumerate([])))

prices = [1.2, 0.5, 3.0, 9.9]
for name, price in zip(fruits, prices):
    print(f"{name:>8}: {price:.2f}")
print(list(zip([1, 2, 3], "ab", (True, False, None))))
pairs = [("x", 1), ("y", 2), ("z", 3)]
letters, numbers = zip(*pairs)
print(letters, numbers)

print(list(reversed(fruits)), list(reversed(range(5))), "".join(reversed("stressed")))
for i, f in reversed(list(enumerate(fruits))):
    print(i, f, end="; ")
print()


def dot(a: list, b: list) -> float:
    return sum(x * y for x, y in zip(a, b))


def diffs(values):
    return [b - a for a, b in zip(values, values[1:])]


print(dot([1, 2, 3], [4, 5, 6]), dot([0.5, 1.5], [2, 2]))
print(diffs([1, 4, 9, 16, 25]), diffs([5]))
header = ["id", "name"]
rows = [[1, "ann"], [2, "bo"]]
print([dict(zip(header, r)) for r in rows])
for idx, (a, b) in enumerate(zip("abc", "xyz"), 1):
    print(idx, a + b, end=" ")
print()
