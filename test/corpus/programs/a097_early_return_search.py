# Tests early returns in search functions, then exits via sys.exit("message") (exit status 1).
import sys

INVENTORY = [
    {"sku": "A100", "name": "bolt", "qty": 120, "price": 0.05},
    {"sku": "B220", "name": "nut", "qty": 0, "price": 0.03},
    {"sku": "C310", "name": "washer", "qty": 55, "price": 0.02},
]


def find_item(sku: str):
    for item in INVENTORY:
        if item["sku"] == sku:
            return item
    return None


def check_order(sku, qty):
    item = find_item(sku)
    if item is None:
        return f"{sku}: unknown item"
    if qty <= 0:
        return f"{sku}: invalid quantity {qty}"
    if item["qty"] < qty:
        return f"{sku}: only {item['qty']} {item['name']}(s) left"
    return f"{sku}: ok, total {qty * item['price']:.2f}"


for sku, qty in [("A100", 10), ("B220", 1), ("Z999", 5), ("C310", -2), ("C310", 55)]:
    print(check_order(sku, qty))


def first_negative(values: list) -> int:
    for i, v in enumerate(values):
        if v < 0:
            return i
    return -1


print(first_negative([3, 1, -4, 1, -5]), first_negative([1, 2]), first_negative([]))

missing = [s for s in ["A100", "X1", "C310"] if find_item(s) is None]
print("missing:", missing)
if missing:
    sys.exit("error: unknown skus " + ", ".join(missing))
print("not reached")
