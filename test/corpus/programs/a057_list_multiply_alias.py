# Tests [x] * n, aliasing of [[0] * n] * m rows vs comprehension-built rows, shared references.
zeros = [0] * 5
print(zeros, [None] * 3, ["ab"] * 2, [1, 2] * 3, [] * 10, [7] * 0)

aliased = [[0] * 3] * 3
aliased[0][0] = 1
print("aliased:", aliased)
print(aliased[0] is aliased[1], aliased[1] is aliased[2])

separate = [[0] * 3 for _ in range(3)]
separate[0][0] = 1
print("separate:", separate)
print(separate[0] is separate[1])


def make_board(n: int) -> list:
    return [["."] * n for _ in range(n)]


board = make_board(4)
for i in range(4):
    board[i][i] = "\\"
    board[i][3 - i] = "/"
for row in board:
    print(" ".join(row))

row = [1, 2]
table = [row, row]
row.append(3)
print(table)
table[0] = [9]
print(table, row)

counts = [0] * 26
for ch in "the quick brown fox jumps over the lazy dog":
    if ch.isalpha():
        counts[ord(ch) - ord("a")] += 1
print("".join(chr(ord("a") + i) * n for i, n in enumerate(counts) if n > 1))
bucket_lists = [[]] * 2
bucket_lists[0].append("shared!")
print(bucket_lists)
