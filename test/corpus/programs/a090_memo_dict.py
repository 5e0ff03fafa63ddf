# Tests memoisation with dicts and functools.lru_cache: grid paths, coin change, edit distance.
from functools import lru_cache

path_cache = {}


def grid_paths(rows: int, cols: int) -> int:
    if rows == 1 or cols == 1:
        return 1
    key = (rows, cols)
    if key not in path_cache:
        path_cache[key] = grid_paths(rows - 1, cols) + grid_paths(rows, cols - 1)
    return path_cache[key]


print(grid_paths(3, 3), grid_paths(10, 10), grid_paths(18, 18), len(path_cache))


@lru_cache(maxsize=None)
def coin_ways(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return coin_ways(amount - coins[0], coins) + coin_ways(amount, coins[1:])


print(coin_ways(100, (1, 5, 10, 25, 50)), coin_ways(7, (2, 4)), coin_ways(0, ()))


def edit_distance(a: str, b: str) -> int:
    memo = {}

    def solve(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(a):
            result = len(b) - j
        elif j == len(b):
            result = len(a) - i
        elif a[i] == b[j]:
            result = solve(i + 1, j + 1)
        else:
            result = 1 + min(solve(i + 1, j), solve(i, j + 1), solve(i + 1, j + 1))
        memo[(i, j)] = result
        return result

    return solve(0, 0)


for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("café", "cafe")]:
    print(f"{a!r} -> {b!r}: {edit_distance(a, b)}")
