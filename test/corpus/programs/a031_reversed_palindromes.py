# Tests reversing strings (slicing, reversed(), loops) and palindrome detection.
def reverse_loop(s: str) -> str:
    out = ""
    for ch in s:
        out = ch + out
    return out


def is_palindrome(text):
    cleaned = [c.lower() for c in text if c.isalnum()]
    return cleaned == cleaned[::-1]


words = ["racecar", "level", "python", "A man, a plan, a canal: Panama", "", "ab", "Été"]
for w in words:
    print(repr(w), repr(w[::-1]), repr("".join(reversed(w))), reverse_loop(w) == w[::-1], is_palindrome(w))


def reverse_words(sentence: str) -> str:
    return " ".join(reversed(sentence.split()))


def reverse_each_word(sentence):
    return " ".join(word[::-1] for word in sentence.split(" "))


s = "the quick brown fox"
print(reverse_words(s))
print(reverse_each_word(s))
print(reverse_words("  spaced   out  "), "|", reverse_each_word("  spaced   out  "), "|")


def longest_palindrome(s: str) -> str:
    best = ""
    for i in range(len(s)):
        for j in range(i + 1, len(s) + 1):
            sub = s[i:j]
            if sub == sub[::-1] and len(sub) > len(best):
                best = sub
    return best


for s in ["babad", "forgeeksskeegfor", "abc", "noonracecar"]:
    print(s, "->", longest_palindrome(s))
print([n for n in range(100, 200) if str(n) == str(n)[::-1]])
