# Tests f-string alignment: <, >, ^, fill chars, default alignment of numbers vs strings.
name, n, x = "Ada", 42, 3.5
print(f"[{name:>10}] [{name:<10}] [{name:^10}] [{name:*^9}] [{name:-<6}] [{name:.>6}]")
print(f"[{n:>6}] [{n:<6}] [{n:^6}] [{n:6}] [{name:6}] [{x:8}] [{x:<8}]")
print(f"[{n:0>5}] [{n:_^7}] [{-n:>5}] [{-n:=6}] [{True:>6}] [{None!s:>6}]")

rows = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Thingamajig", 1, 100.0)]
print(f"{'Item':<12}|{'Qty':>5}|{'Price':>9}|{'Total':>10}")
print("-" * 39)
grand = 0.0
for item, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{item:<12}|{qty:>5}|{price:>9.2f}|{total:>10.2f}")
print(f"{'TOTAL':<12}|{'':>5}|{'':>9}|{grand:>10.2f}")


def boxed(text: str, width: int) -> str:
    return f"+{'-' * width}+\n|{text:^{width}}|\n+{'-' * width}+"


print(boxed("Report", 14))
print(boxed("odd", 8))
for w in (4, 8, 12):
    print(f"{'x':>{w}}|{w:<{w}}|")
