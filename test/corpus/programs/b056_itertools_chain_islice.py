# Tests: itertools.chain, chain.from_iterable, islice, zip_longest, cycle, repeat
from itertools import chain, islice, zip_longest, cycle, repeat

a = [1, 2, 3]
b = ("x", "y")
print(list(chain(a, b, "hi")))
print(list(chain.from_iterable([[1], [2, 3], [], [4, 5, 6]])))
print(list(islice(range(100), 5)))
print(list(islice(range(100), 10, 20, 3)))
print(list(islice("abcdefg", 2, None)))
print(list(zip_longest([1, 2, 3], "ab", fillvalue="-")))
print(list(islice(cycle("ABC"), 7)))
print(list(repeat("na", 4)))

def batched(iterable, n: int):
    it = iter(iterable)
    while True:
        batch = list(islice(it, n))
        if not batch:
            return
        yield batch

print(list(batched(range(10), 4)))
players = ["ann", "ben", "cat"]
turns = list(zip(range(1, 8), cycle(players)))
print(turns)
lines = ["a b", "c", "d e f"]
print(" ".join(chain.from_iterable(l.split() for l in lines)))
rows = [[1, 2], [3, 4], [5, 6]]
print(sum(chain.from_iterable(rows)))
