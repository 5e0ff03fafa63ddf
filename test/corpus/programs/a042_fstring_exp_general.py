# Tests exponent and general float formats: {x:e}, {x:.2e}, {x:E}, {x:g}, {x:.3g}.
values = [0.0, 1.0, 1e6, 123456.789, 0.000123, 1e-10, 6.02214076e23, -1234.5, 100.0, 1e16]
for v in values:
    print(f"{v!r:>16} e={v:e} .2e={v:.2e} E={v:.1E} g={v:g} .3g={v:.3g} 10g=[{v:10g}]")

print(f"{1e5:g} {1e6:g} {1e-4:g} {1e-5:g} {123456789:g} {0.1 + 0.2:g}")
print(f"{12345:e} {7:.0e} {2.5:.0e} {3.5:.0e}")


def sci(x: float, digits: int = 3) -> str:
    mantissa, exp = f"{x:.{digits}e}".split("e")
    return f"{mantissa} x 10^{int(exp)}"


for c in [299792458.0, 6.674e-11, 1.602176634e-19, 9.81]:
    print(sci(c), "|", sci(c, 1))

measurements = [0.00045, 12.5, 3300.0, 45000000.0]
for m in measurements:
    print(f"{m:<12g}{m:>14.4g}{m:>14.2e}")
print(format(1234.5, "e"), format(0.5, "g"), format(1e20, ".2g"), str(1e20))
