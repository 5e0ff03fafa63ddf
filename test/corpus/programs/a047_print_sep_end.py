# Tests print() keyword arguments sep/end, empty print(), and printing many values.
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("2024", "01", "15", sep="-", end="!\n")
print()
print("no newline", end="")
print(" ... continued", end=" ")
print("|end")
print(1, 2.0, "three", None, True, [4], sep=" :: ")
print(*range(5))
print(*range(5), sep="")
print(*"hello", sep=".")
print("", end="")
print(end="")
print("after empty prints")
print("multi\nline", "value", sep="\n")


def show_row(*cells, width: int = 6) -> None:
    print(*(str(c).rjust(width) for c in cells), sep="|")


show_row("x", "x^2", "x^3")
for x in range(1, 5):
    show_row(x, x * x, x ** 3)

for i in range(3):
    print(i, end=", " if i < 2 else "\n")
words = ["alpha", "beta", "gamma"]
print(*words, sep="\n", end="\n---\n")
print("total", len(words), sep=": ")
print()
