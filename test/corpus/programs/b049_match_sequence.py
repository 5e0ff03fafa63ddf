# Tests: match with sequence patterns, star captures, nested lists, command parsing
def parse(command: str) -> str:
    match command.split():
        case []:
            return "empty command"
        case ["quit"] | ["exit"]:
            return "bye"
        case ["go", direction]:
            return f"moving {direction}"
        case ["take", item, "from", place]:
            return f"taking {item} from {place}"
        case ["take", *items] if items:
            return f"taking {len(items)} items: {', '.join(items)}"
        case ["say", *words]:
            return "saying: " + " ".join(words)
        case [verb, *_]:
            return f"unknown verb {verb!r}"


def summarize(seq) -> str:
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one item {x}"
        case [first, second]:
            return f"pair {first},{second}"
        case [first, *middle, last]:
            return f"{first}..{last} with {len(middle)} in between"


def depth(v):
    match v:
        case [inner, *rest]:
            return max(1 + depth(inner), depth(rest) if rest else 0)
        case _:
            return 0


for cmd in ["", "quit", "go north", "take lamp from table", "take key coin map",
            "take", "say hello there", "dance wildly"]:
    print(f"{cmd!r:26} -> {parse(cmd)}")
for s in [[], [1], [1, 2], [1, 2, 3, 4, 5], ("a", "b", "c")]:
    print(summarize(s))
print(depth([1, [2, [3]], 4]), depth(5), depth([[[[]]]]))
