# Tests printing None, True/False, functions returning None implicitly, and str() of them.
def greet(name):
    print("hello,", name)


result = greet("world")
print(result, result is None, type(result).__name__)
print(None, True, False, [None], (True, False), {None: False})
print(str(None) + "!", str(True).upper(), repr(False), f"{None} {True}")
print(not None, not 0, not "", not [], not "x", bool(None), bool([0]))


def find(items: list, target) -> int | None:
    for i, item in enumerate(items):
        if item == target:
            return i
    return None


for t in ["b", "z"]:
    idx = find(["a", "b", "c"], t)
    print(t, idx, "found" if idx is not None else "missing")

flags = {"debug": True, "verbose": False, "log": None}
for key, value in flags.items():
    state = "on" if value else ("unset" if value is None else "off")
    print(f"{key:8}{value!s:>6} {state}")

print(True and None, None or False, False or None, 0 or None, [] or {} or None)
print(max(True, False), min([True, False, True]), sum([True, True, None is None]))
print(None == None, None is not False, True == 1.0, False != 0)
