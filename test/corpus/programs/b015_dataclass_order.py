# Tests: @dataclass(order=True) comparisons and sorting, field ordering
from dataclasses import dataclass, field


@dataclass(order=True)
class Card:
    rank: int
    suit: str


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False)


hand = [Card(10, "hearts"), Card(2, "spades"), Card(10, "clubs"), Card(14, "diamonds")]
print(sorted(hand))
print(max(hand), min(hand))
print(Card(5, "a") < Card(5, "b"), Card(6, "a") > Card(5, "z"))
print(Card(3, "x") <= Card(3, "x"))

tasks = [Task(3, "write docs"), Task(1, "fix bug"), Task(2, "review"), Task(1, "deploy")]
tasks.sort()
for t in tasks:
    print(t.priority, t.name)
print(Task(1, "a") == Task(1, "b"))
print(sorted(tasks, reverse=True)[0])

import heapq
heap = []
for t in [Task(5, "low"), Task(0, "urgent"), Task(2, "mid")]:
    heapq.heappush(heap, t)
while heap:
    print(heapq.heappop(heap).name)
