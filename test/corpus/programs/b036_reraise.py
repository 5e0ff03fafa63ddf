# Tests: bare `raise` to re-raise after logging, and re-raise caught by an outer handler
log: list[str] = []


def process(item):
    try:
        if item < 0:
            raise ValueError(f"negative: {item}")
        return 100 // item
    except ZeroDivisionError:
        log.append(f"zero seen for {item}")
        raise
    except ValueError as e:
        log.append(f"logged {e}")
        raise


def run_batch(items: list) -> list:
    results = []
    for it in items:
        try:
            results.append(process(it))
        except ZeroDivisionError as e:
            results.append(f"ZDE({e})")
        except ValueError as e:
            results.append(f"VE({e})")
    return results


print(run_batch([5, 0, -3, 20, 7]))
for line in log:
    print(" log:", line)


def strict(values):
    total = 0
    for v in values:
        try:
            total += int(v)
        except ValueError:
            print(f" cannot use {v!r}, aborting")
            raise
    return total


for batch in [["1", "2", "3"], ["4", "five", "6"]]:
    try:
        print("total", strict(batch))
    except ValueError as e:
        print("outer:", e)
