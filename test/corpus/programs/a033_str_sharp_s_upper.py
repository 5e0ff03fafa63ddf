# Tests length-changing case mappings (ß -> SS) and case-insensitive comparisons.
names = ["Straße", "Fußball", "MASSE", "maße", "Weiß"]
for n in names:
    up = n.upper()
    print(f"{n!r:10} len={len(n)} upper={up!r:10} len={len(up)} casefold={n.casefold()!r}")


def same_word(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


print(same_word("Straße", "STRASSE"), same_word("Maße", "Masse"), "Straße".lower() == "strasse")

title = "die straße ist groß"
print(title.upper(), title.title(), title.capitalize())
shout = title.upper()
print(len(title), len(shout), shout[10:], shout.count("SS"))


def headline(words, width=24):
    line = " ".join(w.upper() for w in words)
    return line.center(width, "*")


print(headline(["groß", "und", "klein"]))
print(sorted(names, key=str.casefold))
print(sorted(names, key=str.upper))
print(sorted(names))
