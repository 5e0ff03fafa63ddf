# Tests: itertools.count, accumulate (sum, max, custom func, initial), takewhile/dropwhile
from itertools import count, accumulate, takewhile, dropwhile, islice
import operator

for i in count(10, 5):
    if i > 30:
        break
    print("tick", i)

labels = list(zip(count(1), ["alpha", "beta", "gamma"]))
print(labels)
print(list(islice(count(0.5, 0.25), 4)))

deposits = [100, -20, 50, -200, 75]
print(list(accumulate(deposits)))
print(list(accumulate(deposits, max)))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4], initial=100)))
print(list(accumulate(["a", "b", "c"])))
running = list(accumulate(deposits))
first_negative = next(i for i, bal in enumerate(running) if bal < 0)
print("first negative balance at", first_negative)

print(list(takewhile(lambda x: x < 10, [1, 4, 9, 16, 2])))
print(list(dropwhile(lambda x: x < 10, [1, 4, 9, 16, 2])))

def moving_average(values, n):
    sums = list(accumulate(values, initial=0))
    return [(sums[i + n] - sums[i]) / n for i in range(len(values) - n + 1)]

print(moving_average([2, 4, 6, 8, 10, 12], 3))
