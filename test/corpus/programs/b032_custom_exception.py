# Tests: custom exception classes with messages and extra attributes
class ValidationError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(Exception):
    pass


def validate_user(user: dict) -> dict:
    name = user.get("name", "")
    if not name:
        raise ValidationError("name", "required")
    age = user.get("age")
    if not isinstance(age, int):
        raise ValidationError("age", "must be an integer")
    if age < 0 or age > 150:
        raise ValidationError("age", f"out of range ({age})")
    return {"name": name.title(), "age": age}


db = {"u1": {"name": "ada lovelace", "age": 36}}


def load(uid: str) -> dict:
    if uid not in db:
        raise NotFoundError(f"user {uid} not found")
    return db[uid]


samples = [
    {"name": "grace hopper", "age": 85},
    {"age": 3},
    {"name": "bob", "age": "old"},
    {"name": "zed", "age": 200},
]
for s in samples:
    try:
        print("valid:", validate_user(s))
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field)

for uid in ["u1", "u2"]:
    try:
        print(load(uid))
    except NotFoundError as e:
        print("error:", e)
        print(repr(str(e)), type(e).__name__, isinstance(e, Exception))

err = ValidationError("email", "bad format")
print(err.args)
print(str(NotFoundError()), "|", str(NotFoundError("a", 1)))
