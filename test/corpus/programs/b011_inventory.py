# Tests: inventory app with a class holding a dict of item objects, restock and reports
class Item:
    def __init__(self, sku: str, name: str, price: float, qty: int):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def value(self) -> float:
        return self.price * self.qty


class Inventory:
    def __init__(self):
        self.items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item

    def sell(self, sku, qty):
        item = self.items.get(sku)
        if item is None:
            return f"unknown sku {sku}"
        if item.qty < qty:
            return f"only {item.qty} {item.name} left"
        item.qty -= qty
        return f"sold {qty} {item.name}"

    def low_stock(self, threshold: int = 5) -> list[str]:
        return sorted(i.name for i in self.items.values() if i.qty < threshold)

    def total_value(self):
        return round(sum(i.value() for i in self.items.values()), 2)


inv = Inventory()
inv.add(Item("A1", "widget", 2.50, 10))
inv.add(Item("B2", "gadget", 12.99, 3))
inv.add(Item("C3", "doohickey", 0.75, 40))
inv.add(Item("A1", "widget", 2.50, 5))
print(len(inv.items), inv.items["A1"].qty)
for sku, qty in [("A1", 12), ("B2", 5), ("Z9", 1), ("C3", 38)]:
    print(inv.sell(sku, qty))
print("low stock:", inv.low_stock())
print("total value:", inv.total_value())
for sku, item in inv.items.items():
    print(f"{sku:<4}{item.name:<10}{item.qty:>4}{item.value():>8.2f}")
