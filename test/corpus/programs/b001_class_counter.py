# Tests: class with __init__ attributes and methods that mutate self
class Counter:
    def __init__(self, name: str, start: int = 0):
        self.name = name
        self.count = start
        self.history = []

    def increment(self, step: int = 1) -> None:
        self.count += step
        self.history.append(("inc", step))

    def decrement(self, step=1):
        self.count -= step
        self.history.append(("dec", step))

    def reset(self):
        old = self.count
        self.count = 0
        self.history.clear()
        return old

    def describe(self) -> str:
        return f"{self.name}: {self.count} after {len(self.history)} ops"


clicks = Counter("clicks")
for i in range(5):
    clicks.increment()
clicks.increment(10)
clicks.decrement(3)
print(clicks.describe())
print(clicks.history)

laps = Counter("laps", start=100)
laps.decrement(7)
laps.decrement()
print(laps.describe())
print("count is", laps.count)

old = clicks.reset()
print("reset returned", old)
print(clicks.describe())
print(clicks.history == [])

counters = [Counter(f"c{i}", i * 2) for i in range(4)]
for idx, c in enumerate(counters):
    c.increment(idx)
print([c.count for c in counters])
total = sum(c.count for c in counters)
print(f"total={total}")
