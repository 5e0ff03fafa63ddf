# Tests: enum.Enum basics: members, .name/.value, iteration, lookup by value/name, auto
from enum import Enum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Status(Enum):
    PENDING = "pending"
    ACTIVE = "active"
    CLOSED = "closed"


class Direction(Enum):
    NORTH = auto()
    EAST = auto()
    SOUTH = auto()
    WEST = auto()

    def turn_right(self) -> "Direction":
        members = list(Direction)
        return members[(members.index(self) + 1) % len(members)]


print(Color.RED)
print(Color.RED.name, Color.RED.value)
print(repr(Color.GREEN))
print([c.name for c in Color])
print(Color(3), Color["GREEN"])
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1))
print(Status("active"), Status.CLOSED.value)
try:
    Status("deleted")
except ValueError as e:
    print("error:", e)

d = Direction.NORTH
path = []
for _ in range(5):
    path.append(d.name)
    d = d.turn_right()
print(" -> ".join(path))
print([m.value for m in Direction])

counts = {s: 0 for s in Status}
for s in ["pending", "active", "active", "closed", "active"]:
    counts[Status(s)] += 1
for status, n in counts.items():
    print(f"{status.name:<8}{n}")
print(len(Color), Color.BLUE in Color, isinstance(Color.BLUE, Color))
