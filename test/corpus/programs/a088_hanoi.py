# Tests recursive Towers of Hanoi with move logging, move counting and a global-free state dict.
def hanoi(n: int, source: str, target: str, spare: str, moves: list) -> None:
    if n == 0:
        return
    hanoi(n - 1, source, spare, target, moves)
    moves.append((n, source, target))
    hanoi(n - 1, spare, target, source, moves)


moves = []
hanoi(3, "A", "C", "B", moves)
for i, (disk, src, dst) in enumerate(moves, 1):
    print(f"move {i}: disk {disk} {src} -> {dst}")

for n in range(1, 11):
    m = []
    hanoi(n, "A", "C", "B", m)
    assert len(m) == 2 ** n - 1
print("moves for 1..10 disks:", [2 ** n - 1 for n in range(1, 11)])


def simulate(n):
    pegs = {"A": list(range(n, 0, -1)), "B": [], "C": []}
    log = []
    hanoi(n, "A", "C", "B", log)
    for disk, src, dst in log:
        moved = pegs[src].pop()
        if moved != disk or (pegs[dst] and pegs[dst][-1] < moved):
            return "illegal move!"
        pegs[dst].append(moved)
    return pegs


print(simulate(4))
print(simulate(0))


def count_moves(n):
    return 0 if n == 0 else 2 * count_moves(n - 1) + 1


print(count_moves(20), count_moves(40), count_moves(62))
