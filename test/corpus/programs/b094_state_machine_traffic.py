# Tests: state machine with an Enum of states, transition table, timed ticks and events
from enum import Enum


class Light(Enum):
    RED = "red"
    GREEN = "green"
    YELLOW = "yellow"
    FLASHING = "flashing"


DURATION = {Light.RED: 3, Light.GREEN: 4, Light.YELLOW: 1}
NEXT = {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}


class TrafficLight:
    def __init__(self):
        self.state = Light.RED
        self.remaining = DURATION[self.state]
        self.history = [self.state.value]

    def tick(self) -> None:
        if self.state is Light.FLASHING:
            return
        self.remaining -= 1
        if self.remaining == 0:
            self.change(NEXT[self.state])

    def change(self, new: Light) -> None:
        self.state = new
        self.remaining = DURATION.get(new, 0)
        self.history.append(new.value)

    def event(self, name: str) -> None:
        if name == "fault":
            self.change(Light.FLASHING)
        elif name == "repair" and self.state is Light.FLASHING:
            self.change(Light.RED)
        elif name == "pedestrian" and self.state is Light.GREEN and self.remaining > 1:
            self.remaining = 1


light = TrafficLight()
timeline = []
events = {5: "pedestrian", 9: "fault", 12: "repair"}
for t in range(16):
    if t in events:
        light.event(events[t])
        print(f"t={t:>2} event {events[t]!r}")
    timeline.append(light.state.name[0])
    light.tick()
print("".join(timeline))
print(" -> ".join(light.history))
print(light.state, light.remaining)
