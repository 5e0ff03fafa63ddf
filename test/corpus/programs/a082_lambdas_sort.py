# Tests lambdas as sort keys, in map/filter, stored in dicts and returned from functions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())

nums = [5, -2, 9, -7, 0, 3]
print(list(map(lambda n: n * 2, nums)))
print(list(filter(lambda n: n > 0, nums)))
print(sorted(nums, key=lambda n: (n < 0, abs(n))))

ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
}
for sym, fn in ops.items():
    print(f"17 {sym} 5 = {fn(17, 5)}", end="  ")
print()


def make_multiplier(k: int):
    return lambda x: x * k


double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple(7), [make_multiplier(i)(10) for i in range(4)])

callbacks = [lambda x, i=i: x + i for i in range(3)]
print([cb(100) for cb in callbacks])
late = [lambda x: x + i for i in range(3)]
print([cb(100) for cb in late])

inventory = [("pens", 3, 1.5), ("paper", 10, 0.1), ("ink", 1, 20.0)]
print(max(inventory, key=lambda it: it[1] * it[2]))
print(sorted(inventory, key=lambda it: it[0][::-1]))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, add)(5), compose(str.upper, str.strip)("  shout "))
