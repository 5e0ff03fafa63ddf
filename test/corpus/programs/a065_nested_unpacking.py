# Tests nested tuple unpacking in assignments, for loops, comprehensions and function results.
record = ("Ada", (1815, 12, 10), ["math", "computing"])
name, (year, month, day), (first_field, second_field) = record
print(name, year, month, day, first_field, second_field)

edges = [(("a", "b"), 3), (("b", "c"), 1), (("a", "c"), 5)]
for (src, dst), weight in edges:
    print(f"{src} -> {dst} [{weight}]")
print(sorted(edges, key=lambda e: e[1]))
print({src + dst: w for (src, dst), w in edges})

people = [("Ann", ("Oslo", "NO")), ("Raj", ("Pune", "IN")), ("Li", ("Xi'an", "CN"))]
for i, (person, (city, country)) in enumerate(people, 1):
    print(i, person, city, country)


def bounding_box(points: list) -> tuple:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys)), (max(xs), max(ys))


(x0, y0), (x1, y1) = bounding_box([(1, 5), (-2, 3), (4, -1), (0, 0)])
print(x0, y0, x1, y1, "area:", (x1 - x0) * (y1 - y0))

matrix = [[1, 2], [3, 4]]
[[a, b], [c, d]] = matrix
print("det:", a * d - b * c)
pairs = list(zip(["a", "b"], zip([1, 2], [True, False])))
print(pairs)
for letter, (num, flag) in pairs:
    print(letter, num, flag)
