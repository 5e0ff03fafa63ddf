# Tests: merge sort with inversion counting, merging sorted lists, k-way merge with heapq
import heapq
from typing import List, Tuple


def merge(left: List[int], right: List[int]) -> Tuple[List[int], int]:
    out, inversions = [], 0
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            inversions += len(left) - i
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out, inversions


def merge_sort(items: List[int]) -> Tuple[List[int], int]:
    if len(items) <= 1:
        return list(items), 0
    mid = len(items) // 2
    left, a = merge_sort(items[:mid])
    right, b = merge_sort(items[mid:])
    merged, c = merge(left, right)
    return merged, a + b + c


def merge_sort_by(items, key):
    if len(items) <= 1:
        return items[:]
    mid = len(items) // 2
    left, right = merge_sort_by(items[:mid], key), merge_sort_by(items[mid:], key)
    result = []
    while left and right:
        result.append(left.pop(0) if key(left[0]) <= key(right[0]) else right.pop(0))
    return result + left + right


for data in [[5, 2, 9, 1, 5, 6], [1, 2, 3], [3, 2, 1], [], [-1, -10, 4, 0]]:
    s, inv = merge_sort(data)
    print(data, "->", s, "inversions:", inv)
people = [("ann", 31), ("bob", 25), ("cat", 31), ("dan", 25), ("eve", 40)]
print(merge_sort_by(people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 5])))
