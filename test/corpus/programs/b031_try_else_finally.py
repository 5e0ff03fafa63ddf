# Tests: try/except/else/finally execution order, finally with return
def divide(a: int, b: int):
    print(f"divide({a}, {b}) start")
    try:
        result = a / b
    except ZeroDivisionError:
        print("  except: cannot divide by zero")
        return None
    else:
        print("  else: no error, result", result)
        return result
    finally:
        print("  finally: cleanup")


print(divide(10, 4))
print(divide(1, 0))


def with_finally_return() -> str:
    try:
        return "from try"
    finally:
        print("finally runs before return value is used")


print(with_finally_return())

log = []
for value in ["3", "x", "0", "5"]:
    try:
        n = int(value)
        inv = 1 / n
    except ValueError:
        log.append(f"{value}: not a number")
    except ZeroDivisionError:
        log.append(f"{value}: zero")
    else:
        log.append(f"{value}: inverse {inv:.3f}")
    finally:
        log.append("done " + value)
print("\n".join(log))


def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally")


nested()
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("loop finally", count)
print("count", count)
