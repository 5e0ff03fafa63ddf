'use strict';
// Golden tests of the types the pyright adapter (plus the engine's usage-based inference)
// yields, observed through the built engine: the Rust signatures it emits and the PTR022
// inferred-annotation hints with their quick-fix edits.
const assert = require('assert');
const { engine, checkOrGap, assertNoStaleGaps, userRust } = require('./helpers');

const E = engine();
const ids = [];
function tr(code, opts) {
  // Types are read from the Rust text; rustc verification (default on) is not needed here.
  const r = E.translate(code, { verify: false, ...opts });
  assert.ok(!r.fatal, `unexpected fatal: ${r.fatal}`);
  return r;
}
function includes(rust, needle) {
  assert.ok(rust.includes(needle), `expected the Rust to contain\n  ${needle}\ngot:\n${userRust(rust)}`);
}
function matches(rust, re) {
  assert.ok(re.test(rust), `expected the Rust to match ${re}\ngot:\n${userRust(rust)}`);
}
/** The PTR022 hints, with their fix edit checked for shape. */
function hints(r) {
  return r.diagnostics.filter((d) => d.code === 'PTR022');
}
function assertHint(r, { line, character, text }) {
  const h = hints(r).find((d) => d.range.start.line === line && d.range.start.character === character);
  assert.ok(h, `no PTR022 hint at ${line}:${character}; hints: ${JSON.stringify(hints(r).map((d) => [d.range.start, d.fix && d.fix.edits[0].newText]))}`);
  assert.strictEqual(h.severity, 'hint');
  assert.ok(h.fix && Array.isArray(h.fix.edits) && h.fix.edits.length === 1, 'PTR022 must carry a one-edit quick fix');
  const edit = h.fix.edits[0];
  assert.deepStrictEqual(edit.range, { start: { line, character }, end: { line, character } }, 'the fix inserts at the hint position');
  assert.strictEqual(edit.newText, text);
  assert.ok(h.suggestion && h.suggestion.includes(text.replace(/^:\s*/, '')), `suggestion names the type: ${h.suggestion}`);
  // Applying the fix must give valid Python that yields the same Rust types.
  return h;
}
function applyEdit(code, edit) {
  const lines = code.split('\n');
  const l = lines[edit.range.start.line];
  lines[edit.range.start.line] = l.slice(0, edit.range.start.character) + edit.newText + l.slice(edit.range.end.character);
  return lines.join('\n');
}
function gapIt(id, fn) {
  ids.push(`types/${id}`);
  it(id, function () { checkOrGap(`types/${id}`, fn); });
}

