# Tests: collections.namedtuple and typing.NamedTuple: fields, unpacking, _replace, _asdict
from collections import namedtuple
from typing import NamedTuple

Point = namedtuple("Point", ["x", "y"])
Color = namedtuple("Color", "red green blue")


class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 40000


p = Point(3, 4)
print(p, p.x, p[1])
x, y = p
print(x + y, p == (3, 4), len(p))
p2 = p._replace(y=10)
print(p2, p)
print(p._asdict())
print(Point._fields, Color(255, 128, 0))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))

staff = [
    Employee("ann", "eng", 90000),
    Employee("bob", "ops"),
    Employee("cid", "eng", 85000),
]
for e in staff:
    print(f"{e.name:<5}{e.dept:<5}{e.salary:>7}")
print(staff[1])
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.salary)
print({d: sum(v) for d, v in by_dept.items()})
richest = max(staff, key=lambda e: e.salary)
print(richest.name, tuple(richest))
try:
    p.x = 5
except AttributeError:
    print("namedtuple is immutable")
