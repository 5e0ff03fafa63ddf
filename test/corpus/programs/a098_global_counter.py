# Tests global variables: counters mutated via `global`, module-level state read in functions.
call_count = 0
total_processed = 0
log_lines = []


def process(item: str) -> str:
    global call_count, total_processed
    call_count += 1
    total_processed += len(item)
    log_lines.append(f"#{call_count}: {item}")
    return item.upper()


def reset():
    global call_count
    call_count = 0


results = [process(w) for w in ["alpha", "beta", "gamma"]]
print(results, call_count, total_processed)
reset()
print(process("delta"), call_count, total_processed)
print(log_lines)

next_id = 1000


def new_id(prefix="ID"):
    global next_id
    next_id += 1
    return f"{prefix}-{next_id}"


print(new_id(), new_id("USR"), new_id(), next_id)

shadow = "module"


def read_shadow():
    return shadow


def local_shadow():
    shadow = "local"
    return shadow


print(read_shadow(), local_shadow(), shadow)
settings = {"verbose": False}


def enable_verbose():
    settings["verbose"] = True


enable_verbose()
print(settings, len(log_lines))
