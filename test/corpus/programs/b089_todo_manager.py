# Tests: to-do manager app: dataclass tasks, enum priority, filtering, completion, report
from dataclasses import dataclass, field
from enum import Enum
from typing import List, Optional


class Priority(Enum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


@dataclass
class Task:
    id: int
    title: str
    priority: Priority = Priority.MEDIUM
    done: bool = False
    tags: List[str] = field(default_factory=list)


class TodoList:
    def __init__(self):
        self.tasks: List[Task] = []
        self._next = 1

    def add(self, title: str, priority=Priority.MEDIUM, *tags: str) -> Task:
        task = Task(self._next, title, priority, tags=list(tags))
        self.tasks.append(task)
        self._next += 1
        return task

    def find(self, task_id: int) -> Optional[Task]:
        for t in self.tasks:
            if t.id == task_id:
                return t
        return None

    def complete(self, task_id: int) -> bool:
        task = self.find(task_id)
        if task is None or task.done:
            return False
        task.done = True
        return True

    def pending(self):
        return sorted((t for t in self.tasks if not t.done), key=lambda t: (-t.priority.value, t.id))

    def with_tag(self, tag):
        return [t.title for t in self.tasks if tag in t.tags]


todo = TodoList()
todo.add("write report", Priority.HIGH, "work")
todo.add("buy milk", Priority.LOW, "home", "shopping")
todo.add("call plumber", Priority.HIGH, "home")
todo.add("refactor parser", Priority.MEDIUM, "work", "code")
todo.add("water plants")
print(todo.tasks[1])
print(todo.complete(1), todo.complete(1), todo.complete(42))
for t in todo.pending():
    mark = "x" if t.done else " "
    print(f"[{mark}] #{t.id} {t.title:<16} {t.priority.name:<6} {','.join(t.tags)}")
print("home:", todo.with_tag("home"))
print("work:", todo.with_tag("work"))
done = [t.title for t in todo.tasks if t.done]
print(f"{len(done)}/{len(todo.tasks)} done: {done}")
print(todo.find(5))
