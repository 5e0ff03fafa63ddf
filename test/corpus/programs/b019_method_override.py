# Tests: method overriding, calling parent via super(), type(self).__name__ in base method
class Animal:
    sound = "..."

    def __init__(self, name: str):
        self.name = name

    def speak(self) -> str:
        return f"{self.name} the {type(self).__name__.lower()} says {self.sound}"

    def move(self):
        return "moves"


class Dog(Animal):
    sound = "woof"

    def move(self):
        return "runs"


class Bird(Animal):
    sound = "tweet"

    def move(self):
        return "flies and " + super().move()


class Puppy(Dog):
    def speak(self):
        return super().speak() + " (tiny)"


class Fish(Animal):
    def speak(self) -> str:
        return f"{self.name} stays silent"


zoo = [Animal("Generic"), Dog("Rex"), Bird("Tweety"), Puppy("Bit"), Fish("Nemo")]
for a in zoo:
    print(a.speak())
    print(f"  {a.name} {a.move()}")
print([type(a).__name__ for a in zoo])
print(Puppy.sound, Puppy("x").move())
counts = {}
for a in zoo:
    key = "dog-like" if isinstance(a, Dog) else "other"
    counts[key] = counts.get(key, 0) + 1
print(counts)
