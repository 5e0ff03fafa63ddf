# Tests: typing List, Dict, Tuple, Optional, Union annotations on real functions
from typing import List, Dict, Tuple, Optional, Union

Number = Union[int, float]
Matrix = List[List[Number]]


def mean(values: List[Number]) -> Optional[float]:
    if not values:
        return None
    return sum(values) / len(values)


def min_max(values: List[int]) -> Tuple[int, int]:
    return min(values), max(values)


def word_lengths(words: List[str]) -> Dict[str, int]:
    return {w: len(w) for w in words}


def to_number(text: str) -> Union[int, float, None]:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return None


def transpose(m: Matrix) -> Matrix:
    return [list(row) for row in zip(*m)]


def lookup(table: Dict[str, List[int]], key: str, index: int = 0) -> Optional[int]:
    row = table.get(key)
    if row is None or index >= len(row):
        return None
    return row[index]


print(mean([1, 2, 3, 4]), mean([]), mean([2.5, 3.5]))
print(min_max([5, -2, 9, 0]))
lo, hi = min_max([7])
print(lo, hi)
print(word_lengths(["a", "tree", "house"]))
print([to_number(t) for t in ["3", "3.0", "x", "-2", "1e2"]])
print(transpose([[1, 2, 3], [4, 5, 6]]))
table: Dict[str, List[int]] = {"a": [1, 2], "b": []}
print(lookup(table, "a"), lookup(table, "a", 1), lookup(table, "b"), lookup(table, "z"))
pairs: List[Tuple[str, int]] = sorted(word_lengths(["kiwi", "fig", "banana"]).items(), key=lambda p: p[1])
print(pairs)
