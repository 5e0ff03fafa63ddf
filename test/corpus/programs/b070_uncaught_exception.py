# Tests: an uncaught exception at the end of the program (traceback to stderr, exit code 1)
def parse_temperature(text: str) -> float:
    value = float(text.rstrip("CF"))
    if text.endswith("F"):
        value = (value - 32) * 5 / 9
    return round(value, 1)


readings = ["21.5C", "70F", "19C", "98.6F"]
converted = [parse_temperature(r) for r in readings]
print(converted)
print("max", max(converted), "min", min(converted))

try:
    parse_temperature("warm")
except ValueError as e:
    print("handled:", e)

stats = {"count": len(converted), "mean": sum(converted) / len(converted)}
print(stats)
print("now processing an unexpected reading...")
limits = {"low": 10.0, "high": 30.0}
print(limits["critical"])
print("never printed")
