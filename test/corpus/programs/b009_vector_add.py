# Tests: operator overloading (__add__, __sub__, __mul__, __neg__, __eq__, __abs__)
import math


class Vector:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def __add__(self, other: "Vector") -> "Vector":
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k: float) -> "Vector":
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self) -> float:
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def dot(self, other) -> float:
        return self.x * other.x + self.y * other.y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


a = Vector(1, 2)
b = Vector(3, -4)
print(a + b)
print(a - b)
print(a * 3, 2 * b)
print(-a)
print(abs(b))
print(a.dot(b))
print(a + b == Vector(4, -2))
print(a * 0.5)
total = Vector(0, 0)
for v in [a, b, Vector(10, 10), Vector(-1.5, 0.25)]:
    total = total + v
print(total)
path = [Vector(0, 0), Vector(3, 4), Vector(3, 0), Vector(0, 0)]
length = sum(abs(q - p) for p, q in zip(path, path[1:]))
print(f"path length {length:.2f}")
