"""Counts words in a text and prints the most common ones."""

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs"""


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def top(counts: dict[str, int], n: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


if __name__ == "__main__":
    counts = count_words(TEXT)
    print(f"{len(counts)} distinct words")
    for word, n in top(counts, 3):
        print(f"{word:>6}: {n}")
