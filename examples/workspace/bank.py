"""A bank account with exceptions."""


class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount: int) -> int:
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        return self.balance


acct = Account("ada", 100)
for amount in [30, 50, 40]:
    try:
        left = acct.withdraw(amount)
        print(f"withdrew {amount}, {left} left")
    except InsufficientFunds as e:
        print("refused:", e)
print(-7 // 2, -7 % 2, 7 / 2)
