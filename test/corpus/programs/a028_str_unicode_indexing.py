# Tests code-point based len/indexing/slicing on non-ASCII text (é, ß, CJK, emoji).
words = ["héllo", "straße", "naïve café", "日本語", "🐍 python", "a🎉b", "ü"]
for w in words:
    print(repr(w), len(w), w[0], w[-1], w[1:3], w[::-1])

s = "crème brûlée"
print(s.index("è"), s.find("û"), s.upper(), s.title(), s.count("e"), s.count("é"))
print([c for c in s if not c.isascii()])
print(s.split(" "), s.replace("è", "e"), s[6:], len(s.encode("utf-8")))


def initials(name: str) -> str:
    return "".join(part[0].upper() + "." for part in name.split())


print(initials("émile zola"), initials("ørjan ølberg"), initials("李 小龙"))


def pad_label(label, width):
    return label + "." * (width - len(label))


for label in ["Zürich", "Köln", "São Paulo", "Reykjavík"]:
    print(pad_label(label, 12), "|", label.center(13, "~"), "|", f"{label:>10}|")

emoji = "👍🏽"
print(len(emoji), [hex(ord(c)) for c in emoji], len("\u00e9"), len("e\u0301"))
print(sorted(["zebra", "Émile", "apple", "éclair", "Zoe"]))
print("é" < "f", "é" > "z", max("héllo"), min("héllo"))
