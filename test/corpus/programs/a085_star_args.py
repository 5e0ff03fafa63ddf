# Tests *args and **kwargs: variadic sums, forwarding, argument unpacking into calls.
def total(*numbers: int) -> int:
    result = 0
    for n in numbers:
        result += n
    return result


print(total(), total(5), total(1, 2, 3, 4), total(*range(10)))


def describe(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"


print(describe())
print(describe(1, "two", [3]))
print(describe(a=1, b="x"))
print(describe(1, 2, sep="-", end="."))


def log(level, *parts, sep=" "):
    print(f"[{level.upper()}]", sep.join(str(p) for p in parts))


log("info", "server", "started", "on port", 8080)
log("warn", "disk", "90%", sep=" | ")
log("debug")


def forward(func, *args, **kwargs):
    print("calling", func.__name__, "with", args, kwargs)
    return func(*args, **kwargs)


def power(base, exp=2):
    return base ** exp


print(forward(power, 3), forward(power, 2, exp=10), forward(total, 1, 2, 3))
point = (3, 4)
opts = {"exp": 3}
print(power(*point), power(2, **opts), max(*[4, 9, 2]), "{}-{}".format(*"ab"))


def first_and_rest(first, *rest):
    return first, list(rest)


print(first_and_rest(1), first_and_rest("a", "b", "c"))
