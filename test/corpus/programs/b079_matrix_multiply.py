# Tests: matrix multiply, transpose, identity, power by squaring with nested lists
from typing import List

Matrix = List[List[int]]


def matmul(a: Matrix, b: Matrix) -> Matrix:
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch {len(a)}x{len(a[0])} * {len(b)}x{len(b[0])}")
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def identity(n: int) -> Matrix:
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def transpose(m):
    return [list(col) for col in zip(*m)]


def mat_pow(m: Matrix, p: int) -> Matrix:
    result = identity(len(m))
    while p > 0:
        if p % 2 == 1:
            result = matmul(result, m)
        m = matmul(m, m)
        p //= 2
    return result


def show(m, title):
    print(title)
    width = max(len(str(x)) for row in m for x in row)
    for row in m:
        print("  " + " ".join(str(x).rjust(width) for x in row))


A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(matmul(A, B), "A x B")
show(matmul(B, A), "B x A")
show(transpose(A), "A^T")
fib = mat_pow([[1, 1], [1, 0]], 50)
print("fib(50) =", fib[0][1])
show(mat_pow([[2, 0], [1, 1]], 5), "M^5")
try:
    matmul(A, A)
except ValueError as e:
    print("error:", e)
print(matmul(identity(3), B) == B)
