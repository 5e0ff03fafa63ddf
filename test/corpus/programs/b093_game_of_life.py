# Tests: Conway's game of life for a few generations on a small wrapping grid
from typing import List

Grid = List[List[int]]


def parse(rows: List[str]) -> Grid:
    return [[1 if ch == "#" else 0 for ch in row] for row in rows]


def neighbors(grid: Grid, r: int, c: int) -> int:
    h, w = len(grid), len(grid[0])
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            total += grid[(r + dr) % h][(c + dc) % w]
    return total


def step(grid: Grid) -> Grid:
    new = []
    for r, row in enumerate(grid):
        new_row = []
        for c, alive in enumerate(row):
            n = neighbors(grid, r, c)
            new_row.append(1 if n == 3 or (alive and n == 2) else 0)
        new.append(new_row)
    return new


def show(grid: Grid, gen: int) -> None:
    print(f"generation {gen}: population {sum(map(sum, grid))}")
    for row in grid:
        print("".join("#" if x else "." for x in row))


grid = parse([
    ".#......",
    "..#.....",
    "###.....",
    "........",
    ".....##.",
    ".....##.",
])
for gen in range(5):
    show(grid, gen)
    grid = step(grid)
blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
after2 = step(step(blinker))
print(after2 == blinker, step(blinker) == blinker)
