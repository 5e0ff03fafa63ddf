# Tests integer digit manipulation: digit sums, reversal, Armstrong and Luhn checks.
def digit_sum(n: int) -> int:
    n = abs(n)
    total = 0
    while n:
        total += n % 10
        n //= 10
    return total


def reverse_number(n):
    sign = -1 if n < 0 else 1
    n = abs(n)
    rev = 0
    while n > 0:
        rev = rev * 10 + n % 10
        n //= 10
    return sign * rev


def is_armstrong(n: int) -> bool:
    s = str(n)
    return n == sum(int(d) ** len(s) for d in s)


def luhn_valid(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


for n in [0, 7, 1234, -987, 1000000007]:
    print(n, digit_sum(n), reverse_number(n))

print("armstrong:", [n for n in range(1, 1000) if is_armstrong(n)])

for card in ["4539578763621486", "1234567812345678", "79927398713"]:
    print(card, "valid" if luhn_valid(card) else "invalid")

print("digital root of 987654321:", 1 + (987654321 - 1) % 9)
