# Tests: typing.Callable: functions as values, callbacks, returning closures, dispatch tables
from typing import Callable, Dict, List

Op = Callable[[float, float], float]


def apply_all(funcs: List[Callable[[int], int]], value: int) -> List[int]:
    return [f(value) for f in funcs]


def make_multiplier(k: int) -> Callable[[int], int]:
    def mul(x: int) -> int:
        return x * k
    return mul


def compose(f, g):
    return lambda x: f(g(x))


def make_counter() -> Callable[[], int]:
    count = 0

    def step() -> int:
        nonlocal count
        count += 1
        return count
    return step


OPS: Dict[str, Op] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}

double = make_multiplier(2)
triple = make_multiplier(3)
print(apply_all([double, triple, abs, lambda n: n - 1], -4))
inc_then_double = compose(double, lambda x: x + 1)
print(inc_then_double(5), compose(triple, double)(7))
for expr in ["3 + 4", "10 / 4", "6 * 7", "2 - 9"]:
    a, op, b = expr.split()
    print(expr, "=", OPS[op](float(a), float(b)))
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def retry(action: Callable[[], str], attempts: int) -> str:
    for i in range(attempts):
        result = action()
        if result != "fail":
            return f"{result} after {i + 1} tries"
    return "gave up"


outcomes = iter(["fail", "fail", "ok"])
print(retry(lambda: next(outcomes), 5))
print(retry(lambda: "fail", 2))
handlers: List[Callable[[str], str]] = [str.upper, str.title, lambda s: s[::-1]]
print([h("hello world") for h in handlers])
