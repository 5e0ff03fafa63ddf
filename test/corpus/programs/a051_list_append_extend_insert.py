# Tests list growth: append, extend, insert (incl. negative/out-of-range), += and +.
stack = []
for word in "to be or not".split():
    stack.append(word)
print(stack, len(stack))

stack.extend(["to", "be"])
stack.extend("!?")
stack.extend(range(2))
print(stack)

nums = [10, 20, 30]
nums.insert(0, 5)
nums.insert(2, 15)
nums.insert(-1, 25)
nums.insert(100, 99)
nums.insert(-100, 1)
print(nums)

a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)


def build_squares(n: int) -> list:
    out = []
    for i in range(n):
        out.append(i * i)
    return out


def interleave(xs, ys):
    result = []
    for x, y in zip(xs, ys):
        result.extend([x, y])
    longer = xs if len(xs) > len(ys) else ys
    result.extend(longer[min(len(xs), len(ys)):])
    return result


print(build_squares(8))
print(interleave([1, 2, 3, 4], ["a", "b"]), interleave([], [7]))
nested = []
nested.append([1, 2])
nested.extend([[3], [4, 5]])
nested[0].append(99)
print(nested, sum(len(x) for x in nested))
