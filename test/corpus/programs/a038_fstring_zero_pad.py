# Tests zero padding and sign options: {x:05d}, {x:+d}, {x: d}, {x:08.3f}, {x:+.1f}.
for x in [0, 7, -7, 42, 12345, -123456]:
    print(f"[{x:05d}] [{x:+d}] [{x: d}] [{x:+06d}] [{x:03}]")

for f in [3.14159, -2.5, 0.0, 1234.5]:
    print(f"[{f:08.3f}] [{f:+.1f}] [{f:07.2f}] [{f:+09.2f}] [{f: .2f}]")


def timestamp(h: int, m: int, s: int) -> str:
    return f"{h:02d}:{m:02d}:{s:02d}"


def date_str(y, mo, d):
    return f"{y:04d}-{mo:02d}-{d:02d}"


print(timestamp(9, 5, 3), timestamp(23, 59, 59), timestamp(0, 0, 0))
print(date_str(2024, 2, 29), date_str(999, 12, 1))

for i in range(1, 12, 3):
    print(f"frame_{i:04d}.png", f"track{i:>3}", f"id#{i:0>3}")

changes = [12.5, -3.25, 0.0, -0.004, 100.0]
for c in changes:
    print(f"change: {c:+7.2f}%")
