# Tests: combined report: dataclasses, Counter, groupby, sorted with keys, formatting, Optional
from dataclasses import dataclass
from collections import Counter
from itertools import groupby
from typing import List, Optional
import statistics


@dataclass
class Employee:
    name: str
    dept: str
    salary: int
    manager: Optional[str] = None


STAFF = [
    Employee("Alice", "Engineering", 125000),
    Employee("Bob", "Engineering", 98000, "Alice"),
    Employee("Carla", "Sales", 72000, "Dmitri"),
    Employee("Dmitri", "Sales", 91000),
    Employee("Erin", "Engineering", 105000, "Alice"),
    Employee("Farid", "Support", 56000, "Gwen"),
    Employee("Gwen", "Support", 64000),
    Employee("Hana", "Sales", 68500, "Dmitri"),
]


def dept_summary(staff: List[Employee]) -> None:
    ordered = sorted(staff, key=lambda e: e.dept)
    print(f"{'Department':<12}{'Count':>6}{'Total':>12}{'Average':>12}")
    for dept, group in groupby(ordered, key=lambda e: e.dept):
        members = list(group)
        total = sum(e.salary for e in members)
        print(f"{dept:<12}{len(members):>6}{total:>12,}{total / len(members):>12,.1f}")


def reports_of(name: str, staff):
    return sorted(e.name for e in staff if e.manager == name)


dept_summary(STAFF)
salaries = [e.salary for e in STAFF]
print("median:", statistics.median(salaries), "mean:", statistics.mean(salaries))
top3 = sorted(STAFF, key=lambda e: e.salary, reverse=True)[:3]
print("top earners:", ", ".join(f"{e.name} (${e.salary:,})" for e in top3))
managers = Counter(e.manager for e in STAFF if e.manager is not None)
print(managers.most_common())
for m in sorted(managers):
    print(f"{m} manages {reports_of(m, STAFF)}")
no_manager = [e.name for e in STAFF if e.manager is None]
print("heads:", no_manager)
raised = [Employee(e.name, e.dept, round(e.salary * 1.035)) for e in STAFF if e.dept == "Support"]
print(raised)
print(f"payroll share of Engineering: {sum(e.salary for e in STAFF if e.dept == 'Engineering') / sum(salaries):.1%}")
