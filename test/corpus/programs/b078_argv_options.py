# Tests: sys.argv handling: program works with no args by using a default data set
import sys

DEFAULT_NUMBERS = [12, 7, 3, 21, 9, 14]


def stats(nums: list[int]) -> dict:
    ordered = sorted(nums)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return {"n": len(nums), "min": ordered[0], "max": ordered[-1],
            "mean": round(sum(nums) / len(nums), 3), "median": median}


args = sys.argv[1:]
if args:
    numbers = [int(a) for a in args]
    source = "command line"
else:
    numbers = DEFAULT_NUMBERS
    source = "defaults"
print(f"using {source}: {numbers}")
for key, value in stats(numbers).items():
    print(f"{key:>6}: {value}")
print("extra args given:", len(sys.argv) > 1)
