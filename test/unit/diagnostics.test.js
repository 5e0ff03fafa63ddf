'use strict';
// Diagnostics: codes, severities and exact 0-based UTF-16 ranges (LSP positions), for fatal
// input errors, unsupported constructs, fragments (dedented selections) and session context.
const assert = require('assert');
const { engine, checkOrGap, assertNoStaleGaps, userRust, has } = require('./helpers');

const E = engine();
const ids = [];
function gapIt(id, fn) {
  ids.push(`diagnostics/${id}`);
  it(id, function () { checkOrGap(`diagnostics/${id}`, fn); });
}
function tr(code, opts) {
  let r;
  assert.doesNotThrow(() => { r = E.translate(code, opts); }, 'translate() must never throw');
  return r;
}
const pos = (line, character) => ({ line, character });
const cmp = (a, b) => (a.line - b.line) || (a.character - b.character);
/** a diagnostic range lies inside [start, end] */
function inside(range, start, end) {
  return cmp(range.start, start) >= 0 && cmp(range.end, end) <= 0 && cmp(range.start, range.end) <= 0;
}
function unsupportedDiag(r) {
  return r.diagnostics.find((d) => /^PTR0(10|11|60)$/.test(d.code));
}

describe('diagnostics', function () {
  describe('fatal input errors', function () {
    gapIt('syntax error: fatal PTR001 at the right 0-based line/col, no Rust', () => {
      const r = tr('x = 1\ny = (2 +\nprint(x)\n');
      assert.ok(r.fatal, 'fatal expected');
      assert.strictEqual(r.rust, '');
      assert.strictEqual(r.confidence, 0);
      const d = r.diagnostics[0];
      assert.strictEqual(d.code, 'PTR001');
      assert.strictEqual(d.severity, 'error');
      assert.deepStrictEqual(d.range.start, pos(1, 4), 'the unclosed "(" is line 1 (0-based), column 4');
      assert.ok(r.diagnostics.every((x) => x.code === 'PTR001'));
    });

    gapIt('syntax error mid-line: column of the offending token', () => {
      const r = tr('a = 1\nx = = 1\n');
      assert.ok(r.fatal);
      assert.strictEqual(r.diagnostics[0].code, 'PTR001');
      assert.deepStrictEqual(r.diagnostics[0].range.start, pos(1, 4));
    });

    gapIt('bad def header: PTR001 on line 0 at the ":"', () => {
      const r = tr('def f(:\n  pass\n');
      assert.ok(r.fatal);
      assert.deepStrictEqual(r.diagnostics[0].range.start, pos(0, 6));
    });

    gapIt('positions are UTF-16: an emoji (2 code units each) before the error', () => {
      // s = "😀😀"; y = (   -> "(" is at UTF-16 column 16 (code points: 14, bytes: 22)
      const r = tr('s = "\u{1F600}\u{1F600}"; y = (\n');
      assert.ok(r.fatal);
      assert.deepStrictEqual(r.diagnostics[0].range.start, pos(0, 16));
    });

    gapIt('CRLF line endings count as one line break', () => {
      const r = tr('x = 1\r\ny = (\r\n');
      assert.ok(r.fatal);
      assert.deepStrictEqual(r.diagnostics[0].range.start, pos(1, 4));
    });

    gapIt('NUL byte: fatal PTR002', () => {
      const r = tr('x = "\u0000"\n');
      assert.ok(r.fatal);
      assert.strictEqual(r.diagnostics[0].code, 'PTR002');
    });

    gapIt('over maxBytes: fatal PTR003 that names the limit', () => {
      const r = tr('x = 1\nprint(x)\n', { maxBytes: 4 });
      assert.ok(r.fatal);
      assert.strictEqual(r.diagnostics[0].code, 'PTR003');
      assert.match(r.fatal, /4/);
    });

    gapIt('empty, comment-only and blank inputs translate (no fatal)', () => {
      for (const code of ['', '# just a comment\n', '   \n\n']) {
        const r = tr(code);
        assert.ok(!r.fatal, `fatal on ${JSON.stringify(code)}: ${r.fatal}`);
        assert.strictEqual(typeof r.rust, 'string');
      }
    });
  });

  describe('unsupported constructs: todo!() and a diagnostic inside the construct, never a throw', function () {
    const cases = [
      { id: 'eval', code: 'x = eval("1")\nprint(x)\n', start: pos(0, 4), end: pos(0, 13) },
      { id: 'exec', code: 'print(1)\nexec("print(2)")\n', start: pos(1, 0), end: pos(1, 16) },
      { id: 'eval after an emoji (UTF-16 columns)', code: 's = "\u{1F600}\u{1F600}" ; z = eval("1")\n', start: pos(0, 17), end: pos(0, 26) },
      { id: 'getattr with a computed name', code: 'class A:\n    pass\na = A()\nname = "x"\nprint(getattr(a, name))\n', start: pos(4, 6), end: pos(4, 22) },
      { id: 'async def', code: 'async def f() -> int:\n    return 1\nprint(2)\n', start: pos(0, 0), end: pos(1, 12) },
      { id: 'await inside async def', code: 'async def g() -> int:\n    return 1\nasync def f() -> int:\n    return await g()\n', start: pos(0, 0), end: pos(3, 20) },
      { id: 'unknown third-party import', code: 'import numpy as np\nx = np.zeros(3)\nprint(x)\n', start: pos(0, 0), end: pos(1, 15) },
    ];
    for (const c of cases) {
      gapIt(`${c.id}: todo!() + diagnostic in range`, () => {
        const r = tr(c.code);
        assert.ok(!r.fatal, `not fatal: ${r.fatal}`);
        const d = unsupportedDiag(r);
        assert.ok(d, `expected PTR010/PTR011/PTR060, got ${JSON.stringify(r.diagnostics.map((x) => x.code))}`);
        assert.ok(['warning', 'error'].includes(d.severity), `severity ${d.severity}`);
        assert.ok(inside(d.range, c.start, c.end), `range ${JSON.stringify(d.range)} not inside ${JSON.stringify([c.start, c.end])}`);
        assert.match(r.rust, /todo!\(/, 'the construct becomes todo!()');
      });
    }

    gapIt('method calls with missing or keyword-only arguments do not throw', () => {
      for (const code of ['d = {"a": 1}\nd.update(z=26)\nprint(d)\n', 'xs = [1]\nxs.append()\n', 'd = {"a": 1}\nd.get()\n']) {
        let r;
        try { r = E.translate(code); } catch (e) { assert.fail(`translate() threw on ${JSON.stringify(code)}: ${e.message}`); }
        assert.ok(r.fatal || typeof r.rust === 'string');
      }
    });

    gapIt('a todo!() placeholder still type-checks (rustc), so the rest can be used', () => {
      if (!has('rustc')) throw new Error('rustc is not on PATH: this check needs it');
      const r = tr('x = eval("1")\nprint(2)\n');
      const v = E.verifyRust(r.rust, r.sourceMap);
      assert.ok(v.ok, `rustc rejects the translation: ${v.rustErrors.map((e) => e.message).join('; ')}\n${userRust(r.rust)}`);
    });

    gapIt('a name rebound to another type gets a diagnostic or compiling code', () => {
      if (!has('rustc')) throw new Error('rustc is not on PATH: this check needs it');
      const r = tr('x = 1\nprint(x)\nx = "s"\nprint(x)\n');
      const warned = r.diagnostics.some((d) => d.severity === 'warning' || d.severity === 'error');
      const v = E.verifyRust(r.rust, r.sourceMap);
      assert.ok(warned || v.ok, `silent wrong code: no warning and rustc says ${v.rustErrors.map((e) => e.message).join('; ')}`);
    });

    gapIt('confidence of a program with todo!() is below the clean one', () => {
      const clean = tr('x = int("1")\nprint(x)\n');
      const todo = tr('x = eval("1")\nprint(x)\n');
      assert.ok(todo.confidence < clean.confidence, `${todo.confidence} < ${clean.confidence}`);
    });
  });

  describe('fragments (editor selections) are dedented; ranges stay in the original columns', function () {
    gapIt('indented method body: diagnostic columns are in the original text', () => {
      const frag = '        x = 1\n        y = eval("2")\n        print(x)\n';
      const r = tr(frag, { fragment: true });
      assert.ok(!r.fatal, r.fatal);
      const d = unsupportedDiag(r);
      assert.ok(d, 'a PTR010 for eval');
      // eval starts at column 12 of line 1 in the ORIGINAL (indented) text
      assert.deepStrictEqual(d.range.start, pos(1, 12));
      assert.ok(!/^\s{8}let x/m.test(r.rust), 'the Rust is not indented by the Python indentation');
    });

    gapIt('indented fragment: items and source map use the original columns', () => {
      const frag = '    def area(w: float, h: float) -> float:\n        return w * h\n';
      const r = tr(frag, { fragment: true });
      assert.ok(!r.fatal, r.fatal);
      assert.match(r.rust, /fn area\(w: f64, h: f64\) -> f64/);
      const it0 = r.items.find((i) => i.name === 'area');
      assert.ok(it0, `item area in ${JSON.stringify(r.items.map((i) => i.name))}`);
      assert.deepStrictEqual(it0.range.start, pos(0, 4));
      assert.ok(!/fn main/.test(r.rust), 'a selection with only a def gets no fn main');
    });

    gapIt('syntax error in an indented fragment: original column', () => {
      const r = tr('    x = = 1\n', { fragment: true });
      assert.ok(r.fatal);
      assert.deepStrictEqual(r.diagnostics[0].range.start, pos(0, 8));
    });

    gapIt('PTR022 hint in a fragment points into the original columns', () => {
      const r = tr('    xs = []\n    xs.append(1)\n    print(xs)\n', { fragment: true });
      const h = r.diagnostics.find((d) => d.code === 'PTR022');
      assert.ok(h, 'PTR022 expected');
      assert.deepStrictEqual(h.range.start, pos(0, 6));
      assert.deepStrictEqual(h.fix.edits[0].range.start, pos(0, 6));
    });
  });

  describe('session context', function () {
    const context = 'def area(w: float, h: float) -> float:\n    return w * h\n';
    gapIt('context types the call: area(2, 3) passes 2.0, 3.0', () => {
      const r = tr('print(area(2, 3))\n', { context });
      assert.ok(!r.fatal, r.fatal);
      assert.match(r.rust, /area\(2\.0, 3\.0\)/);
      assert.ok(!/fn area/.test(r.rust), 'context definitions are not emitted');
    });

    gapIt('without context the same call is not typed as float', () => {
      const r = tr('print(area(2, 3))\n');
      assert.ok(!/area\(2\.0, 3\.0\)/.test(r.rust));
    });

    gapIt('context does not shift ranges of the input', () => {
      const r = tr('y = area(2, 3)\nz = eval("1")\n', { context });
      const d = unsupportedDiag(r);
      assert.ok(d);
      assert.deepStrictEqual(d.range.start, pos(1, 4));
    });
  });

  it('every diagnostic code used is in the CODES catalogue', function () {
    const samples = ['x = eval("1")\n', 'xs = []\nxs.append(1)\n', 'def f(v):\n    return v\n', 'import numpy\n', 'x = (\n'];
    for (const s of samples) for (const d of tr(s).diagnostics) assert.ok(d.code in E.CODES, `${d.code} not in CODES`);
  });

  it('known-gaps.json names only real diagnostics cases', function () {
    assertNoStaleGaps('diagnostics/', ids);
  });
});
