# Tests greedy word wrapping and justification implemented with string methods.
PARAGRAPH = ("Portalis translates Python programs into Rust. Every translated program must "
             "produce exactly the same output as CPython, byte for byte, including spacing "
             "and the exit status.")


def wrap(text: str, width: int) -> list:
    lines = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]


for width in (30, 45):
    print(f"--- width {width} ---")
    lines = wrap(PARAGRAPH, width)
    for ln in lines[:-1]:
        print("|" + justify(ln, width) + "|")
    print("|" + lines[-1].ljust(width) + "|")

print([len(l) for l in wrap(PARAGRAPH, 20)])
print(wrap("supercalifragilistic word", 10))
