# Tests: isinstance checks on builtins and classes to dispatch behaviour
class Expr:
    pass


class Num(Expr):
    def __init__(self, value):
        self.value = value


class Add(Expr):
    def __init__(self, left: Expr, right: Expr):
        self.left = left
        self.right = right


class Mul(Expr):
    def __init__(self, left, right):
        self.left = left
        self.right = right


def evaluate(e: Expr) -> int:
    if isinstance(e, Num):
        return e.value
    if isinstance(e, Add):
        return evaluate(e.left) + evaluate(e.right)
    if isinstance(e, Mul):
        return evaluate(e.left) * evaluate(e.right)
    raise TypeError("unknown node")


def show(e) -> str:
    if isinstance(e, Num):
        return str(e.value)
    op = "+" if isinstance(e, Add) else "*"
    return f"({show(e.left)} {op} {show(e.right)})"


def describe(value) -> str:
    if isinstance(value, bool):
        return f"bool {value}"
    if isinstance(value, int):
        return f"int {value}"
    if isinstance(value, float):
        return f"float {value}"
    if isinstance(value, str):
        return f"str of length {len(value)}"
    if isinstance(value, (list, tuple)):
        return f"sequence of {len(value)}"
    if value is None:
        return "nothing"
    return "other"


tree = Add(Num(2), Mul(Num(3), Add(Num(4), Num(-1))))
print(show(tree), "=", evaluate(tree))
print(isinstance(tree, Expr), isinstance(tree, Mul))
for v in [True, 42, 3.5, "hello", [1, 2], (1,), None, {"a": 1}]:
    print(describe(v))
try:
    evaluate(Expr())
except TypeError as e:
    print("error:", e)
