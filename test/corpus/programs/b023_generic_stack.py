# Tests: Generic[T] Stack class with push/pop/peek, used with int and str
from typing import Generic, TypeVar, Optional, List

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: List[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def peek(self) -> Optional[T]:
        return self._items[-1] if self._items else None

    def __len__(self) -> int:
        return len(self._items)

    def is_empty(self) -> bool:
        return len(self._items) == 0


def balanced(text: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: Stack[str] = Stack()
    for ch in text:
        if ch in "([{":
            stack.push(ch)
        elif ch in pairs:
            if stack.is_empty() or stack.pop() != pairs[ch]:
                return False
    return stack.is_empty()


nums: Stack[int] = Stack()
for n in [1, 2, 3, 4]:
    nums.push(n * n)
print(len(nums), nums.peek())
print(nums.pop(), nums.pop())
print(len(nums), nums.peek())
nums.pop()
nums.pop()
print(nums.peek(), nums.is_empty())
try:
    nums.pop()
except IndexError as e:
    print("error:", e)
for s in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]:
    print(repr(s), balanced(s))
