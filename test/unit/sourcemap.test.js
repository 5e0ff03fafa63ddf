'use strict';
// Items and the source map: every Rust item knows its Python range; rustc errors map back
// onto Python through verifyRust; confidence is a number in [0, 1] that drops with todo!().
const assert = require('assert');
const { engine, requireTool } = require('./helpers');

const E = engine();
const PROGRAM = [
  'def add(a: int, b: int) -> int:', //        0
  '    return a + b', //                       1
  '', //                                        2
  'class P:', //                               3
  '    def __init__(self, x: int):', //        4
  '        self.x = x', //                     5
  '', //                                        6
  'print(add(1, 2))', //                       7
  'p = P(3)', //                               8
  'print(p.x)', //                             9
  '',
].join('\n');

function rangeInText(range, text) {
  const lines = text.split('\n');
  const ok = (p) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(range.start) && ok(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

describe('source map, items and confidence', function () {
  const r = E.translate(PROGRAM, { filename: 'prog.py' });
  const rustLines = r.rust.split('\n');

  it('translates the sample program', function () {
    assert.ok(!r.fatal, r.fatal);
    assert.deepStrictEqual(r.items.map((i) => i.name).sort(), ['P', 'add', 'main']);
  });

  it('every item has a Python range inside the input and Rust lines inside the output', function () {
    assert.ok(r.items.length > 0);
    for (const it of r.items) {
      assert.ok(rangeInText(it.range, PROGRAM), `${it.name}: Python range ${JSON.stringify(it.range)} outside the input`);
      const [a, b] = it.rustLines;
      assert.ok(Number.isInteger(a) && Number.isInteger(b) && a >= 1 && a <= b && b <= rustLines.length, `${it.name}: rustLines ${a}-${b} outside 1..${rustLines.length}`);
      assert.ok(typeof it.signature === 'string' && it.signature.length > 0);
      assert.ok(it.confidence >= 0 && it.confidence <= 1, `${it.name}: item confidence ${it.confidence}`);
    }
  });

  it('item ranges and Rust lines point at the right definitions', function () {
    const add = r.items.find((i) => i.name === 'add');
    assert.deepStrictEqual(add.range.start, { line: 0, character: 0 });
    assert.strictEqual(add.range.end.line, 1);
    assert.match(rustLines.slice(add.rustLines[0] - 1, add.rustLines[1]).join('\n'), /fn add\(a: i64, b: i64\) -> i64/);
    const p = r.items.find((i) => i.name === 'P');
    assert.strictEqual(p.range.start.line, 3);
    assert.match(rustLines.slice(p.rustLines[0] - 1, p.rustLines[1]).join('\n'), /struct P\b/);
    const main = r.items.find((i) => i.name === 'main');
    assert.strictEqual(main.range.start.line, 7);
    assert.match(rustLines[main.rustLines[0] - 1], /fn main\(\)/);
  });

  it('source map entries lie inside both texts and map statements to their lines', function () {
    assert.ok(r.sourceMap.length >= 5);
    for (const m of r.sourceMap) {
      assert.ok(m.rustLine >= 1 && m.rustLine <= rustLines.length, `rustLine ${m.rustLine}`);
      assert.ok(rangeInText(m.range, PROGRAM), `range ${JSON.stringify(m.range)}`);
    }
    const lineOf = (re) => rustLines.findIndex((l) => re.test(l)) + 1;
    const at = (n) => r.sourceMap.find((m) => m.rustLine === n);
    const call = at(lineOf(/println!\(.*add\(1, 2\)/));
    assert.ok(call, 'the print(add(1, 2)) line is mapped');
    assert.strictEqual(call.range.start.line, 7);
    const ret = at(lineOf(/^\s+a \+ b/));
    assert.ok(ret, 'the return a + b line is mapped');
    assert.strictEqual(ret.range.start.line, 1);
  });

  describe('verifyRust maps rustc errors back to Python (PTR070)', function () {
    before(function () { requireTool('rustc'); });

    it('a clean translation verifies with no errors', function () {
      const v = E.verifyRust(r.rust, r.sourceMap);
      assert.strictEqual(v.available, true);
      assert.strictEqual(v.ok, true, v.rustErrors.map((e) => e.message).join('; '));
      assert.deepStrictEqual(v.errors, []);
    });

    it('a hand-made source map: the broken Rust line maps to its Python range', function () {
      const rust = [
        'fn main() {', //                    1
        '    let x: i64 = 1;', //            2
        '    let y: String = x;', //         3  <- E0308
        '    println!("{}", y);', //         4
        '}', //                              5
        '',
      ].join('\n');
      const A = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
      const B = { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } };
      const C = { start: { line: 7, character: 0 }, end: { line: 7, character: 8 } };
      const v = E.verifyRust(rust, [{ rustLine: 2, range: A }, { rustLine: 3, range: B }, { rustLine: 4, range: C }]);
      assert.strictEqual(v.ok, false);
      assert.ok(v.errors.length >= 1, 'one error at least');
      const e = v.errors[0];
      assert.strictEqual(e.code, 'PTR070');
      assert.strictEqual(e.severity, 'error');
      assert.deepStrictEqual(e.range, B);
      assert.match(e.message, /E0308|mismatched/);
      assert.ok(v.rustErrors.some((x) => x.line === 3), `rustc error on Rust line 3: ${JSON.stringify(v.rustErrors)}`);
    });

    it('translate({verify: true}) on a clean program adds no PTR070 and keeps confidence', function () {
      const v = E.translate(PROGRAM, { verify: true });
      const nv = E.translate(PROGRAM, { verify: false });
      assert.deepStrictEqual(v.diagnostics.filter((d) => d.code === 'PTR070'), []);
      assert.strictEqual(v.confidence, nv.confidence);
      assert.strictEqual(v.rust, nv.rust, 'verification does not change the Rust');
    });

    it('an error on an unmapped line maps to the nearest entry before it', function () {
      const rust = 'fn main() {\n    let a: i64 = 1;\n\n    let b: bool = a;\n}\n';
      const A = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
      const v = E.verifyRust(rust, [{ rustLine: 2, range: A }]);
      assert.strictEqual(v.ok, false);
      assert.deepStrictEqual(v.errors[0].range, A);
    });

    it('breaking one line of a real translation maps back to that Python statement', function () {
      const lines = r.rust.split('\n');
      const i = lines.findIndex((l) => /^\s+a \+ b\s*$/.test(l));
      assert.ok(i >= 0, 'found the `a + b` line');
      lines[i] = lines[i].replace('a + b', 'a + "broken"');
      const v = E.verifyRust(lines.join('\n'), r.sourceMap);
      assert.strictEqual(v.ok, false);
      assert.ok(v.errors.length >= 1);
      assert.strictEqual(v.errors[0].code, 'PTR070');
      assert.strictEqual(v.errors[0].range.start.line, 1, `mapped to ${JSON.stringify(v.errors[0].range)}`);
    });
  });

  describe('confidence', function () {
    it('overall confidence is in [0, 1]', function () {
      for (const code of [PROGRAM, 'x = eval("1")\n', '', 'def f(v):\n    return v\n', 'x = (\n']) {
        const t = E.translate(code);
        assert.ok(typeof t.confidence === 'number' && t.confidence >= 0 && t.confidence <= 1, `confidence ${t.confidence} for ${JSON.stringify(code)}`);
      }
    });

    it('a program with todo!() scores lower than a clean one', function () {
      const clean = E.translate('def sq(v: int) -> int:\n    return v * v\nprint(sq(3))\n');
      const todo = E.translate('def sq(v: int) -> int:\n    return eval("v * v")\nprint(sq(3))\n');
      assert.match(todo.rust, /todo!\(/);
      assert.ok(!/todo!\(/.test(clean.rust));
      assert.ok(todo.confidence < clean.confidence, `todo ${todo.confidence} vs clean ${clean.confidence}`);
      const item = todo.items.find((i) => i.name === 'sq');
      const cleanItem = clean.items.find((i) => i.name === 'sq');
      assert.ok(item.confidence < cleanItem.confidence, 'the item with todo!() scores lower too');
    });

    it('a fatal input has confidence 0', function () {
      assert.strictEqual(E.translate('def (:\n').confidence, 0);
    });
  });
});
