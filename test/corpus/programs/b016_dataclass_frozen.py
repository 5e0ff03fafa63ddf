# Tests: @dataclass(frozen=True): immutability error, hashing as dict keys/set members
from dataclasses import dataclass, FrozenInstanceError, replace


@dataclass(frozen=True)
class Coord:
    row: int
    col: int

    def neighbors(self) -> list["Coord"]:
        return [Coord(self.row + dr, self.col + dc) for dr, dc in [(-1, 0), (1, 0), (0, -1), (0, 1)]]


c = Coord(2, 3)
print(c)
try:
    c.row = 5
except FrozenInstanceError as e:
    print("cannot modify:", e)
print(c)

moved = replace(c, col=4)
print(moved, c)

visited = {Coord(0, 0), Coord(0, 1), Coord(0, 0)}
print(len(visited))
print(sorted(visited, key=lambda k: (k.row, k.col)))

costs = {Coord(0, 0): 1, Coord(1, 1): 5}
costs[Coord(0, 0)] += 10
print(costs)
print(Coord(1, 1) in costs, Coord(2, 2) in costs)
print(c.neighbors())
seen = set()
frontier = [Coord(0, 0)]
for _ in range(2):
    nxt = []
    for cell in frontier:
        for n in cell.neighbors():
            if n not in seen:
                seen.add(n)
                nxt.append(n)
    frontier = nxt
print(len(seen))
print(sorted((k.row, k.col) for k in seen)[:5])
