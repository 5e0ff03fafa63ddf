# Tests sets for membership tests and order-preserving de-duplication of sequences.
STOP_WORDS = {"the", "a", "an", "of", "and", "to", "in"}


def keywords(text: str) -> list:
    return [w for w in text.lower().split() if w not in STOP_WORDS]


print(keywords("The Art of Computer Programming and the Theory of Computation"))


def dedupe(items):
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


print(dedupe([3, 1, 3, 2, 1, 4, 2]), dedupe("mississippi"), dedupe([]))
print(len(set("mississippi")), sorted(set("mississippi")))


def has_duplicates(xs: list) -> bool:
    return len(xs) != len(set(xs))


for xs in [[1, 2, 3], [1, 2, 1], [], ["a", "A"]]:
    print(xs, has_duplicates(xs))


def first_repeat(xs):
    seen = set()
    for x in xs:
        if x in seen:
            return x
        seen.add(x)
    return None


print(first_repeat([5, 3, 8, 3, 5]), first_repeat("abcdefa"), first_repeat([1, 2]))
visited = set()
frontier = [1]
while frontier:
    n = frontier.pop()
    if n in visited or n > 20:
        continue
    visited.add(n)
    frontier.extend([n * 2, n + 3])
print(sorted(visited), len(visited))
pairs = {(1, 2), (2, 1), (1, 2)}
print(sorted(pairs), (2, 1) in pairs, sorted({tuple(sorted(p)) for p in pairs}))
