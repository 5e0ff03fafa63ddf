# Tests: Optional return values, `is None` / `is not None` checks, default fallbacks
from typing import Optional, Dict

users: Dict[int, str] = {1: "alice", 2: "bob", 5: "eve"}
emails = {"alice": "alice@example.com", "eve": None}


def find_user(uid: int) -> Optional[str]:
    return users.get(uid)


def find_email(name: Optional[str]) -> Optional[str]:
    if name is None:
        return None
    return emails.get(name)


def parse_int(text: str) -> Optional[int]:
    text = text.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    return None


for uid in [1, 2, 3, 5]:
    name = find_user(uid)
    email = find_email(name)
    if name is None:
        print(f"{uid}: no such user")
    elif email is None:
        print(f"{uid}: {name} has no email")
    else:
        print(f"{uid}: {name} <{email}>")

values = [parse_int(t) for t in ["12", " -3 ", "x1", "", "007"]]
print(values)
valid = [v for v in values if v is not None]
print(valid, sum(valid))
print(values.count(None))

cache: Optional[list] = None
for step in range(3):
    if cache is None:
        cache = []
        print("created cache")
    cache.append(step)
print(cache)

def describe(x: Optional[int] = None) -> str:
    return "missing" if x is None else ("zero" if x == 0 else str(x))

print(describe(), describe(0), describe(42))
print(find_user(9) or "anonymous")
