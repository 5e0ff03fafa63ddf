# Tests: IndexError on list/str/tuple indexing, negative indices, safe slicing
items = [10, 20, 30]
word = "héllo"
pair = (1, 2)

for i in [0, 2, 3, -1, -3, -4]:
    try:
        print(i, items[i])
    except IndexError as e:
        print(i, "->", e)

for i in [1, 4, 5, -6]:
    try:
        print(word[i])
    except IndexError as e:
        print("str:", e)

try:
    pair[2]
except IndexError as e:
    print("tuple:", e)

try:
    items[5] = 1
except IndexError as e:
    print("assign:", e)

print(items[1:10], items[5:], word[-10:2], word[::-1])
print(len(word), word[1])


def safe_get(seq, idx, default=None):
    try:
        return seq[idx]
    except IndexError:
        return default


print(safe_get(items, 1), safe_get(items, 9), safe_get("", 0, "?"))
stack = [1]
for _ in range(3):
    try:
        print("popped", stack.pop())
    except IndexError as e:
        print("empty:", e)
try:
    print([].index(3))
except ValueError as e:
    print(e)
