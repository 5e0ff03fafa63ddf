# Tests: sys.stdin.read() of a command script driving a bank simulation with errors
import sys


class Bank:
    def __init__(self):
        self.accounts: dict[str, int] = {}

    def run(self, cmd: str, args: list[str]) -> str:
        if cmd == "open":
            name = args[0]
            if name in self.accounts:
                raise ValueError(f"{name} already exists")
            self.accounts[name] = 0
            return f"opened {name}"
        if cmd == "dep":
            self.accounts[args[0]] += int(args[1])
            return f"{args[0]} = {self.accounts[args[0]]}"
        if cmd == "wd":
            name, amount = args[0], int(args[1])
            if self.accounts[name] < amount:
                raise ValueError(f"insufficient funds in {name}")
            self.accounts[name] -= amount
            return f"{name} = {self.accounts[name]}"
        if cmd == "show":
            return ", ".join(f"{k}:{v}" for k, v in sorted(self.accounts.items()))
        raise ValueError(f"unknown command {cmd!r}")


bank = Bank()
text = sys.stdin.read()
errors = 0
for n, raw in enumerate(text.splitlines(), 1):
    parts = raw.split()
    if not parts or parts[0].startswith("#"):
        continue
    try:
        print(f"[{n}] {bank.run(parts[0], parts[1:])}")
    except KeyError as e:
        errors += 1
        print(f"[{n}] no account {e}")
    except (ValueError, IndexError) as e:
        errors += 1
        print(f"[{n}] error: {e}")
print(f"done with {errors} errors")
