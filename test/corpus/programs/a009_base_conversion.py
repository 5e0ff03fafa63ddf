# Tests converting integers to/from arbitrary bases with bin/hex/oct and manual loops.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    if neg:
        out.append("-")
    return "".join(reversed(out))


def from_base(text, base):
    value = 0
    for ch in text.lower():
        value = value * base + DIGITS.index(ch)
    return value


for n in [0, 5, 255, -255, 1000, 2 ** 40 + 7]:
    print(n, bin(n), oct(n), hex(n), to_base(n, 3), to_base(n, 36))

for text, base in [("ff", 16), ("1010", 2), ("zz", 36), ("777", 8)]:
    v = from_base(text, base)
    print(f"{text!r} in base {base} = {v} (int(): {int(text, base)})")

print(to_base(from_base("portalis", 36), 36))
print(f"{255:b} {255:o} {255:x} {255:X} {255:#o}")
