# Tests: `yield from` delegation: flattening nested lists, tree walks, chained sources
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def walk(tree: dict, prefix: str = ""):
    for name, child in tree.items():
        path = f"{prefix}/{name}"
        yield path
        if isinstance(child, dict):
            yield from walk(child, path)


def concat(*sources):
    for s in sources:
        yield from s


def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    result = yield from inner()
    print("inner returned:", result)
    yield 3


print(list(flatten([1, [2, [3, [4, 5]], 6], [], [[7]]])))
print(sum(flatten([[1, 2], [3, [4]], 5])))
fs = {"etc": {"hosts": None, "nginx": {"nginx.conf": None}}, "home": {"ann": {}}, "tmp": None}
for p in walk(fs):
    print(p)
print(list(concat("ab", [1, 2], range(3, 5), (x * 10 for x in range(2)))))
print(list(outer()))
