# Tests the main() guard pattern with helpers, and sys.exit(main()) returning a non-zero status (3).
import sys

THRESHOLD = 70


def parse_scores(raw: str) -> dict:
    scores = {}
    for entry in raw.split(";"):
        name, _, value = entry.partition(":")
        scores[name.strip()] = int(value)
    return scores


def summarize(scores):
    passed = {n: s for n, s in scores.items() if s >= THRESHOLD}
    failed = sorted(n for n, s in scores.items() if s < THRESHOLD)
    return passed, failed


def main() -> int:
    raw = "ann: 91; bob: 64; cy: 70; dee: 45; eve: 88"
    scores = parse_scores(raw)
    print("scores:", scores)
    passed, failed = summarize(scores)
    for name, score in sorted(passed.items(), key=lambda kv: -kv[1]):
        print(f"  PASS {name:<4}{score:>4}")
    for name in failed:
        print(f"  FAIL {name:<4}{scores[name]:>4}")
    average = sum(scores.values()) / len(scores)
    print(f"average {average:.1f}, pass rate {len(passed) / len(scores):.0%}")
    if failed:
        print(f"{len(failed)} student(s) below {THRESHOLD}")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
