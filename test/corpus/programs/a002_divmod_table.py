# Tests divmod with positive and negative operands and its use for unit conversion.
def to_hms(seconds: int) -> tuple:
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, secs


for s in [0, 59, 60, 3599, 3600, 86399, 90061]:
    h, m, sec = to_hms(s)
    print(f"{s:>6} s = {h:02d}:{m:02d}:{sec:02d}")

print("divmod table:")
for a in (17, -17):
    for b in (5, -5):
        print(" divmod(%d, %d) = %s" % (a, b, divmod(a, b)))

print(divmod(-7, 2), divmod(7, -2), divmod(0, -3))


def digits(n):
    out = []
    while n > 0:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]


print(digits(90210), digits(0), digits(7))

cents = 123456
dollars, rem = divmod(cents, 100)
print(f"${dollars:,}.{rem:02d}")
