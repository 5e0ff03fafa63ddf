# Tests list slicing: negative indices, steps, reversed slices, copies and clamping.
xs = list(range(10))
print(xs[2:7], xs[:3], xs[-3:], xs[:-3], xs[::3], xs[::-1], xs[7:2:-2], xs[-1:-5:-1])
print(xs[100:], xs[-100:2], xs[5:5], xs[8:3], xs[1:-1:4])
print(xs[-1], xs[-10], xs[len(xs) // 2])

try:
    print(xs[10])
except IndexError as e:
    print("IndexError:", e)


def moving_average(values: list, window: int) -> list:
    return [sum(values[i:i + window]) / window for i in range(len(values) - window + 1)]


print(moving_average([1, 2, 3, 4, 5, 6], 3))
print(moving_average([10, 0, 10, 0], 2))


def split_halves(seq):
    mid = (len(seq) + 1) // 2
    return seq[:mid], seq[mid:]


print(split_halves([1, 2, 3, 4, 5]), split_halves([]), split_halves(["a", "b"]))

copy = xs[:]
copy[0] = 100
print(xs[0], copy[0], copy == xs, copy[1:] == xs[1:])
pairs = list(zip(xs[::2], xs[1::2]))
print(pairs)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[-1] for row in matrix], matrix[::-1][0], [row[::-1] for row in matrix[1:]])
