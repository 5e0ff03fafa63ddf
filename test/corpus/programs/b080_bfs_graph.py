# Tests: breadth-first search on a dict graph: shortest path, levels, connected components
from collections import deque
from typing import Dict, List, Optional

graph: Dict[str, List[str]] = {
    "A": ["B", "C"],
    "B": ["A", "D", "E"],
    "C": ["A", "F"],
    "D": ["B"],
    "E": ["B", "F"],
    "F": ["C", "E", "G"],
    "G": ["F"],
    "X": ["Y"],
    "Y": ["X"],
    "Z": [],
}


def bfs_path(start: str, goal: str) -> Optional[List[str]]:
    parent = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = parent[node]
            return path[::-1]
        for nb in graph[node]:
            if nb not in parent:
                parent[nb] = node
                queue.append(nb)
    return None


def levels(start):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nb in graph[node]:
            if nb not in dist:
                dist[nb] = dist[node] + 1
                queue.append(nb)
    return dist


def components() -> List[List[str]]:
    seen = set()
    comps = []
    for node in graph:
        if node not in seen:
            comp = sorted(levels(node))
            seen.update(comp)
            comps.append(comp)
    return comps


print(bfs_path("A", "G"))
print(bfs_path("D", "C"))
print(bfs_path("A", "X"))
print(bfs_path("Z", "Z"))
print(levels("A"))
by_level = {}
for node, d in levels("D").items():
    by_level.setdefault(d, []).append(node)
print(by_level)
print(components())
