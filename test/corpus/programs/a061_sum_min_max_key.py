# Tests sum (with start), min/max (key=, default=, ties return first), any/all on iterables.
nums = [4, -7, 2, 9, -1, 9, 0]
print(sum(nums), sum(nums, 100), sum([]), sum([0.1] * 3), sum(range(1, 11)))
print(min(nums), max(nums), min(3, 1, 2), max("apple", "pear", "fig"))
print(min(nums, key=abs), max(nums, key=abs), max(nums, key=lambda n: n % 5))
print(min([], default=None), max([], default=-1), max([[1, 2], [3], [0, 0, 0]], key=len))

words = ["kiwi", "fig", "plum", "date", "lime"]
print(max(words, key=len), min(words, key=len), max(words), min(words, key=lambda w: w[-1]))

print(any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([]), any([]))
print(all(n > -10 for n in nums), any(n > 100 for n in nums))

students = [("ana", 88), ("ben", 95), ("cy", 95), ("dot", 70)]


def best(records: list) -> tuple:
    return max(records, key=lambda r: r[1])


def worst(records):
    return min(records, key=lambda r: r[1])


print(best(students), worst(students))
print(sum(score for _, score in students) / len(students))
print(max(students), min(students, key=lambda r: (-r[1], r[0])))
nested = [[1, 2], [3], [], [4, 5, 6]]
print(sum(nested, []), sum(len(x) for x in nested), max(map(len, nested)))
