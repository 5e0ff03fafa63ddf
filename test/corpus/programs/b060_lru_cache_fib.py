# Tests: functools.lru_cache / cache on recursive functions, cache_info, big results
from functools import lru_cache, cache

calls = 0


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    global calls
    calls += 1
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(30), "calls:", calls)
print(fib(30), "calls:", calls)
print([fib(i) for i in range(12)])
print(fib(80))
info = fib.cache_info()
print(info.hits, info.misses, info.currsize)


@cache
def grid_paths(r: int, c: int) -> int:
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print(grid_paths(2, 2), grid_paths(10, 10), grid_paths(16, 16))


@lru_cache(maxsize=128)
def edit_distance(a: str, b: str) -> int:
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


for x, y in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]:
    print(x, y, edit_distance(x, y))
fib.cache_clear()
calls = 0
fib(10)
print("after clear:", calls)
