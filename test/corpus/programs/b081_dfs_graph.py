# Tests: depth-first search (recursive and iterative), cycle detection, topological sort
deps = {
    "app": ["web", "db", "log"],
    "web": ["http", "log"],
    "db": ["log", "net"],
    "http": ["net"],
    "log": [],
    "net": [],
}


def dfs_recursive(graph: dict, node: str, seen=None) -> list:
    if seen is None:
        seen = []
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs_recursive(graph, nxt, seen)
    return seen


def dfs_iterative(graph, start):
    order, stack, seen = [], [start], set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        for nxt in reversed(graph[node]):
            if nxt not in seen:
                stack.append(nxt)
    return order


def topo_sort(graph: dict) -> list:
    visited, result = set(), []

    def visit(n):
        if n in visited:
            return
        visited.add(n)
        for m in graph[n]:
            visit(m)
        result.append(n)

    for n in graph:
        visit(n)
    return result


def has_cycle(graph: dict) -> bool:
    WHITE, GRAY, BLACK = 0, 1, 2
    color = {n: WHITE for n in graph}

    def visit(n) -> bool:
        color[n] = GRAY
        for m in graph[n]:
            if color[m] == GRAY or (color[m] == WHITE and visit(m)):
                return True
        color[n] = BLACK
        return False

    return any(color[n] == WHITE and visit(n) for n in graph)


print(dfs_recursive(deps, "app"))
print(dfs_iterative(deps, "app"))
print(topo_sort(deps))
print(has_cycle(deps))
cyclic = {"a": ["b"], "b": ["c"], "c": ["a"], "d": []}
print(has_cycle(cyclic), dfs_recursive(cyclic, "b"))
