#!/usr/bin/env node
// Engine benchmarks (run with `npm run bench`, which builds first). Prints, never asserts.
//   cold start           fresh `node` that requires dist/engine.js and translates one snippet
//   warm latency         P50/P95/P99 per snippet for generated 10-, 50- and 200-line inputs
//                        (distinct content every call, so no cache can help)
//   batch throughput     Python lines/min over the corpus and over a generated 200-file project
//                        (in-process, one thread), plus the CLI `translate DIR -o OUT`
//   memory               peak RSS of this process (resourceUsage().maxRSS)
// Each figure is printed next to its DESIGN §5 target. Bounded: stops sections early if the
// whole run approaches BUDGET_MS. Env: PORTALIS_BENCH_N (samples per size, default 50).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const ENGINE = path.join(REPO, 'dist', 'engine.js');
const CLI = path.join(REPO, 'bin', 'portalis.js');
const N = Number(process.env.PORTALIS_BENCH_N || 50);
const BUDGET_MS = 110000; // keep the whole run under 2 minutes
const T0 = Date.now();
const left = () => BUDGET_MS - (Date.now() - T0);

if (!fs.existsSync(ENGINE)) {
  console.error(`bench: ${ENGINE} is missing; run \`node scripts/build.js\` (npm run bench does)`);
  process.exit(1);
}

// ------------------------------------------------------------------ helpers
function pct(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const fint = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
function verdict(ok) { return ok === undefined ? '' : ok ? '  [meets target]' : '  [MISSES target]'; }
function row(label, value, target, ok) {
  console.log(`  ${label.padEnd(58)} ${String(value).padStart(22)}   target ${target}${verdict(ok)}`);
}
function countLines(text) { return text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length; }

// Deterministic generator of valid, typical Python. `uid` makes every snippet distinct.
let rngState = 0x1234567;
function rnd() { rngState = (rngState * 1103515245 + 12345) & 0x7fffffff; return rngState / 0x7fffffff; }
const BLOCKS = [
  (u) => [`def add_${u}(a: int, b: int) -> int:`, `    return a + b * ${u % 97}`, '', `print(add_${u}(${u % 13}, 3))`],
  (u) => [`values_${u} = []`, `for i in range(${5 + (u % 7)}):`, `    values_${u}.append(i * ${u % 11})`, `print(sum(values_${u}), len(values_${u}))`],
  (u) => [`counts_${u} = {}`, `for w in "a b a c b a ${u}".split():`, `    counts_${u}[w] = counts_${u}.get(w, 0) + 1`, `for k, v in counts_${u}.items():`, `    print(k, v)`],
  (u) => [`def scale_${u}(xs: list[float], k: float) -> list[float]:`, `    return [x * k for x in xs]`, '', `print(scale_${u}([1.5, 2.0], ${(u % 5) + 0.5}))`],
  (u) => [`class Box${u}:`, `    def __init__(self, w: int, h: int):`, `        self.w = w`, `        self.h = h`, '', `    def area(self) -> int:`, `        return self.w * self.h`, '', `print(Box${u}(${u % 9 + 1}, 2).area())`],
  (u) => [`name_${u} = "item${u}"`, `total_${u} = ${u % 1000} / 7`, `print(f"{name_${u}:>12}|{total_${u}:.3f}")`],
  (u) => [`def fib_${u}(n: int) -> int:`, `    a, b = 0, 1`, `    while n > 0:`, `        a, b = b, a + b`, `        n -= 1`, `    return a`, '', `print(fib_${u}(${10 + (u % 20)}))`],
  (u) => [`words_${u} = ["pear", "fig", "apple", "kiwi${u % 10}"]`, `print(sorted(words_${u}, key=len), max(words_${u}, key=len))`],
  (u) => [`def safe_div_${u}(a: int, b: int) -> int:`, `    if b == 0:`, `        return 0`, `    return a // b`, '', `print(safe_div_${u}(${u % 50}, ${u % 3}))`],
];
let uidCounter = 0;
function genProgram(lines) {
  const out = [];
  while (out.length < lines) {
    const u = ++uidCounter;
    out.push(...BLOCKS[Math.floor(rnd() * BLOCKS.length)](u));
  }
  return out.join('\n') + '\n';
}

const results = {};
console.log(`Portalis engine benchmark  (node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0] ? os.cpus()[0].model : ''}, ${os.platform()})`);
console.log(`engine: ${path.relative(REPO, ENGINE)}  (${(fs.statSync(ENGINE).size / 1e6).toFixed(1)} MB)\n`);

// ------------------------------------------------------------------ cold start
console.log('Cold start (fresh node: require dist/engine.js + translate one snippet)');
{
  const child = `const t0 = performance.now(); const E = require(${JSON.stringify(ENGINE)}); const t1 = performance.now();` +
    `const r = E.translate('def f(x: int) -> int:\\n    return x * 2\\nprint(f(21))\\n', { verify: false }); const t2 = performance.now();` +
    `if (!/fn main/.test(r.rust)) process.exit(3);` +
    `process.stdout.write(JSON.stringify({ require: t1 - t0, translate: t2 - t1 }));`;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8' });
    const wall = performance.now() - s;
    if (r.status !== 0) { console.log(`  cold start run failed (exit ${r.status}): ${r.stderr.slice(0, 300)}`); continue; }
    runs.push({ wall, ...JSON.parse(r.stdout) });
  }
  if (runs.length) {
    runs.sort((a, b) => a.wall - b.wall);
    const med = runs[Math.floor(runs.length / 2)];
    results.cold = med;
    row('process spawn -> exit (median of 3)', `${f1(med.wall)} ms`, '<= 1500 ms', med.wall <= 1500);
    row('  require(dist/engine.js)', `${f1(med.require)} ms`, '-');
    row('  first translate, verify: false (loads builtins)', `${f1(med.translate)} ms`, '-');
  }
}

