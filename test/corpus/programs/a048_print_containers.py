# Tests printing lists, tuples, dicts, sets (sorted), empty containers, and str() of them.
print([], (), {}, set(), [[]], ((),), "", [""])
print([1, 2, 3], (1, 2, 3), (1,), (), [1.5, -2.0], ("a",))
print({"a": 1, "b": [1, 2]}, {1: None, 2: True}, {(1, 2): "pair"})
print(sorted({3, 1, 2}), set(), sorted({"pear", "apple"}), frozenset() == set())
print([None, True, False], [1, "1", 1.0], ["it's", 'say "x"'])

inventory = {"fruit": ["apple", "kiwi"], "veg": [], "counts": {"apple": 3, "kiwi": 0}}
print(inventory)
print(list(inventory.keys()), list(inventory.values())[0], list(inventory.items())[-1])
print(str([1, 2]) + "!", "items: " + str((1, "a")), len(str({"k": "v"})))

matrix = [[1, 2, 3], [4, 5, 6]]
print(matrix, matrix[0], matrix[1][::-1])
for row in matrix:
    print(row)


def summarize(data: dict) -> tuple:
    keys = sorted(data)
    return (len(keys), keys, {k: type(data[k]).__name__ for k in keys})


print(summarize({"b": 1, "a": "x", "c": [1]}))
print(list(range(3)), list("abc"), tuple("ab"), dict(a=1, b=2), list(zip("ab", [1, 2])))
print(list(enumerate(["x", "y"])), [(i, i * i) for i in range(3)], [[0] * 2] * 2)
