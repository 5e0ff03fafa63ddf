# Tests nested dicts: building, updating deep values, walking, and aggregating by category.
sales = [
    ("north", "q1", 120), ("north", "q2", 90), ("south", "q1", 200),
    ("south", "q2", 50), ("north", "q1", 30), ("east", "q3", 75),
]

report = {}
for region, quarter, amount in sales:
    report.setdefault(region, {})
    report[region][quarter] = report[region].get(quarter, 0) + amount
print(report)

for region, quarters in report.items():
    total = sum(quarters.values())
    detail = ", ".join(f"{q}={a}" for q, a in sorted(quarters.items()))
    print(f"{region:>6}: {total:>4} ({detail})")


def deep_get(data: dict, path: str, default=None):
    node = data
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return node


config = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": True}
for path in ["db.host", "db.opts.ssl", "db.user", "debug", "debug.level"]:
    print(path, "=", deep_get(config, path, "<missing>"))


def count_leaves(d):
    return sum(count_leaves(v) if isinstance(v, dict) else 1 for v in d.values())


config["db"]["opts"]["timeout"] = 30
print(config, count_leaves(config))
copy = {k: (dict(v) if isinstance(v, dict) else v) for k, v in config.items()}
copy["db"]["port"] = 1
copy["db"]["opts"]["ssl"] = True
print(config["db"]["port"], config["db"]["opts"]["ssl"])
