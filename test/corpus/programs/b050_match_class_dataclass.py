# Tests: match with class patterns on dataclasses (positional and keyword), nested patterns
from dataclasses import dataclass
import math


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Circle:
    center: Point
    radius: float


@dataclass
class Rect:
    corner: Point
    width: float
    height: float


@dataclass
class Line:
    start: Point
    end: Point


def describe(shape) -> str:
    match shape:
        case Circle(Point(0, 0), r):
            return f"circle at origin r={r}"
        case Circle(center=c, radius=r) if r > 10:
            return f"big circle at ({c.x}, {c.y})"
        case Circle(_, r):
            return f"circle area {math.pi * r * r:.1f}"
        case Rect(width=w, height=h) if w == h:
            return f"square side {w}"
        case Rect(Point(x, y), w, h):
            return f"rect from ({x}, {y}) to ({x + w}, {y + h})"
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return f"vertical line x={x1}"
        case Line(start=s, end=e):
            return f"line length {math.dist((s.x, s.y), (e.x, e.y)):.3f}"
        case Point(x=0, y=0):
            return "the origin"
        case Point():
            return f"point {shape}"
        case _:
            return "unknown shape"


shapes = [
    Circle(Point(0, 0), 2),
    Circle(Point(1, 1), 11),
    Circle(Point(3, 4), 1.5),
    Rect(Point(0, 0), 5, 5),
    Rect(Point(1, 2), 3, 4),
    Line(Point(2, 0), Point(2, 9)),
    Line(Point(0, 0), Point(3, 4)),
    Point(0, 0),
    Point(7, -1),
    "triangle",
]
for s in shapes:
    print(describe(s))
