# Tests functions as first-class values: dispatch tables, higher-order functions, map/sorted with functions.
def celsius_to_f(c: float) -> float:
    return c * 9 / 5 + 32


def f_to_celsius(f: float) -> float:
    return (f - 32) * 5 / 9


def kelvin(c):
    return c + 273.15


CONVERTERS = {"c2f": celsius_to_f, "f2c": f_to_celsius, "c2k": kelvin}

for name, fn in CONVERTERS.items():
    print(name, fn.__name__, [round(fn(v), 2) for v in (0, 37, 100)])


def apply_n(func, n: int, x):
    for _ in range(n):
        x = func(x)
    return x


def double(x):
    return x * 2


print(apply_n(double, 10, 1), apply_n(str.upper, 1, "abc"), apply_n(lambda s: s + "!", 3, "hey"))


def pipeline(*funcs):
    def run(value):
        for f in funcs:
            value = f(value)
        return value
    return run


clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print([clean(s) for s in ["  Hello World ", "PORTALIS Rocks", "x"]])

handlers = []


def register(func):
    handlers.append(func)
    return func


@register
def on_start(event):
    return f"start:{event}"


@register
def on_stop(event):
    return f"stop:{event}"


print([h("boot") for h in handlers], [h.__name__ for h in handlers])
print(sorted(["b", "C", "a"], key=str.lower), list(map(len, ["aa", "b", ""])), list(map(abs, [-1, 2, -3])))
print(max([3, -9, 4], key=abs), callable(double), callable(5), CONVERTERS.get("x", double)(4))
