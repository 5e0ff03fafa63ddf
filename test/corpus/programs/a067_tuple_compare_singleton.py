# Tests tuple comparison (lexicographic, length tiebreak), 1-tuples, tuples as dict keys.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2), () < (0,))
print(("a", 2) < ("b", 1), ("a", 2) < ("a", 10), (1, "z") > (1, "a"), max((1, 5), (1, 7), (0, 9)))

one = (5,)
not_tuple = (5)
print(one, not_tuple, type(one).__name__, type(not_tuple).__name__, len(one))
print((1,) + (2,), ("x",) * 3, [("a",), ("b", "c")], tuple(), (None,))

versions = [(3, 11, 2), (3, 9, 18), (2, 7, 18), (3, 11, 0), (3, 12)]
print(sorted(versions))
print(max(versions), min(versions), (3, 10) <= (3, 10, 0))


def newer(a: tuple, b: tuple) -> tuple:
    return a if a >= b else b


print(newer((1, 0), (0, 99)), newer((2,), (2, 0)))

grid_values = {}
for r in range(2):
    for c in range(3):
        grid_values[(r, c)] = r * 10 + c
print(grid_values)
print(grid_values[(1, 2)], (0, 1) in grid_values, (5, 5) in grid_values)
deadlines = [("2024-03-01", "tax"), ("2023-12-31", "report"), ("2024-03-01", "audit")]
for date, task in sorted(deadlines):
    print(date, task)
