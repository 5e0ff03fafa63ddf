# Tests: __eq__ and __lt__ on objects, then sorted(), min/max, ==, in
class Version:
    def __init__(self, text: str):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other: "Version") -> bool:
        return self.parts < other.parts

    def __repr__(self):
        return f"Version('{self.text}')"


versions = [Version(v) for v in ["1.10.0", "1.2.3", "0.9", "1.2.10", "1.2.3", "2.0"]]
print(sorted(versions))
print(sorted(versions, reverse=True)[:2])
print(min(versions), max(versions))
print(Version("1.0") == Version("1.0"))
print(Version("1.0") != Version("1.0.0"))
print(Version("1.2.3") in versions)
print(versions.count(Version("1.2.3")))
print(Version("3.1") < Version("3.10"))


class Student:
    def __init__(self, name, grade):
        self.name = name
        self.grade = grade

    def __lt__(self, other):
        if self.grade != other.grade:
            return self.grade > other.grade
        return self.name < other.name

    def __repr__(self):
        return f"{self.name}:{self.grade}"


roster = [Student("zed", 88), Student("amy", 92), Student("bo", 88), Student("cal", 75)]
roster.sort()
print(roster)
print(sorted(roster, key=lambda s: s.name))
