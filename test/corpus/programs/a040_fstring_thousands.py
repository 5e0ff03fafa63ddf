# Tests thousands separators: {x:,}, {x:_}, {x:,.2f}, with padding and negatives.
for n in [0, 999, 1000, 1234567, -1234567, 10 ** 12, 2 ** 50]:
    print(f"{n:,} | {n:_} | {n:>18,} | {n:,d}")

for f in [1234.5, 1234567.891, -0.5, 1e6]:
    print(f"{f:,.2f} | {f:,.0f} | {f:>16,.3f}")

populations = {"Tokyo": 37400068, "Delhi": 28514000, "Shanghai": 25582000, "Reykjavik": 131136}
total = sum(populations.values())
for city, pop in populations.items():
    share = pop / total
    print(f"{city:<10} {pop:>12,} {share:>8.2%}")
print(f"{'total':<10} {total:>12,}")


def human_bytes(n: int) -> str:
    units = ["B", "KB", "MB", "GB", "TB"]
    size = float(n)
    for unit in units:
        if size < 1024 or unit == units[-1]:
            return f"{size:,.1f} {unit}"
        size /= 1024
    return "?"


for b in [512, 2048, 5_000_000, 3 * 1024 ** 3, 7 * 1024 ** 5]:
    print(b, "->", human_bytes(b))
print("{:,}".format(9876543210), format(1234567, ","), format(0.5, ".1%"))
