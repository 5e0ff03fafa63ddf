# Tests: @property getters, a setter with validation, computed properties
class Temperature:
    def __init__(self, celsius: float = 0.0):
        self._celsius = celsius

    @property
    def celsius(self) -> float:
        return self._celsius

    @celsius.setter
    def celsius(self, value: float) -> None:
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    @property
    def area(self) -> int:
        return self.width * self.height

    @property
    def is_square(self):
        return self.width == self.height


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
t.celsius = -40.0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
print("still", t.celsius)

r = Rectangle(3, 4)
print(r.area, r.is_square)
r.width = 4
print(r.area, r.is_square)
shapes = [Rectangle(w, h) for w, h in [(1, 2), (5, 5), (2, 10)]]
print(sorted(s.area for s in shapes))
print([s.is_square for s in shapes])
