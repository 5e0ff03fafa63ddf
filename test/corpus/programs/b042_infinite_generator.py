# Tests: infinite generators consumed with a counter/break, and with itertools.islice
from itertools import islice


def naturals(start: int = 1):
    n = start
    while True:
        yield n
        n += 1


def collatz(n: int):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1


def cycle_colors():
    colors = ["red", "green", "blue"]
    i = 0
    while True:
        yield colors[i % len(colors)]
        i += 1


squares = []
for n in naturals():
    if n * n > 60:
        break
    squares.append(n * n)
print(squares)

count = 0
for c in cycle_colors():
    count += 1
    print(count, c)
    if count >= 5:
        break

print(list(collatz(6)))
print(max(len(list(collatz(k))) for k in range(1, 30)))
print(list(islice(naturals(10), 4)))

gen = naturals(100)
taken = [next(gen) for _ in range(3)]
print(taken, next(gen))

def first_match(pred, source):
    for item in source:
        if pred(item):
            return item

print(first_match(lambda k: k % 7 == 0 and k % 5 == 0, naturals()))
