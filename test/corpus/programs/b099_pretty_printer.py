# Tests: recursive pretty-printer for nested dict/list/tuple data with isinstance dispatch
def render(value, indent: int = 0) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = ["{"]
        for k, v in value.items():
            lines.append(f"{pad}  {k!r}: {render(v, indent + 1)},")
        lines.append(pad + "}")
        return "\n".join(lines)
    if isinstance(value, (list, tuple)):
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return open_ + ", ".join(render(v) for v in value) + close
        inner = [f"{pad}  {render(v, indent + 1)}," for v in value]
        return "\n".join([open_] + inner + [pad + close])
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "null"
    return str(value)


def count_leaves(value) -> int:
    if isinstance(value, dict):
        return sum(count_leaves(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return sum(count_leaves(v) for v in value)
    return 1


config = {
    "name": "demo",
    "version": (1, 4, 2),
    "debug": False,
    "ratio": 0.75,
    "servers": [
        {"host": "a.example", "ports": [80, 443], "tags": []},
        {"host": "b.example", "ports": [8080], "owner": None},
    ],
    "empty": {},
    "quote": "it's",
}
print(render(config))
print("leaves:", count_leaves(config))
print(render([1, [2, [3, "x"]], (True, None)]))
print(repr(config["servers"][1]))
