# Tests: match on dict mapping patterns and tuples to drive a small event processor
def handle(event: dict, state: dict) -> str:
    match event:
        case {"type": "login", "user": user}:
            state["users"].append(user)
            return f"{user} logged in"
        case {"type": "logout", "user": user} if user in state["users"]:
            state["users"].remove(user)
            return f"{user} logged out"
        case {"type": "logout", "user": user}:
            return f"{user} was not logged in"
        case {"type": "message", "from": sender, "text": str(text)}:
            state["messages"] += 1
            return f"{sender}: {text}"
        case {"type": "batch", "events": [*events]}:
            return " / ".join(handle(e, state) for e in events)
        case {"type": kind}:
            return f"unsupported event {kind}"
        case _:
            return "malformed event"


state = {"users": [], "messages": 0}
events = [
    {"type": "login", "user": "ann"},
    {"type": "login", "user": "bob", "ip": "10.0.0.1"},
    {"type": "message", "from": "ann", "text": "hi all"},
    {"type": "message", "from": "bob", "text": 42},
    {"type": "logout", "user": "carl"},
    {"type": "batch", "events": [{"type": "logout", "user": "ann"}, {"type": "ping"}]},
    {"user": "nobody"},
]
for ev in events:
    print(handle(ev, state))
print(state)
