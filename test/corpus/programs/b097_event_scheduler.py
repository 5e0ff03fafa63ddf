# Tests: priority-queue event scheduler with heapq, tuples ordering, and a simulated clock
import heapq
from dataclasses import dataclass, field
from typing import List


@dataclass(order=True)
class Event:
    time: int
    seq: int
    name: str = field(compare=False)
    repeat: int = field(default=0, compare=False)


class Scheduler:
    def __init__(self):
        self.queue: List[Event] = []
        self.counter = 0
        self.clock = 0
        self.log: List[str] = []

    def schedule(self, delay: int, name: str, repeat: int = 0) -> None:
        heapq.heappush(self.queue, Event(self.clock + delay, self.counter, name, repeat))
        self.counter += 1

    def run(self, until: int) -> None:
        while self.queue and self.queue[0].time <= until:
            ev = heapq.heappop(self.queue)
            self.clock = ev.time
            self.log.append(f"t={ev.time:>3} {ev.name}")
            if ev.repeat:
                self.schedule(ev.repeat, ev.name, ev.repeat)
        self.clock = until


s = Scheduler()
s.schedule(5, "backup")
s.schedule(2, "heartbeat", repeat=10)
s.schedule(5, "email")
s.schedule(0, "boot")
s.schedule(31, "shutdown")
s.run(25)
print("\n".join(s.log))
print("clock", s.clock, "pending", len(s.queue))
s.schedule(1, "late job")
s.run(40)
print("\n".join(s.log[-4:]))
print([e.name for e in sorted(s.queue)])
tasks = [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]
heapq.heapify(tasks)
print([heapq.heappop(tasks) for _ in range(len(tasks))])
