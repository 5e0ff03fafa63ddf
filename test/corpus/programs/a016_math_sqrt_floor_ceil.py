# Tests math.sqrt, math.floor, math.ceil, math.trunc and integer square roots.
import math

for x in [0, 1, 2, 16, 2.25, 1e6, 10]:
    print(f"sqrt({x}) = {math.sqrt(x)}")

for x in [2.5, -2.5, 3.0, -0.1, 7.999]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), int(x))

print(type(math.floor(2.5)).__name__, math.isqrt(99), math.isqrt(100))


def is_perfect_square(n: int) -> bool:
    r = math.isqrt(n)
    return r * r == n


print([n for n in range(1, 200) if is_perfect_square(n)])


def pages_needed(items, per_page):
    return math.ceil(items / per_page)


for items in (0, 1, 10, 11, 95):
    print(items, "items ->", pages_needed(items, 10), "pages")

def hypot(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)

print(hypot(3, 4), hypot(1, 1), math.hypot(5, 12))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
