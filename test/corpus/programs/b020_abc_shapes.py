# Tests: ABC with @abstractmethod, dynamic dispatch over a list of Shape instances
from abc import ABC, abstractmethod
import math


class Shape(ABC):
    @abstractmethod
    def area(self) -> float:
        ...

    @abstractmethod
    def perimeter(self) -> float:
        ...

    def describe(self) -> str:
        return f"{type(self).__name__} area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Circle(Shape):
    def __init__(self, r: float):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)


class Triangle(Shape):
    def __init__(self, a: float, b: float, c: float):
        self.a, self.b, self.c = a, b, c

    def area(self) -> float:
        s = self.perimeter() / 2
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))

    def perimeter(self) -> float:
        return self.a + self.b + self.c


shapes: list[Shape] = [Circle(1), Rect(3, 4), Square(2.5), Triangle(3, 4, 5), Circle(0.5)]
for s in shapes:
    print(s.describe())
total = sum(s.area() for s in shapes)
print(f"total area: {total:.3f}")
largest = max(shapes, key=lambda s: s.area())
print("largest:", type(largest).__name__)
print(sorted(type(s).__name__ for s in shapes if isinstance(s, Rect)))
try:
    Shape()
except TypeError:
    print("cannot instantiate abstract Shape")
print(Rect(2, 3).area(), Square(3).perimeter())
