# Tests: class attributes vs instance attributes, shadowing, shared counters
class Employee:
    company = "Acme"
    raise_pct = 5
    headcount = 0

    def __init__(self, name: str, salary: int):
        self.name = name
        self.salary = salary
        Employee.headcount += 1

    def apply_raise(self) -> None:
        self.salary = self.salary * (100 + self.raise_pct) // 100

    def info(self):
        return f"{self.name} at {self.company} earns {self.salary}"


a = Employee("Ann", 50000)
b = Employee("Bob", 42000)
print(Employee.headcount, a.headcount)
print(a.info())
a.apply_raise()
print(a.info())

b.raise_pct = 10
b.apply_raise()
print(b.info())
print(Employee.raise_pct, a.raise_pct, b.raise_pct)

Employee.company = "Globex"
print(a.info())
print(b.info())

b.company = "Initech"
print(a.company, b.company, Employee.company)

c = Employee("Cy", 30000)
print("headcount:", Employee.headcount)
Employee.raise_pct = 20
for e in [a, b, c]:
    e.apply_raise()
    print(e.name, e.salary)
