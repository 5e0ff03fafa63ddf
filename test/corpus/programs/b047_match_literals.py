# Tests: match statement with literal patterns, or-patterns, and wildcard
def http_status(code: int) -> str:
    match code:
        case 200:
            return "OK"
        case 201 | 202:
            return "Accepted"
        case 301 | 302 | 307:
            return "Redirect"
        case 404:
            return "Not Found"
        case 500:
            return "Server Error"
        case _:
            return "Unknown"


def weekday_kind(day: str):
    match day.lower():
        case "sat" | "sun":
            return "weekend"
        case "mon" | "tue" | "wed" | "thu" | "fri":
            return "weekday"
        case _:
            return "invalid"


def truthy(value):
    match value:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0:
            return "zero"
        case "":
            return "empty string"
        case _:
            return f"something: {value!r}"


for code in [200, 202, 302, 404, 418, 500]:
    print(code, http_status(code))
print([weekday_kind(d) for d in ["Mon", "SUN", "fri", "xyz"]])
for v in [None, True, False, 0, "", 3.5, "hi"]:
    print(truthy(v))
