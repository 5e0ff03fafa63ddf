# Tests break/continue in nested loops, loop flags, and skipping with continue.
for i in range(1, 4):
    for j in range(1, 4):
        if j == i:
            continue
        if i + j == 5:
            break
        print(f"({i},{j})", end=" ")
    print("| end of row", i)

numbers = [4, -1, 7, 0, -3, 12, 5, 99, 8]
total = 0
for n in numbers:
    if n < 0:
        continue
    if n == 99:
        print("sentinel reached")
        break
    total += n
print("total:", total)


def first_pair_with_sum(xs: list, target: int):
    found = None
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            if xs[i] + xs[j] == target:
                found = (i, j)
                break
        if found:
            break
    return found


print(first_pair_with_sum([2, 7, 11, 15], 9), first_pair_with_sum([1, 2, 3], 100))
print(first_pair_with_sum([3, 3, 4, 2], 6))

lines = ["# header", "data 1", "", "data 2", "STOP", "data 3"]
kept = []
for line in lines:
    if not line or line.startswith("#"):
        continue
    if line == "STOP":
        break
    kept.append(line.split()[1])
print(kept)
count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 8:
        break
    print("even", count)
