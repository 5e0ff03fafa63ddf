# Tests repr() of strings: quote choice, escapes, and reprs inside containers.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
           "back\\slash", "", " ", "bell\x07", "é and ü", "\x00end", "\r"]
for s in samples:
    print(repr(s))

print(samples[:4])
print({"key's": "value", 'q"': ("x",)})
print(("single",), ("a", "b"), [["nested 'q'"]])


def describe(value):
    return f"{type(value).__name__}: {value!r}"


for v in ["42", 42, 4.2, None, True, ["x"], ("y", 1)]:
    print(describe(v))

name = "O'Brien"
print("name:", name, "| repr:", repr(name), "| str(list):", str([name]))
print(str("x"), repr("x"), repr(repr("x")), len(repr("a'b")))
print(f"{'quoted'!r:>12}|{'x'!s}|{name!r}")
