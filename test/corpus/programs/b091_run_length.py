# Tests: run-length encoding/decoding of strings, round trip, and list compression
def rle_encode(text: str) -> str:
    if not text:
        return ""
    out = []
    prev, count = text[0], 1
    for ch in text[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)


def rle_decode(code: str) -> str:
    result = []
    num = ""
    for ch in code:
        if ch.isdigit():
            num += ch
        else:
            result.append(ch * int(num))
            num = ""
    return "".join(result)


def compress_list(values):
    runs = []
    for v in values:
        if runs and runs[-1][0] == v:
            runs[-1][1] += 1
        else:
            runs.append([v, 1])
    return [tuple(r) for r in runs]


samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
           "aabcccccaaa", "abc", "", "zzzzzzzzzzzz", "héééllo"]
for s in samples:
    enc = rle_encode(s)
    dec = rle_decode(enc)
    ratio = len(enc) / len(s) if s else 0
    print(f"{enc!r} ok={dec == s} ratio={ratio:.2f}")
print(compress_list([1, 1, 2, 2, 2, 3, 1, 1]))
print(compress_list(["x"]), compress_list([]))
print(rle_decode("3a2b10c"))
