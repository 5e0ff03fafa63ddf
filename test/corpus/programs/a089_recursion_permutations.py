# Tests recursive generation of permutations, combinations and balanced parentheses.
def permutations(items: list) -> list:
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i, item in enumerate(items):
        for perm in permutations(items[:i] + items[i + 1:]):
            result.append([item] + perm)
    return result


def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    head, tail = items[0], items[1:]
    return [[head] + c for c in combinations(tail, k - 1)] + combinations(tail, k)


def parens(n: int) -> list:
    out = []

    def build(s, opened, closed):
        if len(s) == 2 * n:
            out.append(s)
            return
        if opened < n:
            build(s + "(", opened + 1, closed)
        if closed < opened:
            build(s + ")", opened, closed + 1)

    build("", 0, 0)
    return out


perms = permutations([1, 2, 3])
print(len(perms), perms)
print(["".join(p) for p in permutations(list("abc"))])
print(len(permutations(list(range(6)))))
print(combinations([1, 2, 3, 4], 2))
print(len(combinations(list(range(10)), 3)), combinations(["x"], 2))
for n in range(1, 5):
    ps = parens(n)
    print(n, len(ps), ps if n < 4 else ps[:5])
