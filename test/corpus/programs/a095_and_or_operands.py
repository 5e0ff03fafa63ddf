# Tests that and/or return operands (not bools), short-circuit evaluation, and default idioms.
print(3 and 5, 0 and 5, 3 or 5, 0 or 5, "" or "default", "x" and "y", None or 0)
print([] or [1], [0] or [1], {} and "never", 0.0 or -1, "a" or "b" or "c", "" and None)
print(None or "" or 0 or "last", 1 and 2 and 3, 1 and 0 and 3, not (1 and 0))


def noisy(label: str, value):
    print(f"  evaluating {label}")
    return value


print("result:", noisy("A", 0) and noisy("B", 1))
print("result:", noisy("A", 1) or noisy("B", 1))
print("result:", noisy("A", 1) and noisy("B", "") or noisy("C", "fallback"))


def greet(name=None):
    name = name or "stranger"
    return "Hello, " + name


print(greet(), greet(""), greet("Ann"))


def safe_ratio(a, b):
    return b and a / b


print(safe_ratio(1, 4), safe_ratio(1, 0), safe_ratio(0, 5))
config = {"timeout": 0, "retries": None, "name": "svc"}
timeout = config.get("timeout") or 30
retries = config.get("retries") or 3
print(timeout, retries, config.get("name") or "unnamed", config.get("missing") or [])
items = []
first = items and items[0]
print(repr(first), (items or ["empty"])[0])
x = 7
print(x > 5 and "big" or "small", x < 5 and "big" or "small", type(0 or 0.0).__name__)
