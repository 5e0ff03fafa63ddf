# Tests math.gcd, math.lcm, math.isclose, math.factorial, math.comb and math.fsum.
import math

print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(7, 13))
print(math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(10), math.factorial(20), math.comb(10, 3), math.perm(5, 2))

a = 0.1 + 0.2
print(a == 0.3, math.isclose(a, 0.3), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))

tenths = [0.1] * 10
print(sum(tenths), math.fsum(tenths))


def simplify(n: int, d: int) -> str:
    g = math.gcd(n, d)
    return f"{n // g}/{d // g}"


for n, d in [(2, 4), (15, 35), (17, 51), (100, 10)]:
    print(f"{n}/{d} = {simplify(n, d)}")


def pascal_row(n):
    return [math.comb(n, k) for k in range(n + 1)]


for n in range(6):
    print(" ".join(str(x) for x in pascal_row(n)).center(20))
