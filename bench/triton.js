#!/usr/bin/env node
// `npm run bench:triton`: latency and throughput through the REAL tritonserver on loopback,
// next to the embedded engine in the same run. Prints, never asserts.
//   For 1, 10 and 50 concurrent sessions (closed loop: each session sends its next request when
//   the previous one is answered), P50/P95/P99 latency and requests/s for:
//     triton interactive_api   TritonBackend (one sequence per session), what the editor uses
//     triton translation_model TritonClient, stateless, dynamically batched
//     embedded                 the engine in this process (same snippets, same concurrency)
//   Every request is a distinct ~12-line snippet, so no cache helps. Bounded: at most
//   PORTALIS_BENCH_N requests (default 200) or 15 s per cell.
// Starts its own server on ports 18300-18302 (stopped at the end) unless TRITON_BENCH_URL
// points at a running one. Targets (DESIGN §5): P95 ≤ 60 ms at 50 sessions, ≥ 150 req/s.
'use strict';
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const N = Number(process.env.PORTALIS_BENCH_N || 200);
const CELL_MS = 15000;
const LEVELS = [1, 10, 50];
const ports = { http: 18300, grpc: 18301, metrics: 18302 };

function snippet(i) {
  return `def score_${i}(values: list[int], bonus: int) -> int:
    total = 0
    for v in values:
        if v % ${(i % 7) + 2} == 0:
            total += v * ${i % 13}
        else:
            total -= bonus
    return total + ${i}


def label_${i}(n: int) -> str:
    return "item-" + str(n * ${i % 5 + 1})
`;
}

function pct(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Runs `sessions` closed loops of `one(session, i)` until N requests or CELL_MS. */
async function cell(sessions, one) {
  const lat = [];
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + CELL_MS;
  await Promise.all(Array.from({ length: sessions }, async (_, s) => {
    while (next < N && performance.now() < deadline) {
      const i = next++;
      const a = performance.now();
      await one(s, i);
      lat.push(performance.now() - a);
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { n: lat.length, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), rps: lat.length / secs };
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const server = require(path.join(root, 'scripts', 'triton.js'));
  server.bundle();
  const triton = require(path.join(root, 'dist', 'triton.js'));
  const engine = require(path.join(root, 'dist', 'engine.js'));
  let url = process.env.TRITON_BENCH_URL;
  let started = false;
  try {
    if (!url) {
      await server.stop(ports);
      await server.start({ ...ports, models: ['interactive_api', 'translation_model'] });
      started = true;
      url = `127.0.0.1:${ports.grpc}`;
    }
    const backend = new triton.TritonBackend({ url, timeoutMs: 30000 });
    const client = new triton.TritonClient({ url, timeoutMs: 30000 });
    engine.translate('x = 1\n', { fragment: true, verify: false }); // warm, like a running server
    let base = 0; // distinct snippets across all cells
    const kinds = {
      'triton interactive_api': (s, i) => backend.translate({ code: snippet(base + i), fragment: true }, `bench-${base}-${s}`),
      'triton translation_model': (s, i) => client.infer('translation_model', { python_code: snippet(base + i), translation_options: { fragment: true, verify: false } }),
      'embedded (in-process)': async (s, i) => {
        await new Promise((r) => setImmediate(r)); // as the language server's embedded backend does
        engine.translate(snippet(base + i), { fragment: true, verify: false });
      },
    };
    // Warm both Triton paths once.
    await kinds['triton interactive_api'](0, -1);
    await kinds['triton translation_model'](0, -2);
    console.log(`\nPortalis through real Triton on loopback (${url}), ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}; ≤ ${N} requests or ${CELL_MS / 1000} s per cell\n`);
    console.log(`${'backend'.padEnd(26)} ${'sessions'.padStart(8)} ${'n'.padStart(5)} ${'P50 ms'.padStart(8)} ${'P95 ms'.padStart(8)} ${'P99 ms'.padStart(8)} ${'req/s'.padStart(8)}`);
    for (const sessions of LEVELS) {
      for (const [name, one] of Object.entries(kinds)) {
        base += 100000;
        const r = await cell(sessions, one);
        console.log(`${name.padEnd(26)} ${String(sessions).padStart(8)} ${String(r.n).padStart(5)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(1).padStart(8)}`);
      }
      await Promise.all(Array.from({ length: sessions }, (_, s) => backend.endSession(`bench-${base - 300000}-${s}`)));
    }
    console.log('\ntargets (DESIGN §5): P95 ≤ 60 ms with 50 concurrent sessions; ≥ 150 req/s on 2 cores');
    await backend.dispose();
    client.close();
  } finally {
    if (started) await server.stop(ports);
  }
}

main().catch((e) => { console.error(`bench:triton: ${e.message}`); process.exit(1); });
