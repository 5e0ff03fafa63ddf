# Tests while loops with integer arithmetic: Collatz sequence lengths and the peak value.
def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def collatz_peak(n):
    peak = n
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        if n > peak:
            peak = n
    return peak


print([collatz_steps(n) for n in range(1, 16)])

best_n, best_steps = 1, 0
for n in range(1, 10000):
    s = collatz_steps(n)
    if s > best_steps:
        best_n, best_steps = n, s
print("longest under 10000:", best_n, "with", best_steps, "steps")

print("peak of 27:", collatz_peak(27))
print("peak of 77031:", collatz_peak(77031))

seq = [6]
while seq[-1] != 1:
    x = seq[-1]
    seq.append(x // 2 if x % 2 == 0 else 3 * x + 1)
print(" -> ".join(str(x) for x in seq))
