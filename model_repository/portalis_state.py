"""Model-side state: per-sequence session context with its own TTL (Triton does not tell a
model when it reaps an idle sequence), and a small LRU cache of stateless results."""
import collections
import hashlib
import json
import re
import time

from portalis_tensors import definitions_of

_IDENT = re.compile(r"[A-Za-z_]\w*")


class SessionStore:
    def __init__(self, ttl_s, max_sessions=10000):
        self.ttl_s = ttl_s
        self.max_sessions = max_sessions
        self.sessions = collections.OrderedDict()  # corrid -> {"defs": {name: source}, "seen": t}

    def expire(self, now=None):
        now = now or time.monotonic()
        while self.sessions:
            corrid, s = next(iter(self.sessions.items()))
            if now - s["seen"] < self.ttl_s and len(self.sessions) <= self.max_sessions:
                break
            del self.sessions[corrid]

    def start(self, corrid):
        self.sessions.pop(corrid, None)
        self.sessions[corrid] = {"defs": {}, "seen": time.monotonic()}

    def get(self, corrid):
        s = self.sessions.get(corrid)
        if s is not None:
            s["seen"] = time.monotonic()
            self.sessions.move_to_end(corrid)
        return s

    def context_for(self, corrid, code):
        """Python source of the session's definitions that `code` uses, directly or through
        other definitions, and does not redefine. Only what is referenced: a long session must
        not make every request analyse everything it ever defined."""
        s = self.sessions.get(corrid)
        if not s:
            return ""
        own = definitions_of(code)
        defs = {n: src for n, src in s["defs"].items() if n not in own}
        used, names = [], set(_IDENT.findall(code))
        grew = True
        while grew:
            grew = False
            for name, src in defs.items():
                if name in names and name not in used:
                    used.append(name)
                    names.update(_IDENT.findall(src))
                    grew = True
        return "\n\n".join(src for name, src in defs.items() if name in used)

    def learn(self, corrid, code):
        s = self.sessions.get(corrid)
        if s is not None:
            s["defs"].update(definitions_of(code))

    def end(self, corrid):
        self.sessions.pop(corrid, None)


class ResultCache:
    def __init__(self, size=512):
        self.size = size
        self.items = collections.OrderedDict()

    @staticmethod
    def key(worker_req):
        return hashlib.sha256(json.dumps(worker_req, sort_keys=True).encode("utf-8")).hexdigest()

    def get(self, key):
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        return None

    def put(self, key, value):
        if "error" in value:
            return
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)
