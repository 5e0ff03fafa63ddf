# Tests set comprehensions and sets built from generators, always printed in sorted order.
words = ["Apple", "avocado", "Banana", "blueberry", "cherry", "Cranberry", "apple"]
initials = {w[0].lower() for w in words}
print(sorted(initials))
print(sorted({w.lower() for w in words}))
print(sorted({len(w) for w in words}, reverse=True))

squares_mod = {n * n % 10 for n in range(100)}
print(sorted(squares_mod), len(squares_mod))


def divisors(n: int) -> set:
    return {d for i in range(1, int(n ** 0.5) + 1) if n % i == 0 for d in (i, n // i)}


for n in [1, 12, 28, 49, 97]:
    ds = divisors(n)
    print(n, sorted(ds), "perfect" if sum(ds) - n == n else "")


def anagram_key(word):
    return "".join(sorted(word))


group = ["listen", "silent", "enlist", "google", "tinsel", "banana"]
keys = {anagram_key(w) for w in group}
print(sorted(keys))
for key in sorted(keys):
    print(key, sorted(w for w in group if anagram_key(w) == key))
evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens - threes)[:5], max(evens | threes), sum(evens ^ threes))
