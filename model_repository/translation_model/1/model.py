"""translation_model: stateless translation, dynamically batched; every batch goes to the
engine worker as one batch. Also the target of batch_processor's BLS fan-out."""
import os
import sys
import time

# The shared portalis_*.py helpers sit at the repository root; no __pycache__ there, since Triton
# would take that folder for a model.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))))
import triton_python_backend_utils as pb_utils  # noqa: E402
from portalis_metrics import Metrics  # noqa: E402
from portalis_state import ResultCache  # noqa: E402
from portalis_tensors import BadInput, error_response, read_inputs, response, worker_request  # noqa: E402
from portalis_worker import EngineWorker, engine_version, translate_all  # noqa: E402


class TritonPythonModel:
    def initialize(self, args):
        self.name = args["model_name"]
        self.version = engine_version()
        self.worker = EngineWorker(pb_utils.Logger)
        self.metrics = Metrics(self.name)
        self.cache = ResultCache()

    def execute(self, requests):
        t0 = time.perf_counter()
        parsed, jobs = [], []
        for r in requests:
            try:
                codes, options = read_inputs(r)
            except BadInput as e:
                parsed.append(e)
                self.metrics.error()
                continue
            shape = pb_utils.get_input_tensor_by_name(r, "python_code").as_numpy().shape
            parsed.append((len(jobs), len(codes), shape))
            jobs += [worker_request(c, options) for c in codes]
        answers = translate_all(self.worker, jobs, self.cache, self.metrics)
        out = []
        for p in parsed:
            if isinstance(p, BadInput):
                out.append(error_response(str(p)))
                continue
            first, n, shape = p
            rows = answers[first:first + n]
            errors = [a["error"] for a, _ in rows if "error" in a]
            if errors:
                out.append(error_response(errors[0], pb_utils.TritonError.INTERNAL))
                continue
            meta = {"backend": "triton", "model": self.name, "engine_version": self.version,
                    "batch_size": len(requests), "worker_pid": self.worker.pid,
                    "cached": all(c for _, c in rows),
                    "elapsed_ms": round((time.perf_counter() - t0) * 1000, 1)}
            out.append(response([a for a, _ in rows], shape, meta))
        return out

    def finalize(self):
        self.worker.stop()