// ------------------------------------------------------------------ warm latency
const E = require(ENGINE);
console.log('\nWarm latency per snippet (in-process, distinct content each call)');
{
  const t = performance.now();
  E.warmUp();
  console.log(`  warmUp(): ${f1(performance.now() - t)} ms`);
  for (let i = 0; i < 5; i++) E.translate(genProgram(30), { verify: false }); // JIT warm-up, not measured
  // verify: false is the translator alone; the default (whole programs) also runs rustc
  // --emit=metadata on the output, which is what the CLI and the worker do.
  const configs = [
    { size: 10, verify: false }, { size: 50, verify: false }, { size: 200, verify: false },
    { size: 50, verify: undefined },
  ];
  for (const { size, verify } of configs) {
    const mode = verify === false ? 'verify: false' : 'default (+ rustc verify)';
    if (left() < 60000 && (size === 200 || verify !== false)) { console.log(`  ${size}-line, ${mode}: skipped (time budget)`); continue; }
    const times = [];
    let fatal = 0;
    for (let i = 0; i < N; i++) {
      const code = genProgram(size);
      const s = performance.now();
      const r = E.translate(code, { filename: `snippet${i}.py`, verify });
      times.push(performance.now() - s);
      if (r.fatal) fatal++;
    }
    times.sort((a, b) => a - b);
    const p50 = pct(times, 50), p95 = pct(times, 95), p99 = pct(times, 99);
    results[`warm${size}${verify === false ? '' : '_verify'}`] = { p50, p95, p99 };
    const target = size === 50 ? '<= 40 ms (P95)' : '-';
    row(`${size}-line (N=${N}), ${mode}: P50 / P95 / P99`, `${f1(p50)} / ${f1(p95)} / ${f1(p99)} ms`, target, size === 50 ? p95 <= 40 : undefined);
    if (fatal) console.log(`    (${fatal} generated snippets were fatal: generator bug)`);
  }
}

