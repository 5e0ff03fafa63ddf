# Tests: quicksort (functional and in-place Lomuto), sorting strings and tuples, stability check
def quicksort(items: list) -> list:
    if len(items) <= 1:
        return items
    pivot = items[len(items) // 2]
    less = [x for x in items if x < pivot]
    equal = [x for x in items if x == pivot]
    greater = [x for x in items if x > pivot]
    return quicksort(less) + equal + quicksort(greater)


def partition(a, lo, hi):
    pivot = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] <= pivot:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    return i


def quicksort_inplace(a: list, lo: int = 0, hi=None) -> None:
    if hi is None:
        hi = len(a) - 1
    if lo < hi:
        p = partition(a, lo, hi)
        quicksort_inplace(a, lo, p - 1)
        quicksort_inplace(a, p + 1, hi)


nums = [33, -4, 17, 0, 8, 8, 99, -21, 5, 42, 1]
print(quicksort(nums))
print(nums)
arr = nums[:]
quicksort_inplace(arr)
print(arr, arr == sorted(nums))
print(quicksort(["pear", "Apple", "fig", "banana", "apple"]))
print(quicksort([(2, "b"), (1, "z"), (2, "a"), (0, "q")]))
print(quicksort([]), quicksort([1]), quicksort([3.5, -1.25, 2.0]))
data = [5, 3, 5, 1, 3, 5]
quicksort_inplace(data)
print(data)
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
pairs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
