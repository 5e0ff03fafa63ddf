# Tests float repr thresholds: exponent notation below 1e-4 and from 1e16 upward.
values = [1e15, 1e16, 1e20, 1.5e16, 123456789012345678.0, 1e-4, 1e-5, 0.00012, 0.000012,
          2.5e-07, 1e100, -1e-10, 6.02e23, 1.6e-19]
for v in values:
    print(v)

print([1e16, 1e-5, 9.99e15])

x = 1.0
for i in range(8):
    print(f"10^-{i} = {x}")
    x /= 10

y = 1.0
powers = []
while y < 1e22:
    powers.append(y)
    y *= 100
print(powers)


def scale(value: float, factor: float) -> float:
    return value * factor


print(scale(3.0, 1e17), scale(3.0, 1e-7), scale(-2.0, 5e15))
print(float("1e16") == 10 ** 16, str(1e16), str(10.0 ** 16))
