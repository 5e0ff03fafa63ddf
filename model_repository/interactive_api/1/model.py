"""interactive_api: one Triton sequence per editor session (sequence batcher, direct).

A request may call what earlier requests of the same sequence defined: the model keeps each
sequence's top-level definitions (with its own TTL, since Triton does not report reaped
sequences) and hands them to the engine as context. START resets a sequence, END forgets it,
READY=0 slots (filled in by the direct batcher) are skipped. A non-START request for a sequence
the model does not know (expired here, or the model restarted) gets an error that asks for
START, which the Portalis client answers by restarting the sequence with its context.
"""
import json
import os
import sys
import time

# The shared portalis_*.py helpers sit at the repository root; no __pycache__ there, since Triton
# would take that folder for a model.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))))
import triton_python_backend_utils as pb_utils  # noqa: E402
from portalis_metrics import Metrics  # noqa: E402
from portalis_state import ResultCache, SessionStore  # noqa: E402
from portalis_tensors import BadInput, control, error_response, read_inputs, response, worker_request  # noqa: E402
from portalis_worker import EngineWorker, engine_version, translate_all  # noqa: E402


def _session_ttl_s(config):
    """The model's TTL outlives Triton's idle timeout, so Triton reaps first and the client's
    START restart (with context) is the one recovery path."""
    idle_us = int(config.get("sequence_batching", {}).get("max_sequence_idle_microseconds", 0) or 0)
    param = config.get("parameters", {}).get("session_ttl_seconds", {}).get("string_value")
    return max(float(param or 0), 2 * idle_us / 1e6, 1.0)


class TritonPythonModel:
    def initialize(self, args):
        config = json.loads(args["model_config"])
        self.name = args["model_name"]
        self.version = engine_version()
        self.worker = EngineWorker(pb_utils.Logger)
        self.metrics = Metrics(self.name)
        self.cache = ResultCache()
        self.sessions = SessionStore(_session_ttl_s(config))

    def execute(self, requests):
        t0 = time.perf_counter()
        self.sessions.expire()
        out = [None] * len(requests)
        jobs, slots = [], []  # worker requests; (request index, corrid, code, context, end, shape)
        for i, r in enumerate(requests):
            if not control(r, "READY", 1):
                out[i] = pb_utils.InferenceResponse(output_tensors=[])  # empty slot: Triton drops it
                continue
            try:
                codes, options = read_inputs(r)
                if len(codes) != 1:
                    raise BadInput(f"{self.name} takes one python_code per request, got {len(codes)}")
            except BadInput as e:
                out[i] = error_response(str(e))
                self.metrics.error()
                continue
            corrid = control(r, "CORRID", 0) or None  # absent or 0: no sequence (e.g. warmup)
            if corrid is not None:
                if control(r, "START", 0):
                    self.sessions.start(corrid)
                elif self.sessions.get(corrid) is None:
                    out[i] = error_response(
                        f"sequence {corrid} is not known to {self.name} (expired or the model restarted): "
                        "send the START flag again with the session context")
                    continue
            code, given = codes[0], options.get("context") or ""
            context = self.sessions.context_for(corrid, code + "\n" + given) if corrid else ""
            slots.append((i, corrid, code, given, control(r, "END", 0)))
            jobs.append(worker_request(code, options, context))
        answers = translate_all(self.worker, jobs, self.cache, self.metrics)
        elapsed = round((time.perf_counter() - t0) * 1000, 1)
        for (i, corrid, code, given, end), (answer, cached) in zip(slots, answers):
            if "error" in answer:
                out[i] = error_response(answer["error"], pb_utils.TritonError.INTERNAL)
            else:
                if corrid and not answer.get("fatal"):
                    self.sessions.learn(corrid, given)
                    self.sessions.learn(corrid, code)
                meta = {"backend": "triton", "model": self.name, "engine_version": self.version,
                        "batch_size": len(jobs), "worker_pid": self.worker.pid, "cached": cached,
                        "sequence_id": corrid, "elapsed_ms": elapsed}
                out[i] = response([answer], [1, 1], meta)
            if corrid and end:
                self.sessions.end(corrid)
        return out

    def finalize(self):
        self.worker.stop()
