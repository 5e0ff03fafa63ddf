# Tests 2-D lists: building grids, transposing, neighbour counting (Game of Life step).
ROWS, COLS = 6, 6


def make_grid(rows: int, cols: int, fill=0) -> list:
    return [[fill for _ in range(cols)] for _ in range(rows)]


def show(grid):
    for row in grid:
        print("".join("#" if cell else "." for cell in row))


def neighbours(grid, r, c):
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            rr, cc = r + dr, c + dc
            if 0 <= rr < len(grid) and 0 <= cc < len(grid[0]):
                total += grid[rr][cc]
    return total


def step(grid: list) -> list:
    new = make_grid(len(grid), len(grid[0]))
    for r in range(len(grid)):
        for c in range(len(grid[0])):
            n = neighbours(grid, r, c)
            new[r][c] = 1 if n == 3 or (grid[r][c] and n == 2) else 0
    return new


g = make_grid(ROWS, COLS)
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
    g[r][c] = 1
for gen in range(3):
    print("gen", gen, "alive", sum(map(sum, g)))
    show(g)
    g = step(g)

m = [[1, 2, 3], [4, 5, 6]]
transposed = [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]
print(transposed, list(map(list, zip(*m))) == transposed)
print([sum(col) for col in zip(*m)], [max(row) for row in m])
