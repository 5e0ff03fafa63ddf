# Tests: inheritance hierarchy with overridden pay(), polymorphic payroll and grouping
class Employee:
    def __init__(self, name: str, base: int):
        self.name = name
        self.base = base

    def pay(self) -> int:
        return self.base

    def title(self):
        return type(self).__name__

    def __str__(self):
        return f"{self.name} ({self.title()}): {self.pay()}"


class Manager(Employee):
    def __init__(self, name, base, reports=None):
        super().__init__(name, base)
        self.reports = reports if reports is not None else []

    def pay(self):
        return self.base + 500 * len(self.reports)


class Engineer(Employee):
    def __init__(self, name: str, base: int, level: int):
        super().__init__(name, base)
        self.level = level

    def pay(self) -> int:
        return self.base + self.level * 1000


class Intern(Employee):
    def pay(self):
        return self.base // 2


e1 = Engineer("dana", 5000, 2)
e2 = Engineer("eli", 5200, 3)
i1 = Intern("finn", 3000)
m1 = Manager("gwen", 7000, [e1, e2, i1])
m2 = Manager("hal", 9000)
staff = [m1, e1, e2, i1, m2]
for s in staff:
    print(s)
print("payroll:", sum(s.pay() for s in staff))
by_title = {}
for s in staff:
    by_title.setdefault(s.title(), []).append(s.name)
print(by_title)
top = sorted(staff, key=lambda s: s.pay(), reverse=True)
print([s.name for s in top])
print([r.name for r in m1.reports], m2.reports)
