"""One long-lived engine worker (`node bin/portalis.js worker`) per model instance.

The worker speaks JSON lines and answers in request order, so a whole Triton batch is written
at once and read back line by line. A worker that dies or hangs is killed and restarted, and
the batch is retried once on the fresh worker; what still fails becomes per-request errors.
Files at the top of the model repository are not models (Triton only polls sub-folders).
"""
import json
import os
import queue
import shutil
import subprocess
import threading

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
DEFAULT_CLI = os.path.join(REPO_ROOT, "bin", "portalis.js")


class WorkerError(Exception):
    pass


class EngineWorker:
    def __init__(self, logger=None, timeout_s=None):
        self.cli = os.environ.get("PORTALIS_CLI", DEFAULT_CLI)
        self.node = os.environ.get("PORTALIS_NODE") or shutil.which("node") or "node"
        # Per-batch deadline: a base plus a share per request (verify runs rustc).
        self.timeout_s = timeout_s or float(os.environ.get("PORTALIS_WORKER_TIMEOUT_S", "60"))
        self.logger = logger
        self.lock = threading.Lock()
        self.proc = None
        self.lines = None
        self.restarts = 0
        self.next_id = 0

    def _log(self, msg):
        if self.logger is not None:
            self.logger.log_warn(msg)

    def start(self):
        if not os.path.exists(self.cli):
            raise WorkerError(f"engine CLI not found at {self.cli} (set PORTALIS_CLI, or run `npm run build`)")
        self.proc = subprocess.Popen(
            [self.node, self.cli, "worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8", bufsize=1,
        )
        # A reader thread lets a hung worker be detected with a timeout instead of blocking forever.
        self.lines = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc, self.lines), daemon=True).start()

    @staticmethod
    def _read(proc, lines):
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)  # EOF: the worker exited

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def _exchange(self, reqs):
        if self.proc is None or self.proc.poll() is not None:
            if self.proc is not None or self.restarts or self.next_id:
                self.restarts += 1
                self._log("portalis: restarting the engine worker")
            self.stop()
            self.start()
        ids = []
        payload = []
        for req in reqs:
            self.next_id += 1
            ids.append(self.next_id)
            payload.append(json.dumps(dict(req, id=self.next_id)))
        self.proc.stdin.write("\n".join(payload) + "\n")
        self.proc.stdin.flush()
        out = []
        deadline = self.timeout_s + 5 * len(reqs)
        for want in ids:
            try:
                line = self.lines.get(timeout=deadline)
            except queue.Empty:
                raise WorkerError(f"engine worker timed out after {deadline:.0f} s")
            if line is None:
                raise WorkerError("engine worker exited")
            res = json.loads(line)
            if res.get("id") != want:
                raise WorkerError(f"engine worker answered out of order ({res.get('id')} for {want})")
            out.append(res)
        return out

    def translate_batch(self, reqs):
        """reqs: [{"code", "options", "context"}]. Returns one dict per request: the worker's
        answer, or {"error": message}."""
        if not reqs:
            return []
        with self.lock:
            for attempt in (1, 2):
                try:
                    return self._exchange(reqs)
                except (WorkerError, OSError, ValueError) as e:
                    self.stop()  # restarted (lazily) by the next exchange
                    if attempt == 2:
                        return [{"error": f"engine worker failed: {e}"} for _ in reqs]


def engine_version():
    try:
        with open(os.path.join(REPO_ROOT, "package.json"), encoding="utf-8") as f:
            return json.load(f).get("version", "unknown")
    except (OSError, ValueError):
        return "unknown"


def translate_all(worker, reqs, cache=None, metrics=None):
    """Answers for `reqs` (worker requests), cached ones from `cache`, the rest in ONE worker
    batch. Returns [(answer, cached)] in order and records metrics."""
    keys = [cache.key(r) if cache else None for r in reqs]
    found = [cache.get(k) if cache else None for k in keys]
    misses = [i for i, f in enumerate(found) if f is None]
    fresh = worker.translate_batch([reqs[i] for i in misses])
    out = [(f, True) for f in found]
    for i, res in zip(misses, fresh):
        out[i] = (res, False)
        if cache:
            cache.put(keys[i], res)
    if metrics:
        metrics.worker_restarts(worker.restarts)
        for req, (res, cached) in zip(reqs, out):
            code = req.get("code") if isinstance(req, dict) else None
            metrics.record(res, cached, len(code.splitlines()) if isinstance(code, str) else 0)
    return out
