# Tests: fibonacci and prime generators, big ints, take-while style loops
from itertools import takewhile


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def take(n: int, gen) -> list:
    out = []
    for x in gen:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(15, fib()))
print(list(takewhile(lambda x: x < 1000, fib())))
print(take(12, primes()))
for i, f in enumerate(fib()):
    if i == 90:
        print("fib(90) =", f)
        break
even_fibs = (f for f in fib() if f % 2 == 0)
print(take(8, even_fibs))
print(sum(takewhile(lambda p: p < 100, primes())))
twin = []
prev = None
for p in primes():
    if prev is not None and p - prev == 2:
        twin.append((prev, p))
    prev = p
    if len(twin) == 6:
        break
print(twin)
