# Tests truthiness of containers, strings, numbers, None in if/while/bool()/filter.
values = [0, 1, -1, 0.0, 0.5, "", " ", "0", "False", [], [0], (), (None,), {}, {"k": 0},
          set(), None, True, False]
for v in values:
    print(f"{v!r:>10} -> {bool(v)}", "truthy" if v else "falsy")

print(list(filter(None, values)))
print(sum(1 for v in values if not v), "falsy values")


def describe(collection) -> str:
    if not collection:
        return "empty"
    return f"{len(collection)} item(s)"


for c in [[], [1, 2], "", "abc", {}, {"a": 1}, (0,)]:
    print(repr(c), describe(c))

stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
print("stack empty:", not stack)

text = "  "
if text.strip():
    print("has content")
else:
    print("blank text")
count = 0
if count:
    print("nonzero")
elif count == 0:
    print("zero count")
name = None
if name is None:
    print("no name given")
print(bool([[]]), bool([[]][0]), bool(1 - 1), [] == False, not [] == True)
