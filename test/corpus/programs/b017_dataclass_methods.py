# Tests: dataclasses with methods, __post_init__, nested dataclasses and computed totals
from dataclasses import dataclass, field
from typing import List


@dataclass
class LineItem:
    product: str
    unit_price: float
    qty: int = 1

    def subtotal(self) -> float:
        return self.unit_price * self.qty


@dataclass
class Invoice:
    number: int
    lines: List[LineItem] = field(default_factory=list)
    tax_rate: float = 0.08
    total: float = 0.0

    def __post_init__(self):
        self.recompute()

    def add(self, line: LineItem) -> None:
        self.lines.append(line)
        self.recompute()

    def recompute(self):
        base = sum(l.subtotal() for l in self.lines)
        self.total = round(base * (1 + self.tax_rate), 2)


inv = Invoice(1001)
print(inv)
inv.add(LineItem("bolt", 0.25, 40))
inv.add(LineItem("nut", 0.1, 40))
inv.add(LineItem("drill", 89.99))
print(inv.total)
for line in inv.lines:
    print(f"{line.product:<6} {line.qty:>3} x {line.unit_price:>6.2f} = {line.subtotal():>7.2f}")
print(inv.lines[0])
inv2 = Invoice(1002, [LineItem("saw", 20.0, 2)], tax_rate=0.0)
print(inv2)
print(inv2.total == 40.0)
