# Tests float // and % with negatives, math.fmod vs %, and divmod on floats.
import math

for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (1.0, 0.3)]:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, fmod = {math.fmod(a, b)}")

print(divmod(7.5, 2), divmod(-7.5, 2), divmod(10, 2.5))


def normalize_angle(deg: float) -> float:
    return deg % 360.0


for angle in [370.0, -30.0, 720.5, -725.25, 0.0]:
    print(angle, "->", normalize_angle(angle))


def split_time(hours):
    whole = hours // 1
    frac = hours % 1
    return int(whole), round(frac * 60)


for h in [1.5, 2.25, -1.5, 0.75]:
    print(h, split_time(h))

print(-0.0 % 5, 3.0 % -1.5, -3.5 // 1, 3.5 // -1)
