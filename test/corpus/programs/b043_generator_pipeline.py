# Tests: chaining generators into a processing pipeline (log analysis)
from typing import Iterator, Iterable

LOG = """\
2024-01-01 INFO server started
2024-01-01 WARN disk 81% full
2024-01-02 ERROR db timeout after 30s
2024-01-02 INFO request /home 200
2024-01-02 ERROR db timeout after 45s
2024-01-03 INFO request /about 200
2024-01-03 ERROR cache miss storm
2024-01-03 WARN slow request /search
"""


def lines(text: str) -> Iterator[str]:
    for line in text.splitlines():
        yield line


def parse(rows: Iterable[str]):
    for row in rows:
        date, level, message = row.split(" ", 2)
        yield {"date": date, "level": level, "msg": message}


def only(level: str, records):
    return (r for r in records if r["level"] == level)


def numbered(items, start=1):
    n = start
    for item in items:
        yield n, item
        n += 1


errors = only("ERROR", parse(lines(LOG)))
for n, rec in numbered(errors):
    print(n, rec["date"], rec["msg"])

per_level = {}
for rec in parse(lines(LOG)):
    per_level[rec["level"]] = per_level.get(rec["level"], 0) + 1
print(per_level)

words = (w.lower() for r in parse(lines(LOG)) for w in r["msg"].split())
long_words = (w for w in words if len(w) > 5)
print(sorted(set(long_words)))
dates = list(dict.fromkeys(r["date"] for r in parse(lines(LOG))))
print(dates)
