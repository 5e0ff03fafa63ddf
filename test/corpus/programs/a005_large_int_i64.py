# Tests integer values beyond 32 bits but within i64: big products, sums and prints.
BIG = 2 ** 40
print(BIG, BIG * 1000, BIG // 3, BIG % 1000003)

population = 8_000_000_000
print("population:", population, f"{population:,}")

def factorial(n: int) -> int:
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

for n in (12, 13, 15, 20):
    print(f"{n}! = {factorial(n)}")

ms_per_year = 365 * 24 * 60 * 60 * 1000
print("ms per year:", ms_per_year, "ms in 100 years:", ms_per_year * 100)

# 32-bit FNV-1a hash; the intermediate product needs more than 32 bits
def fnv1a(text):
    h = 2166136261
    for ch in text:
        h ^= ord(ch)
        h = (h * 16777619) & 0xFFFFFFFF
    return h

for word in ["", "a", "hello", "portalis"]:
    print(repr(word), fnv1a(word))

print(-(2 ** 62), 2 ** 62 - 1 + 2 ** 62, 9_223_372_036_854_775_807)
print(max(2 ** 33, 3 ** 21), min(-(2 ** 35), -(5 ** 15)))
