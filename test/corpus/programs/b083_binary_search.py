# Tests: binary search (iterative, lower bound, bisect module), searching on answers
import bisect


def binary_search(items: list, target) -> int:
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def lower_bound(items, target):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def int_sqrt(n: int) -> int:
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


data = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
for t in [2, 13, 29, 4, 30, 1]:
    print(t, binary_search(data, t), lower_bound(data, t), bisect.bisect_left(data, t))
dups = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(dups, 2), bisect.bisect_right(dups, 2), lower_bound(dups, 4))
print([int_sqrt(n) for n in [0, 1, 15, 16, 17, 1000000, 999999999999]])
words = ["apple", "banana", "cherry", "grape"]
print(binary_search(words, "cherry"), binary_search(words, "fig"))
grades = "FDCBA"
cutoffs = [60, 70, 80, 90]
print([grades[bisect.bisect(cutoffs, s)] for s in [33, 60, 77, 89, 90, 100]])
sorted_list = []
for x in [5, 1, 4, 1, 9]:
    bisect.insort(sorted_list, x)
print(sorted_list)