describe('types: pyright adapter + inference, seen through Rust signatures', function () {
  gapIt('annotated scalars and list param borrow as a slice', () => {
    const r = tr('def f(x: int, ys: list[int]) -> str:\n    return str(x) + str(len(ys))\nprint(f(1, [2]))\n');
    includes(r.rust, 'fn f(x: i64, ys: &[i64]) -> String');
  });

  gapIt('str/float/bool params', () => {
    const r = tr('def greet(name: str, times: float, ok: bool) -> str:\n    return name\nprint(greet("a", 1.5, True))\n');
    includes(r.rust, 'fn greet(name: &str, times: f64, ok: bool) -> String');
  });

  gapIt('dict and list[str] params, tuple return', () => {
    const r = tr('def total(d: dict[str, int], names: list[str]) -> tuple[int, str]:\n    return (d[names[0]], names[0])\nprint(total({"a": 1}, ["a"]))\n');
    matches(r.rust, /fn total\(d: &(Dict|HashMap|IndexMap|BTreeMap)<String, i64>, names: &\[String\]\) -> \(i64, String\)/);
  });

  gapIt('nested list param and list return', () => {
    const r = tr('def firsts(rows: list[list[int]]) -> list[int]:\n    return [r[0] for r in rows]\nprint(firsts([[1], [2]]))\n');
    includes(r.rust, 'fn firsts(rows: &[Vec<i64>]) -> Vec<i64>');
  });

  gapIt('empty list typed from .append(1) -> Vec<i64>, with a PTR022 fix', () => {
    const code = 'xs = []\nxs.append(1)\nprint(xs)\n';
    const r = tr(code);
    includes(r.rust, 'let mut xs: Vec<i64>');
    const h = assertHint(r, { line: 0, character: 2, text: ': list[int]' });
    assert.strictEqual(applyEdit(code, h.fix.edits[0]).split('\n')[0], 'xs: list[int] = []');
    assert.deepStrictEqual(r.inferred.map((i) => i.text), [': list[int]']);
  });

  gapIt('applying the PTR022 fix gives the same Rust type and no hint', () => {
    const code = 'xs = []\nxs.append(1)\nprint(xs)\n';
    const h = hints(tr(code))[0];
    assert.ok(h, 'a PTR022 hint is expected first');
    const fixed = applyEdit(code, h.fix.edits[0]);
    const r2 = tr(fixed);
    includes(r2.rust, 'xs: Vec<i64>');
    assert.strictEqual(hints(r2).length, 0, 'no hint once the annotation is there');
  });

  gapIt('empty dict typed from d[k] = [1] -> dict[str, list[int]]', () => {
    const r = tr('d = {}\nd["a"] = [1]\nprint(d)\n');
    matches(r.rust, /let mut d: (Dict|HashMap|IndexMap|BTreeMap)<String, Vec<i64>>/);
    assertHint(r, { line: 0, character: 1, text: ': dict[str, list[int]]' });
  });

  gapIt('counter dict from d.get(k, 0) + 1 -> dict[str, int]', () => {
    const r = tr('counts = {}\nfor w in ["a", "b"]:\n    counts[w] = counts.get(w, 0) + 1\nprint(counts)\n');
    matches(r.rust, /counts: (Dict|HashMap|IndexMap|BTreeMap)<String, i64>/);
    assertHint(r, { line: 0, character: 6, text: ': dict[str, int]' });
  });

  gapIt('empty set typed from .add(3)', () => {
    const r = tr('s = set()\ns.add(3)\nprint(len(s))\n');
    matches(r.rust, /let mut s: (std::collections::)?(BTreeSet|HashSet)<i64>/);
    assertHint(r, { line: 0, character: 1, text: ': set[int]' });
  });

  gapIt('Optional[int] param becomes Option<i64> and is narrowed after `is not None`', () => {
    const r = tr('from typing import Optional\ndef g(x: Optional[int]) -> int:\n    if x is not None:\n        return x + 1\n    return 0\nprint(g(3), g(None))\n');
    includes(r.rust, 'fn g(x: Option<i64>) -> i64');
    matches(r.rust, /if let Some\(x\) = x|x\.unwrap\(\)|match x|x\.expect\(/);
    includes(r.rust, 'g(Some(3))');
    includes(r.rust, 'g(None)');
  });

  gapIt('`int | None` narrowed after an early return on `is None`', () => {
    const r = tr('def g(x: int | None) -> int:\n    if x is None:\n        return 0\n    return x * 2\nprint(g(None), g(4))\n');
    includes(r.rust, 'fn g(x: Option<i64>) -> i64');
    matches(r.rust, /if let Some\(x\) = x|x\.unwrap\(\)|match x|let Some\(x\) = x else|x\.expect\(/);
  });

  gapIt('dataclass fields become struct fields with derives', () => {
    const r = tr('from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    name: str\n    tags: list[str]\np = P(1, "a", [])\nprint(p.x, p.name)\n');
    matches(r.rust, /#\[derive\([^)]*Clone[^)]*\)\]\s*struct P \{/);
    matches(r.rust, /struct P \{\s*x: i64,\s*name: String,\s*tags: Vec<String>,\s*\}/);
  });

  gapIt('unannotated params typed from call sites (int), with PTR022 at the param', () => {
    const r = tr('def h(a):\n    return a * 2\nprint(h(3))\n');
    includes(r.rust, 'fn h(a: i64) -> i64');
    assertHint(r, { line: 0, character: 7, text: ': int' });
  });

  gapIt('unannotated params typed from call sites (float)', () => {
    const r = tr('def area(w, h):\n    return w * h\nprint(area(2.5, 3.0))\n');
    includes(r.rust, 'fn area(w: f64, h: f64) -> f64');
    assertHint(r, { line: 0, character: 10, text: ': float' });
    assertHint(r, { line: 0, character: 13, text: ': float' });
  });

  gapIt('literal types are widened (Literal[5] -> i64) when passed on', () => {
    const r = tr('n = 5\ndef sq(v):\n    return v * v\nprint(sq(n))\n');
    includes(r.rust, 'fn sq(v: i64) -> i64');
  });

  gapIt('unannotated return type inferred', () => {
    const r = tr('def two():\n    return 2\ndef half(x: int):\n    return x / 2\nprint(two(), half(3))\n');
    includes(r.rust, 'fn two() -> i64');
    includes(r.rust, 'fn half(x: i64) -> f64');
  });

  gapIt('attribute initialised to [] in __init__ typed from a later .append(str)', () => {
    const r = tr('class C:\n    def __init__(self, n: int):\n        self.n = n\n        self.items = []\n    def add(self, s: str) -> None:\n        self.items.append(s)\nc = C(1)\nc.add("x")\nprint(c.n, len(c.items))\n');
    matches(r.rust, /struct C \{\s*n: i64,\s*items: Vec<String>,/);
  });

  gapIt('an undeterminable type gives a PTR020 diagnostic, not silence', () => {
    const r = tr('def ident(v):\n    return v\n');
    const d = r.diagnostics.filter((x) => x.code === 'PTR020');
    assert.ok(d.length >= 1, `expected PTR020, got ${JSON.stringify(r.diagnostics.map((x) => x.code))}`);
    assert.strictEqual(d[0].range.start.line, 0);
  });

  it('known-gaps.json names only real type cases', function () {
    assertNoStaleGaps('types/', ids);
  });
});

describe('int arguments in float-annotated parameters (CPython keeps them ints)', function () {
  it('every call passes int literals: the parameters and an int-only return become i64', function () {
    const r = E.translate('def area(w: float, h: float) -> float:\n    return w * h\n\nprint(area(2, 3))\n', { verify: false });
    assert.ok(r.rust.includes('fn area(w: i64, h: i64) -> i64'), r.rust);
    const fix = r.diagnostics.find((d) => d.code === 'PTR022' && d.range.start.line === 0 && d.range.start.character === 12);
    assert.ok(fix, `no PTR022 replacement hint on the first float: ${JSON.stringify(r.diagnostics.map((d) => [d.code, d.range]))}`);
    assert.deepStrictEqual(fix.range.end, { line: 0, character: 17 }, 'the fix replaces the word float');
    assert.strictEqual(fix.fix.edits[0].newText, 'int');
  });
  it('ints and floats passed to one parameter: a tagged int | float (area(2, 3) is 6, not 6.0)', function () {
    const r = E.translate('def area(w: float, h: float) -> float:\n    return w * h\n\nprint(area(2, 3), area(2.5, 3))\n', { verify: false });
    assert.ok(r.rust.includes('fn area(w: &Obj, h: i64) -> Obj'), r.rust);
  });
  it('an int that can never show (w * h with a float h, w / 2) keeps the annotated f64', function () {
    const r = E.translate('def area(w: float, h: float) -> float:\n    return w * h\n\nprint(area(2, 3.5), area(2.5, 3.0))\n', { verify: false });
    assert.ok(r.rust.includes('fn area(w: f64, h: f64) -> f64'), r.rust);
    assert.ok(r.rust.includes('area(2.0, 3.5)'), r.rust);
    const half = E.translate('def half(w: float) -> float:\n    return w / 2\n\nprint(half(3))\n', { verify: false });
    assert.ok(half.rust.includes('fn half(w: f64) -> f64'), half.rust);
    const plus = E.translate('def plus(w: float) -> float:\n    return w + 1\n\nprint(plus(3))\n', { verify: false });
    assert.ok(plus.rust.includes('fn plus(w: i64) -> i64'), plus.rust); // 3 + 1 prints 4: the int shows
  });
  it('only floats passed: the parameter stays f64', function () {
    const r = E.translate('def area(w: float, h: float) -> float:\n    return w * h\n\nprint(area(2.0, 3.5), area(2.5, 3.0))\n', { verify: false });
    assert.ok(r.rust.includes('fn area(w: f64, h: f64) -> f64'), r.rust);
  });
});
