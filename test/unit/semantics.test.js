'use strict';
// CPython output equality on tiny programs: translate each case, compile all of them in ONE
// rustc run (each case becomes a module of a dispatcher binary), run each case in its own
// process and compare stdout + exit code with python3. When the batch does not compile, each
// case is compiled alone (in parallel) so that a failure is attributed to its case.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { engine, requireTool, tmpdir, checkOrGap, assertNoStaleGaps } = require('./helpers');
const CASES = require('./semantics-cases');

const RUSTC = ['--edition', '2021', '-C', 'opt-level=0', '-C', 'debuginfo=0', '-A', 'warnings'];

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeout || 20000);
    p.on('close', (status, signal) => { clearTimeout(timer); resolve({ status, signal, stdout, stderr }); });
  });
}

async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i], i); }
  }));
  return out;
}

function modName(i) { return `case_${i}`; }

/** One case's Rust as a module: its `fn main` becomes `pub fn main`. */
function asModule(rust, i) {
  return `mod ${modName(i)} {\n#![allow(warnings)]\n${rust.replace(/^fn main\(\)/m, 'pub fn main()')}\n}\n`;
}

function dispatcher(mods) {
  const arms = mods.map(({ i }) => `        "${i}" => std::process::Termination::report(${modName(i)}::main()),`).join('\n');
  return `${mods.map((m) => m.src).join('\n')}\nfn main() -> std::process::ExitCode {\n    let which = std::env::args().nth(1).unwrap_or_default();\n    match which.as_str() {\n${arms}\n        _ => std::process::ExitCode::from(99),\n    }\n}\n`;
}

function firstError(stderr) {
  const l = stderr.split('\n').find((x) => /^error/.test(x));
  return l || stderr.split('\n').slice(0, 3).join(' ');
}

describe('semantics: translated Rust prints exactly what CPython prints', function () {
  this.timeout(300000);
  const results = new Map(); // id -> {expected, translated, compileError, actual}
  let dir;

  before(async function () {
    requireTool('rustc');
    requireTool('python3');
    const E = engine();
    dir = tmpdir('portalis-sem-');
    // Expected output from CPython.
    const expected = await pool(CASES, 4, (c) => run('python3', ['-c', c.py], { env: { ...process.env, PYTHONHASHSEED: '0' } }));
    // Translate.
    const mods = [];
    CASES.forEach((c, i) => {
      const r = { expected: expected[i] };
      try {
        const t = E.translate(c.py, { filename: `${c.id}.py`, verify: false }); // compiled below anyway
        r.translation = t;
        if (t.fatal) r.translateError = `fatal: ${t.fatal}`;
        else if (!/^fn main\(\)/m.test(t.rust)) r.translateError = 'no `fn main()` in the output';
        else mods.push({ i, src: asModule(t.rust, i), rust: t.rust });
      } catch (e) {
        r.translateError = `translate() threw: ${e.stack}`;
      }
      results.set(c.id, r);
    });
    // Compile: one batch; on failure each case alone.
    const exeFor = new Map();
    const batchSrc = path.join(dir, 'batch.rs');
    fs.writeFileSync(batchSrc, dispatcher(mods));
    const batch = await run('rustc', [...RUSTC, '-o', path.join(dir, 'batch'), batchSrc], { timeout: 240000 });
    if (batch.status === 0) {
      for (const m of mods) exeFor.set(m.i, [path.join(dir, 'batch'), [String(m.i)]]);
    } else {
      await pool(mods, 2, async (m) => {
        const src = path.join(dir, `c${m.i}.rs`);
        fs.writeFileSync(src, m.rust);
        const c = await run('rustc', [...RUSTC, '-o', path.join(dir, `c${m.i}`), src], { timeout: 120000 });
        if (c.status === 0) exeFor.set(m.i, [path.join(dir, `c${m.i}`), []]);
        else results.get(CASES[m.i].id).compileError = firstError(c.stderr);
      });
    }
    // Run.
    await pool([...exeFor], 4, async ([i, [exe, args]]) => {
      results.get(CASES[i].id).actual = await run(exe, args, { timeout: 10000 });
    });
  });

  after(function () { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('every case runs under CPython (the table itself is valid)', function () {
    for (const c of CASES) {
      const e = results.get(c.id).expected;
      assert.ok(e.status !== null && e.stdout.length > 0, `${c.id}: python3 failed: ${e.stderr}`);
    }
  });

  it('the table has ~30 cases with unique ids, and known-gaps.json names only real ones', function () {
    assert.ok(CASES.length >= 30, `only ${CASES.length} cases`);
    assert.strictEqual(new Set(CASES.map((c) => c.id)).size, CASES.length);
    assertNoStaleGaps('semantics/', CASES.map((c) => `semantics/${c.id}`));
  });

  for (const c of CASES) {
    it(c.id, function () {
      const r = results.get(c.id);
      checkOrGap(`semantics/${c.id}`, () => {
        assert.ok(!r.translateError, `translation failed: ${r.translateError}`);
        assert.ok(!r.compileError, `rustc rejected the translation: ${r.compileError}`);
        assert.ok(r.actual, 'the program did not run');
        assert.strictEqual(r.actual.stdout, r.expected.stdout, `stdout differs\n--- python\n${r.expected.stdout}--- rust\n${r.actual.stdout}${r.actual.stderr ? '--- rust stderr\n' + r.actual.stderr : ''}`);
        assert.strictEqual(r.actual.status, r.expected.status, `exit code: python ${r.expected.status}, rust ${r.actual.status} (${r.actual.signal || ''}) ${r.actual.stderr.slice(0, 300)}`);
      });
    });
  }
});
