# Tests: @staticmethod helpers called via class and via instance
class MathUtils:
    @staticmethod
    def is_even(n: int) -> bool:
        return n % 2 == 0

    @staticmethod
    def clamp(value, low, high):
        if value < low:
            return low
        if value > high:
            return high
        return value

    @staticmethod
    def gcd(a: int, b: int) -> int:
        while b:
            a, b = b, a % b
        return abs(a)


class Temperature:
    def __init__(self, celsius: float):
        self.celsius = celsius

    @staticmethod
    def c_to_f(c: float) -> float:
        return c * 9 / 5 + 32

    def as_fahrenheit(self) -> float:
        return self.c_to_f(self.celsius)


print([n for n in range(10) if MathUtils.is_even(n)])
print(MathUtils.clamp(15, 0, 10), MathUtils.clamp(-3, 0, 10), MathUtils.clamp(5, 0, 10))
print(MathUtils.gcd(48, 18), MathUtils.gcd(-12, 8), MathUtils.gcd(7, 0))
u = MathUtils()
print(u.is_even(7), u.clamp(2.5, 1.0, 2.0))
for c in [-40, 0, 37.5, 100]:
    t = Temperature(c)
    print(f"{c} C = {t.as_fahrenheit()} F")
print(Temperature.c_to_f(20))