// ------------------------------------------------------------------ batch throughput
console.log('\nBatch throughput (one thread, in-process translate, verify: false)');
function batch(label, files, capMs) {
  let lines = 0, ok = 0, fatal = 0, threw = 0;
  const s = performance.now();
  for (const f of files) {
    if (left() < 15000 || performance.now() - s > capMs) { console.log(`  ${label}: stopped after ${ok + fatal + threw} of ${files.length} files (time budget; the rate below is over those)`); break; }
    lines += countLines(f.text);
    try {
      const r = E.translate(f.text, { filename: f.name, verify: false });
      if (r.fatal) fatal++; else ok++;
    } catch (_) { threw++; }
  }
  const ms = performance.now() - s;
  const perMin = (lines / ms) * 60000;
  row(`${label}: ${ok + fatal + threw} files, ${lines} lines`, `${fint(perMin)} lines/min`, '>= 100,000 lines/min on 2 cores', perMin >= 100000);
  console.log(`    ${f1(ms / 1000)} s, ${f1(ms / Math.max(1, ok + fatal + threw))} ms/file; translated ${ok}, fatal ${fatal}, threw ${threw}`);
  return { lines, ms, perMin, ok, fatal, threw };
}
{
  const dir = path.join(REPO, 'test', 'corpus', 'programs');
  const corpus = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  results.corpus = batch('corpus', corpus, 20000);
  const project = Array.from({ length: 200 }, (_, i) => ({ name: `mod${i}.py`, text: genProgram(40 + (i % 5) * 20) }));
  results.project = batch('generated project (200 files)', project, 15000);

  // The same project through the CLI (a fresh process: includes start-up and file writes).
  if (left() > 20000) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-bench-'));
    try {
      const src = path.join(tmp, 'proj');
      fs.mkdirSync(src);
      const files = Array.from({ length: 50 }, (_, i) => genProgram(40 + (i % 5) * 20)); // 50: each file also gets rustc
      files.forEach((t, i) => fs.writeFileSync(path.join(src, `mod${i}.py`), t));
      const lines = files.reduce((a, t) => a + countLines(t), 0);
      const s = performance.now();
      const r = spawnSync(process.execPath, [CLI, 'translate', src, '-o', path.join(tmp, 'out')], { encoding: 'utf8', timeout: Math.max(10000, left() - 5000), maxBuffer: 64 * 1024 * 1024 });
      const ms = performance.now() - s;
      if (r.status === null) console.log('  CLI translate DIR: timed out (time budget)');
      else row(`CLI translate DIR -o OUT (+ rustc verify): 50 files, ${lines} lines`, `${fint((lines / ms) * 60000)} lines/min`, '>= 100,000 lines/min on 2 cores', (lines / ms) * 60000 >= 100000);
      if (r.status !== 0 && r.status !== null) console.log(`    (exit ${r.status}: ${r.stderr.split('\n').slice(-3).join(' ')})`);
    } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
  } else console.log('  CLI translate DIR: skipped (time budget)');
}

// ------------------------------------------------------------------ memory
console.log('\nMemory (this process, after all of the above)');
{
  // Heap retained per translation after a full GC: a long-lived worker or language server
  // must not grow without bound. gc() is exposed at run time (no node flag needed).
  let gc;
  try { require('v8').setFlagsFromString('--expose_gc'); gc = require('vm').runInNewContext('gc'); } catch (_) { gc = undefined; }
  if (gc && left() > 10000) {
    const M = 200;
    gc(); gc();
    const h0 = process.memoryUsage().heapUsed;
    for (let i = 0; i < M && left() > 5000; i++) E.translate(genProgram(20), { verify: false });
    gc(); gc();
    const h1 = process.memoryUsage().heapUsed;
    results.retainedKBPerTranslation = (h1 - h0) / 1024 / M;
    row(`heap retained after GC, per translation (${M} x 20 lines)`, `${f1((h1 - h0) / 1024 / M)} KB`, '~0 (no growth in a long-lived process)');
  }
  const ru = process.resourceUsage();
  const mu = process.memoryUsage();
  const peakMB = ru.maxRSS / 1024; // maxRSS is in kilobytes
  results.peakRssMB = peakMB;
  row('peak RSS (resourceUsage().maxRSS)', `${f1(peakMB)} MB`, '<= 500 MB (server, 1,000 files)', peakMB <= 500);
  row('current RSS / heap used', `${f1(mu.rss / 1048576)} / ${f1(mu.heapUsed / 1048576)} MB`, '-');
}

console.log(`\nTotal bench time: ${f1((Date.now() - T0) / 1000)} s`);
console.log('Targets are from DESIGN §5; benchmarks report, tests never time things.');
if (process.env.PORTALIS_BENCH_JSON) fs.writeFileSync(process.env.PORTALIS_BENCH_JSON, JSON.stringify(results, null, 2));
