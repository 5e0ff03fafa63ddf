# Tests: inheritance with super().__init__, inherited methods, extended attributes
class Vehicle:
    def __init__(self, make: str, wheels: int):
        self.make = make
        self.wheels = wheels
        self.odometer = 0

    def drive(self, km: int) -> None:
        self.odometer += km

    def describe(self) -> str:
        return f"{self.make} with {self.wheels} wheels, {self.odometer} km"


class Car(Vehicle):
    def __init__(self, make, seats=5):
        super().__init__(make, 4)
        self.seats = seats

    def describe(self):
        base = super().describe()
        return f"{base}, {self.seats} seats"


class Truck(Vehicle):
    def __init__(self, make: str, capacity: float):
        super().__init__(make, 6)
        self.capacity = capacity
        self.load = 0.0

    def add_load(self, tons: float) -> bool:
        if self.load + tons > self.capacity:
            return False
        self.load += tons
        return True


bike = Vehicle("Bianchi", 2)
car = Car("Volvo")
van = Car("Ford", seats=8)
truck = Truck("MAN", 12.5)
bike.drive(30)
car.drive(120)
car.drive(15)
truck.drive(400)
print(bike.describe())
print(car.describe())
print(van.describe())
print(truck.describe())
print([truck.add_load(t) for t in [5, 6, 2, 1.5]])
print(truck.load)
fleet = [bike, car, van, truck]
print(sum(v.wheels for v in fleet), sum(v.odometer for v in fleet))
print(isinstance(car, Vehicle), isinstance(bike, Car), issubclass(Truck, Vehicle))
