# Tests printf-style % formatting: %d %s %r %f %.2f %5.1f %x %o %e %% %-10s and tuples/dicts.
print("%d + %d = %d" % (2, 3, 5))
print("%s is %d years old" % ("Ada", 36))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%f" % (3.14159, 2.71828, 1.5, 0.1))
print("%x %X %#x %o %#o %e %.3E %g" % (255, 255, 255, 8, 8, 12345.678, 0.00012, 0.00001))
print("%s %r %s %r" % ("text", "text", [1, "a"], None))
print("100%% done, %s%%" % 50)
print("%(name)s has %(count)03d items" % {"name": "cart", "count": 7})
print("%c%c%c" % (72, 105, 33), "%10s|%-10s|" % ("right", "left"), "%.3s" % "abcdef")


def report(title: str, rows: list) -> None:
    print("%-10s %8s %6s" % (title, "amount", "pct"))
    total = sum(v for _, v in rows)
    for label, value in rows:
        print("%-10s %8.2f %5.1f%%" % (label, value, 100.0 * value / total))


report("Expenses", [("rent", 1200.0), ("food", 450.5), ("fun", 99.99)])
msg = "Error %d: %s" % (404, "not found")
print(msg, len(msg))
value = 7
print("single: %s" % value, "tuple: %s" % (value,), "repr tuple: %s" % ((1, 2),))
