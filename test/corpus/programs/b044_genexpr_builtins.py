# Tests: generator expressions passed to sum/any/all/max/min/sorted/join
scores = {"ann": [88, 92, 79], "ben": [65, 70, 58], "cy": [99, 100, 97], "dee": []}

print(sum(len(v) for v in scores.values()))
print(sum(x * x for x in range(1, 11)))
print(any(s > 95 for v in scores.values() for s in v))
print(all(len(v) > 0 for v in scores.values()))
print(all(s >= 50 for s in scores["ben"]))
print(max(sum(v) for v in scores.values()))
print(min((sum(v) / len(v), name) for name, v in scores.items() if v))
print(max(scores, key=lambda name: sum(scores[name])))
print(", ".join(name.upper() for name in scores if len(name) <= 2))
print(sorted((len(v), name) for name, v in scores.items()))
print(sum(1 for v in scores.values() if not v))
print(tuple(n for n in range(20) if n % 6 == 0))
text = "the quick brown fox jumps over the lazy dog"
print(max(text.split(), key=len), min(text.split(), key=len))
print(sum(c in "aeiou" for c in text))
print(any(w.startswith("z") for w in text.split()), any([]), all([]))
avg = sum(s for v in scores.values() for s in v) / sum(len(v) for v in scores.values())
print(round(avg, 2))
print(dict((w, len(w)) for w in text.split() if len(w) > 4))
