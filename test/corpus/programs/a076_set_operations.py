# Tests set operations: add/discard/remove, union/intersection/difference/symmetric diff, subsets.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, {9})), sorted(a.intersection(b)), sorted(a.difference(b)))

s = set()
for x in [3, 1, 3, 2, 1]:
    s.add(x)
print(sorted(s), len(s))
s.discard(10)
s.discard(1)
print(sorted(s))
try:
    s.remove(10)
except KeyError as e:
    print("KeyError:", e)

print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.isdisjoint({2}), set() == set())

skills = {
    "ann": {"python", "rust", "sql"},
    "bob": {"python", "go"},
    "cy": {"rust", "go", "sql", "c"},
}


def common_skills(people: dict) -> set:
    sets = list(people.values())
    result = set(sets[0])
    for other in sets[1:]:
        result &= other
    return result


all_skills = set().union(*skills.values())
print(sorted(all_skills), sorted(common_skills(skills)), sorted(common_skills({"x": {"a"}, "y": {"a", "b"}})))
for person, own in skills.items():
    others = set().union(*(v for k, v in skills.items() if k != person))
    print(person, "unique:", sorted(own - others))
t = {"x", "y"}
t.update(["z", "x"])
t -= {"y"}
print(sorted(t), "x" in t, "y" not in t, sorted(frozenset("cab")))
