# Tests list.sort with key=, reverse=True, multi-key tuples, and sort stability.
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda n: (n % 3, -n))
print(nums)

words = ["banana", "Apple", "cherry", "apple", "Date", "fig", "Elder"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)

people = [("Ann", 31, "Oslo"), ("Bob", 25, "Rome"), ("Cid", 31, "Lima"), ("Dee", 25, "Oslo"), ("Eve", 40, "Rome")]


def by_age_then_name(p: tuple) -> tuple:
    return (p[1], p[0])


people.sort(key=by_age_then_name)
print([p[0] for p in people])
people.sort(key=lambda p: p[2])
print([(p[0], p[2]) for p in people])
people.sort(key=lambda p: p[1], reverse=True)
print([(p[0], p[1]) for p in people])

scores = {"x": 3.5, "y": 1.25, "z": 3.5, "w": 2.0}
ranking = list(scores)
ranking.sort(key=scores.get, reverse=True)
print(ranking)
floats = [3.1, -0.5, 2.0, 1e-3, -10.0]
floats.sort()
print(floats, sorted(floats, key=lambda f: -f)[0])
