// portalis/translate of a selection in an open, already-analysed document: whole top-level
// definitions are cut out of the document's analysis (fromAnalysis: true) with the globals and
// runtime helpers they use; partial selections still go through the fragment translation; an
// edit is never answered from the older analysis. Real server over JSON-RPC; no timing asserts.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { LspClient, uri } = require('./client');
const { workspace } = require('./fixtures');

const DOC = [
  '"""Calculator: the module docstring becomes a //! comment, which a selection never carries."""',
  'STEP = 3', // 0 (line numbers below are one more)
  '', // 1
  '', // 2
  'def area(w: float, h: float) -> float:', // 3
  '    return w * h', // 4
  '', // 5
  '', // 6
  '# Not translatable: eval.', // 7
  'def risky(x: int) -> int:', // 8
  '    return eval("x + 1")', // 9
  '', // 10
  '', // 11
  'def buckets(n: int) -> int:', // 12
  '    return n // STEP', // 13
  '', // 14
  '', // 15
  'print(area(2.0, 3.5), risky(1), buckets(10))', // 16
  '',
].join('\n');

const lines = (a, b) => ({ start: { line: a, character: 0 }, end: { line: b, character: 0 } });

/** Rust as the fragment path's output is compiled: everything allowed, an empty main when it has none. */
function crate(parts) {
  return '#![allow(warnings)]\n' + parts.map((p, i) => `mod m${i} {\n${p}\n}\n`).join('') + 'fn main() {}\n';
}
function rustc(src) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-sel-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.rs'), src);
    const r = spawnSync('rustc', ['--edition', '2021', '--emit=metadata', '-o', path.join(dir, 'out'), path.join(dir, 'main.rs')], { encoding: 'utf8' });
    return r.status === 0 ? undefined : (r.stderr.match(/error[^\n]*\n[^\n]*\n/) ?? [r.stderr.slice(0, 300)])[0];
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
/** Compiles all at once; on failure each alone, to name the ones that do not compile. */
function failing(named) {
  if (!rustc(crate(named.map((n) => n.rust)))) return [];
  return named.map((n) => ({ name: n.name, error: rustc(crate([n.rust])) })).filter((n) => n.error);
}

