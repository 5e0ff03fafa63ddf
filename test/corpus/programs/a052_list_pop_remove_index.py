# Tests list removal: pop (end/index/negative), remove (first match), del, clear, index, count.
items = ["a", "b", "c", "b", "d", "b"]
print(items.index("b"), items.index("b", 2), items.count("b"), items.count("z"))
print(items.pop(), items)
print(items.pop(0), items)
print(items.pop(-2), items)
items.remove("b")
print(items)
del items[0]
print(items)

try:
    items.remove("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    print(["x"].index("y"))
except ValueError as e:
    print("ValueError:", e)


def remove_all(xs: list, value) -> int:
    removed = 0
    while value in xs:
        xs.remove(value)
        removed += 1
    return removed


data = [3, 1, 3, 3, 2, 3]
print(remove_all(data, 3), data)

queue = ["job1", "job2", "job3"]
while queue:
    job = queue.pop(0)
    print("processing", job, "remaining", len(queue))

nums = list(range(10))
del nums[2:5]
del nums[::2]
print(nums)
nums.clear()
print(nums, len(nums))
