# Tests: collections.defaultdict with list, int, set and nested factories
from collections import defaultdict

pairs = [("fruit", "apple"), ("veg", "kale"), ("fruit", "pear"), ("grain", "rice"), ("veg", "leek")]
groups = defaultdict(list)
for kind, name in pairs:
    groups[kind].append(name)
print(dict(groups))
print(groups["fruit"], len(groups))
print(groups["meat"], len(groups))

counts: defaultdict[str, int] = defaultdict(int)
for ch in "abracadabra":
    counts[ch] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

followers = defaultdict(set)
edges = [("ann", "bob"), ("cat", "bob"), ("ann", "cat"), ("bob", "ann"), ("cat", "bob")]
for src, dst in edges:
    followers[dst].add(src)
for user in sorted(followers):
    print(user, sorted(followers[user]))

nested = defaultdict(lambda: defaultdict(int))
sales = [("north", "q1", 10), ("south", "q1", 4), ("north", "q2", 7), ("north", "q1", 3)]
for region, quarter, amount in sales:
    nested[region][quarter] += amount
for region, quarters in nested.items():
    print(region, dict(quarters))

index = defaultdict(list)
for lineno, line in enumerate(["to be or not", "to be", "not now"], 1):
    for word in line.split():
        index[word].append(lineno)
print({w: index[w] for w in sorted(index)})
print("or" in index, "maybe" in index)
