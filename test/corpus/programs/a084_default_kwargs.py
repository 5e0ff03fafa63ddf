# Tests default arguments, keyword arguments, keyword-only params, and the mutable default trap.
def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return f"{greeting}, {name}{punct}"


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Dee", greeting="Bye"))


def make_range(stop, start=0, *, step=1, inclusive=False):
    end = stop + (1 if inclusive else 0) if step > 0 else stop - (1 if inclusive else 0)
    return list(range(start, end, step))


print(make_range(5), make_range(5, 2), make_range(10, step=3), make_range(10, step=3, inclusive=True))
print(make_range(0, 5, step=-1, inclusive=True))


def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket


def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(append_bad(1), append_bad(2), append_bad(3))
print(append_good(1), append_good(2), append_good(3, [0]))

RATE = 0.2


def price_with_tax(amount: float, rate: float = RATE, round_to: int = 2) -> float:
    return round(amount * (1 + rate), round_to)


RATE = 0.5
print(price_with_tax(100), price_with_tax(100, 0.07), price_with_tax(9.99, round_to=1))


def connect(host="localhost", port=8080, **options):
    extra = ", ".join(f"{k}={v}" for k, v in options.items())
    return f"{host}:{port}" + (f" [{extra}]" if extra else "")


print(connect(), connect(port=443, tls=True, retries=3), connect("db", 5432, user="admin"))
