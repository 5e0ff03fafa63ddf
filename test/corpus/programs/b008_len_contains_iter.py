# Tests: __len__, __contains__, __iter__ returning iter(list), truthiness via __len__
class Playlist:
    def __init__(self, name: str):
        self.name = name
        self.songs: list[str] = []

    def add(self, song: str) -> "Playlist":
        if song not in self.songs:
            self.songs.append(song)
        return self

    def remove(self, song):
        self.songs.remove(song)

    def __len__(self) -> int:
        return len(self.songs)

    def __contains__(self, song) -> bool:
        return song.lower() in (s.lower() for s in self.songs)

    def __iter__(self):
        return iter(self.songs)


pl = Playlist("road trip")
print(len(pl), bool(pl))
if not pl:
    print("empty playlist")
pl.add("Highway Star").add("Roadhouse Blues").add("Highway Star").add("Drive")
print(len(pl))
print("drive" in pl, "Yesterday" in pl, "Yesterday" not in pl)
for i, song in enumerate(pl, 1):
    print(f"{i}. {song}")
print(list(pl))
print(sorted(pl))
print(", ".join(pl))
pl.remove("Drive")
print(len(pl), [s.upper() for s in pl])
lengths = {s: len(s) for s in pl}
print(lengths)
print(max(pl, key=len))
