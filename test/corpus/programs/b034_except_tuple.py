# Tests: `except (A, B) as e` catching several exception types in one handler
def convert(record: dict, key: str) -> float:
    raw = record[key]
    return 100 / float(raw)


records = [
    {"rate": "4"},
    {"rate": "zero"},
    {"speed": "10"},
    {"rate": "0"},
    {"rate": "-2.5"},
]
for i, rec in enumerate(records):
    try:
        print(i, convert(rec, "rate"))
    except (KeyError, ValueError) as e:
        print(i, "bad record:", type(e).__name__, e)
    except (ZeroDivisionError, OverflowError) as e:
        print(i, "math problem:", e)

def fetch(items, idx):
    try:
        return items[idx]
    except (IndexError, TypeError) as exc:
        return f"<{type(exc).__name__}>"

data = [10, 20, 30]
print(fetch(data, 1), fetch(data, 5), fetch(data, -1), fetch(data, "0"))

errors = (ValueError, ArithmeticError)
for text in ["8", "abc", "0"]:
    try:
        print(24 // int(text))
    except errors as e:
        print("handled", type(e).__name__ + ":", e)
