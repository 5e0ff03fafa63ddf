# Tests: @classmethod alternate constructors and class-level counters
class Date:
    created = 0

    def __init__(self, year: int, month: int, day: int):
        self.year = year
        self.month = month
        self.day = day
        Date.created += 1

    @classmethod
    def from_string(cls, text: str) -> "Date":
        parts = text.split("-")
        year, month, day = (int(p) for p in parts)
        return cls(year, month, day)

    @classmethod
    def from_tuple(cls, t):
        return cls(*t)

    @classmethod
    def count(cls) -> int:
        return cls.created

    def __str__(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def is_leap(self) -> bool:
        y = self.year
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


d1 = Date(2024, 2, 29)
d2 = Date.from_string("1999-12-31")
d3 = Date.from_tuple((2000, 1, 5))
d4 = Date.from_string("1900-7-4")
for d in [d1, d2, d3, d4]:
    print(d, "leap" if d.is_leap() else "common")
print("created:", Date.count())
print("via instance:", d1.count())


class Color:
    def __init__(self, r, g, b):
        self.r, self.g, self.b = r, g, b

    @classmethod
    def from_hex(cls, code: str):
        code = code.lstrip("#")
        return cls(int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16))

    def __repr__(self):
        return f"Color({self.r}, {self.g}, {self.b})"


print(Color.from_hex("#ff8000"))
print([Color.from_hex(h) for h in ["000000", "#1a2b3c"]])
