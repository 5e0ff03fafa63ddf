# Tests: sys.exit(2) after reporting validation errors (exit status 2, stdout kept)
import sys

REQUIRED = ["host", "port", "user"]


def validate(config: dict) -> list:
    problems = []
    for key in REQUIRED:
        if key not in config:
            problems.append(f"missing '{key}'")
    port = config.get("port")
    if port is not None and not (0 < port < 65536):
        problems.append(f"port {port} out of range")
    return problems


configs = {
    "dev": {"host": "localhost", "port": 8000, "user": "dev"},
    "prod": {"host": "example.com", "port": 70000},
    "test": {"user": "ci"},
}
failed = 0
for name, cfg in configs.items():
    problems = validate(cfg)
    if problems:
        failed += 1
        print(f"{name}: INVALID")
        for p in problems:
            print("   -", p)
    else:
        print(f"{name}: ok")
print(f"{failed} of {len(configs)} configs invalid")
if failed:
    sys.exit(2)
print("all good")
