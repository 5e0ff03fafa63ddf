# Tests that deleting and re-inserting a key moves it to the end; LRU cache via dict ordering.
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 1
print(d)
d["b"] = 22
print(d)
value = d.pop("c")
d["c"] = value
print(d, list(d))


class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.data = {}

    def get(self, key):
        if key not in self.data:
            return None
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key, value) -> None:
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            print(f"  evicting {oldest!r}")
            del self.data[oldest]
        self.data[key] = value


cache = LRUCache(3)
for k, v in [("x", 1), ("y", 2), ("z", 3)]:
    cache.put(k, v)
print(cache.data)
print(cache.get("x"), cache.data)
cache.put("w", 4)
print(cache.data)
print(cache.get("y"), cache.get("z"))
cache.put("x", 100)
cache.put("v", 5)
print(cache.data, list(cache.data.keys()))
