# Tests round(x, n) on binary floats (2.675 -> 2.67) and negative ndigits.
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1), round(2.5, 0))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(round(15, -1), round(25, -1), round(-25, -1), type(round(15, -1)).__name__)


def mean_std(data):
    n = len(data)
    mean = sum(data) / n
    var = sum((x - mean) ** 2 for x in data) / n
    return round(mean, 3), round(var ** 0.5, 3)


samples = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]
print(mean_std(samples))
print(mean_std([1.1, 2.2, 3.3]))


def to_percent(part: int, whole: int, places: int = 1) -> float:
    return round(100 * part / whole, places)


for part in (1, 2, 3):
    print(part, "/ 7 =", to_percent(part, 7), to_percent(part, 7, 3), to_percent(part, 7, 0))

celsius = [-40, 0, 36.6, 100]
print([round(c * 9 / 5 + 32, 1) for c in celsius])
