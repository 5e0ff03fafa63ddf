# Tests: TypeVar generic functions (first, last, chunk, group_by, max_by)
from typing import TypeVar, Sequence, Callable, Optional, Dict, List

T = TypeVar("T")
K = TypeVar("K")


def first(items: Sequence[T]) -> Optional[T]:
    return items[0] if items else None


def last(items: Sequence[T], default: T) -> T:
    return items[-1] if items else default


def chunk(items: List[T], size: int) -> List[List[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def group_by(items: List[T], key: Callable[[T], K]) -> Dict[K, List[T]]:
    groups: Dict[K, List[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def max_by(items, score):
    best = None
    best_score = None
    for item in items:
        s = score(item)
        if best_score is None or s > best_score:
            best, best_score = item, s
    return best


words = ["apple", "bob", "cherry", "date", "egg", "fig"]
print(first(words), first([]), first((7, 8)))
print(last(words, "none"), last([], "none"))
print(chunk(list(range(7)), 3))
print(chunk(words, 4))
print(group_by(words, len))
print(group_by([1, 2, 3, 4, 5, 6], lambda n: "even" if n % 2 == 0 else "odd"))
print(max_by(words, len), max_by([], len))
print(max_by([(1, "a"), (3, "b"), (3, "c")], lambda t: t[0]))
