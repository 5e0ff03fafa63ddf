# Tests: collections.Counter: counting, most_common, arithmetic, update, missing keys
from collections import Counter

text = "the cat and the hat and the bat sat on the mat"
words = Counter(text.split())
print(words.most_common(3))
print(words["the"], words["dog"])
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(4))
print(sorted(letters.items())[:5])

inventory = Counter(apples=5, pears=2)
inventory.update({"apples": 3, "kiwis": 4})
inventory.subtract(pears=1)
print(inventory)
print(sum(inventory.values()))

a = Counter("mississippi")
b = Counter("missouri")
print(a)
print(a + b)
print(a - b)
print(a & b)
print(sorted((a | b).elements()))

votes = ["red", "blue", "red", "green", "blue", "red", "blue"]
tally = Counter(votes)
winner, count = tally.most_common(1)[0]
print(f"winner {winner} with {count}")
print(list(tally))
print(Counter([1, 2, 2, 3, 3, 3]).most_common())
print(dict(Counter("aabbbc")))
