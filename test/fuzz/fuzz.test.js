'use strict';
// Mutation fuzzing of translate() with the corpus programs as seeds. Deterministic: a fixed
// seed PRNG, so a failure reproduces; the failing input is printed and written to a temp file.
// Every call must return (fatal or Rust) without throwing; non-fatal results have `fn main`
// or items, and well-formed diagnostics.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { engine, REPO, knownGaps } = require('../unit/helpers');

const SEED = 0x5eed1234;
const TOTAL = Number(process.env.PORTALIS_FUZZ_N || 1000);

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUNCT = ['(', ')', '[', ']', '{', '}', ':', ',', '.', ';', '=', '+', '-', '*', '/', '%', '@', '!', '"', "'", '\\', '#', '\t', '    ', '\n', ' if ', ' lambda ', '**', '//', '->', ':=', '...', 'None', '\u{1F600}', '"""', 'f"{', '0x', '1e', '\r\n'];

function mutate(src, rnd) {
  const pick = (n) => Math.floor(rnd() * n);
  const lines = src.split('\n');
  const kind = pick(6);
  const li = pick(lines.length);
  switch (kind) {
    case 0: // delete a line
      lines.splice(li, 1);
      return { kind: 'delete-line', text: lines.join('\n') };
    case 1: // duplicate a line
      lines.splice(li, 0, lines[li]);
      return { kind: 'duplicate-line', text: lines.join('\n') };
    case 2: { // truncate a token: cut a line in the middle of a word/number/operator
      const l = lines[li];
      const tokens = [...l.matchAll(/[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?|"[^"]*"|'[^']*'|\S/g)];
      if (!tokens.length) return { kind: 'truncate-token(noop)', text: src };
      const t = tokens[pick(tokens.length)];
      const cut = t.index + 1 + pick(Math.max(1, t[0].length - 1));
      lines[li] = l.slice(0, cut) + l.slice(t.index + t[0].length);
      return { kind: 'truncate-token', text: lines.join('\n') };
    }
    case 3: { // swap two lines
      const lj = pick(lines.length);
      [lines[li], lines[lj]] = [lines[lj], lines[li]];
      return { kind: 'swap-lines', text: lines.join('\n') };
    }
    case 4: { // insert random punctuation
      const at = pick(src.length + 1);
      return { kind: 'insert-punct', text: src.slice(0, at) + PUNCT[pick(PUNCT.length)] + src.slice(at) };
    }
    default: { // truncate the file
      const at = pick(src.length + 1);
      return { kind: 'truncate-file', text: src.slice(0, at) };
    }
  }
}

describe('fuzz: translate() on mutated corpus programs', function () {
  this.timeout(600000);

  it(`${TOTAL} mutated programs: never a throw; a fatal or a usable result`, function () {
    const E = engine();
    const dir = path.join(REPO, 'test', 'corpus', 'programs');
    const seeds = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    assert.ok(seeds.length >= 20, `need corpus programs as seeds, found ${seeds.length}`);
    E.warmUp();
    const rnd = prng(SEED);
    const stats = { fatal: 0, translated: 0, threw: 0, byKind: {} };
    const failures = []; // {where, file, message}
    const saved = path.join(os.tmpdir(), 'portalis-fuzz');
    const t0 = Date.now();
    for (let i = 0; i < TOTAL; i++) {
      const seed = seeds[Math.floor(rnd() * seeds.length)];
      // 1-3 stacked mutations
      let m = { kind: '', text: seed.text };
      const n = 1 + Math.floor(rnd() * 3);
      const kinds = [];
      for (let k = 0; k < n; k++) { m = mutate(m.text, rnd); kinds.push(m.kind); }
      for (const k of kinds) stats.byKind[k] = (stats.byKind[k] || 0) + 1;
      const where = `#${i} (${seed.name}, ${kinds.join('+')})`;
      const fail = (message) => {
        fs.mkdirSync(saved, { recursive: true });
        const file = path.join(saved, `case-${i}.py`);
        fs.writeFileSync(file, m.text);
        failures.push({ where, file, message });
      };
      let r;
      try {
        // rustc verification (on by default for whole programs) is exercised on every 25th
        // input only: the point here is the translator itself, and rustc costs ~100 ms a call.
        r = E.translate(m.text, { filename: seed.name, verify: i % 25 === 0 });
      } catch (e) {
        stats.threw++;
        // Key: error class + message + the function it was thrown in (no file positions).
        const frame = /at (?:new )?([\w.$<>]+) \(/.exec(String(e && e.stack || ''));
        fail(`threw ${e && e.name}: ${e && e.message} @ ${frame ? frame[1] : '?'}`);
        continue;
      }
      try {
        assert.ok(r && typeof r === 'object', 'no result');
        assert.ok(Array.isArray(r.diagnostics), 'diagnostics is not an array');
        for (const d of r.diagnostics) {
          assert.match(d.code, /^PTR\d{3}$/, `code ${d.code}`);
          assert.ok(d.range && d.range.start.line >= 0 && d.range.start.character >= 0, `range ${JSON.stringify(d.range)}`);
        }
        assert.ok(typeof r.confidence === 'number' && r.confidence >= 0 && r.confidence <= 1, `confidence ${r.confidence}`);
        if (r.fatal) {
          stats.fatal++;
          assert.ok(r.diagnostics.some((d) => d.severity === 'error'), 'fatal without an error diagnostic');
        } else {
          stats.translated++;
          assert.strictEqual(typeof r.rust, 'string', 'rust is not a string');
          assert.ok(/\bfn main\(\)/.test(r.rust) || r.items.length > 0, 'neither fn main nor items');
        }
      } catch (e) {
        fail(e.message);
      }
    }
    const ms = Date.now() - t0;
    console.log(`      fuzz: ${TOTAL} programs (seed 0x${SEED.toString(16)}): ${stats.translated} translated, ${stats.fatal} fatal, ${stats.threw} threw, ${failures.length} failures, ${(ms / TOTAL).toFixed(1)} ms/program`);
    console.log(`      mutations: ${Object.entries(stats.byKind).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    // Group failures by message so one bug does not hide the others.
    const groups = new Map();
    for (const f of failures) {
      const key = f.message.replace(/#\d+|\d+:\d+/g, 'N').slice(0, 200);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    // Known engine gaps (test/unit/known-gaps.json, keys "fuzz/<group key>") are tolerated,
    // but a listed gap that no longer occurs must be removed from the list.
    const gaps = Object.keys(knownGaps()).filter((k) => k.startsWith('fuzz/')).map((k) => k.slice(5));
    const unknown = [...groups].filter(([k]) => !gaps.includes(k));
    const known = [...groups].filter(([k]) => gaps.includes(k));
    for (const [k, fs_] of known) console.log(`      known gap (${fs_.length}x): ${k}`);
    const summary = unknown.map(([k, fs_]) => `  ${fs_.length}x ${k}\n     e.g. ${fs_[0].where} -> ${fs_[0].file}`).join('\n');
    assert.strictEqual(unknown.length, 0, `${unknown.reduce((a, [, f]) => a + f.length, 0)} of ${TOTAL} mutated programs failed (inputs saved under ${saved}):\n${summary}`);
    const stale = gaps.filter((k) => !groups.has(k));
    assert.deepStrictEqual(stale, [], 'known-gaps.json lists fuzz failures that no longer happen: remove them');
    assert.ok(stats.translated > 0 && stats.fatal > 0, 'the mutations exercise both paths');
  });
});
