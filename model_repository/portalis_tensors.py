"""Request/response tensors shared by the Portalis models (I/O in DESIGN §4).

Inputs: python_code (BYTES), translation_options (BYTES JSON, optional).
Outputs: rust_code (BYTES), confidence_score (FP32), metadata (BYTES JSON),
warnings (BYTES JSON list of diagnostics), suggestions (BYTES JSON list).
"""
import json
import re

import numpy as np
import triton_python_backend_utils as pb_utils

MAX_CODE_BYTES = 1_000_000
OPTION_KEYS = {"fragment", "filename", "context", "verify", "files", "check"}


class BadInput(Exception):
    pass


def _text(value):
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("python_code must be UTF-8 text")
    return str(value)


def read_inputs(request):
    """(codes, options) of one request: codes is a list (one per batch row), options a dict.
    Raises BadInput with a clear message."""
    code_t = pb_utils.get_input_tensor_by_name(request, "python_code")
    if code_t is None:
        raise BadInput("missing input tensor 'python_code'")
    codes = [_text(v) for v in code_t.as_numpy().reshape(-1)]
    for c in codes:
        if len(c.encode("utf-8")) > MAX_CODE_BYTES:
            raise BadInput(f"python_code is larger than {MAX_CODE_BYTES} bytes")
    options = {}
    opt_t = pb_utils.get_input_tensor_by_name(request, "translation_options")
    if opt_t is not None:
        raw = [v for v in opt_t.as_numpy().reshape(-1)]
        if raw and _text(raw[0]).strip():
            try:
                options = json.loads(_text(raw[0]))
            except ValueError as e:
                raise BadInput(f"translation_options is not valid JSON: {e}")
            if not isinstance(options, dict):
                raise BadInput("translation_options must be a JSON object")
            unknown = sorted(set(options) - OPTION_KEYS)
            if unknown:
                raise BadInput(f"unknown translation_options: {', '.join(unknown)}")
    return codes, options


def control(request, name, default=None):
    """Value of a sequence-batcher control tensor (START/END/READY/CORRID), or default when the
    request did not come through the sequence batcher (e.g. model warmup)."""
    t = pb_utils.get_input_tensor_by_name(request, name)
    if t is None:
        return default
    v = t.as_numpy().reshape(-1)[0]
    return v.decode("utf-8") if isinstance(v, bytes) else v.item()


def worker_request(code, options, context=None):
    ctx = "\n\n".join(c for c in (options.get("context"), context) if isinstance(c, str) and c.strip())
    opts = {k: options[k] for k in ("fragment", "filename", "verify") if k in options}
    return {"code": code, "options": opts, "context": ctx or None}


def suggestions_of(result):
    out = [{"code": d.get("code"), "range": d.get("range"), "suggestion": d["suggestion"]}
           for d in result.get("diagnostics", []) if d.get("suggestion")]
    out += [{"code": "inferred", "range": i.get("range"), "suggestion": i.get("text"), "why": i.get("why")}
            for i in result.get("inferred", []) or []]
    return out


def _bytes_tensor(name, values, shape):
    return pb_utils.Tensor(name, np.array([v.encode("utf-8") for v in values], dtype=np.object_).reshape(shape))


def response(results, shape, meta):
    """One InferenceResponse for a request whose batch rows produced `results` (worker answers).
    meta: fields added to every row's metadata JSON."""
    metas, warns, suggs = [], [], []
    for r in results:
        m = dict(meta)
        m.update({"engine_ms": r.get("elapsedMs"), "items": r.get("items", []),
                  "source_map": r.get("sourceMap", []), "inferred": r.get("inferred", [])})
        if r.get("fatal"):
            m["fatal"] = r["fatal"]
        metas.append(json.dumps(m))
        warns.append(json.dumps(r.get("diagnostics", [])))
        suggs.append(json.dumps(suggestions_of(r)))
    return pb_utils.InferenceResponse(output_tensors=[
        _bytes_tensor("rust_code", [r.get("rust", "") for r in results], shape),
        pb_utils.Tensor("confidence_score", np.array([r.get("confidence", 0.0) for r in results], dtype=np.float32).reshape(shape)),
        _bytes_tensor("metadata", metas, shape),
        _bytes_tensor("warnings", warns, shape),
        _bytes_tensor("suggestions", suggs, shape),
    ])


def error_response(message, code=None):
    code = code if code is not None else pb_utils.TritonError.INVALID_ARG
    return pb_utils.InferenceResponse(error=pb_utils.TritonError(message, code))


_DEF = re.compile(r"^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)")


def definitions_of(code):
    """Top-level def/class blocks of `code` by name (with their decorators), like the worker's
    session memory: what a later request in the same sequence may call."""
    out = {}
    lines = code.split("\n")
    for i, line in enumerate(lines):
        m = _DEF.match(line)
        if not m:
            continue
        start = i
        while start > 0 and lines[start - 1].startswith("@"):
            start -= 1
        j = i + 1
        while j < len(lines) and (lines[j].strip() == "" or lines[j][:1].isspace()):
            j += 1
        out[m.group(1)] = "\n".join(lines[start:j]).rstrip()
    return out
