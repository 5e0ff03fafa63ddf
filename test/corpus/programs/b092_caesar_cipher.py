# Tests: caesar cipher encrypt/decrypt with negative shifts and modulo, brute-force cracking
import string

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def shift_char(ch: str, k: int) -> str:
    if ch in LOWER:
        return LOWER[(LOWER.index(ch) + k) % 26]
    if ch in UPPER:
        return UPPER[(UPPER.index(ch) + k) % 26]
    return ch


def encrypt(text: str, k: int) -> str:
    return "".join(shift_char(c, k) for c in text)


def decrypt(text, k):
    return encrypt(text, -k)


def score(text: str) -> int:
    common = "etaoinshr"
    return sum(1 for c in text.lower() if c in common)


def crack(cipher: str):
    best = max(range(26), key=lambda k: score(decrypt(cipher, k)))
    return best, decrypt(cipher, best)


msg = "Attack at Dawn! Meet at the old oak tree, 5 o'clock."
for k in [3, -3, 13, 29, -55]:
    enc = encrypt(msg, k)
    print(f"k={k:>3}: {enc}")
    assert decrypt(enc, k) == msg
print(encrypt(encrypt("Hello", 13), 13))
secret = encrypt("the treasure is hidden near the eastern gate", 17)
print(secret)
key, plain = crack(secret)
print(key, plain)
print(-3 % 26, (-55) % 26, 29 % 26)
table = str.maketrans(LOWER, LOWER[5:] + LOWER[:5])
print("zebra".translate(table))
