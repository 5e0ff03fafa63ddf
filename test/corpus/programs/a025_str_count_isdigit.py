# Tests str.count and character class predicates (isdigit/isalpha/isalnum/isspace...).
samples = ["12345", "12.5", "abc", "abc123", "   ", "", "Hello World", "ÅÉß", "٣", "-5"]
print(f"{'sample':>12} digit alpha alnum space numeric decimal")
for s in samples:
    print(f"{s!r:>12} {s.isdigit()!s:5} {s.isalpha()!s:5} {s.isalnum()!s:5} "
          f"{s.isspace()!s:5} {s.isnumeric()!s:7} {s.isdecimal()}")

text = "It was the best of times, it was the worst of times."
print(text.count("was"), text.count("t"), text.lower().count("it"), text.count(""))
print(text.count("times", 0, 30), "aaaa".count("aa"))


def char_classes(s: str) -> dict:
    counts = {"letters": 0, "digits": 0, "spaces": 0, "other": 0}
    for ch in s:
        if ch.isalpha():
            counts["letters"] += 1
        elif ch.isdigit():
            counts["digits"] += 1
        elif ch.isspace():
            counts["spaces"] += 1
        else:
            counts["other"] += 1
    return counts


print(char_classes("Room 101, floor 3!"))
print(char_classes(text))


def is_valid_id(s):
    return len(s) >= 3 and s[0].isalpha() and all(c.isalnum() or c == "_" for c in s)


print([s for s in ["ab", "a_1", "1ab", "abc!", "user_42", "Zeta"] if is_valid_id(s)])
print("x".isidentifier(), "2x".isidentifier(), "Hi".isprintable(), "a\tb".isprintable())
