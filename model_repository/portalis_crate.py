"""batch_processor's build stage: the translated files as binaries of one Cargo crate, checked
with `cargo check` (when cargo exists); errors are mapped back to files and Python lines."""
import json
import os
import re
import shutil
import subprocess
import tempfile

CARGO_TIMEOUT_S = 300


def bin_names(files):
    """Unique Cargo binary names for the Python file names."""
    names, seen = [], set()
    for f in files:
        base = re.sub(r"[^a-z0-9_]", "_", os.path.splitext(os.path.basename(f))[0].lower()) or "main"
        if base[0].isdigit():
            base = "p" + base
        name, n = base, 2
        while name in seen:
            name, n = f"{base}_{n}", n + 1
        seen.add(name)
        names.append(name)
    return names


def python_line(source_map, rust_line):
    """The Python line (1-based) of the closest mapped Rust line at or before `rust_line`."""
    best = None
    for entry in source_map or []:
        if entry["rustLine"] <= rust_line and (best is None or entry["rustLine"] >= best["rustLine"]):
            best = entry
    return best["range"]["start"]["line"] + 1 if best else None


def cargo_check(rust_by_bin, source_maps):
    """{bin: [errors]} for the crate made of `rust_by_bin`, or None when cargo is missing.
    Each error: {message, rust_line, python_line}."""
    cargo = shutil.which("cargo")
    if not cargo:
        return None
    with tempfile.TemporaryDirectory(prefix="portalis-batch-") as crate:
        os.makedirs(os.path.join(crate, "src", "bin"))
        with open(os.path.join(crate, "Cargo.toml"), "w", encoding="utf-8") as f:
            f.write('[package]\nname = "portalis_batch"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n')
        for name, rust in rust_by_bin.items():
            with open(os.path.join(crate, "src", "bin", name + ".rs"), "w", encoding="utf-8") as f:
                f.write(rust)
        proc = subprocess.run(
            [cargo, "check", "--offline", "--keep-going", "--quiet", "--message-format=json"],
            cwd=crate, capture_output=True, text=True, timeout=CARGO_TIMEOUT_S,
            env=dict(os.environ, CARGO_TARGET_DIR=os.path.join(crate, "target")))
    errors = {name: [] for name in rust_by_bin}
    for line in proc.stdout.splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        m = msg.get("message") or {}
        if msg.get("reason") != "compiler-message" or m.get("level") != "error":
            continue
        span = next((s for s in m.get("spans", []) if s.get("is_primary")), None)
        name = os.path.splitext(os.path.basename(span["file_name"]))[0] if span else None
        if name in errors:
            errors[name].append({"message": m.get("message"), "rust_line": span["line_start"],
                                 "python_line": python_line(source_maps.get(name), span["line_start"])})
    if proc.returncode != 0 and not any(errors.values()):
        raise RuntimeError("cargo check failed: " + (proc.stderr.strip().splitlines() or ["no output"])[-1])
    return errors
