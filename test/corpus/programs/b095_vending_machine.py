# Tests: vending machine state machine with match on commands, coins, change-making, errors
class VendingError(Exception):
    pass


class Machine:
    COINS = (100, 25, 10, 5)

    def __init__(self, stock: dict):
        self.stock = stock
        self.credit = 0
        self.sales = 0

    def insert(self, cents: int) -> None:
        if cents not in self.COINS:
            raise VendingError(f"rejected coin {cents}")
        self.credit += cents

    def select(self, item: str) -> list:
        if item not in self.stock:
            raise VendingError(f"no such item {item!r}")
        price, count = self.stock[item]
        if count == 0:
            raise VendingError(f"{item} sold out")
        if self.credit < price:
            raise VendingError(f"need {price - self.credit} more cents")
        self.stock[item] = (price, count - 1)
        self.sales += price
        change = self.credit - price
        self.credit = 0
        return self.make_change(change)

    def make_change(self, amount: int) -> list:
        coins = []
        for c in self.COINS:
            while amount >= c:
                coins.append(c)
                amount -= c
        return coins


m = Machine({"cola": (125, 2), "chips": (75, 1), "gum": (35, 0)})
script = ["coin 100", "select cola", "coin 25", "coin 25", "select cola", "coin 3",
          "coin 100", "select chips", "coin 100", "select chips", "select gum", "select tea",
          "refund", "coin 25", "coin 10", "refund", "dance"]
for line in script:
    try:
        match line.split():
            case ["coin", value]:
                m.insert(int(value))
                print(f"{line:<13} credit={m.credit}")
            case ["select", item]:
                print(f"{line:<13} vend {item}, change {m.select(item)}")
            case ["refund"]:
                print(f"{line:<13} returned {m.make_change(m.credit)}")
                m.credit = 0
            case _:
                print(f"{line:<13} ??")
    except VendingError as e:
        print(f"{line:<13} ERROR {e}")
print("sales:", m.sales, "stock:", m.stock)
