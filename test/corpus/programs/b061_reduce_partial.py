# Tests: functools.reduce and functools.partial, operator module helpers
from functools import reduce, partial
import operator

nums = [3, 8, 1, 9, 4]
print(reduce(operator.add, nums))
print(reduce(lambda a, b: a * b, nums, 1))
print(reduce(lambda a, b: a if a > b else b, nums))
print(reduce(lambda acc, x: acc + [acc[-1] + x], nums, [0]))
print(reduce(operator.mul, [], 1))
digits = [4, 0, 7, 2]
print(reduce(lambda acc, d: acc * 10 + d, digits, 0))


def merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


print(reduce(merge, [{"a": 1}, {"b": 2, "a": 3}, {"c": 5, "b": 1}]))


def power(base: float, exponent: int) -> float:
    return base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(7), cube(3), two_to(10), two_to(-1))


def log(level, message, sep=": "):
    return f"[{level}]{sep}{message}"


warn = partial(log, "WARN")
err = partial(log, "ERROR", sep=" !! ")
print(warn("disk almost full"))
print(err("disk full"))
to_int_base2 = partial(int, base=2)
print([to_int_base2(s) for s in ["101", "1111", "0"]])
print(list(map(partial(operator.mul, 3), [1, 2, 3])))
print(sorted(["b", "C", "a"], key=str.lower), max([-5, 3, -7], key=abs))
