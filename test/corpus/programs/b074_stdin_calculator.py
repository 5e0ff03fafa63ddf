# Tests: input() in a loop until EOFError, parsing simple "a op b" expressions per line
def calculate(a: float, op: str, b: float) -> float:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "//":
        return a // b
    if op == "%":
        return a % b
    raise ValueError(f"unknown operator {op}")


def fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


results = []
lineno = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    lineno += 1
    if not line.strip():
        continue
    try:
        left, op, right = line.split()
        value = calculate(float(left), op, float(right))
        results.append(value)
        print(f"{lineno}: {line} = {fmt(value)}")
    except ZeroDivisionError:
        print(f"{lineno}: {line} -> division by zero")
    except ValueError as e:
        print(f"{lineno}: {line!r} -> error: {e}")
print(f"{len(results)} results, sum = {fmt(sum(results))}")
