# Tests: binary search tree insert, search, in-order traversal, min/max, recursion with Optional
from typing import Optional, List


class TreeNode:
    def __init__(self, key: int):
        self.key = key
        self.left: Optional["TreeNode"] = None
        self.right: Optional["TreeNode"] = None


def insert(root: Optional[TreeNode], key: int) -> TreeNode:
    if root is None:
        return TreeNode(key)
    if key < root.key:
        root.left = insert(root.left, key)
    elif key > root.key:
        root.right = insert(root.right, key)
    return root


def contains(root, key):
    while root is not None:
        if key == root.key:
            return True
        root = root.left if key < root.key else root.right
    return False


def inorder(root: Optional[TreeNode], out: List[int]) -> List[int]:
    if root:
        inorder(root.left, out)
        out.append(root.key)
        inorder(root.right, out)
    return out


def preorder(root):
    if root is None:
        return []
    return [root.key] + preorder(root.left) + preorder(root.right)


def minimum(root: TreeNode) -> int:
    while root.left is not None:
        root = root.left
    return root.key


def count_range(root, lo, hi) -> int:
    if root is None:
        return 0
    here = 1 if lo <= root.key <= hi else 0
    return here + count_range(root.left, lo, hi) + count_range(root.right, lo, hi)


root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    root = insert(root, k)
print(inorder(root, []))
print(preorder(root))
print([contains(root, k) for k in [45, 55, 80, 10]])
print("min:", minimum(root))
print("in [33, 62]:", count_range(root, 33, 62))
print(root.left.right.left.key, root.right.left.right.key)
print(root.left.left.left is None)
