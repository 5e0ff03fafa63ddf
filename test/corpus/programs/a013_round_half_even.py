# Tests round() with no digits: banker's rounding (half to even) returning int.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, 7.0, -7.7]:
    r = round(v)
    print(f"round({v}) = {r}", type(r).__name__)

print(round(5), round(-3), round(True))

halves = [n + 0.5 for n in range(-4, 5)]
print(halves)
print([round(h) for h in halves])


def round_half_up(x: float) -> int:
    import math
    return math.floor(x + 0.5)


print([round_half_up(h) for h in halves])

grades = [89.5, 90.5, 79.5, 70.49, 64.5]
for g in grades:
    print(g, "->", round(g), "letter:", "A" if round(g) >= 90 else "B" if round(g) >= 80 else "C")

print(sum(round(x / 2) for x in range(10)))
