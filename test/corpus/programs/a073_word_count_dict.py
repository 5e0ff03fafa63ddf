# Tests word counting with dicts: normalisation, top-N by count with alphabetical tiebreak.
SONG = """Row, row, row your boat
Gently down the stream
Merrily, merrily, merrily, merrily
Life is but a dream
Row, row, row your boat
Gently down the stream"""


def words_of(text):
    out = []
    for line in text.splitlines():
        for w in line.split():
            out.append(w.strip(",.").lower())
    return out


def count(words: list) -> dict:
    freq: dict = {}
    for w in words:
        if w in freq:
            freq[w] += 1
        else:
            freq[w] = 1
    return freq


freq = count(words_of(SONG))
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for rank, (word, n) in enumerate(top, 1):
    print(f"{rank}. {word:<8} {n}")

by_count = {}
for word, n in freq.items():
    by_count.setdefault(n, []).append(word)
for n in sorted(by_count, reverse=True):
    print(n, sorted(by_count[n]))

line_lengths = {i: len(line.split()) for i, line in enumerate(SONG.splitlines(), 1)}
print(line_lengths)
print("unique:", len(freq), "total:", sum(freq.values()), "most common:", max(freq, key=freq.get))
letters = count([c for c in SONG.lower() if c.isalpha()])
print(sorted(letters.items(), key=lambda kv: kv[1], reverse=True)[:4])
