# Tests abs() and int() conversions from floats (truncation) and strings.
values = [3.7, -3.7, 3.5, -3.5, 0.9, -0.9, 1e10, -2.0]
for v in values:
    print(f"int({v}) = {int(v)}, abs = {abs(v)}")

print(abs(-42), abs(0), abs(17), abs(-0.0), abs(-2.5))

strings = ["42", "-17", "  8  ", "+5", "007", "1_000"]
for s in strings:
    print(repr(s), "->", int(s))

print(int("ff", 16), int("-101", 2), int("777", 8), int("z", 36))
print(int(True), int(False), int(-0.0))


def parse_or_default(text: str, default: int = 0) -> int:
    try:
        return int(text)
    except ValueError as e:
        print("  error:", e)
        return default


for t in ["12", "abc", "3.5", ""]:
    print("parsed", repr(t), "=", parse_or_default(t, -1))

total = sum(int(x) for x in "4 8 15 16 23 42".split())
print("total:", total, "mean:", total / 6, "truncated mean:", int(total / 6))
