# Tests: input() reading a count then records; computes per-student averages and letter grades
def letter(avg: float) -> str:
    if avg >= 90:
        return "A"
    elif avg >= 80:
        return "B"
    elif avg >= 70:
        return "C"
    return "F"


n = int(input())
students = []
for _ in range(n):
    parts = input().split()
    name = parts[0]
    marks = [int(m) for m in parts[1:]]
    students.append((name, marks))

print(f"{'name':<8}{'avg':>7}  grade")
best_name, best_avg = None, -1.0
for name, marks in students:
    avg = sum(marks) / len(marks)
    if avg > best_avg:
        best_name, best_avg = name, avg
    print(f"{name:<8}{avg:>7.2f}  {letter(avg)}")
print("best:", best_name, round(best_avg, 2))
all_marks = [m for _, ms in students for m in ms]
print("overall:", round(sum(all_marks) / len(all_marks), 3), "max:", max(all_marks))
dist = {}
for name, marks in students:
    g = letter(sum(marks) / len(marks))
    dist[g] = dist.get(g, 0) + 1
print(dict(sorted(dist.items())))
