# Tests printing deeply nested containers mixing lists, tuples, dicts, strings and floats.
config = {
    "name": "portalis",
    "version": (1, 2, 0),
    "targets": ["x86_64", "aarch64"],
    "features": {"simd": True, "threads": 4, "ratio": 0.75},
    "empty": {"list": [], "tuple": (), "dict": {}},
    "owner": None,
}
print(config)
print(config["features"], config["empty"])
for key, value in config.items():
    print(f"{key}: {value}")

tree = ("root", [("left", [("leaf1", []), ("leaf2", [])]), ("right", [])])
print(tree)


def depth(node) -> int:
    name, children = node
    return 1 + max((depth(c) for c in children), default=0)


def flatten(node, out=None):
    if out is None:
        out = []
    name, children = node
    out.append(name)
    for child in children:
        flatten(child, out)
    return out


print(depth(tree), flatten(tree))
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
records = [{"id": 1, "tags": ["a", "b's"]}, {"id": 2, "tags": []}, {"id": 3, "score": 9.5e-05}]
print(records)
print([records[0]["tags"], (records[2],), [[[1]], [[2, [3]]]]])
