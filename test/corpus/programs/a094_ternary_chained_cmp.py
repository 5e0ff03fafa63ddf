# Tests conditional expressions (nested too) and chained comparisons like a < b < c and a == b == c.
def classify(n: int) -> str:
    return "negative" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "large"


print([classify(n) for n in [-5, 0, 3, 10, 1000]])


def bmi_category(bmi):
    return ("underweight" if bmi < 18.5 else
            "normal" if 18.5 <= bmi < 25 else
            "overweight" if 25 <= bmi < 30 else "obese")


for bmi in [17.0, 18.5, 24.9, 25.0, 31.2]:
    print(bmi, bmi_category(bmi))

x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 0 <= x <= 4, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)
a, b, c = 3, 3, 3
print(a == b == c, a < b <= c, a != b != c, "a" < "b" < "c", [1] < [2] < [2, 0])


def calls(label, value):
    print("  eval", label)
    return value


print(calls("left", 1) < calls("mid", 0) < calls("right", 5))
print(calls("left", 1) < calls("mid", 2) < calls("right", 5))


def in_range(v: float, lo: float = 0.0, hi: float = 1.0) -> bool:
    return lo <= v <= hi


print([in_range(v) for v in [-0.1, 0.0, 0.5, 1.0, 1.01]])
n = 7
parity = "even" if n % 2 == 0 else "odd"
sign = -1 if n < 0 else (0 if n == 0 else 1)
print(parity, sign, "many" if n > 5 else "few", (n if n > 10 else -n) * 2)
label = f"{n} item{'s' if n != 1 else ''}"
print(label, f"{1} item{'s' if 1 != 1 else ''}")
