# Tests: functions that raise and callers that catch at different levels; error summaries
class ParseError(Exception):
    def __init__(self, line: int, msg: str):
        super().__init__(f"line {line}: {msg}")
        self.line = line


def parse_line(num: int, line: str) -> tuple:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) != 3:
        raise ParseError(num, f"expected 3 fields, got {len(parts)}")
    name, qty, price = parts
    try:
        return name, int(qty), float(price)
    except ValueError as e:
        raise ParseError(num, str(e)) from e


def parse_all(text: str):
    good, bad = [], []
    for num, line in enumerate(text.strip().splitlines(), start=1):
        try:
            good.append(parse_line(num, line))
        except ParseError as e:
            bad.append(e)
    return good, bad


DATA = """
widget | 4 | 2.50
gizmo | two | 9.99
bolt | 100 | 0.05
broken line
nut | 10 | cheap
gear | 3 | 12
"""

good, bad = parse_all(DATA)
for name, qty, price in good:
    print(f"{name:<8}{qty:>5}{price:>8.2f}{qty * price:>9.2f}")
print("errors:")
for e in bad:
    print(" ", e)
print("bad lines:", [e.line for e in bad])
total = sum(q * p for _, q, p in good)
print(f"total {total:.2f}")
