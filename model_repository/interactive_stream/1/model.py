"""interactive_stream: decoupled translation of a large selection. For each request: one
response per top-level item (its Rust lines, diagnostics and confidence; metadata.item says
which), then a final response carrying the whole program (metadata.final = true)."""
import os
import sys
import time

# The shared portalis_*.py helpers sit at the repository root; no __pycache__ there, since Triton
# would take that folder for a model.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))))
import triton_python_backend_utils as pb_utils  # noqa: E402
from portalis_metrics import Metrics  # noqa: E402
from portalis_tensors import BadInput, error_response, read_inputs, response, worker_request  # noqa: E402
from portalis_worker import EngineWorker, engine_version, translate_all  # noqa: E402

FINAL = pb_utils.TRITONSERVER_RESPONSE_COMPLETE_FINAL


def item_parts(answer):
    """Per top-level item: a worker-like answer holding only that item's Rust and diagnostics."""
    lines = answer.get("rust", "").split("\n")
    items = answer.get("items", [])
    for k, item in enumerate(items):
        first, last = item["rustLines"]
        start, end = item["range"]["start"]["line"], item["range"]["end"]["line"]
        yield k, len(items), {
            "rust": "\n".join(lines[first - 1:last]) + "\n",
            "confidence": item.get("confidence", answer.get("confidence", 0.0)),
            "diagnostics": [d for d in answer.get("diagnostics", []) if start <= d["range"]["start"]["line"] <= end],
            "items": [item],
        }


class TritonPythonModel:
    def initialize(self, args):
        self.name = args["model_name"]
        self.version = engine_version()
        self.worker = EngineWorker(pb_utils.Logger)
        self.metrics = Metrics(self.name)

    def execute(self, requests):
        t0 = time.perf_counter()
        senders, jobs = [], []
        for r in requests:
            sender = r.get_response_sender()
            try:
                codes, options = read_inputs(r)
                if len(codes) != 1:
                    raise BadInput(f"{self.name} takes one python_code per request, got {len(codes)}")
            except BadInput as e:
                self.metrics.error()
                sender.send(error_response(str(e)), flags=FINAL)
                continue
            senders.append(sender)
            jobs.append(worker_request(codes[0], options))
        answers = translate_all(self.worker, jobs, None, self.metrics)
        for sender, (answer, _) in zip(senders, answers):
            if "error" in answer:
                sender.send(error_response(answer["error"], pb_utils.TritonError.INTERNAL), flags=FINAL)
                continue
            meta = {"backend": "triton", "model": self.name, "engine_version": self.version,
                    "worker_pid": self.worker.pid, "elapsed_ms": round((time.perf_counter() - t0) * 1000, 1)}
            for k, n, part in item_parts(answer):
                sender.send(response([part], [1, 1], dict(meta, item={"index": k, "count": n, "name": part["items"][0]["name"]})))
            sender.send(response([answer], [1, 1], dict(meta, final=True)), flags=FINAL)
        return None

    def finalize(self):
        self.worker.stop()
