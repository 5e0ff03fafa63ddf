# Tests strip/lstrip/rstrip with and without chars, and replace with counts.
raw = "   hello world \n"
print(repr(raw.strip()), repr(raw.lstrip()), repr(raw.rstrip()))
print("xxhixx".strip("x"), "--==title==--".strip("-="), "www.example.com".lstrip("w."))
print("abcabc".rstrip("cb"), "0042".lstrip("0"), "3.1400".rstrip("0"))

text = "the cat sat on the mat with the hat"
print(text.replace("the", "a"))
print(text.replace("the", "THE", 2))
print(text.replace("at", ""))
print("aaaa".replace("aa", "b"), "abc".replace("", "-"))


def clean_phone(number: str) -> str:
    for ch in "()- .":
        number = number.replace(ch, "")
    return number


for n in ["(555) 123-4567", "555.987.6543", " 555 000 1111 "]:
    print(repr(n), "->", clean_phone(n))


def slugify(title):
    keep = []
    for ch in title.lower().strip():
        if ch.isalnum():
            keep.append(ch)
        elif ch in " -_":
            keep.append("-")
    slug = "".join(keep)
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug.strip("-")


print(slugify("  Hello, World! Python -- Rust  "))
print(slugify("A_Tale of Two   Cities"))
print("removeprefix:", "test_case".removeprefix("test_"), "file.py".removesuffix(".py"))
