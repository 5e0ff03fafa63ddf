# Tests text processing: normalising words, counting with dict, ranking by count then word.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""

PUNCT = ".,;:!?\"'"


def tokenize(text: str) -> list:
    words = []
    for raw in text.split():
        w = raw.strip(PUNCT).lower()
        if w:
            words.append(w)
    return words


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


words = tokenize(TEXT)
counts = count_words(words)
print("total words:", len(words), "distinct:", len(counts))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print(f"{word:<10}{n:>3} {'#' * n}")

print("first seen order:", list(counts)[:8])
print("singletons:", sorted(w for w, n in counts.items() if n == 1))
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
for length in sorted(lengths):
    print(length, lengths[length])
longest = max(counts, key=len)
print("longest:", longest, "lines:", len(TEXT.splitlines()), "chars:", len(TEXT))
