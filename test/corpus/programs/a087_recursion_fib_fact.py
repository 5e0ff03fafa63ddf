# Tests recursion: factorial (within i64), Fibonacci naive and memoised, sum of digits, power set.
def factorial(n: int) -> int:
    return 1 if n <= 1 else n * factorial(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


_memo = {0: 0, 1: 1}


def fib_memo(n: int) -> int:
    if n not in _memo:
        _memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return _memo[n]


for n in [0, 1, 5, 10, 15, 20]:
    print(f"{n:>2}! = {factorial(n)}")
print([fib(n) for n in range(15)])
print(fib(24), fib_memo(24), fib_memo(90))


def digit_sum(n):
    return n if n < 10 else n % 10 + digit_sum(n // 10)


def power_set(items: list) -> list:
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + s for s in rest]


def binary_search(xs, target, lo=0, hi=None):
    if hi is None:
        hi = len(xs) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return binary_search(xs, target, mid + 1, hi)
    return binary_search(xs, target, lo, mid - 1)


print(digit_sum(987654321), power_set(["a", "b", "c"]))
data = [1, 3, 5, 7, 9, 11, 13]
print([binary_search(data, t) for t in [1, 7, 13, 4, 0, 99]])
