# Tests range with start/stop/step including negative steps, empty ranges and len/in/index.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)))
print(list(range(10, 0, -1)), list(range(10, 0, -3)), list(range(-1, -10, -2)))
print(list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2:4], 15 in r, 16 in r, r.index(19))
print(len(range(10, -10, -3)), list(range(10, -10, -3))[-1], sum(range(101)))

for i in range(3, 0, -1):
    print(f"T-minus {i}")
print("liftoff")


def countdown_by(start: int, step: int) -> list:
    return list(range(start, -1, -step))


print(countdown_by(10, 2), countdown_by(7, 3), countdown_by(0, 1))


def bubble_sort(xs):
    xs = xs[:]
    for end in range(len(xs) - 1, 0, -1):
        for i in range(end):
            if xs[i] > xs[i + 1]:
                xs[i], xs[i + 1] = xs[i + 1], xs[i]
    return xs


print(bubble_sort([5, 2, 9, 1, 5, 6, -3]))
s = "abcdef"
print([s[i] for i in range(len(s) - 1, -1, -2)])
print([i * j for i in range(3, 0, -1) for j in range(-1, 2)])
