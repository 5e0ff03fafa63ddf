# Tests floor division and modulo with negative operands (rounding toward -inf).
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (-1, 5), (1, -5), (-10, 5)]

for a, b in pairs:
    q = a // b
    r = a % b
    print(a, "//", b, "=", q, "  ", a, "%", b, "=", r, "  check:", q * b + r == a)


def wrap_index(i: int, n: int) -> int:
    """Circular buffer index, works for negative offsets."""
    return i % n


size = 5
print([wrap_index(i, size) for i in range(-7, 8, 3)])


def hours_minutes(total_minutes):
    sign = "-" if total_minutes < 0 else ""
    h = abs(total_minutes) // 60
    m = abs(total_minutes) % 60
    return f"{sign}{h}:{m:02d}"


for minutes in [125, -125, 59, -1, 0, 1440]:
    print(minutes, "->", hours_minutes(minutes), "| naive:", minutes // 60, minutes % 60)

# day of week arithmetic going backwards
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
today = 2
for delta in (-1, -3, -9, 10):
    print(f"{delta:+d} days from {days[today]}: {days[(today + delta) % 7]}")
