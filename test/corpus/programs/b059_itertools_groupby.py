# Tests: itertools.groupby on sorted data, run grouping, key functions
from itertools import groupby
from operator import itemgetter

records = [
    ("eng", "ann", 120), ("ops", "bob", 80), ("eng", "cid", 110),
    ("sales", "dee", 95), ("ops", "eve", 85), ("eng", "fay", 130),
]
records.sort(key=itemgetter(0))
for dept, members in groupby(records, key=itemgetter(0)):
    members = list(members)
    names = [m[1] for m in members]
    total = sum(m[2] for m in members)
    print(f"{dept:<6} {names} total={total}")

print([(k, len(list(g))) for k, g in groupby("aaabccddddde")])
print(["".join(g) for _, g in groupby("1112223344441")])

def compress(s: str) -> str:
    return "".join(f"{k}{len(list(g))}" for k, g in groupby(s))

print(compress("WWWWBBBWWC"))

words = sorted(["apple", "avocado", "banana", "blueberry", "cherry", "apricot", "kiwi"])
by_letter = {k: list(g) for k, g in groupby(words, key=lambda w: w[0])}
print(by_letter)

nums = [1, 2, 3, 7, 8, 10, 11, 12, 13, 20]
ranges = []
for _, g in groupby(enumerate(nums), key=lambda t: t[1] - t[0]):
    run = [v for _, v in g]
    ranges.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
print(", ".join(ranges))
unsorted = [3, 3, 1, 3, 1]
print([(k, len(list(g))) for k, g in groupby(unsorted)])
