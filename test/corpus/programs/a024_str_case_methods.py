# Tests upper/lower/title/capitalize/swapcase/casefold including non-ASCII letters.
words = ["hello", "WORLD", "pYtHoN", "o'neil", "rust-lang", "élan", "straße", "123abc"]
for w in words:
    print(f"{w:10} {w.upper():10} {w.lower():10} {w.title():10} {w.capitalize():10} {w.swapcase()}")

print("they're bill's friends".title())
print("ß".upper(), len("ß".upper()), "ΣΑΣ".lower(), "Straße".casefold())
print("ÉCOLE".lower(), "über".upper(), "ñandú señor".title(), "ÇA".swapcase())


def is_shouting(msg: str) -> bool:
    letters = [c for c in msg if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


for msg in ["STOP!", "Stop!", "123", "OK 200"]:
    print(repr(msg), is_shouting(msg))


def camel_to_snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def snake_to_camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(p.capitalize() for p in rest)


for n in ["parseHttpRequest", "userId", "X"]:
    print(n, "->", camel_to_snake(n), "->", snake_to_camel(camel_to_snake(n)))
print("abc".islower(), "ABC".isupper(), "Abc".istitle(), "a1".islower())
