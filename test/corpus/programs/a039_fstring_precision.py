# Tests float precision specs: {x:.2f}, {x:10.3f}, {x:.0f} rounding and string truncation.
import math

values = [math.pi, 2.5, 0.125, 1 / 3, 2.675, 1e6 + 0.5, -0.0004, 99.995]
for v in values:
    print(f"{v!r:>20} .0f={v:.0f} .1f={v:.1f} .2f={v:.2f} .3f={v:10.3f} f={v:f}")

print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {3.5:.0f} {-0.5:.0f}")
print(f"{'truncate me':.5} [{'abc':.10}] [{'abcdef':>8.3}]")


def fmt_money(amount: float) -> str:
    return f"${amount:,.2f}" if amount >= 0 else f"-${-amount:,.2f}"


for a in [0, 5, 1234.5, -987654.321, 1e9]:
    print(fmt_money(a))


def table(func, start, stop, step):
    x = start
    while x <= stop + 1e-9:
        print(f"{x:6.2f} {func(x):12.6f}")
        x += step


table(math.sqrt, 0.0, 2.0, 0.5)
p = 6
print(f"{math.e:.{p}f} {math.e:{p + 4}.{p - 3}f}|")
