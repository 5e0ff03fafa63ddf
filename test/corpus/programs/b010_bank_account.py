# Tests: bank account simulation with methods, custom exception, transaction log
class InsufficientFunds(Exception):
    pass


class Account:
    next_id = 1000

    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner
        self.balance = balance
        self.log = []
        self.id = Account.next_id
        Account.next_id += 1

    def deposit(self, amount: int) -> int:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(f"+{amount}")
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.log.append(f"-{amount}")
        return self.balance

    def transfer(self, other: "Account", amount: int) -> None:
        self.withdraw(amount)
        other.deposit(amount)

    def __str__(self):
        return f"#{self.id} {self.owner}: {self.balance}"


alice = Account("alice", 100)
bob = Account("bob")
print(alice)
print(bob)
alice.deposit(50)
alice.transfer(bob, 120)
print(alice, "|", bob)
operations = [("withdraw", bob, 200), ("deposit", bob, -5), ("withdraw", alice, 30), ("deposit", alice, 1)]
for op, acct, amt in operations:
    try:
        if op == "withdraw":
            result = acct.withdraw(amt)
        else:
            result = acct.deposit(amt)
        print(f"{op} {amt} ok -> {result}")
    except InsufficientFunds as e:
        print("refused:", e)
    except ValueError as e:
        print("invalid:", e)
print(alice.log)
print(bob.log)
print(sum(a.balance for a in [alice, bob]))
