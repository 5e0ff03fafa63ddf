# Tests nested comprehensions: flattening, cartesian products, matrices, and filters at each level.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in matrix for x in row])
print([x for row in matrix for x in row if x % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([[x * 10 for x in row if x != 5] for row in matrix])

pairs = [(a, b) for a in "xyz" for b in range(2)]
print(pairs)
print([(a, b) for a in range(4) for b in range(a, 4) if a + b == 4])


def multiplication_table(n: int) -> list:
    return [[r * c for c in range(1, n + 1)] for r in range(1, n + 1)]


for row in multiplication_table(5):
    print(" ".join(f"{v:3d}" for v in row))

triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print(triples)


def identity(n):
    return [[1 if r == c else 0 for c in range(n)] for r in range(n)]


print(identity(3))
sentences = ["the cat sat", "a dog ran far", "hi"]
print([len(w) for s in sentences for w in s.split()])
print({s.split()[0]: [w.upper() for w in s.split()[1:]] for s in sentences})
print(sum(sum(1 for ch in w if ch in "aeiou") for s in sentences for w in s.split()))