describe('portalis/translate of a selection in an analysed document', function () {
  let root, c;
  before(async function () {
    root = workspace({ 'calc.py': DOC });
    c = await LspClient.start({ root });
  });
  after(async function () {
    if (c) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const doc = (name) => uri(path.join(root, name));

  it('answers whole functions from the analysis: their Rust, the globals and helpers they use, their diagnostics', async function () {
    const u = doc('calc.py');
    c.open(u, DOC);
    const published = await c.diagnostics(u);

    const area = await c.request('portalis/translate', { uri: u, range: lines(4, 6) });
    assert.strictEqual(area.fromAnalysis, true);
    assert.strictEqual(area.rust, 'fn area(w: f64, h: f64) -> f64 {\n    w * h\n}\n');
    assert.deepStrictEqual(area.diagnostics, []);
    assert.strictEqual(area.backend, 'embedded');

    // The comment above `risky` may be in the selection; the diagnostic is the published one.
    const risky = await c.request('portalis/translate', { uri: u, range: lines(8, 12) });
    assert.strictEqual(risky.fromAnalysis, true);
    assert.match(risky.rust, /^fn risky\(x: i64\) -> i64 \{/);
    const mine = risky.diagnostics.map((d) => `${d.code}@${JSON.stringify(d.range)}`);
    const theirs = published.diagnostics.filter((d) => d.range.start.line >= 8 && d.range.end.line <= 11).map((d) => `${d.code}@${JSON.stringify(d.range)}`);
    assert.ok(mine.length && mine.some((m) => /^PTR0(60|10)/.test(m)), JSON.stringify(risky.diagnostics));
    assert.deepStrictEqual(mine.sort(), theirs.sort());
    assert.ok(risky.confidence < area.confidence, 'the eval makes risky less certain');

    // A module constant and a runtime helper (Python's floor division) come along; nothing else.
    const buckets = await c.request('portalis/translate', { uri: u, range: lines(13, 15) });
    assert.strictEqual(buckets.fromAnalysis, true);
    assert.match(buckets.rust, /^const STEP: i64 = 3;\n\nfn buckets\(n: i64\) -> i64 \{/);
    assert.match(buckets.rust, /\nfn py_floordiv\(/);
    assert.match(buckets.rust, /\nfn py_raise_zero\(/, 'and the helper py_floordiv calls');
    assert.ok(!/fn main|fn area|fn risky|fn fmt_float|trait PyStr|\/\/!/.test(buckets.rust), buckets.rust);
    assert.strictEqual(rustc(crate([buckets.rust])), undefined);

    // Several definitions: both items, the engine's aggregate confidence (0.7 min + 0.3 mean).
    const both = await c.request('portalis/translate', { uri: u, range: lines(4, 12) });
    assert.strictEqual(both.fromAnalysis, true);
    assert.match(both.rust, /^fn area[\s\S]*\n\nfn risky/);
    const expect = Math.round((0.7 * Math.min(area.confidence, risky.confidence) + 0.3 * (area.confidence + risky.confidence) / 2) * 100) / 100;
    assert.strictEqual(both.confidence, expect);
  });

  it('translates a partial selection (or one with top-level code) as a fragment', async function () {
    const u = doc('calc.py');
    await c.diagnostics(u);
    const call = await c.request('portalis/translate', { uri: u, range: { start: { line: 17, character: 6 }, end: { line: 17, character: 20 } } });
    assert.ok(!call.fromAnalysis);
    assert.match(call.rust, /area\(2\.0, 3\.5\)/);
    const half = await c.request('portalis/translate', { uri: u, range: lines(9, 10) });
    assert.ok(!half.fromAnalysis);
    const withCode = await c.request('portalis/translate', { uri: u, range: lines(13, 18) });
    assert.ok(!withCode.fromAnalysis, 'the print line is top-level code');
    assert.match(withCode.rust, /fn buckets/);
    assert.match(withCode.rust, /fn main\(\)/);
  });

  it('never answers from an older version: after an edit the Rust is the new text\'s', async function () {
    const u = doc('calc.py');
    await c.diagnostics(u);
    const since = c.mark();
    const edited = DOC.replace('    return w * h', '    return w * h * 7.25');
    const version = c.change(u, edited);
    const now = await c.request('portalis/translate', { uri: u, range: lines(4, 6) });
    assert.match(now.rust, /w \* h \* 7\.25/, now.rust);
    await c.diagnostics(u, (p) => p.version === version, since);
    const later = await c.request('portalis/translate', { uri: u, range: lines(4, 6) });
    assert.strictEqual(later.fromAnalysis, true);
    assert.match(later.rust, /w \* h \* 7\.25/);
    // A selection made right after an edit that a pending analysis covers: the same answer.
    const v3 = c.change(u, edited.replace('7.25', '8.5'));
    const [again, p] = await Promise.all([
      c.request('portalis/translate', { uri: u, range: lines(4, 6) }),
      c.diagnostics(u, (x) => x.version === v3, since),
    ]);
    assert.ok(p);
    assert.match(again.rust, /w \* h \* 8\.5/);
    assert.ok(!/7\.25/.test(again.rust));
  });

  it('honours written annotations: `area(w: float, …)` stays f64 whatever the call sites pass', async function () {
    // shapes.py calls area(2, 3.5). When the engine re-annotates `w` from the call sites (a PTR022
    // whose fix replaces the annotation), the selection goes through the fragment path; either
    // way the answer is the fragment translation of what is written.
    const u = doc('shapes.py');
    const text = fs.readFileSync(path.join(root, 'shapes.py'), 'utf8');
    c.open(u, text);
    const published = await c.diagnostics(u);
    const replaced = published.diagnostics.some((d) => d.code === 'PTR022' && d.range.start.line === 14 && d.range.end.character > d.range.start.character);
    const r = await c.request('portalis/translate', { uri: u, range: lines(14, 16) });
    assert.strictEqual(!!r.fromAnalysis, !replaced);
    assert.match(r.rust, /^fn area\(w: f64, h: f64\) -> f64 \{\n\s+w \* h\n\}/);
    const f = await c.request('portalis/translate', { uri: u, text: text.split('\n').slice(14, 16).join('\n') + '\n' });
    assert.strictEqual(r.rust, f.rust);
    const point = await c.request('portalis/translate', { uri: u, range: lines(5, 12) });
    assert.strictEqual(point.fromAnalysis, true, 'the rest of the document answers from the analysis');
  });

  it('waits for the analysis of a just-opened document instead of translating the selection too', async function () {
    const u = doc('fresh.py');
    const text = 'def cube(n: int) -> int:\n    return n * n * n\n';
    c.open(u, text);
    // Sent before the open's analysis is published: it is running, queued or started for this request.
    const r = await c.request('portalis/translate', { uri: u, range: lines(0, 2) });
    assert.strictEqual(r.fromAnalysis, true);
    assert.strictEqual(r.rust, 'fn cube(n: i64) -> i64 {\n    n * n * n\n}\n');
  });

  it('compiles like the fragment translation (rustc), on examples and corpus programs', async function () {
    if (spawnSync('rustc', ['--version']).status !== 0) throw new Error('rustc is not on PATH: this test needs it');
    this.timeout(600000);
    const corpus = path.join(__dirname, '..', 'corpus', 'programs');
    // [file, definitions that compile on their own (no other definition of the file used)]
    const SAMPLES = [
      ['shapes.py', ['Point']], ['bank.py', ['Account']], ['word_count.py', ['count_words', 'top']],
      [path.join(corpus, 'a009_base_conversion.py'), ['to_base']],
      [path.join(corpus, 'a087_recursion_fib_fact.py'), ['factorial', 'fib', 'digit_sum']],
      [path.join(corpus, 'a077_set_membership_dedupe.py'), ['has_duplicates']],
      [path.join(corpus, 'a090_memo_dict.py'), ['grid_paths', 'edit_distance']],
      [path.join(corpus, 'a098_global_counter.py'), ['reset', 'local_shadow', 'enable_verbose']],
      [path.join(corpus, 'b060_lru_cache_fib.py'), ['grid_paths', 'edit_distance']],
      [path.join(corpus, 'b094_state_machine_traffic.py'), ['Light']],
      // Where the document tells more than the selection (module globals, call sites), only the
      // analysis-cut Rust is required to compile.
      [path.join(corpus, 'a077_set_membership_dedupe.py'), ['dedupe'], 'fast only'],
      [path.join(corpus, 'a098_global_counter.py'), ['process', 'new_id'], 'fast only'],
    ];
    const fast = [], fragment = [];
    for (const [file, names, fastOnly] of SAMPLES) {
      const name = path.basename(file);
      const text = fs.readFileSync(path.isAbsolute(file) ? file : path.join(root, file), 'utf8');
      if (path.isAbsolute(file)) fs.writeFileSync(path.join(root, name), text);
      const u = doc(name);
      if (!c.docs.has(u)) {
        c.open(u, text);
        await c.diagnostics(u);
      }
      const ls = text.split('\n');
      for (const def of names) {
        const start = ls.findIndex((l) => new RegExp(`^(class|def) ${def}\\b`).test(l));
        assert.ok(start >= 0, `${name} defines ${def}`);
        let a = start;
        while (a > 0 && ls[a - 1].startsWith('@')) a--;
        let b = start + 1;
        while (b < ls.length && (!ls[b].trim() || /^\s/.test(ls[b]))) b++;
        const r = await c.request('portalis/translate', { uri: u, range: lines(a, b) });
        assert.strictEqual(r.fromAnalysis, true, `${name}:${def} answered from the analysis`);
        fast.push({ name: `${name}:${def}`, rust: r.rust });
        // dedupe is called with ints and with strs: the document's translation has both versions.
        if (def === 'dedupe') assert.match(r.rust, /fn dedupe\([\s\S]*\nfn dedupe_str\(/);
        if (fastOnly) continue;
        const f = await c.request('portalis/translate', { uri: u, text: ls.slice(a, b).join('\n') + '\n' });
        assert.ok(!f.fromAnalysis);
        fragment.push({ name: `${name}:${def}`, rust: f.rust });
      }
    }
    assert.deepStrictEqual(failing(fast), [], 'the analysis-cut Rust compiles');
    assert.deepStrictEqual(failing(fragment), [], 'the fragment Rust compiles (the comparison is fair)');
  });
});
