# Tests percentage formatting {x:.1%}, {x:%}, {x:.0%} and progress bars.
for r in [0, 0.5, 0.123, 0.9999, 1, 1.5, -0.25, 1 / 3, 0.125, 0.375]:
    print(f"{r!r:>20}: {r:.0%} {r:.1%} {r:.2%} {r:%} [{r:>8.1%}]")

results = {"alice": (18, 20), "bob": (7, 20), "carol": (20, 20), "dave": (0, 20)}
for name, (ok, total) in results.items():
    rate = ok / total
    print(f"{name:<6} {ok:>2}/{total} {rate:6.1%}")


def progress_bar(done: int, total: int, width: int = 20) -> str:
    frac = done / total
    filled = int(frac * width)
    return f"[{'#' * filled}{'.' * (width - filled)}] {frac:.0%}"


for done in [0, 3, 10, 17, 20]:
    print(progress_bar(done, 20))


def growth(old, new):
    return (new - old) / old


for old, new in [(100, 110), (80, 60), (50, 50), (3, 10)]:
    print(f"{old} -> {new}: {growth(old, new):+.1%}")
