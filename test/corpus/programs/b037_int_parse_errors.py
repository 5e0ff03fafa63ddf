# Tests: int()/float() ValueError messages for bad literals and parsing user data
def to_int(text: str) -> int:
    return int(text)


inputs = ["42", "-17", "  8 ", "abc", "3.14", "", "12a", "0x1f", "1_000"]
for text in inputs:
    try:
        print(f"{text!r} -> {to_int(text)}")
    except ValueError as e:
        print(f"{text!r} error: {e}")

for text in ["2.5", "1e3", "-0.0", "nan?", "inf"]:
    try:
        print(text, "->", float(text))
    except ValueError as e:
        print("float error:", e)

print(int("ff", 16), int("777", 8), int("-101", 2))
try:
    int("9", 8)
except ValueError as e:
    print(e)

rows = "alice,30\nbob,x\ncarol,25\ndave\n"
ages = {}
for lineno, line in enumerate(rows.splitlines(), 1):
    try:
        name, age = line.split(",")
        ages[name] = int(age)
    except ValueError as e:
        print(f"line {lineno}: {e}")
print(ages)
