#!/usr/bin/env node
// Load test for a Portalis Triton server through the project's own gRPC client (TritonClient):
// editor-like sessions (one Triton sequence each) in three phases — ramp (sessions added one by
// one), steady (constant sessions), spike (sessions multiplied) — bounded in time and requests.
// Prints P50/P95/P99 latency, throughput (requests and Python lines per second) and error rate
// per phase; writes a JSON report.
//
//   npm run loadtest                                  # local real server, 127.0.0.1:8001
//   npm run loadtest -- --quick                       # a few seconds (used by test:deploy)
//   npm run loadtest -- --url triton.example.com:443 --tls --api-key "$KEY" --sessions 20
//
// Options: --url HOST:PORT  --tls  --api-key KEY  --model interactive_api  --stateless (no
//   sequences: for translation_model)  --verify (whole programs + rustc; default: editor
//   selections, i.e. fragments without rustc)  --sessions N (steady)
//   --spike-factor F  --ramp S --steady S --spike S (seconds)  --max-requests N  --timeout-ms MS
//   --report FILE (default .cache/loadtest/report.json)  --quick
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function parseArgs(argv) {
  const o = {
    url: process.env.TRITON_URL || `127.0.0.1:${process.env.TRITON_GRPC_PORT || 8001}`,
    apiKey: process.env.PORTALIS_API_KEY || undefined,
    tls: false, stateless: false, verify: false, model: 'interactive_api', sessions: 8, spikeFactor: 3,
    ramp: 10, steady: 20, spike: 10, maxRequests: 20000, timeoutMs: 10000,
    report: path.join(root, '.cache', 'loadtest', 'report.json'),
  };
  const num = (v, name) => { const n = Number(v); if (!(n > 0)) throw new Error(`--${name} needs a positive number, got ${v}`); return n; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    switch (a) {
      case '--url': o.url = next(); break;
      case '--api-key': o.apiKey = next(); break;
      case '--tls': o.tls = true; break;
      case '--stateless': o.stateless = true; break;
      case '--verify': o.verify = true; break;
      case '--model': o.model = next(); break;
      case '--sessions': o.sessions = num(next(), 'sessions'); break;
      case '--spike-factor': o.spikeFactor = num(next(), 'spike-factor'); break;
      case '--ramp': o.ramp = num(next(), 'ramp'); break;
      case '--steady': o.steady = num(next(), 'steady'); break;
      case '--spike': o.spike = num(next(), 'spike'); break;
      case '--max-requests': o.maxRequests = num(next(), 'max-requests'); break;
      case '--timeout-ms': o.timeoutMs = num(next(), 'timeout-ms'); break;
      case '--report': o.report = path.resolve(next()); break;
      case '--quick': Object.assign(o, { sessions: 3, spikeFactor: 2, ramp: 3, steady: 4, spike: 3, maxRequests: 3000 }); break;
      case '-h': case '--help': {
        const lines = fs.readFileSync(__filename, 'utf8').split('\n').slice(1);
        process.stdout.write(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
        process.exit(0);
      }
      default: throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  return o;
}

/** The project's Triton gRPC client, from the dist/triton.js bundle (built on demand). */
function loadClient() {
  const bundle = path.join(root, 'dist', 'triton.js');
  if (!fs.existsSync(bundle)) require(path.join(root, 'scripts', 'triton.js')).bundle();
  const { TritonClient } = require(bundle);
  if (typeof TritonClient !== 'function') throw new Error(`${bundle} does not export TritonClient`);
  return TritonClient;
}

// Small, distinct programs (a counter in each keeps a result cache from answering them).
const SNIPPETS = [
  (n) => `def add(a: int, b: int) -> int:\n    return a + b + ${n}\n`,
  (n) => `def total(xs: list[int]) -> int:\n    s = ${n}\n    for x in xs:\n        s += x * x\n    return s\n`,
  (n) => `class Counter:\n    def __init__(self) -> None:\n        self.n = ${n}\n\n    def bump(self, k: int) -> int:\n        self.n += k\n        return self.n\n`,
  (n) => `def words(text: str) -> dict[str, int]:\n    counts: dict[str, int] = {}\n    for w in text.split():\n        counts[w] = counts.get(w, 0) + ${n % 7 + 1}\n    return counts\n`,
];

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(name, stats, seconds, sessions) {
  const lat = stats.latencies.slice().sort((a, b) => a - b);
  const total = stats.ok + stats.errors;
  const r = (x) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    phase: name, sessions, seconds: r(seconds), requests: total, ok: stats.ok, errors: stats.errors,
    errorRate: total ? stats.errors / total : 0, throughputPerSec: r(stats.ok / seconds), pythonLinesPerSec: r(stats.lines / seconds),
    p50Ms: r(percentile(lat, 50)), p95Ms: r(percentile(lat, 95)), p99Ms: r(percentile(lat, 99)), maxMs: r(lat[lat.length - 1] ?? null),
    errorSamples: stats.errorSamples,
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const TritonClient = loadClient();
  const client = new TritonClient({ url: o.url, timeoutMs: o.timeoutMs, apiKey: o.apiKey, tls: o.tls });
  const deadlineAll = Date.now() + (o.ramp + o.steady + o.spike + 30) * 1000;
  try {
    const hint = 'start the local server with `npm run triton:start`, or pass --url';
    const ready = await client.serverReady().catch((e) => { throw new Error(`cannot reach Triton at ${o.url} (${e.message.split('.')[0]}): ${hint}`); });
    if (!ready) throw new Error(`Triton at ${o.url} is not ready: ${hint}`);
    let sent = 0;
    let seq = Date.now() * 1000; // unique across runs, below 2^53
    const phases = [];

    // One session: a Triton sequence that sends requests back to back until the phase ends.
    async function session(stats, until) {
      const sequenceId = ++seq;
      let first = true;
      while (Date.now() < until && sent < o.maxRequests && Date.now() < deadlineAll) {
        const n = sent++;
        const code = SNIPPETS[n % SNIPPETS.length](n);
        const t0 = process.hrtime.bigint();
        try {
          // Editor requests are selections (fragments, no rustc); --verify sends whole programs checked by rustc.
          await client.infer(o.model, { python_code: code, translation_options: o.verify ? { verify: true } : { fragment: true } }, o.stateless ? {} : { sequenceId, start: first });
          stats.latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          stats.ok++;
          stats.lines += code.split('\n').length - 1;
        } catch (e) {
          stats.errors++;
          if (stats.errorSamples.length < 5) stats.errorSamples.push(String(e && e.message || e).slice(0, 300));
        }
        first = false;
      }
      // Close the sequence with a small valid program, so the server frees the slot (not counted).
      if (!first && !o.stateless) await client.infer(o.model, { python_code: 'x = 1\n' }, { sequenceId, end: true }).catch(() => {});
    }

    async function phase(name, seconds, sessionsAt) {
      const stats = { latencies: [], ok: 0, errors: 0, lines: 0, errorSamples: [] };
      const t0 = Date.now();
      const until = t0 + seconds * 1000;
      const running = [];
      let peak = 0;
      // sessionsAt(elapsedFraction) → how many sessions should be running now.
      while (Date.now() < until && sent < o.maxRequests) {
        const want = Math.max(1, Math.round(sessionsAt((Date.now() - t0) / (seconds * 1000))));
        while (running.length < want) running.push(session(stats, until));
        peak = Math.max(peak, running.length);
        await new Promise((r) => setTimeout(r, 100));
      }
      await Promise.all(running);
      const s = summarize(name, stats, (Date.now() - t0) / 1000, peak);
      phases.push(s);
      const f = (x) => (x === null ? '-' : x.toFixed(1));
      console.log(`${name.padEnd(7)} sessions ${String(peak).padStart(3)}  requests ${String(s.requests).padStart(6)}  ` +
        `${f(s.throughputPerSec).padStart(7)} req/s ${f(s.pythonLinesPerSec).padStart(7)} lines/s  P50 ${f(s.p50Ms)} ms  P95 ${f(s.p95Ms)} ms  P99 ${f(s.p99Ms)} ms  ` +
        `errors ${(s.errorRate * 100).toFixed(2)}%`);
      for (const e of s.errorSamples) console.log(`        error: ${e}`);
    }

    console.log(`loadtest: ${o.url}${o.tls ? ' (TLS)' : ''} model ${o.model}${o.stateless ? ' (stateless)' : ''}, steady ${o.sessions} sessions, ` +
      `spike ×${o.spikeFactor}, at most ${o.maxRequests} requests`);
    await phase('ramp', o.ramp, (x) => 1 + x * (o.sessions - 1));
    await phase('steady', o.steady, () => o.sessions);
    await phase('spike', o.spike, () => o.sessions * o.spikeFactor);

    const report = {
      tool: 'portalis loadtest', date: new Date().toISOString(), url: o.url, tls: o.tls, model: o.model,
      options: { stateless: o.stateless, sessions: o.sessions, spikeFactor: o.spikeFactor, ramp: o.ramp, steady: o.steady, spike: o.spike, maxRequests: o.maxRequests },
      phases, requests: sent, boundedBy: sent >= o.maxRequests ? 'max-requests' : 'time',
    };
    fs.mkdirSync(path.dirname(o.report), { recursive: true });
    fs.writeFileSync(o.report, JSON.stringify(report, null, 2) + '\n');
    console.log(`report: ${path.relative(process.cwd(), o.report) || o.report}`);
    return report;
  } finally {
    client.close();
  }
}

if (require.main === module) {
  main().catch((e) => { console.error(`loadtest: ${e.message}`); process.exit(1); });
}
module.exports = { main, parseArgs, percentile };
