# Tests while/else: else runs only when the loop ends without break; retry loops and searches.
def find_index(items: list, target) -> int:
    i = 0
    while i < len(items):
        if items[i] == target:
            print(f"  found {target!r} at {i}")
            break
        i += 1
    else:
        print(f"  {target!r} not found")
        return -1
    return i


print(find_index([4, 8, 15], 8))
print(find_index([4, 8, 15], 16))
print(find_index([], "x"))


def attempt(n):
    return n * n % 7 == 2


tries = 0
while tries < 5:
    tries += 1
    if attempt(tries):
        print("succeeded on try", tries)
        break
else:
    print("gave up after", tries)

tries = 0
while tries < 2:
    tries += 1
    if attempt(tries + 200):
        break
else:
    print("gave up after", tries, "tries")

n = 0
while n < 3:
    n += 1
else:
    print("loop finished normally, n =", n)

balance, years = 1000.0, 0
while balance < 2000:
    balance *= 1.07
    years += 1
print(f"doubled after {years} years: {balance:.2f}")
x = 10
while x:
    x -= 3 if x > 3 else x
    print(x, end=" ")
print()
