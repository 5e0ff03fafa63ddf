# Tests run-length encoding/decoding with string building and digit parsing.
def rle_encode(s: str) -> str:
    if not s:
        return ""
    out = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)


def rle_decode(code):
    result = []
    num = ""
    for ch in code:
        if ch.isdigit():
            num += ch
        else:
            result.append(ch * int(num))
            num = ""
    return "".join(result)


tests = ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "aabbaa", "ééé🙂🙂"]
for t in tests:
    enc = rle_encode(t)
    dec = rle_decode(enc)
    print(f"{t!r:16} -> {enc!r:16} -> {dec!r} {'ok' if dec == t else 'MISMATCH'}")


def groups(s):
    out = []
    for ch in s:
        if out and out[-1][0] == ch:
            out[-1][1] += 1
        else:
            out.append([ch, 1])
    return out


print(groups("mississippi"))
print(max(groups("abbcccddddeee"), key=lambda g: g[1]))
print("look and say:", end=" ")
term = "1"
for _ in range(7):
    print(term, end=" ")
    term = "".join(f"{n}{c}" for c, n in groups(term))
print()
