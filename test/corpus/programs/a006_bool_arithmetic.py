# Tests bool as int: True + 1, summing booleans, bools in comparisons and indexing.
print(True + 1, True + True, False * 10, True * 3.5, -True)
print(True == 1, False == 0, True is True, 1 < True + True)

scores = [55, 91, 78, 40, 99, 62, 85]
passed = sum(s >= 60 for s in scores)
print("passed:", passed, "of", len(scores))

flags = [s > 80 for s in scores]
print(flags)
print("count True:", flags.count(True), "sum:", sum(flags))

labels = ["odd", "even"]
for n in range(5):
    print(n, labels[n % 2 == 0])


def count_vowels(word: str) -> int:
    return sum(ch in "aeiou" for ch in word.lower())


for w in ["Banana", "sky", "Queueing"]:
    print(w, count_vowels(w))

print(int(True) + int(False), str(True), str(False) + "!", bool(0), bool(-3))
x = 7
print("x in range:", 0 < x < 10, "bonus:", 100 * (x > 5))
print(True & False, True | False, True ^ True, type(True + 1).__name__)
