# Tests: sys.argv with no extra arguments falls back to defaults
import sys


def parse_args(argv: list[str]) -> dict:
    opts = {"count": 3, "name": "world", "shout": False}
    rest = argv[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--shout":
            opts["shout"] = True
        elif arg == "--count" and i + 1 < len(rest):
            opts["count"] = int(rest[i + 1])
            i += 1
        else:
            opts["name"] = arg
        i += 1
    return opts


print("argument count:", len(sys.argv) - 1)
opts = parse_args(sys.argv)
print(opts)
for i in range(opts["count"]):
    msg = f"hello {opts['name']} #{i + 1}"
    print(msg.upper() if opts["shout"] else msg)
print(parse_args(["prog", "--count", "2", "--shout", "bob"]))
