# Tests list comprehensions with conditions, conditional expressions, and function calls.
nums = list(range(-5, 11))
print([n * n for n in nums if n % 3 == 0])
print([n if n >= 0 else 0 for n in nums])
print([abs(n) for n in nums if n < 0])
print(["fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else str(n)
       for n in range(1, 16)])

words = ["  Hello ", "WORLD", " py ", "", "  "]
print([w.strip().lower() for w in words if w.strip()])


def primes_below(n: int) -> list:
    return [p for p in range(2, n) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


print(primes_below(50))
temps_c = [-10, 0, 21.5, 37, 100]
print([round(c * 9 / 5 + 32, 1) for c in temps_c])
print([(c, "hot" if c > 30 else "cold" if c < 5 else "mild") for c in temps_c])

text = "the rain in spain stays mainly in the plain"
print([w for w in text.split() if "ain" in w])
print([len(w) for w in text.split()])
print([i for i, ch in enumerate(text) if ch == "a"])


def clamp_all(values, lo, hi):
    return [min(max(v, lo), hi) for v in values]


print(clamp_all([-3, 5, 12, 7, 0], 0, 10))
x = 10
doubled = [x * 2 for x in range(3)]
print(doubled, x)
