# Tests: `raise ... from ...` exception chaining, __cause__, and translation of errors
class ConfigError(Exception):
    pass


def parse_port(value: str) -> int:
    try:
        port = int(value)
    except ValueError as e:
        raise ConfigError(f"invalid port {value!r}") from e
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} out of range")
    return port


def load_config(raw: dict) -> dict:
    try:
        return {"host": raw["host"], "port": parse_port(raw.get("port", "80"))}
    except KeyError as e:
        raise ConfigError(f"missing setting {e}") from None


configs = [
    {"host": "example.com", "port": "8080"},
    {"host": "localhost", "port": "http"},
    {"host": "x", "port": "70000"},
    {"port": "22"},
    {"host": "default"},
]
for cfg in configs:
    try:
        print("loaded", load_config(cfg))
    except ConfigError as e:
        cause = e.__cause__
        if cause is not None:
            print("config error:", e, "| caused by", type(cause).__name__ + ":", cause)
        else:
            print("config error:", e, "| no cause")

try:
    try:
        {}["k"]
    except KeyError as inner:
        raise RuntimeError("lookup failed") from inner
except RuntimeError as outer:
    print(outer, "<-", repr(outer.__cause__))
