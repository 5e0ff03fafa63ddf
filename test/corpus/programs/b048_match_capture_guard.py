# Tests: match with capture patterns, guards (if ...), and tuple patterns
def classify(n: int) -> str:
    match n:
        case 0:
            return "zero"
        case x if x < 0:
            return f"negative ({x})"
        case x if x % 2 == 0:
            return f"even ({x})"
        case x:
            return f"odd ({x})"


def quadrant(point: tuple) -> str:
    match point:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on y-axis at {y}"
        case (x, 0):
            return f"on x-axis at {x}"
        case (x, y) if x > 0 and y > 0:
            return "Q1"
        case (x, y) if x < 0 < y:
            return "Q2"
        case (x, y) if x < 0 and y < 0:
            return "Q3"
        case _:
            return "Q4"


def grade(score):
    match score:
        case s if s >= 90:
            return "A"
        case s if s >= 80:
            return "B"
        case s if s >= 70:
            return "C"
        case _:
            return "F"


print([classify(n) for n in [0, -5, 4, 7]])
for p in [(0, 0), (0, 3), (-2, 0), (1, 1), (-1, 2), (-3, -3), (5, -1)]:
    print(p, quadrant(p))
scores = [95, 83, 70, 42, 89.5]
print({s: grade(s) for s in scores})
