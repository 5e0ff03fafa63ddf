# Tests generator expressions and generator functions: laziness, single pass, sum/any/next.
nums = [3, 8, 1, 9, 4]
print(sum(n * n for n in nums), max(n % 5 for n in nums), any(n > 8 for n in nums))
print(", ".join(str(n) for n in sorted(nums)), list(n for n in nums if n % 2 == 0))

gen = (n * 10 for n in nums)
print(next(gen), next(gen))
print(list(gen))
print(list(gen))


def countdown(n: int):
    print("  start countdown")
    while n > 0:
        yield n
        n -= 1
    print("  done")


c = countdown(3)
print("created generator")
for value in c:
    print("got", value)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, iterable):
    out = []
    for item in iterable:
        if len(out) >= n:
            break
        out.append(item)
    return out


print(take(10, fib()))
print(next(x for x in fib() if x > 1000))
print(next((w for w in ["a", "bb"] if len(w) > 5), "none found"))


def read_records(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            yield key.strip(), value.strip()


config_lines = ["# comment", "name = demo", "", "  level=3 ", "empty="]
print(dict(read_records(config_lines)))
print(sum(1 for _ in read_records(config_lines)))
