"""batch_processor: a whole set of files in one request. Fans the files out to
translation_model with BLS (async, so the dynamic batcher groups them), then checks the
assembled Cargo crate with `cargo check` and reports per-file status in metadata.

Inputs: python_code [N] (one file each), translation_options {"files": [N names], "check": bool}.
Outputs: rust_code, confidence_score, warnings, suggestions [N]; metadata [1]:
{"files": [{"file", "bin", "status", "confidence", "errors"}], "check": "passed|failed|skipped"}.
status: ok (compiles) | translated (not checked) | check_failed | fatal | error.
"""
import asyncio
import json
import os
import sys
import time

import numpy as np

# The shared portalis_*.py helpers sit at the repository root; no __pycache__ there, since Triton
# would take that folder for a model.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))))
import triton_python_backend_utils as pb_utils  # noqa: E402
from portalis_crate import bin_names, cargo_check  # noqa: E402
from portalis_tensors import BadInput, error_response, read_inputs  # noqa: E402

OUTPUTS = ["rust_code", "confidence_score", "metadata", "warnings", "suggestions"]


def _str(t):
    v = t.as_numpy().reshape(-1)[0]
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


class TritonPythonModel:
    def initialize(self, args):
        self.name = args["model_name"]
        self.target = json.loads(args["model_config"]).get("parameters", {}).get(
            "translation_model", {}).get("string_value", "translation_model")

    async def _translate(self, code, filename):
        opts = json.dumps({"filename": filename, "verify": False})
        req = pb_utils.InferenceRequest(
            model_name=self.target, requested_output_names=OUTPUTS,
            inputs=[pb_utils.Tensor("python_code", np.array([[code.encode("utf-8")]], dtype=np.object_)),
                    pb_utils.Tensor("translation_options", np.array([[opts.encode("utf-8")]], dtype=np.object_))])
        res = await req.async_exec()
        if res.has_error():
            return {"error": res.error().message()}
        out = {n: pb_utils.get_output_tensor_by_name(res, n) for n in OUTPUTS}
        meta = json.loads(_str(out["metadata"]))
        return {"rust": _str(out["rust_code"]), "confidence": float(out["confidence_score"].as_numpy().reshape(-1)[0]),
                "warnings": _str(out["warnings"]), "suggestions": _str(out["suggestions"]), "meta": meta}

    async def _one(self, request):
        t0 = time.perf_counter()
        codes, options = read_inputs(request)
        files = options.get("files") or [f"file{i}.py" for i in range(len(codes))]
        if not isinstance(files, list) or len(files) != len(codes):
            raise BadInput(f"translation_options.files must list one name per python_code element ({len(codes)})")
        results = await asyncio.gather(*[self._translate(c, str(f)) for c, f in zip(codes, files)])
        bins = bin_names(files)
        rows = []
        for f, b, r in zip(files, bins, results):
            status = "error" if "error" in r else "fatal" if r["meta"].get("fatal") else "translated"
            rows.append({"file": f, "bin": b, "status": status, "confidence": r.get("confidence", 0.0),
                         "errors": [r["error"]] if "error" in r else ([r["meta"]["fatal"]] if status == "fatal" else [])})
        check = "skipped"
        ok = {row["bin"]: r for row, r in zip(rows, results) if row["status"] == "translated"}
        if options.get("check", True) and ok:
            errors = await asyncio.get_running_loop().run_in_executor(
                None, cargo_check, {b: r["rust"] for b, r in ok.items()}, {b: r["meta"].get("source_map") for b, r in ok.items()})
            if errors is None:
                check = "skipped (cargo not found)"
            else:
                check = "failed" if any(errors.values()) else "passed"
                for row in rows:
                    if row["bin"] in errors:
                        row["errors"] = errors[row["bin"]]
                        row["status"] = "check_failed" if errors[row["bin"]] else "ok"
        meta = {"backend": "triton", "model": self.name, "files": rows, "check": check,
                "elapsed_ms": round((time.perf_counter() - t0) * 1000, 1)}
        n = len(codes)

        def strings(name, values):
            return pb_utils.Tensor(name, np.array([v.encode("utf-8") for v in values], dtype=np.object_).reshape([n]))
        return pb_utils.InferenceResponse(output_tensors=[
            strings("rust_code", [r.get("rust", "") for r in results]),
            pb_utils.Tensor("confidence_score", np.array([r.get("confidence", 0.0) for r in results], dtype=np.float32)),
            strings("warnings", [r.get("warnings", "[]") for r in results]),
            strings("suggestions", [r.get("suggestions", "[]") for r in results]),
            pb_utils.Tensor("metadata", np.array([json.dumps(meta).encode("utf-8")], dtype=np.object_)),
        ])

    async def execute(self, requests):
        out = []
        for r in requests:
            try:
                out.append(await self._one(r))
            except BadInput as e:
                out.append(error_response(str(e)))
            except Exception as e:  # noqa: BLE001 — one bad batch must not take the model down
                out.append(error_response(f"batch failed: {e}", pb_utils.TritonError.INTERNAL))
        return out
