# Tests find/rfind/index, startswith/endswith (with tuples) and substring searching.
s = "mississippi"
print(s.find("ss"), s.find("ss", 3), s.rfind("ss"), s.find("x"), s.index("pp"))
print(s.find("i", 5, 9), s.rfind("i", 0, 5), s.count("ss"), s.count("i"))

try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)


def find_all(haystack: str, needle: str) -> list:
    positions = []
    start = haystack.find(needle)
    while start != -1:
        positions.append(start)
        start = haystack.find(needle, start + 1)
    return positions


print(find_all(s, "i"), find_all(s, "issi"), find_all("aaaa", "aa"))

files = ["main.py", "lib.rs", "README.md", "test_main.py", "setup.cfg", "notes.txt"]
print([f for f in files if f.endswith(".py")])
print([f for f in files if f.endswith((".rs", ".md"))])
print([f for f in files if f.startswith("test_")])
print("Hello".startswith("he"), "Hello".lower().startswith("he"), "abc".startswith(""))


def extract_between(text, left, right):
    i = text.find(left)
    if i < 0:
        return None
    j = text.find(right, i + len(left))
    if j < 0:
        return None
    return text[i + len(left):j]


print(extract_between("value=<42>;", "<", ">"), extract_between("none here", "<", ">"))
print(extract_between("[[a]] and [[b]]", "[[", "]]"), "sip" in s, s.startswith("miss", 0))
