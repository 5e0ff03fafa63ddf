# Tests closures: nonlocal counters, accumulators, independent closure instances, captured loops.
def make_counter(start: int = 0, step: int = 1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count

    return increment


c1 = make_counter()
c2 = make_counter(100, -10)
print(c1(), c1(), c1(), c2(), c2(), c1())


def make_accumulator():
    history = []

    def add(value):
        history.append(value)
        return sum(history), len(history)

    return add


acc = make_accumulator()
for v in [5, 10, 2.5]:
    print("accumulated:", acc(v))


def memo_calls():
    calls = {"hits": 0, "misses": 0}
    cache = {}

    def square(n: int) -> int:
        if n in cache:
            calls["hits"] += 1
        else:
            calls["misses"] += 1
            cache[n] = n * n
        return cache[n]

    return square, calls


sq, stats = memo_calls()
print([sq(n) for n in [2, 3, 2, 2, 4, 3]], stats)


def make_bank(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient funds"
        balance -= amount
        return balance

    return deposit, withdraw


dep, wd = make_bank(50)
print(dep(25), wd(100), wd(70), dep(1))
