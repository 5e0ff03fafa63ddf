# Tests f-string conversions !r !s !a and self-documenting {x=} expressions.
name = "Zoë"
count = 3
ratio = 0.25
items = ["a", "b's"]
print(f"{name!r} {name!s} {name!a} {items!r} {count!r}")
print(f"{name=}")
print(f"{count=} {ratio=} {items=}")
print(f"{count * 2=}")
print(f"{ratio = }")
print(f"{name=!s} {ratio=:.1f} {count=:>4}")
print(f"{len(items)=} {name.upper()=} {None=} {True=}")


def debug_point(x: int, y: int) -> str:
    return f"Point({x=}, {y=})"


print(debug_point(3, -4))
data = {"k": [1, 2], "q": "it's"}
print(f"{data=}")
print(f"{data['q']!r:>10}|{data['k']!s:<10}|")
nested = (1, ("two", 3.0), [None])
print(f"{nested} {nested!r} {str(nested)=}")
label = "val"
value = 12.3456
print(f"{label}: {value:.2f} ({value!r})", f"{{literal braces}} {value:{'>'}10.1f}")
