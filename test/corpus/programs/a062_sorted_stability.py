# Tests sorted(): stability with equal keys, reverse=True keeping stable order, multi-pass sorts.
records = [
    ("alice", "eng", 85), ("bob", "ops", 92), ("carol", "eng", 92),
    ("dan", "ops", 85), ("erin", "eng", 78), ("frank", "hr", 92), ("gina", "hr", 85),
]

by_score = sorted(records, key=lambda r: r[2])
print([r[0] for r in by_score])
by_score_desc = sorted(records, key=lambda r: r[2], reverse=True)
print([r[0] for r in by_score_desc])
print([r[0] for r in reversed(sorted(records, key=lambda r: r[2]))])

# multi-pass: sort by secondary key first, then primary
step1 = sorted(records, key=lambda r: r[0], reverse=True)
step2 = sorted(step1, key=lambda r: r[1])
print([(r[1], r[0]) for r in step2])


def rank(rows: list) -> list:
    ordered = sorted(rows, key=lambda r: (-r[2], r[1]))
    return [f"{i}:{r[0]}" for i, r in enumerate(ordered, 1)]


print(rank(records))
print(sorted("Mississippi"), sorted("Mississippi", key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted((2, 1)), sorted({"b": 1, "a": 2}))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.upper))
words = ["aa", "b", "cc", "d", "ee", "f"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([(1, "b"), (0, "z"), (1, "a"), (0, "a")]), sorted([-1.5, 2, -3, 0.5]))
