# Tests: Dijkstra's shortest paths with heapq on a weighted dict graph, path reconstruction
import heapq
from typing import Dict, List, Tuple

Graph = Dict[str, List[Tuple[str, int]]]

roads: Graph = {
    "home": [("park", 4), ("shop", 2)],
    "shop": [("park", 1), ("school", 8), ("bank", 10)],
    "park": [("school", 5), ("gym", 3)],
    "gym": [("school", 1), ("bank", 6)],
    "school": [("bank", 2)],
    "bank": [],
    "island": [],
}


def dijkstra(graph: Graph, source: str):
    dist = {node: float("inf") for node in graph}
    prev: Dict[str, str] = {}
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist[node]:
            continue
        for nb, w in graph[node]:
            nd = d + w
            if nd < dist[nb]:
                dist[nb] = nd
                prev[nb] = node
                heapq.heappush(heap, (nd, nb))
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return list(reversed(path))


dist, prev = dijkstra(roads, "home")
for node in sorted(dist, key=lambda n: (dist[n], n)):
    d = dist[node]
    if d == float("inf"):
        print(f"{node:<7} unreachable")
    else:
        print(f"{node:<7} {d:>3}  via {' -> '.join(path_to(prev, node))}")
print(dist)
heap = [5, 1, 8, 3, 2]
heapq.heapify(heap)
print([heapq.heappop(heap) for _ in range(3)], heap[0])
print(heapq.nsmallest(2, [7, 3, 9, 1]), heapq.nlargest(2, [7, 3, 9, 1]))
