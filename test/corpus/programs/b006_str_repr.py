# Tests: __str__ vs __repr__ in print, f-strings, containers and !r
class Point:
    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"

    def __str__(self) -> str:
        return f"({self.x}, {self.y})"


class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"


class Money:
    def __init__(self, cents: int):
        self.cents = cents

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"


p = Point(3, -4)
print(p)
print(repr(p))
print(str(p))
print([p, Point(0, 0)])
print(f"{p} and {p!r}")
print({"origin": Point(0, 0)})
print((p,))

tags = [Tag("red"), Tag("it's"), Tag('say "hi"')]
print(tags)
print(tags[1])
print(Money(1999), Money(5), Money(100000))
print("Total: " + str(Money(250)))
print(f"{str(Money(7)):>8}|")
