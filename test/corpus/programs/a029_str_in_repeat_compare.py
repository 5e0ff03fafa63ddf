# Tests string membership, repetition, concatenation and lexicographic comparison.
print("ell" in "hello", "xyz" in "hello", "" in "abc", "H" not in "hello")
print("ab" * 3, "-" * 0, "x" * -2 == "", 3 * "na" + " batman")
print("apple" < "banana", "apple" < "Apple", "Zoo" < "apple", "abc" < "abcd", "b" > "abc")
print("A" < "a", "10" < "9", "hello" == "hel" + "lo", "a" != "A")
print(sorted(["b", "A", "a", "B", "10", "9", "_x"]))
print(max(["pear", "Peach", "apple"]), min("hello world".split()))


def is_vowel(ch: str) -> bool:
    return ch.lower() in "aeiou"


word = "Onomatopoeia"
print([ch for ch in word if is_vowel(ch)], sum(map(is_vowel, word)))

banned = ["spam", "eggs"]
for msg in ["I like spam", "ham and cheese", "EGGS please"]:
    flagged = any(b in msg.lower() for b in banned)
    print(f"{msg!r}: {'blocked' if flagged else 'ok'}")


def triangle(n):
    for i in range(1, n + 1):
        print(" " * (n - i) + "*" * (2 * i - 1))


triangle(4)
version_a, version_b = "3.9", "3.11"
print(version_a < version_b, tuple(map(int, version_a.split("."))) < tuple(map(int, version_b.split("."))))
greeting = "Hi"
greeting += ", " + "there" * 2
print(greeting, len(greeting))
