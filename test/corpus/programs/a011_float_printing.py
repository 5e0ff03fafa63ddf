# Tests str/repr of floats: integral values get .0, shortest round-trip digits.
print(1.0, 100.0, -3.0, 0.5, 0.1 + 0.2, 1 / 3, 2 / 3)
print(0.1 * 3, 1.1 + 2.2, 3.3 * 3, 0.3 - 0.1)
print([1.0, 2.5, 0.1 + 0.2], (0.0, -0.0), {"pi": 3.14159})

vals = [10 / 4, 10 / 5, 7 / 2, 1e3, 123456.789, 1.5e10, 9999999999999998.0]
for v in vals:
    print(v, str(v), repr(v))

total = 0.0
for _ in range(10):
    total += 0.1
print("ten tenths:", total, total == 1.0)

prices = [19.99, 5.01, 0.1, 100.0]
s = sum(prices)
print("sum:", s, "rounded:", round(s, 2))


def average(xs: list) -> float:
    return sum(xs) / len(xs)


print(average([1, 2, 3, 4]), average([1, 2]), average([0.1, 0.2, 0.3]))
print(float(3), float("2.50"), float("-0"), float(" 1e3 "))
print(str(2.0) + "!", "x=" + str(0.25), f"{1.0}", f"{0.1 + 0.2}")
