# Tests: dataclass default values and field(default_factory=list/dict)
from dataclasses import dataclass, field


@dataclass
class Order:
    customer: str
    items: list[str] = field(default_factory=list)
    quantity: dict = field(default_factory=dict)
    status: str = "new"
    discount: float = 0.0

    def add(self, item: str, n: int = 1) -> None:
        if item not in self.quantity:
            self.items.append(item)
            self.quantity[item] = 0
        self.quantity[item] += n


o1 = Order("ann")
o2 = Order("ben", status="rush")
print(o1)
print(o2)
o1.add("pen", 3)
o1.add("ink")
o1.add("pen")
print(o1)
print(o2.items, o2.quantity)
print(o1.items is o2.items)

o3 = Order("cat", ["cup"], {"cup": 2}, "paid", 0.15)
print(o3)
print(o3 == Order("cat", ["cup"], {"cup": 2}, "paid", 0.15))


@dataclass
class Config:
    name: str = "default"
    retries: int = 3
    verbose: bool = False
    tags: list = field(default_factory=lambda: ["base"])


c = Config()
print(c)
c2 = Config(verbose=True, retries=5)
c2.tags.append("extra")
print(c2)
print(Config().tags)
print(c == Config())
