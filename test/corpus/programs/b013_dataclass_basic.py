# Tests: dataclass printing, equality by fields, nested dataclasses in lists
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Person:
    name: str
    age: int
    email: str


p1 = Point(1, 2)
p2 = Point(1, 2)
p3 = Point(2, 1)
print(p1)
print(p1 == p2, p1 == p3, p1 is p2)
print([p1, p3])
p3.x = 10
print(p3)
print(repr(p1))
print(f"point is {p1}")

people = [
    Person("Ada", 36, "ada@example.com"),
    Person("Linus", 28, "linus@example.org"),
    Person("Grace", 45, "grace@example.net"),
]
for person in people:
    print(person)
oldest = max(people, key=lambda p: p.age)
print("oldest:", oldest.name)
print(sorted(p.name for p in people))
print(Person("Ada", 36, "ada@example.com") in people)
print({"who": people[1]})
people[1].age += 1
print(people[1].age, people[1])
print(Person("O'Brien", 50, "ob@x.io"))
