# Tests zfill, center, ljust, rjust and expandtabs to build aligned text tables.
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "3.14".zfill(7))
print("[" + "hi".center(7) + "]", "[" + "hi".center(6, "*") + "]", "[" + "odd".center(6) + "]")
print("[" + "left".ljust(8, ".") + "]", "[" + "right".rjust(8) + "]", "[" + "x".ljust(0) + "]")

inventory = [("apples", 12, 0.5), ("bananas", 6, 0.25), ("cherries", 200, 0.1), ("kiwi", 0, 1.2)]
width = 30
print("=" * width)
print("INVENTORY".center(width))
print("=" * width)
print("item".ljust(12) + "qty".rjust(6) + "price".rjust(12))
for name, qty, price in inventory:
    print(name.ljust(12) + str(qty).rjust(6) + str(price).rjust(12))
print("-" * width)


def invoice_number(n: int, prefix: str = "INV") -> str:
    return prefix + "-" + str(n).zfill(6)


for n in [1, 42, 123456, 9999999]:
    print(invoice_number(n))


def banner(msg, fill="#"):
    line = fill * (len(msg) + 4)
    return "\n".join([line, fill + " " + msg + " " + fill, line])


print(banner("Done"))
print("a\tbc\tdef".expandtabs(4), "|", "1\t2".expandtabs(), "|")
