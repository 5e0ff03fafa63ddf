# Tests: a custom exception raised deep in a call chain and never caught (exit code 1)
class InventoryError(Exception):
    pass


stock = {"apple": 5, "pear": 2}


def reserve(item: str, qty: int) -> int:
    have = stock.get(item, 0)
    if qty > have:
        raise InventoryError(f"cannot reserve {qty} {item}: only {have}")
    stock[item] = have - qty
    return stock[item]


def process(orders):
    for item, qty in orders:
        left = reserve(item, qty)
        print(f"reserved {qty} {item}, {left} left")


process([("apple", 2), ("pear", 1)])
try:
    process([("kiwi", 1)])
except InventoryError as e:
    print("skipped:", e)
print(stock)
process([("apple", 3), ("pear", 4), ("apple", 1)])
print("unreachable")
