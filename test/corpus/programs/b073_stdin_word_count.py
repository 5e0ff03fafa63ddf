# Tests: reading lines from sys.stdin, counting lines/words/chars and top words
import sys
from collections import Counter

line_count = 0
word_count = 0
char_count = 0
words = Counter()
longest = ""
for line in sys.stdin:
    line_count += 1
    char_count += len(line)
    tokens = [t.strip(".,!?;:").lower() for t in line.split()]
    tokens = [t for t in tokens if t]
    word_count += len(tokens)
    words.update(tokens)
    if len(line.rstrip("\n")) > len(longest):
        longest = line.rstrip("\n")

print(f"lines: {line_count}")
print(f"words: {word_count}")
print(f"chars: {char_count}")
print(f"unique words: {len(words)}")
for word, n in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print(f"{word:>8} {n}")
print("longest line:", repr(longest))
