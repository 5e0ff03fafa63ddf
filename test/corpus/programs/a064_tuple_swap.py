# Tests simultaneous assignment: swaps, rotations, Fibonacci update, in-place list swaps.
a, b = 1, 2
a, b = b, a
print(a, b)

x, y, z = "x", "y", "z"
x, y, z = y, z, x
print(x, y, z)


def fib_list(n: int) -> list:
    out = []
    a, b = 0, 1
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out


print(fib_list(15))


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


print(gcd(1071, 462), gcd(17, 0))


def reverse_in_place(xs: list) -> None:
    i, j = 0, len(xs) - 1
    while i < j:
        xs[i], xs[j] = xs[j], xs[i]
        i, j = i + 1, j - 1


data = [1, 2, 3, 4, 5, 6]
reverse_in_place(data)
print(data)


def selection_sort(xs):
    for i in range(len(xs)):
        m = min(range(i, len(xs)), key=xs.__getitem__)
        xs[i], xs[m] = xs[m], xs[i]
    return xs


print(selection_sort([29, 10, 14, 37, 13, -2]))
lo, hi = 10, 3
if lo > hi:
    lo, hi = hi, lo
print(lo, hi)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
