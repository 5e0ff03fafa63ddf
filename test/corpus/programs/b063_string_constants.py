# Tests: string module constants (ascii_lowercase, digits, punctuation) and str methods
import string

print(string.ascii_lowercase)
print(string.ascii_uppercase[:5], string.digits, len(string.punctuation))
print(string.hexdigits)


def classify(ch: str) -> str:
    if ch in string.ascii_lowercase:
        return "lower"
    if ch in string.ascii_uppercase:
        return "upper"
    if ch in string.digits:
        return "digit"
    if ch in string.punctuation:
        return "punct"
    if ch in string.whitespace:
        return "space"
    return "other"


text = "Hi, World 42!"
print([classify(c) for c in text])
summary = {}
for c in text:
    summary[classify(c)] = summary.get(classify(c), 0) + 1
print(summary)


def strong_password(pw: str) -> bool:
    return (len(pw) >= 8
            and any(c in string.ascii_lowercase for c in pw)
            and any(c in string.ascii_uppercase for c in pw)
            and any(c in string.digits for c in pw)
            and any(c in string.punctuation for c in pw))


for pw in ["password", "Passw0rd!", "SHORT1!", "abcDEF123$"]:
    print(pw, strong_password(pw))

clean = "".join(c for c in "Hello, World! (test)" if c not in string.punctuation)
print(clean)
alpha_index = {c: i for i, c in enumerate(string.ascii_lowercase, 1)}
print(sum(alpha_index[c] for c in "python"))
print(string.capwords("the quick  brown fox"))
print("hello world".title(), "Hello".swapcase(), "abc".center(9, "*"))
print("a-b-c".replace("-", "+", 1), "  pad  ".strip(), "x".zfill(4), "42".rjust(5, "0"))
