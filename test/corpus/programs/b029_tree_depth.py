# Tests: recursive tree types: depth, leaf count, path sums, n-ary tree printing
from typing import Optional, List


class Node:
    def __init__(self, val: int, left: Optional["Node"] = None, right: Optional["Node"] = None):
        self.val = val
        self.left = left
        self.right = right


def depth(node: Optional[Node]) -> int:
    if node is None:
        return 0
    return 1 + max(depth(node.left), depth(node.right))


def leaves(node):
    if node is None:
        return 0
    if node.left is None and node.right is None:
        return 1
    return leaves(node.left) + leaves(node.right)


def paths(node: Optional[Node], prefix: List[int], out: List[List[int]]) -> None:
    if node is None:
        return
    prefix = prefix + [node.val]
    if node.left is None and node.right is None:
        out.append(prefix)
    paths(node.left, prefix, out)
    paths(node.right, prefix, out)


class Dir:
    def __init__(self, name: str, children: Optional[List["Dir"]] = None):
        self.name = name
        self.children = children or []


def show(d: Dir, indent: int = 0) -> None:
    print("  " * indent + d.name + ("/" if d.children else ""))
    for child in d.children:
        show(child, indent + 1)


tree = Node(1, Node(2, Node(4), Node(5, Node(8))), Node(3, None, Node(6, Node(7))))
print("depth:", depth(tree))
print("leaves:", leaves(tree))
all_paths: List[List[int]] = []
paths(tree, [], all_paths)
for p in all_paths:
    print(p, "sum", sum(p))
print(depth(None), depth(Node(0)))

fs = Dir("root", [Dir("src", [Dir("main.py"), Dir("util", [Dir("io.py")])]), Dir("README")])
show(fs)
