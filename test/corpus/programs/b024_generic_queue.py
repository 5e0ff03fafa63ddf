# Tests: Generic[T] Queue backed by two lists, plus a bounded generic buffer
from typing import Generic, TypeVar, List

T = TypeVar("T")


class Queue(Generic[T]):
    def __init__(self):
        self.inbox: List[T] = []
        self.outbox: List[T] = []

    def enqueue(self, item: T) -> None:
        self.inbox.append(item)

    def dequeue(self) -> T:
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
        if not self.outbox:
            raise IndexError("dequeue from empty queue")
        return self.outbox.pop()

    def __len__(self):
        return len(self.inbox) + len(self.outbox)


class RingBuffer(Generic[T]):
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.data: List[T] = []

    def add(self, item: T) -> None:
        self.data.append(item)
        if len(self.data) > self.capacity:
            self.data.pop(0)

    def items(self) -> List[T]:
        return list(self.data)


q: Queue[str] = Queue()
for name in ["ann", "ben", "cat"]:
    q.enqueue(name)
print(q.dequeue(), len(q))
q.enqueue("dan")
served = []
while len(q) > 0:
    served.append(q.dequeue())
print(served)
try:
    q.dequeue()
except IndexError as e:
    print("caught:", e)

buf: RingBuffer[float] = RingBuffer(3)
for x in [1.5, 2.5, 3.5, 4.5, 5.5]:
    buf.add(x)
    print(buf.items())
print(sum(buf.items()) / len(buf.items()))
