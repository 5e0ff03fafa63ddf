#!/usr/bin/env node
// Corpus harness: translate every test/corpus/programs/*.py to Rust, compile
// it with rustc, run it, and compare stdout + exit code with CPython.
//
//   node test/corpus/run.js [--check] [--update-gaps] [--cli] [--jobs N] [filter...]
//
// See docs/corpus.md. Plain CommonJS, Node standard library only.
'use strict';

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// ---------------------------------------------------------------- settings

const REPO = path.resolve(__dirname, '..', '..');
const PROGRAMS_DIR = path.resolve(process.env.PORTALIS_CORPUS_DIR || path.join(__dirname, 'programs'));
// KNOWN_GAPS sits next to the programs directory, so a test corpus elsewhere
// carries its own list.
const GAPS_FILE = path.resolve(process.env.PORTALIS_KNOWN_GAPS || path.join(path.dirname(PROGRAMS_DIR), 'KNOWN_GAPS'));
const CACHE_DIR = path.resolve(process.env.PORTALIS_CACHE_DIR || path.join(REPO, '.cache', 'corpus'));
const CLI = path.resolve(process.env.PORTALIS_CLI || path.join(REPO, 'bin', 'portalis.js'));
const ENGINE = path.resolve(process.env.PORTALIS_ENGINE || path.join(REPO, 'dist', 'engine.js'));

const RUN_TIMEOUT_MS = 10_000;
const COMPILE_TIMEOUT_MS = 120_000;
const TRANSLATE_TIMEOUT_MS = 60_000;
const OUTPUT_LIMIT = 1024 * 1024; // stdout captured from a program
const STDERR_LIMIT = 64 * 1024; // enough for a traceback / panic / rustc JSON head
const TRANSLATION_LIMIT = 16 * 1024 * 1024; // CLI JSON output, rustc JSON diagnostics
const REASON_WIDTH = 100;
const EXE = process.platform === 'win32' ? '.exe' : '';

const RUSTC_FLAGS = ['--edition', '2021', '-C', 'opt-level=0', '-C', 'debuginfo=0', '--error-format=json'];
const STAGES = ['expected', 'translate', 'compile', 'run'];
const BUCKETS = [
  { label: '[0.0, 0.5)', lo: 0, hi: 0.5 },
  { label: '[0.5, 0.7)', lo: 0.5, hi: 0.7 },
  { label: '[0.7, 0.8)', lo: 0.7, hi: 0.8 },
  { label: '[0.8, 0.9)', lo: 0.8, hi: 0.9 },
  { label: '[0.9, 1.0]', lo: 0.9, hi: Infinity },
];
const CALIBRATION_MIN_CONFIDENCE = 0.9;
const CALIBRATION_MIN_PASS_RATE = 0.95;

const GAPS_HEADER = [
  '# Corpus programs that are known not to pass yet (see docs/corpus.md).',
  '# One per line: `program-name  reason` (name without .py). Blank lines and',
  '# lines starting with # are ignored.',
  '# `node test/corpus/run.js --check` fails when a program not listed here fails,',
  '# when a listed program now passes, or when a listed name has no program.',
  '# `node test/corpus/run.js --update-gaps` rewrites this file from the current results.',
];

const USAGE = `usage: node test/corpus/run.js [--check] [--update-gaps] [--cli] [--jobs N] [filter...]
  --check        exit 1 unless failures match ${rel(GAPS_FILE)} exactly
  --update-gaps  rewrite ${rel(GAPS_FILE)} from the current failures
  --cli          translate through ${rel(CLI)} even if ${rel(ENGINE)} exists
  --jobs N       parallel processes (default: number of CPUs)
  filter         only programs whose name contains one of these substrings`;

// ------------------------------------------------------------- small utils

