# Tests: sys.exit('message') prints the message to stderr and exits with status 1
import sys


def load_scores(raw: str) -> dict:
    scores = {}
    for part in raw.split(";"):
        name, _, value = part.partition(":")
        scores[name.strip()] = int(value)
    return scores


scores = load_scores("ann: 90; bob: 72; cy: 85")
print(scores)
average = sum(scores.values()) / len(scores)
print(f"average {average:.2f}")
threshold = 80
below = sorted(n for n, s in scores.items() if s < threshold)
print("below threshold:", below)
if below:
    sys.exit(f"error: {len(below)} student(s) below {threshold}")
print("everyone passed")
