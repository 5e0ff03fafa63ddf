# Tests: itertools.product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", [1, 2])))
print(len(list(product(range(3), repeat=3))))
print(["".join(p) for p in product("01", repeat=3)])
print(list(permutations([1, 2, 3])))
print(list(permutations("abc", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations_with_replacement("xy", 2)))

coins = [1, 5, 10, 25]
ways = [c for c in combinations_with_replacement(coins, 3) if sum(c) == 30]
print(ways)

items = {"tent": (5, 60), "stove": (3, 40), "food": (4, 50), "book": (1, 10)}
best = None
for r in range(len(items) + 1):
    for combo in combinations(items, r):
        weight = sum(items[i][0] for i in combo)
        value = sum(items[i][1] for i in combo)
        if weight <= 9 and (best is None or value > best[0]):
            best = (value, combo)
print("best pack:", best)

words = {"".join(p) for p in permutations("tea")}
print(sorted(words))
grid = [(r, c) for r, c in product(range(2), range(3))]
print(grid)
print(sum(1 for a, b in combinations(range(1, 11), 2) if (a + b) % 3 == 0))
