# Tests slice assignment: replacing, growing, shrinking, inserting, deleting, extended slices.
xs = list(range(8))
xs[2:4] = ["a", "b"]
print(xs)
xs[2:4] = ["X"]
print(xs)
xs[1:1] = [10, 11, 12]
print(xs)
xs[-2:] = []
print(xs)
xs[:] = [0, 1, 2, 3, 4, 5]
print(xs)
xs[::2] = ["e0", "e2", "e4"]
print(xs)
xs[len(xs):] = [6, 7]
print(xs)
del xs[1::2]
print(xs)

try:
    xs[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)


def replace_run(seq: list, start: int, length: int, new: list) -> None:
    seq[start:start + length] = new


data = [1, 1, 1, 2, 2, 3]
replace_run(data, 0, 3, [9])
print(data)
replace_run(data, 1, 0, [7, 7])
print(data)

alias = data
data[:] = sorted(data)
print(alias, alias is data)
data = data[::-1]
print(alias, data)
grid = [[0] * 4 for _ in range(3)]
grid[1][1:3] = [5, 5]
grid[2][:] = [9] * 4
print(grid)
