# Tests: LRU cache class using dict insertion order (delete + reinsert moves key to end)
from typing import Generic, TypeVar, Optional, Dict

K = TypeVar("K")
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.data: Dict[K, V] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> Optional[V]:
        if key not in self.data:
            self.misses += 1
            return None
        value = self.data.pop(key)
        self.data[key] = value
        self.hits += 1
        return value

    def put(self, key: K, value: V) -> Optional[K]:
        evicted = None
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            evicted = next(iter(self.data))
            del self.data[evicted]
        self.data[key] = value
        return evicted

    def __repr__(self):
        return f"LRUCache({list(self.data.items())})"


cache: LRUCache[str, int] = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    cache.put(k, v)
print(cache)
print(cache.get("a"), cache.get("z"))
print("evicted:", cache.put("d", 4))
print(cache)
cache.put("c", 30)
print(cache)
print("evicted:", cache.put("e", 5))
print(list(cache.data), cache.hits, cache.misses)

d = {"x": 1, "y": 2, "z": 3}
del d["x"]
d["x"] = 10
print(d, list(d.keys()))
d.pop("y")
d["y"] = 20
print(d)
accesses = [1, 2, 3, 1, 4, 5, 1, 2, 6, 1]
small: LRUCache[int, str] = LRUCache(3)
for a in accesses:
    if small.get(a) is None:
        small.put(a, f"v{a}")
print(small, small.hits, small.misses)
