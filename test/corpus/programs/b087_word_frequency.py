# Tests: text word-frequency report: normalization, counting, sorting ties, aligned output
import string

TEXT = """
Python is a programming language that lets you work quickly and integrate
systems more effectively. Python is powerful... and fast; plays well with
others; runs everywhere; is friendly & easy to learn; is Open.
"""


def tokenize(text: str) -> list[str]:
    table = str.maketrans("", "", string.punctuation)
    return [w for w in text.lower().translate(table).split() if w]


def frequencies(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq


words = tokenize(TEXT)
freq = frequencies(words)
print("total words:", len(words))
print("distinct words:", len(freq))
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 6:")
for rank, (word, n) in enumerate(ranked[:6], 1):
    bar = "#" * n
    print(f"{rank:>2}. {word:<12}{n:>3} {bar}")
singles = [w for w, n in ranked if n == 1]
print(len(singles), "words appear once; first five:", singles[:5])
by_length = {}
for w in freq:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length)[-3:]:
    print(length, sorted(by_length[length]))
print(f"average word length: {sum(map(len, words)) / len(words):.3f}")
print(max(freq, key=len), min(freq, key=len))
