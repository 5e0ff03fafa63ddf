# Tests dict comprehensions: filtering, inverting, transforming values, from zip/enumerate.
prices = {"apple": 1.2, "bread": 2.5, "cheese": 7.0, "dates": 4.75, "eggs": 3.1}
print({k: v for k, v in prices.items() if v > 3})
print({k: round(v * 1.2, 2) for k, v in prices.items()})
print({k.upper(): len(k) for k in prices})

inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)

squares = {n: n ** 2 for n in range(-3, 4)}
print(squares)
print({n: ("even" if n % 2 == 0 else "odd") for n in range(5)})
letters = {ch: i for i, ch in enumerate("hello")}
print(letters)


def index_by(records: list, field: str) -> dict:
    return {r[field]: r for r in records}


users = [{"id": 7, "name": "ann"}, {"id": 3, "name": "bob"}, {"id": 9, "name": "cy"}]
by_id = index_by(users, "id")
print(sorted(by_id), by_id[3]["name"])
by_name = index_by(users, "name")
print(list(by_name))


def histogram(values):
    return {v: values.count(v) for v in sorted(set(values))}


print(histogram([3, 1, 2, 3, 3, 1]), histogram("banana"))
matrix = {(r, c): r * c for r in range(1, 4) for c in range(1, 4) if r <= c}
print(matrix)
print({word: {ch for ch in word} == set("ab") for word in ["ab", "abba", "abc"]})
