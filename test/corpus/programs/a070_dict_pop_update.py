# Tests dict.pop (with default), popitem (LIFO), update (dict/pairs/kwargs), del, clear, |.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
print(d.pop("b"), d)
print(d.pop("zz", "none"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
del d["a"]
print(d)

d.update({"x": 10, "c": 30})
d.update([("y", 20)])
d.update(z=26)
print(d)
print(d | {"w": 0}, {"c": -1} | d)
d |= {"c": 300}
print(d)


def apply_patch(base: dict, patch: dict) -> dict:
    result = dict(base)
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


base = {"name": "svc", "port": 80, "debug": True}
print(apply_patch(base, {"port": 8080, "debug": None, "tls": True}))
print(base)

cache = {"k1": "v1", "k2": "v2", "k3": "v3"}
while cache:
    key, value = cache.popitem()
    print("evict", key, value)
cache.clear()
print(cache, len(cache), bool(cache))
