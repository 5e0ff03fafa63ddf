# Tests ord/chr round-trips with a Caesar cipher, ROT13 and character arithmetic.
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("é"), ord("€"), ord("🐍"))
print(chr(65), chr(97), chr(48), chr(233), chr(8364), chr(0x1F600))


def caesar(text: str, shift: int) -> str:
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)


msg = "Hello, World! Zebra-xylophone."
for shift in [3, -3, 13, 26, -27]:
    enc = caesar(msg, shift)
    print(f"{shift:>4}: {enc} | back: {caesar(enc, -shift)}")


def alphabet_positions(word):
    return [ord(c) - 96 for c in word.lower() if c.isalpha()]


print(alphabet_positions("Rust"), sum(alphabet_positions("attitude")))
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1, 5)))
print([chr(ord("A") + i) + str(i) for i in range(5)])
print(max("portalis", key=ord), "".join(sorted("portalis", key=lambda c: -ord(c))))
