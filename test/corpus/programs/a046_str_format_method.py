# Tests str.format with positional, indexed, named, attribute/index fields and specs.
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("abra", "cad"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0:>8}|{1:<8}|{2:^8}".format("r", "l", "c"))
print("{:.3f} {:,} {:x} {:08.2f} {:+}".format(3.14159, 1234567, 255, -3.5, 7))
point = (3, 4)
print("x={0[0]} y={0[1]}".format(point))
config = {"host": "localhost", "port": 8080}
print("{c[host]}:{c[port]}".format(c=config))
print("{host}:{port}".format(**config))
print("{{}} braces {}".format("kept"), "{!r} vs {!s}".format("hi", "hi"))

TEMPLATE = "Dear {title} {last},\nYour order #{order:05d} of {total:.2f} EUR has shipped."


def render(title: str, last: str, order: int, total: float) -> str:
    return TEMPLATE.format(title=title, last=last, order=order, total=total)


print(render("Dr.", "Hopper", 42, 99.5))
print(render("Ms.", "Lovelace", 12345, 1000))
row_fmt = "{:<8}{:>6}{:>8}"
print(row_fmt.format("name", "qty", "price"))
for row in [("pen", 3, "1.20"), ("book", 1, "15.00")]:
    print(row_fmt.format(*row))
width = 12
print("{:^{w}}|{:>{w}.2f}|".format("mid", 2.0 / 3, w=width))
