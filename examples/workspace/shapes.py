"""Geometry with dataclasses and floats."""
from dataclasses import dataclass
import math


@dataclass
class Point:
    x: float
    y: float

    def distance(self, other: "Point") -> float:
        return math.sqrt((self.x - other.x) ** 2 + (self.y - other.y) ** 2)


def area(w: float, h: float) -> float:
    return w * h


points = [Point(0.0, 0.0), Point(3.0, 4.0), Point(-1.5, 2.0)]
for p in points:
    print(p, round(p.distance(points[0]), 3))
print("area:", area(2, 3.5))
print("total x:", sum(p.x for p in points))
