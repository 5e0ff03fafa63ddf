# Tests for/else with break: prime detection, searching nested structures, validation loops.
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        return True
    return False


print([n for n in range(50) if is_prime(n)])

for n in range(10, 16):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")

matrix = [[3, 5, 7], [9, 11, 13], [15, 17, 19]]
target = 11
for r, row in enumerate(matrix):
    for c, value in enumerate(row):
        if value == target:
            break
    else:
        continue
    print("found", target, "at", (r, c))
    break
else:
    print("not found")


def validate(password):
    for ch in password:
        if ch.isdigit():
            break
    else:
        return "needs a digit"
    for ch in password:
        if ch.isupper():
            return "ok"
    return "needs an uppercase letter"


for pw in ["hunter", "hunter2", "Hunter2", ""]:
    print(repr(pw), validate(pw))
for x in []:
    print("never")
else:
    print("empty loop still runs else")
