# Tests: generator functions with yield, next(), StopIteration, laziness and single pass
def countdown(n: int):
    print(f"  starting countdown from {n}")
    while n > 0:
        yield n
        n -= 1
    print("  countdown finished")


def evens(limit):
    for i in range(0, limit, 2):
        yield i


gen = countdown(3)
print("generator created")
print(next(gen))
print(next(gen))
print(list(gen))
print(list(gen))

try:
    next(gen)
except StopIteration:
    print("exhausted")

print(sum(evens(10)), list(evens(7)))
e = evens(6)
for x in e:
    print("first loop", x)
for x in e:
    print("never printed", x)
print(next(evens(100), "none"), next(iter([]), "default"))


def read_records(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()


config = ["# settings", "name = demo", "", "level=3", "  mode = fast  "]
print(dict(read_records(config)))
