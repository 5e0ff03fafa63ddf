# Tests Euclid's algorithm, lcm, extended gcd and fraction reduction with negatives.
import math


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


def lcm(a, b):
    return abs(a * b) // gcd(a, b) if a and b else 0


def ext_gcd(a: int, b: int) -> tuple:
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y


def reduce_fraction(num, den):
    if den < 0:
        num, den = -num, -den
    g = gcd(num, den)
    return num // g, den // g


for a, b in [(48, 18), (17, 5), (0, 9), (-12, 8), (100, 75)]:
    print(f"gcd({a}, {b}) = {gcd(a, b)} (math: {math.gcd(a, b)}), lcm = {lcm(a, b)}")

g, x, y = ext_gcd(240, 46)
print("ext_gcd(240, 46):", g, x, y, "check:", 240 * x + 46 * y)

for frac in [(6, 8), (-10, 4), (9, -12), (0, 5)]:
    print(frac, "->", reduce_fraction(*frac))

nums = [12, 18, 30, 42]
acc = nums[0]
for n in nums[1:]:
    acc = lcm(acc, n)
print("lcm of", nums, "=", acc)
