# Tests extended unpacking: a, *rest = ..., *init, last = ..., middle stars, and * in calls/literals.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b = [9]
print(a, b)
x, *y, z = (1, 2)
print(x, y, z)


def parse_command(line: str) -> tuple:
    cmd, *args = line.split()
    return cmd, args


for line in ["git commit -m msg", "ls", "cp a b c dest"]:
    cmd, args = parse_command(line)
    print(f"{cmd!r} with {len(args)} args: {args}")


def average(*nums):
    return sum(nums) / len(nums) if nums else 0.0


values = [3, 5, 10]
print(average(*values), average(), average(1, *values, 2))
combined = [*values, *range(2), *"ab"]
print(combined)
merged = (*values, 99)
print(merged)
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1, "z": 0})
scores = [("ann", 90, 85, 77), ("bo", 60, 70)]
for name, *marks in scores:
    print(name, marks, max(marks))
print(*sorted({3, 1, 2}), sep=" < ")