function rel(p) {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

function sha256(...parts) {
  const h = crypto.createHash('sha256');
  // Length-prefix each part so ('ab','c') and ('a','bc') hash differently.
  for (const part of parts) h.update(`${Buffer.byteLength(part)}:`).update(part);
  return h.digest('hex');
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Write to a temp name and rename, so an interrupted run never leaves a
// half-written cache entry behind.
function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

function truncate(text, width) {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function percent(n, d) {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function pad(text, width, right = false) {
  const s = String(text);
  const fill = ' '.repeat(Math.max(0, width - [...s].length));
  return right ? fill + s : s + fill;
}

// Run fn over items with at most `jobs` in flight; results keep item order.
async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

// --------------------------------------------------------- child processes

const liveChildren = new Set();

// Children run in their own process group so a timeout also kills anything
// they spawned.
function killTree(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

// Keeps at most `limit` bytes; push() returns false once output overflowed.
function collector(limit) {
  const chunks = [];
  let size = 0;
  return {
    push(chunk) {
      const room = limit - size;
      if (room > 0) chunks.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
      size += chunk.length;
      return size <= limit;
    },
    buffer: () => Buffer.concat(chunks),
  };
}

// Spawn a process, feed it stdin, capture bounded stdout/stderr, enforce a
// timeout. Never rejects: failures are reported in the result.
function exec(cmd, args, { cwd, input, env, timeoutMs, limit = OUTPUT_LIMIT, stderrLimit = STDERR_LIMIT } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const out = collector(limit);
    const err = collector(stderrLimit);
    let timedOut = false;
    let overflow = false;
    let done = false;
    let child;
    const finish = (code, signal, spawnError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      liveChildren.delete(child);
      resolve({
        code, signal, spawnError, timedOut, overflow,
        stdout: out.buffer(), stderr: err.buffer().toString('utf8'), ms: Date.now() - started,
      });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    try {
      child = spawn(cmd, args, { cwd, env, stdio: 'pipe', detached: process.platform !== 'win32' });
    } catch (e) {
      finish(null, null, e.message);
      return;
    }
    liveChildren.add(child);
    child.on('error', (e) => finish(null, null, e.message));
    child.on('close', (code, signal) => finish(code, signal, null));
    child.stdout.on('data', (chunk) => {
      if (!out.push(chunk) && !overflow) {
        overflow = true;
        killTree(child);
      }
    });
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.stdin.on('error', () => {}); // the child may exit without reading stdin (EPIPE)
    child.stdin.end(input || '');
  });
}

// Exit status as one comparable value: the code, or the signal that killed it.
function status(res) {
  return res.code !== null ? String(res.code) : `signal ${res.signal}`;
}

function firstLine(text) {
  return (String(text).split('\n').find((l) => l.trim()) || '').trim();
}

// The most telling stderr line: a Rust panic's message (the line after
// "thread 'main' panicked at FILE:L:C:"), else the last line ("ValueError: ...").
function stderrHint(stderr) {
  const lines = String(stderr).split('\n').map((l) => l.trim()).filter(Boolean);
  const at = lines.findIndex((l) => l.includes('panicked at'));
  if (at >= 0) {
    const where = (lines[at].match(/panicked at .*?([^/\\]+:\d+):\d+:?$/) || [])[1];
    const message = lines[at + 1] && !lines[at + 1].startsWith('note:') ? lines[at + 1] : '';
    return `panicked${where ? ` at ${where}` : ''}${message ? `: ${message}` : ''}`;
  }
  return lines[lines.length - 1] || '';
}

// ------------------------------------------------------------------ setup

function parseArgs(argv) {
  const opts = { check: false, updateGaps: false, cli: false, jobs: defaultJobs(), filters: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') opts.check = true;
    else if (arg === '--update-gaps') opts.updateGaps = true;
    else if (arg === '--cli') opts.cli = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg === '--jobs' || arg === '-j' || arg.startsWith('--jobs=')) {
      const value = arg.startsWith('--jobs=') ? arg.slice(7) : argv[++i];
      opts.jobs = Number(value);
      if (!Number.isInteger(opts.jobs) || opts.jobs < 1) throw new UsageError(`--jobs needs a positive integer, got ${value}`);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else opts.filters.push(arg);
  }
  return opts;
}

class UsageError extends Error {}

function defaultJobs() {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

const INSTALL_HINTS = {
  rustc: 'install Rust 1.70 or newer from https://rustup.rs and make sure rustc is on PATH',
  python3: 'install Python 3 (e.g. `apt-get install python3`) and make sure python3 is on PATH',
};

// Returns the tools' version strings, or null after printing what to install.
function checkTools() {
  const versions = {};
  const missing = [];
  for (const tool of ['rustc', 'python3']) {
    const res = spawnSync(tool, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (res.error || res.status !== 0) missing.push(tool);
    else versions[tool] = (res.stdout || res.stderr).trim();
  }
  for (const tool of missing) console.error(`corpus: \`${tool} --version\` failed: ${INSTALL_HINTS[tool]}.`);
  return missing.length ? null : versions;
}

function listPrograms(filters) {
  let files = [];
  try {
    files = fs.readdirSync(PROGRAMS_DIR);
  } catch {
    // no programs directory: treated as zero programs
  }
  const all = files
    .filter((f) => f.endsWith('.py') && fs.statSync(path.join(PROGRAMS_DIR, f)).isFile())
    .map((f) => f.slice(0, -3))
    .sort();
  const selected = filters.length ? all.filter((n) => filters.some((f) => n.includes(f))) : all;
  return { allNames: all, programs: selected.map(loadProgram) };
}

function loadProgram(name) {
  const file = path.join(PROGRAMS_DIR, `${name}.py`);
  const stdinFile = path.join(PROGRAMS_DIR, `${name}.stdin`);
  const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile) : Buffer.alloc(0);
  return { name, file, source: fs.readFileSync(file), stdin };
}

// A fresh empty directory per process, so programs that write files cannot
// see each other.
function freshDir(ctx) {
  return fs.mkdtempSync(path.join(ctx.tmp, 'cwd-'));
}

// ------------------------------------------------------- stage: expected

const PYTHON_ENV = {
  ...process.env,
  PYTHONHASHSEED: '0',
  PYTHONIOENCODING: 'utf-8', // the Rust side always writes UTF-8, whatever the locale
};

async function expectedFor(prog, ctx) {
  const key = sha256(ctx.tools.python3, prog.source, prog.stdin);
  const cacheFile = path.join(CACHE_DIR, 'expected', `${key}.json`);
  const cached = readJson(cacheFile);
  if (cached) return { ok: true, cached: true, status: cached.status, stdout: Buffer.from(cached.stdout, 'base64'), ms: 0 };

  // Run the exact bytes that were hashed (a copy in a fresh temp dir), so an
  // edit during the run cannot poison the cache, and argv[0] is just NAME.py.
  const cwd = freshDir(ctx);
  fs.writeFileSync(path.join(cwd, `${prog.name}.py`), prog.source);
  const res = await exec('python3', [`${prog.name}.py`], {
    cwd, input: prog.stdin, env: PYTHON_ENV, timeoutMs: RUN_TIMEOUT_MS,
  });
  // A corpus program that CPython itself cannot run is broken; do not cache.
  if (res.spawnError) return { ok: false, ms: res.ms, reason: `CPython could not start: ${res.spawnError}` };
  if (res.timedOut) return { ok: false, ms: res.ms, reason: `CPython timed out after ${RUN_TIMEOUT_MS / 1000}s` };
  if (res.overflow) return { ok: false, ms: res.ms, reason: 'CPython output exceeds 1 MB' };
  const entry = { status: status(res), stdout: res.stdout.toString('base64') };
  writeAtomic(cacheFile, JSON.stringify(entry));
  return { ok: true, cached: false, status: entry.status, stdout: res.stdout, ms: res.ms };
}

// ------------------------------------------------------ stage: translate

// The in-process engine avoids one Node start-up per program.
function loadEngine(opts) {
  if (opts.cli || !fs.existsSync(ENGINE)) return null;
  try {
    const mod = require(ENGINE);
    const translate = mod.translate || (mod.default && mod.default.translate);
    if (typeof translate === 'function') return { translate };
    console.log(`corpus: ${rel(ENGINE)} exports no translate(); using the CLI`);
  } catch (e) {
    console.log(`corpus: cannot load ${rel(ENGINE)} (${oneLine(e.message)}); using the CLI`);
  }
  return null;
}

function firstError(diagnostics) {
  const list = Array.isArray(diagnostics) ? diagnostics : [];
  const d = list.find((x) => x && x.severity === 'error') || list[0];
  return d ? oneLine(`${d.code ? `${d.code}: ` : ''}${d.message || ''}`) : '';
}

// Validate the {rust, diagnostics, confidence} contract.
function normalizeTranslation(result) {
  if (!result || typeof result.rust !== 'string') {
    return { ok: false, reason: firstError(result && result.diagnostics) || 'translation returned no Rust' };
  }
  const confidence = typeof result.confidence === 'number' && Number.isFinite(result.confidence) ? result.confidence : null;
  const diagnostics = Array.isArray(result.diagnostics) ? result.diagnostics : [];
  return { ok: true, rust: result.rust, confidence, diagnostics };
}

async function translateInProcess(prog, engine) {
  const started = Date.now();
  try {
    const result = await engine.translate(prog.source.toString('utf8'), { filename: prog.file });
    return { ...normalizeTranslation(result), ms: Date.now() - started };
  } catch (e) {
    return { ok: false, reason: `engine threw: ${oneLine(e && e.message ? e.message : e)}`, ms: Date.now() - started };
  }
}

async function translateViaCli(prog) {
  if (!fs.existsSync(CLI)) return { ok: false, reason: `no CLI at ${rel(CLI)} (build it, or set PORTALIS_CLI)`, ms: 0 };
  const res = await exec(process.execPath, [CLI, 'translate', prog.file, '--json'], {
    cwd: REPO, timeoutMs: TRANSLATE_TIMEOUT_MS, limit: TRANSLATION_LIMIT,
  });
  const fail = (reason) => ({ ok: false, reason, ms: res.ms });
  if (res.spawnError) return fail(`CLI could not start: ${res.spawnError}`);
  if (res.timedOut) return fail(`CLI timed out after ${TRANSLATE_TIMEOUT_MS / 1000}s`);
  if (res.overflow) return fail('CLI output exceeds 16 MB');
  let json = null;
  try {
    json = JSON.parse(res.stdout.toString('utf8'));
  } catch {
    // reported below
  }
  if (res.code !== 0) {
    return fail(firstError(json && json.diagnostics) || firstLine(res.stderr) || `CLI exited with ${status(res)}`);
  }
  if (!json) return fail(`CLI printed no JSON${res.stderr ? `: ${firstLine(res.stderr)}` : ''}`);
  return { ...normalizeTranslation(json), ms: res.ms };
}

// -------------------------------------------------------- stage: compile

// Rust crate names must be identifiers.
function crateName(name) {
  return `p_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

// Pull the first error and the warning count out of rustc's JSON lines.
function parseRustcOutput(stderr) {
  const diags = [];
  const stray = [];
  for (const line of stderr.split('\n')) {
    if (!line.trim()) continue;
    try {
      diags.push(JSON.parse(line));
    } catch {
      stray.push(line.trim()); // e.g. an ICE or a linker message
    }
  }
  const isSummary = (d) => /^(aborting due to|\d+ warnings? emitted)/.test(d.message || '');
  const warnings = diags.filter((d) => d.level === 'warning' && !isSummary(d)).length;
  const errors = diags.filter((d) => d.level === 'error' && !isSummary(d));
  const e = errors[0];
  let error = null;
  if (e) {
    const span = (e.spans || []).find((s) => s.is_primary) || (e.spans || [])[0];
    error = { code: e.code && e.code.code, message: oneLine(e.message), line: span ? span.line_start : null };
  } else if (stray.length) {
    error = { code: null, message: oneLine(stray[0]), line: null };
  }
  return { warnings, error };
}

// One line, e.g. "error[E0308]: mismatched types at hello.rs:3".
function renderRustcError(error, name) {
  if (!error) return 'rustc failed without a message';
  const head = error.code ? `error[${error.code}]` : 'error';
  return `${head}: ${error.message}${error.line ? ` at ${name}.rs:${error.line}` : ''}`;
}

// Binaries (and compile failures) are cached by the hash of the Rust source,
// so an unchanged translation is never recompiled.
async function compile(prog, rust, ctx) {
  const srcPath = path.join(CACHE_DIR, 'out', `${prog.name}.rs`); // kept for inspection
  fs.writeFileSync(srcPath, rust);
  const key = sha256(ctx.tools.rustc, RUSTC_FLAGS.join(' '), rust);
  const binPath = path.join(CACHE_DIR, 'bin', key + EXE);
  const metaPath = path.join(CACHE_DIR, 'bin', `${key}.json`);
  const meta = readJson(metaPath);
  if (meta && (!meta.ok || fs.existsSync(binPath))) return { ...meta, binPath, cached: true, ms: 0 };

  // Build inside the cache dir so the final rename stays on one filesystem.
  const work = fs.mkdtempSync(path.join(CACHE_DIR, 'bin', '.build-'));
  try {
    const tmpBin = path.join(work, `${prog.name}${EXE}`);
    const args = [...RUSTC_FLAGS, '--crate-name', crateName(prog.name), '-o', tmpBin, srcPath];
    // rustc's JSON is verbose: keep all of it so warnings are counted right.
    const res = await exec('rustc', args, { cwd: work, timeoutMs: COMPILE_TIMEOUT_MS, stderrLimit: TRANSLATION_LIMIT });
    if (res.spawnError || res.timedOut) {
      const why = res.timedOut ? `rustc timed out after ${COMPILE_TIMEOUT_MS / 1000}s` : res.spawnError;
      return { ok: false, error: { code: null, message: why, line: null }, warnings: 0, ms: res.ms };
    }
    const { warnings, error } = parseRustcOutput(res.stderr);
    const ok = res.code === 0 && fs.existsSync(tmpBin);
    if (ok) fs.renameSync(tmpBin, binPath);
    const entry = { ok, warnings, error: ok ? null : error };
    writeAtomic(metaPath, JSON.stringify(entry));
    return { ...entry, binPath, cached: false, ms: res.ms };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------ stage: run

function showLine(line, keepNewline) {
  if (line === undefined) return '<end of output>';
  return JSON.stringify(truncate(keepNewline ? line : line.replace(/\n$/, ''), 40));
}

// Lines keep their "\n", so a missing final newline shows up as a difference.
function splitLines(buf) {
  return buf.toString('utf8').match(/[^\n]*\n|[^\n]+/g) || [];
}

// Describe the first line where two outputs differ.
function firstDifference(expected, got) {
  const a = splitLines(expected);
  const b = splitLines(got);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    // Show the "\n" only when it is the whole difference.
    const onlyNewline = a[i] !== undefined && b[i] !== undefined && a[i].replace(/\n$/, '') === b[i].replace(/\n$/, '');
    return `line ${i + 1}: expected ${showLine(a[i], onlyNewline)}, got ${showLine(b[i], onlyNewline)}`;
  }
  return 'output differs (invalid UTF-8 bytes)';
}

async function runBinary(prog, binPath, expected, ctx) {
  const res = await exec(binPath, [], {
    cwd: freshDir(ctx), input: prog.stdin, env: { ...process.env, RUST_BACKTRACE: '0' }, timeoutMs: RUN_TIMEOUT_MS,
  });
  const fail = (reason) => ({ ok: false, reason, ms: res.ms });
  if (res.spawnError) return fail(`binary could not start: ${res.spawnError}`);
  if (res.timedOut) return fail(`timeout after ${RUN_TIMEOUT_MS / 1000}s`);
  if (res.overflow) return fail('output exceeds 1 MB');
  const got = status(res);
  if (got !== expected.status) {
    const hint = stderrHint(res.stderr);
    return fail(`exit code ${got}, expected ${expected.status}${hint ? `: ${hint}` : ''}`);
  }
  if (!res.stdout.equals(expected.stdout)) return fail(firstDifference(expected.stdout, res.stdout));
  return { ok: true, ms: res.ms };
}

// ---------------------------------------------------------------- pipeline

function newResult(prog) {
  return {
    name: prog.name, stage: 'expected', passed: false, confidence: null, reason: '',
    warnings: null, diagnostics: null, elapsedMs: {}, cached: {},
  };
}

function fail(result, stage, reason) {
  result.stage = stage;
  result.reason = oneLine(reason) || 'unknown failure'; // a non-empty reason marks the program as failed
}

// Each stage runs over all programs before the next starts, which makes the
// per-stage wall times meaningful. Returns the wall time per stage.
async function runPipeline(programs, results, opts, ctx) {
  const wall = {};
  const alive = () => programs.map((p, i) => i).filter((i) => !results[i].reason);
  const phase = async (stage, indexes, jobs, fn) => {
    const started = Date.now();
    await pool(indexes, jobs, fn);
    wall[stage] = Date.now() - started;
  };

  const expected = [];
  await phase('expected', alive(), opts.jobs, async (i) => {
    const r = await expectedFor(programs[i], ctx);
    results[i].elapsedMs.expected = r.ms;
    results[i].cached.expected = !!r.cached;
    if (r.ok) expected[i] = r;
    else fail(results[i], 'expected', r.reason);
  });

  const translations = [];
  const engine = loadEngine(opts);
  ctx.mode = engine ? `in-process (${rel(ENGINE)})` : `CLI (${rel(CLI)})`;
  if (!engine && !fs.existsSync(CLI)) {
    console.log(`corpus: neither ${rel(ENGINE)} nor ${rel(CLI)} exists; run \`npm run build\` (every program fails at translate)`);
  }
  await phase('translate', alive(), engine ? 1 : opts.jobs, async (i) => {
    results[i].stage = 'translate';
    const t = engine ? await translateInProcess(programs[i], engine) : await translateViaCli(programs[i]);
    results[i].elapsedMs.translate = t.ms;
    if (!t.ok) return fail(results[i], 'translate', t.reason);
    results[i].confidence = t.confidence;
    results[i].diagnostics = t.diagnostics.length;
    translations[i] = t;
  });

  const binaries = [];
  await phase('compile', alive(), opts.jobs, async (i) => {
    results[i].stage = 'compile';
    const c = await compile(programs[i], translations[i].rust, ctx);
    results[i].elapsedMs.compile = c.ms;
    results[i].cached.compile = !!c.cached;
    results[i].warnings = c.warnings;
    if (c.ok) binaries[i] = c.binPath;
    else fail(results[i], 'compile', renderRustcError(c.error, programs[i].name));
  });

  await phase('run', alive(), opts.jobs, async (i) => {
    results[i].stage = 'run';
    const r = await runBinary(programs[i], binaries[i], expected[i], ctx);
    results[i].elapsedMs.run = r.ms;
    if (r.ok) results[i].passed = true;
    else fail(results[i], 'run', r.reason);
  });
  return wall;
}

// --------------------------------------------------------------- reporting

function mark(result, stage) {
  const reached = STAGES.indexOf(result.stage);
  const here = STAGES.indexOf(stage);
  if (here < reached || result.passed) return '✓';
  return here === reached ? '✗' : '·';
}

function printTable(results) {
  const nameWidth = Math.max(7, ...results.map((r) => r.name.length));
  console.log(`${pad('program', nameWidth)}  trans  comp  out  conf  warn  reason`);
  for (const r of results) {
    const conf = r.confidence === null ? '-' : r.confidence.toFixed(2);
    const warn = r.warnings === null ? '-' : r.warnings;
    const reason = r.passed ? '' : truncate(`${r.stage}: ${r.reason}`, REASON_WIDTH);
    console.log(
      `${pad(r.name, nameWidth)}  ${pad(mark(r, 'translate'), 5)}  ${pad(mark(r, 'compile'), 4)}  ` +
        `${pad(mark(r, 'run'), 3)}  ${pad(conf, 4, true)}  ${pad(warn, 4, true)}  ${reason}`.trimEnd(),
    );
  }
}

function totals(results) {
  const after = (stage) => results.filter((r) => r.passed || STAGES.indexOf(r.stage) > STAGES.indexOf(stage)).length;
  const passed = results.filter((r) => r.passed).length;
  return { programs: results.length, translated: after('translate'), compiled: after('compile'), passed, failed: results.length - passed };
}

function printTotals(t) {
  console.log(
    `${t.programs} programs: ${t.translated} translated, ${t.compiled} compiled, ` +
      `${t.passed} passed (${t.programs ? ((100 * t.passed) / t.programs).toFixed(1) : '0.0'}%)`,
  );
}

function calibration(results) {
  const scored = results.filter((r) => r.confidence !== null);
  const buckets = BUCKETS.map((b) => {
    const inside = scored.filter((r) => r.confidence >= b.lo && r.confidence < b.hi);
    return { bucket: b.label, count: inside.length, passed: inside.filter((r) => r.passed).length };
  });
  const high = scored.filter((r) => r.confidence >= CALIBRATION_MIN_CONFIDENCE);
  const highPassed = high.filter((r) => r.passed).length;
  const holds = high.length === 0 ? null : highPassed / high.length >= CALIBRATION_MIN_PASS_RATE;
  return { buckets, target: { count: high.length, passed: highPassed, holds } };
}

function printCalibration(cal) {
  console.log('confidence  count  passed  pass rate');
  for (const b of cal.buckets) {
    console.log(`${b.bucket}  ${pad(b.count, 5, true)}  ${pad(b.passed, 6, true)}  ${pad(percent(b.passed, b.count), 9, true)}`);
  }
  const { count, passed, holds } = cal.target;
  const goal = `translations scored ≥ ${CALIBRATION_MIN_CONFIDENCE} pass ≥ ${CALIBRATION_MIN_PASS_RATE * 100}%`;
  if (holds === null) console.log(`Calibration target (${goal}): n/a, no translation scored ≥ ${CALIBRATION_MIN_CONFIDENCE}`);
  else console.log(`Calibration target (${goal}): ${holds ? 'HOLDS' : 'NOT MET'} (${passed}/${count} = ${percent(passed, count)})`);
}

function printWallTimes(wall, totalMs) {
  const parts = STAGES.map((s) => `${s} ${seconds(wall[s] || 0)}`);
  console.log(`Wall time: ${parts.join(', ')}; total ${seconds(totalMs)}`);
}

function writeReport(results, wall, totalMs, ctx) {
  const report = {
    generatedAt: new Date().toISOString(),
    translator: ctx.mode,
    tools: ctx.tools,
    wallMs: { ...wall, total: totalMs },
    totals: totals(results),
    calibration: calibration(results),
    programs: results,
  };
  const file = path.join(CACHE_DIR, 'report.json');
  writeAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Report: ${rel(file)}`);
}

// -------------------------------------------------------------- KNOWN_GAPS

// Returns { header: [comment lines before the first entry], gaps: Map name → reason }.
function readGaps() {
  const gaps = new Map();
  const header = [];
  let text = '';
  try {
    text = fs.readFileSync(GAPS_FILE, 'utf8');
  } catch {
    return { header: GAPS_HEADER, gaps };
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || !line) {
      if (gaps.size === 0) header.push(raw.trimEnd());
      continue;
    }
    const [name, ...rest] = line.split(/\s+/);
    if (gaps.has(name)) console.log(`corpus: ${rel(GAPS_FILE)} lists ${name} twice`);
    gaps.set(name, rest.join(' '));
  }
  while (header.length && !header[header.length - 1]) header.pop();
  return { header: header.length ? header : GAPS_HEADER, gaps };
}

function compareGaps(results, gaps, allNames) {
  const known = new Set(allNames);
  return {
    newFailures: results.filter((r) => !r.passed && !gaps.has(r.name)),
    nowPassing: results.filter((r) => r.passed && gaps.has(r.name)),
    missing: [...gaps.keys()].filter((n) => !known.has(n)),
  };
}

function gapReason(r) {
  return truncate(oneLine(`${r.stage}: ${r.reason}`), REASON_WIDTH);
}

// Failures of this run, plus entries for existing programs this run skipped
// (filtered out), keeping the reasons already written down.
function updateGaps(results, gapsFile, allNames) {
  const { header, gaps } = gapsFile;
  const ran = new Set(results.map((r) => r.name));
  const existing = new Set(allNames);
  const next = new Map();
  for (const [name, reason] of gaps) if (!ran.has(name) && existing.has(name)) next.set(name, reason);
  for (const r of results) if (!r.passed) next.set(r.name, gaps.get(r.name) || gapReason(r));
  const names = [...next.keys()].sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  const body = names.map((n) => `${pad(n, width)}  ${next.get(n)}`.trimEnd());
  writeAtomic(GAPS_FILE, `${[...header, '', ...body].join('\n').trimEnd()}\n`);
  const added = names.filter((n) => !gaps.has(n)).length;
  const removed = [...gaps.keys()].filter((n) => !next.has(n)).length;
  console.log(`Updated ${rel(GAPS_FILE)}: ${names.length} entries (${added} added, ${removed} removed)`);
  return next;
}

// Prints the verdict; returns true when the failures match KNOWN_GAPS.
function printGapCheck(diff, enforcing) {
  const { newFailures, nowPassing, missing } = diff;
  if (!newFailures.length && !nowPassing.length && !missing.length) {
    console.log(`KNOWN_GAPS (${rel(GAPS_FILE)}): all failures are listed, and every listed program still fails.`);
    return true;
  }
  if (!enforcing) {
    console.log(
      `KNOWN_GAPS (${rel(GAPS_FILE)}) is out of date: ${newFailures.length} unlisted failures, ` +
        `${nowPassing.length} listed but passing, ${missing.length} listed without a program (--check enforces this).`,
    );
    return false;
  }
  console.log(`KNOWN_GAPS check FAILED (${rel(GAPS_FILE)}):`);
  if (newFailures.length) {
    console.log('  New failures, not listed in KNOWN_GAPS (fix them, or list them with a reason):');
    for (const r of newFailures) console.log(`    ${r.name}  ${gapReason(r)}`);
  }
  if (nowPassing.length) {
    console.log('  Listed in KNOWN_GAPS but now PASSING (remove them from KNOWN_GAPS):');
    for (const r of nowPassing) console.log(`    ${r.name}`);
  }
  if (missing.length) {
    console.log('  Listed in KNOWN_GAPS but no such program (remove them from KNOWN_GAPS):');
    for (const n of missing) console.log(`    ${n}`);
  }
  console.log('  Update KNOWN_GAPS by hand, or run `node test/corpus/run.js --update-gaps`.');
  return false;
}

// -------------------------------------------------------------------- main

function makeContext(tools) {
  for (const dir of ['expected', 'bin', 'out']) fs.mkdirSync(path.join(CACHE_DIR, dir), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-corpus-'));
  return { tools, tmp, mode: '' };
}

function cleanup(ctx) {
  for (const child of liveChildren) killTree(child);
  if (ctx) fs.rmSync(ctx.tmp, { recursive: true, force: true });
}

// Returns the exit code.
async function main(argv) {
  const opts = parseArgs(argv);
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const tools = checkTools();
  if (!tools) {
    console.log('0 passed, 0 failed');
    return 1;
  }
  const started = Date.now();
  const { allNames, programs } = listPrograms(opts.filters);
  const ctx = makeContext(tools);
  const stop = () => {
    cleanup(ctx);
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    console.log(`Corpus: ${programs.length} of ${allNames.length} programs in ${rel(PROGRAMS_DIR)}; ${opts.jobs} jobs`);
    const results = programs.map(newResult);
    const wall = await runPipeline(programs, results, opts, ctx);
    const totalMs = Date.now() - started;
    console.log(`Translator: ${ctx.mode}\n`);

    printTable(results);
    console.log('');
    const t = totals(results);
    printTotals(t);
    console.log('');
    printCalibration(calibration(results));
    console.log('');
    printWallTimes(wall, totalMs);
    writeReport(results, wall, totalMs, ctx);

    let gaps = readGaps();
    if (opts.updateGaps) gaps = { ...gaps, gaps: updateGaps(results, gaps, allNames) };
    const gapsOk = printGapCheck(compareGaps(results, gaps.gaps, allNames), opts.check);
    let code = 0;
    if (opts.check && programs.length === 0) {
      console.log(`--check: no programs found in ${rel(PROGRAMS_DIR)}${opts.filters.length ? ' matching the filter' : ''}`);
      code = 1;
    }
    if (opts.check && !gapsOk) code = 1;
    console.log(`${t.passed} passed, ${t.failed} failed`);
    // Under --check the verdict is about KNOWN_GAPS, not the raw count: say it last.
    if (opts.check) console.log(code === 0 ? `corpus check OK: every failing program is listed in ${rel(GAPS_FILE)}` : 'corpus check FAILED (see above)');
    return code;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    cleanup(ctx);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // Exit explicitly: an in-process engine may leave handles that would keep
    // Node alive. The write callback lets stdout drain first.
    (code) => process.stdout.write('', () => process.exit(code)),
    (e) => {
      if (e instanceof UsageError) {
        console.error(`corpus: ${e.message}\n${USAGE}`);
        process.exitCode = 2;
      } else {
        console.error(`corpus: harness error: ${e && e.stack ? e.stack : e}`);
        process.exitCode = 1;
      }
    },
  );
}

module.exports = { parseRustcOutput, firstDifference, calibration, readGaps, compareGaps, main };
