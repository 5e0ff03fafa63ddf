# Tests: sys.exit(0) from main() stops the program early with status 0
import sys


def check_all(values: list[int]) -> bool:
    for v in values:
        if v < 0:
            print(f"found negative value {v}")
            return False
        print(f"value {v} ok")
    return True


def main() -> int:
    data = [4, 8, 15, -16, 23]
    print("checking", len(data), "values")
    if not check_all(data[:3]):
        return 1
    print("first three fine")
    total = sum(data[:3])
    print("total", total)
    if total > 20:
        print("total large enough, stopping early")
        sys.exit(0)
    print("this line is never printed")
    return 0


if __name__ == "__main__":
    main()
    print("not reached either")
