# Tests integer presentation types: x, X, #x, b, #b, o, #o, with widths and zero padding.
for n in [0, 5, 10, 42, 255, 256, 65535, -42]:
    print(f"{n:>6} x={n:x} X={n:X} #x={n:#x} b={n:b} #b={n:#b} o={n:o} #o={n:#o}")

print(f"{10:08b} {10:#010b} {255:04x} {255:#06x} {7:#o} {3:3b}|")


def rgb_to_hex(r: int, g: int, b: int) -> str:
    return f"#{r:02x}{g:02x}{b:02x}"


def hex_to_rgb(code):
    code = code.lstrip("#")
    return tuple(int(code[i:i + 2], 16) for i in (0, 2, 4))


for color in [(255, 0, 0), (0, 128, 255), (18, 52, 86), (0, 0, 0)]:
    h = rgb_to_hex(*color)
    print(color, "->", h, "->", hex_to_rgb(h), h.upper())


def bit_report(flags: int) -> str:
    names = ["READ", "WRITE", "EXEC", "HIDDEN"]
    on = [name for i, name in enumerate(names) if flags & (1 << i)]
    return f"{flags:04b} {'|'.join(on) or '-'}"


for flags in [0, 1, 3, 5, 15, 8]:
    print(bit_report(flags))

data = "Hi!"
print(" ".join(f"{ord(c):02x}" for c in data), " ".join(f"{ord(c):08b}" for c in data))
print(f"{0xDEADBEEF:,}", f"{0xDEADBEEF:_x}", f"{1 << 40:#x}")
