# Tests shallow vs deep copies: slicing, list(), .copy(), copy.deepcopy, and aliasing.
import copy

original = [1, [2, 3], {"k": 4}]
alias = original
shallow1 = original[:]
shallow2 = list(original)
shallow3 = original.copy()
deep = copy.deepcopy(original)

original[0] = 100
original[1].append(99)
original[2]["k"] = 40

print("original:", original)
print("alias:   ", alias)
print("shallow1:", shallow1)
print("shallow2:", shallow2)
print("shallow3:", shallow3)
print("deep:    ", deep)
print(alias is original, shallow1 is original, shallow1 == original, deep == original)


def append_safely(xs: list, value) -> list:
    result = xs.copy()
    result.append(value)
    return result


def append_in_place(xs, value):
    xs.append(value)
    return xs


base = [1, 2]
new = append_safely(base, 3)
print(base, new)
same = append_in_place(base, 4)
print(base, same, same is base)

matrix = [[1, 2], [3, 4]]
copied_rows = [row[:] for row in matrix]
copied_rows[0][0] = -1
print(matrix, copied_rows)
d = {"a": [1]}
d2 = dict(d)
d2["a"].append(2)
d2["b"] = []
print(d, d2)
