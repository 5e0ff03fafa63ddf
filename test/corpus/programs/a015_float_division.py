# Tests true division always producing floats, mixed int/float arithmetic and ZeroDivisionError.
print(6 / 2, 7 / 2, -7 / 2, 1 / 8, 10 / 3)
print(type(6 / 2).__name__, type(6 // 2).__name__, type(6.0 // 2).__name__)
print(3 * 1.0, 2 + 0.5, 10 - 0.25, 4 * 2.5)


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "error: " + str(e)


print(safe_div(1, 0), safe_div(1.0, 0), safe_div(0, 5))
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("caught:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("caught:", e)


def ratios(values: list) -> list:
    total = sum(values)
    return [v / total for v in values]


r = ratios([1, 1, 2])
print(r, sum(r))
print(ratios([3, 3, 3, 3]))

speed = 150 / 2.5
print("speed:", speed, "km/h; minutes per km:", 60 / speed)
print(1 / 3 + 1 / 3 + 1 / 3 == 1.0, 0.1 + 0.2 == 0.3)
