# Tests str.split (whitespace, explicit sep, maxsplit, rsplit) and str.join.
line = "  the quick   brown\tfox\njumps  "
print(line.split())
print(line.split(" "))
print("a,,b,".split(","), "".split(","), "".split())
print("k=v=w".split("=", 1), "k=v=w".rsplit("=", 1), "a b c d".split(None, 2))
print("one\ntwo\r\nthree\n".splitlines(), "x--y--z".split("--"))

csv = "name,age,city\nAda,36,London\nLinus,28,Helsinki\nGrace,45,New York"
rows = [r.split(",") for r in csv.split("\n")]
header, data = rows[0], rows[1:]
for row in data:
    print(" | ".join(f"{h}={v}" for h, v in zip(header, row)))


def normalize_spaces(text: str) -> str:
    return " ".join(text.split())


print(repr(normalize_spaces(line)))
print("-".join("abc"), "".join(["x", "y"]), ", ".join(str(n) for n in range(5)))

path = "/usr/local/lib/python3.11/site-packages"
parts = path.split("/")
print(parts, len(parts))
print("/".join(parts[:-1]), parts[-1].partition("-"), path.rpartition("/")[2])
