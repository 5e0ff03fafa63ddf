# Tests: singly linked list with Optional["Node"], append/prepend/reverse/remove/iterate
from typing import Optional


class Node:
    def __init__(self, value: int, next: Optional["Node"] = None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head: Optional[Node] = None
        self.size = 0

    def prepend(self, value: int) -> None:
        self.head = Node(value, self.head)
        self.size += 1

    def append(self, value: int) -> None:
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def remove(self, value: int) -> bool:
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False

    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def to_list(self) -> list:
        out = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def __str__(self):
        return " -> ".join(str(v) for v in self.to_list()) or "(empty)"


ll = LinkedList()
print(ll)
for v in [3, 4, 5]:
    ll.append(v)
ll.prepend(2)
ll.prepend(1)
print(ll, ll.size)
ll.reverse()
print(ll)
print(ll.remove(3), ll.remove(42), ll.remove(5))
print(ll, ll.size)
ll.reverse()
print(ll.to_list())
print(ll.head.value if ll.head else None, ll.head.next.next.next)
