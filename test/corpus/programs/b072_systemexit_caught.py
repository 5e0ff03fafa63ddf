# Tests: SystemExit can be caught; its .code; finally runs during sys.exit; normal exit 0
import sys


def quit_with(code):
    try:
        print(f"  exiting with {code!r}")
        sys.exit(code)
    finally:
        print("  finally ran")


for code in [0, 3, "bad input", None]:
    try:
        quit_with(code)
    except SystemExit as e:
        print("caught SystemExit, code =", repr(e.code))

def guarded(n: int) -> str:
    try:
        if n < 0:
            sys.exit(4)
        return "ok"
    except SystemExit as e:
        return f"blocked exit {e.code}"

print(guarded(1), guarded(-1))
try:
    raise SystemExit(7)
except SystemExit as e:
    print("direct raise code", e.code)
print(isinstance(SystemExit(), Exception), isinstance(SystemExit(), BaseException))
print("finished normally")
