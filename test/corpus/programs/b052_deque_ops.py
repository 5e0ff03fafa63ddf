# Tests: collections.deque: append/appendleft/pop/popleft/rotate/maxlen/extendleft
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d)
print(d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, len(d))
print(d[0], d[-1], 7 in d)

recent = deque(maxlen=3)
for page in ["home", "about", "blog", "contact", "blog"]:
    recent.append(page)
    print(list(recent))
print(recent.maxlen)

# sliding window maximum using a deque of indices
def window_max(nums: list[int], k: int) -> list[int]:
    dq: deque = deque()
    out = []
    for i, n in enumerate(nums):
        while dq and nums[dq[-1]] <= n:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out

print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))

# round-robin scheduler
tasks = deque([("A", 3), ("B", 1), ("C", 2)])
order = []
while tasks:
    name, left = tasks.popleft()
    order.append(name)
    if left > 1:
        tasks.append((name, left - 1))
print("".join(order))
try:
    deque().popleft()
except IndexError as e:
    print("error:", e)
