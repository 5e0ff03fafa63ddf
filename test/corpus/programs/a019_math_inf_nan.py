# Tests float infinity and nan: printing, comparisons, math.inf as sentinel.
import math

inf = float("inf")
print(inf, -inf, math.inf, float("-inf"), inf == math.inf)
print(inf > 1e308, -inf < -1e308, inf + 1, inf * -2, 1 / inf)
nan = float("nan")
print(nan, nan == nan, nan != nan, math.isnan(nan), math.isinf(-inf))
print([inf, -inf, 0.0], math.isfinite(1e308), math.isfinite(inf))
print(1e308 * 10, -1e308 * 10)


def minimum(values):
    best = math.inf
    for v in values:
        if v < best:
            best = v
    return best


print(minimum([5, 3, 8]), minimum([]))


def shortest_paths(graph: dict, start: str) -> dict:
    dist = {node: math.inf for node in graph}
    dist[start] = 0
    for _ in range(len(graph)):
        for u, edges in graph.items():
            for v, w in edges:
                if dist[u] + w < dist[v]:
                    dist[v] = dist[u] + w
    return dist


g = {"a": [("b", 4), ("c", 1)], "b": [("d", 1)], "c": [("b", 2)], "d": [], "e": []}
print(shortest_paths(g, "a"))
print(max(2.5, -inf), min(inf, 7), f"{inf:.2f}", f"{-inf:>6}")
