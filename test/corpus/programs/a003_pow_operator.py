# Tests ** and pow(): integer powers, negative exponent gives float, three-arg pow.
print(2 ** 10, 3 ** 4, (-2) ** 3, -2 ** 2, (-2) ** 2)
print(2 ** -1, 10 ** -2, 4 ** 0.5, 2.0 ** 3)
print(pow(2, 8), pow(5, 0), pow(0, 0))
print(pow(3, 200, 13), pow(7, 123, 1000), pow(2, 62))


def power_table(base: int, upto: int) -> list:
    return [base ** e for e in range(upto + 1)]


print(power_table(2, 12))
print(power_table(-3, 6))


def fast_pow(b, e):
    result = 1
    while e > 0:
        if e & 1:
            result *= b
        b *= b
        e >>= 1
    return result


for b, e in [(3, 13), (5, 7), (10, 15), (-7, 5)]:
    assert fast_pow(b, e) == b ** e
    print(f"{b}^{e} = {fast_pow(b, e)}")

# right associativity of **
print(2 ** 3 ** 2, (2 ** 3) ** 2)
x = 5
x **= 3
print("x =", x, type(x).__name__, type(2 ** -2).__name__)
