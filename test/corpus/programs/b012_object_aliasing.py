# Tests: objects are shared references; mutation through one name is visible via another
class Node:
    def __init__(self, label: str):
        self.label = label
        self.links = []

    def link(self, other: "Node") -> None:
        self.links.append(other)

    def __repr__(self):
        return f"Node({self.label})"


class Box:
    def __init__(self, value):
        self.value = value


a = Box(1)
b = a
b.value = 99
print(a.value, b.value, a is b)

boxes = [Box(i) for i in range(3)]
first = boxes[0]
first.value = 100
print([bx.value for bx in boxes])

same = [Box(0)] * 3
same[0].value = 7
print([bx.value for bx in same])

def bump_all(items: list, amount: int) -> None:
    for it in items:
        it.value += amount

bump_all(boxes, 5)
print([bx.value for bx in boxes], first.value)

x = Node("x")
y = Node("y")
x.link(y)
y.label = "why"
print(x.links, x.links[0] is y)

registry = {"main": x}
alias = registry["main"]
alias.link(Node("z"))
print(registry["main"].links)

grid = [[0] * 3] * 2
grid[0][1] = 5
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][1] = 5
print(grid2)

def rename(node, name):
    node.label = name
    node = Node("fresh")
    return node

fresh = rename(y, "renamed")
print(y.label, fresh.label, x.links)
