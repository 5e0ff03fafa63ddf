# Tests: math module functions and float formatting of their results
import math

print(math.sqrt(16), math.sqrt(2))
print(math.pi, math.e)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.floor(3.999), math.ceil(3.001))
print(math.gcd(84, 36), math.lcm(4, 6), math.factorial(10))
print(math.factorial(20))
print(math.isqrt(99), math.hypot(5, 12))
print(math.pow(2, 10), 2 ** 10, 2 ** 0.5)
print(math.log(math.e), math.log10(1000), math.log2(1024), math.log(8, 2))
print(round(math.sin(math.pi / 6), 10), round(math.cos(0), 3))
print(math.degrees(math.pi), math.radians(180))
print(math.fabs(-3), abs(-3), math.copysign(1, -0.0))
print(math.inf > 10 ** 300, -math.inf, math.isinf(math.inf), math.isnan(float("nan")))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, 0.1 + 0.2)
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10))


def distance(p, q) -> float:
    return math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)


def circle_stats(r: float) -> tuple:
    return round(math.pi * r * r, 4), round(2 * math.pi * r, 4)


print(distance((0, 0), (3, 4)), distance((1, 1), (2, 2)))
for r in [1, 2.5, 10]:
    area, circ = circle_stats(r)
    print(f"r={r}: area={area} circumference={circ}")
print(f"{math.pi:.3f} {math.e:10.4f} {math.sqrt(2):e} {1e6:g} {12345.678:,.1f}")
