# Tests: custom exception hierarchy; `except Base` catches subclasses; handler ordering
class AppError(Exception):
    code = 1


class ConfigError(AppError):
    code = 2


class NetworkError(AppError):
    code = 3


class TimeoutError_(NetworkError):
    code = 4


def operation(step: int):
    if step == 0:
        raise ConfigError("missing key 'port'")
    if step == 1:
        raise NetworkError("connection refused")
    if step == 2:
        raise TimeoutError_("timed out after 30s")
    if step == 3:
        raise ValueError("plain value error")
    return "ok"


for step in range(5):
    try:
        print(step, operation(step))
    except TimeoutError_ as e:
        print(step, "timeout handler:", e, e.code)
    except NetworkError as e:
        print(step, "network handler:", e, e.code)
    except AppError as e:
        print(step, "app handler:", type(e).__name__, e, e.code)
    except Exception as e:
        print(step, "generic handler:", type(e).__name__, e)

caught = []
for step in range(3):
    try:
        operation(step)
    except AppError as e:
        caught.append((type(e).__name__, e.code))
print(caught)
print(issubclass(TimeoutError_, AppError), issubclass(ConfigError, NetworkError))
print(isinstance(TimeoutError_("x"), NetworkError))
