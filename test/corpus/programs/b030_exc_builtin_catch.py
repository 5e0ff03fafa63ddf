# Tests: raising and catching builtin exceptions; their str() messages
def risky(kind: str):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        return {"a": 1}["missing"]
    if kind == "index":
        return [1, 2, 3][10]
    if kind == "zero":
        return 10 // 0
    if kind == "fzero":
        return 1.5 / 0
    if kind == "mod":
        return 7 % 0
    if kind == "type":
        return "a" + 1
    return "fine"


for kind in ["value", "key", "index", "zero", "fzero", "mod", "ok"]:
    try:
        result = risky(kind)
        print(kind, "->", result)
    except ValueError as e:
        print(kind, "ValueError:", e)
    except KeyError as e:
        print(kind, "KeyError:", e)
    except IndexError as e:
        print(kind, "IndexError:", e)
    except ZeroDivisionError as e:
        print(kind, "ZeroDivisionError:", e)

try:
    risky("type")
except TypeError:
    print("type error caught")

try:
    raise KeyError("user_id")
except LookupError as e:
    print("lookup failed:", e, type(e).__name__)

try:
    [].pop()
except IndexError as e:
    print("pop:", e)

try:
    {}.pop("x")
except KeyError as e:
    print("dict pop:", e)
