# Tests string slicing with negative indices, steps and out-of-range clamping.
s = "abcdefghij"
print(s[0], s[-1], s[-3], s[2:5], s[:3], s[7:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[-2:-8:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], repr(s[4:4]))
print(s[1:-1], s[-4:-1], s[::3], s[len(s) // 2:])

try:
    print(s[10])
except IndexError as e:
    print("IndexError:", e)


def rotate(text: str, k: int) -> str:
    if not text:
        return text
    k %= len(text)
    return text[k:] + text[:k]


for k in [0, 3, -2, 13]:
    print(k, rotate(s, k))


def chunks(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)]


print(chunks(s, 3), chunks("", 3), chunks("ab", 5))
filename = "archive.tar.gz"
dot = filename.find(".")
print(filename[:dot], filename[dot + 1:], filename[-2:], filename[-6:-3])
print(s[slice(2, 8, 2)], s[-1:-11:-1] == s[::-1])
