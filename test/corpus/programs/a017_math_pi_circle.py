# Tests math.pi, math.e and trig/log functions with formatted and raw float output.
import math

print(math.pi, math.e, math.tau)
print(f"{math.pi:.2f} {math.pi:.5f} {math.e:.3f}")


def circle_area(r: float) -> float:
    return math.pi * r ** 2


def circumference(r):
    return 2 * math.pi * r


for r in [1, 2.5, 10]:
    print(f"r={r}: area={circle_area(r):.3f} circ={circumference(r):.3f}")

print(round(math.sin(math.pi / 6), 10), round(math.cos(math.pi), 10), math.sin(0.0))
print(math.degrees(math.pi), math.radians(180) == math.pi)
print(math.log(math.e), math.log10(1000), math.log2(1024), math.exp(0))
print(math.log(8, 2), round(math.atan2(1, 1) * 4, 12))

# approximate pi with the Leibniz series
approx = 0.0
for k in range(100000):
    approx += (-1) ** k / (2 * k + 1)
approx *= 4
print(f"leibniz: {approx:.6f} error: {abs(math.pi - approx):.2e}")
print(math.isclose(approx, math.pi, rel_tol=1e-4))
