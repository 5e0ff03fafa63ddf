'use strict';
// The CLI contract (DESIGN §2), through `node bin/portalis.js` as a user or a script runs it.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { REPO, CLI_PATH, has, tmpdir, userRust } = require('../unit/helpers');

function cli(args, opts = {}) {
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: opts.timeout || 120000, cwd: opts.cwd || REPO, env: opts.env || process.env, input: opts.input });
  assert.ok(!r.error, `spawn failed: ${r.error}`);
  return r;
}
/** No JS stack trace or uncaught-exception noise on stderr. */
function noCrash(r) {
  assert.ok(r.signal === null, `killed by ${r.signal}`);
  assert.ok(!/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr), `stack trace on stderr:\n${r.stderr.slice(0, 2000)}`);
  assert.ok(!/RangeError|Maximum call stack|TypeError|ReferenceError|FATAL ERROR|heap out of memory/.test(r.stderr), `crash on stderr:\n${r.stderr.slice(0, 2000)}`);
}
/** Every line of stderr for a file is `file:line:col: severity CODE message` or a `portalis:` line. */
const DIAG_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) (PTR\d{3}) (.+)$/;

/** Recursively lists files (relative path -> size:mtime) under dir, skipping `skip` (absolute). */
function snapshot(dir, skip = []) {
  const out = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (skip.includes(p)) continue;
      if (e.isDirectory()) walk(p);
      else { const s = fs.statSync(p); out[path.relative(dir, p)] = `${s.size}:${s.mtimeMs}`; }
    }
  };
  walk(dir);
  return out;
}
function walkFiles(dir) {
  const out = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else out.push(p); } };
  walk(dir);
  return out;
}

describe('CLI: node bin/portalis.js', function () {
  this.timeout(180000);
  let dir;
  before(function () {
    assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `node scripts/build.js` first');
    dir = tmpdir('portalis-cli-');
    fs.writeFileSync(path.join(dir, 'hello.py'), 'def greet(name: str) -> str:\n    return "hello " + name\n\nprint(greet("world"))\n');
    fs.writeFileSync(path.join(dir, 'warn.py'), 'x = 1\nprint(eval("2"))\n');
    fs.writeFileSync(path.join(dir, 'syntax.py'), 'x = 1\ny = (2 +\n');
    fs.writeFileSync(path.join(dir, 'binary.py'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0xff, 0xfe, 0x00, 0x80, 0x81]));
    fs.writeFileSync(path.join(dir, 'latin1.py'), Buffer.from('s = "caf\xe9"\nprint(s)\n', 'latin1'));
  });
  after(function () { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('translate FILE: a Rust program on stdout, exit 0', function () {
    const r = cli(['translate', path.join(dir, 'hello.py')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /fn greet\(name: &str\) -> String/);
    assert.match(r.stdout, /^fn main\(\) \{/m);
    noCrash(r);
  });

  it('translate FILE --json: {rust, diagnostics[{code, severity, message, range}], confidence}', function () {
    const r = cli(['translate', path.join(dir, 'warn.py'), '--json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 1, 'one JSON document on one line');
    const j = JSON.parse(lines[0]);
    assert.strictEqual(typeof j.rust, 'string');
    assert.match(j.rust, /fn main\(\)/);
    assert.ok(typeof j.confidence === 'number' && j.confidence >= 0 && j.confidence <= 1);
    assert.ok(Array.isArray(j.diagnostics) && j.diagnostics.length >= 1);
    for (const d of j.diagnostics) {
      assert.match(d.code, /^PTR\d{3}$/);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
      assert.strictEqual(typeof d.message, 'string');
      for (const p of [d.range.start, d.range.end]) assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character));
    }
    const e = j.diagnostics.find((d) => d.code === 'PTR060'); // dynamic feature (eval)
    assert.ok(e, 'the eval is reported');
    assert.deepStrictEqual(e.range.start, { line: 1, character: 6 });
  });

  it('diagnostics go to stderr as `file:line:col: severity CODE message` (1-based)', function () {
    const file = path.join(dir, 'warn.py');
    const r = cli(['translate', file]);
    assert.strictEqual(r.status, 0, 'warnings do not change the exit code');
    const lines = r.stderr.trim().split('\n').filter(Boolean);
    assert.ok(lines.length >= 1, 'at least the eval warning');
    for (const l of lines) assert.match(l, DIAG_LINE, `bad stderr line: ${l}`);
    const m = lines.map((l) => DIAG_LINE.exec(l)).find((x) => x[5] === 'PTR060');
    assert.ok(m, 'the PTR060 (eval) line');
    assert.strictEqual(m[1], file);
    assert.strictEqual(m[2], '2');
    assert.strictEqual(m[3], '7');
    assert.strictEqual(m[4], 'warning');
    assert.ok(!r.stdout.includes('PTR010'), 'diagnostics are not on stdout');
  });

  it('syntax error: exit 1, nothing on stdout, one clear `portalis:` message', function () {
    const file = path.join(dir, 'syntax.py');
    const r = cli(['translate', file]);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout, '');
    noCrash(r);
    const msgs = r.stderr.split('\n').filter((l) => l.startsWith('portalis:'));
    assert.strictEqual(msgs.length, 1, `one portalis: line, got:\n${r.stderr}`);
    assert.match(msgs[0], /syntax error/);
    assert.ok(msgs[0].includes('syntax.py'));
    const diags = r.stderr.split('\n').filter((l) => DIAG_LINE.test(l)).map((l) => DIAG_LINE.exec(l));
    assert.ok(diags.length >= 1, 'file:line:col diagnostics');
    assert.ok(diags.every((m) => m[1] === file && m[4] === 'error' && m[5] === 'PTR001'), r.stderr);
    // The unclosed "(" is on line 2, column 5 (1-based), where CPython points too.
    assert.ok(diags.some((m) => m[2] === '2' && m[3] === '5'), `no PTR001 at 2:5:\n${r.stderr}`);
  });

  it('syntax error with --json: exit 1 and a JSON document with fatal', function () {
    const r = cli(['translate', path.join(dir, 'syntax.py'), '--json']);
    assert.strictEqual(r.status, 1);
    const j = JSON.parse(r.stdout);
    assert.ok(j.fatal);
    assert.strictEqual(j.diagnostics[0].code, 'PTR001');
  });

  it('binary / non-UTF-8 file: exit 1 with a clear error, no Rust', function () {
    for (const f of ['binary.py', 'latin1.py']) {
      const r = cli(['translate', path.join(dir, f)]);
      assert.strictEqual(r.status, 1, `${f}: exit ${r.status}`);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /UTF-8|binary/i, `${f}: ${r.stderr}`);
      noCrash(r);
    }
  });

  it('missing file: exit 1 with a message naming it', function () {
    const r = cli(['translate', path.join(dir, 'does-not-exist.py')]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /does-not-exist\.py/);
    assert.match(r.stderr, /no such file|cannot read|not found/i);
    noCrash(r);
  });

  it('--check runs rustc: a clean program has no PTR070', function () {
    if (!has('rustc')) throw new Error('rustc is not on PATH: --check cannot be tested');
    const r = cli(['translate', path.join(dir, 'hello.py'), '--check']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(!/PTR070/.test(r.stderr), r.stderr);
    assert.match(r.stdout, /fn main/);
  });

  it('--check reports rustc errors as PTR070 on the Python line (fake rustc on PATH)', function () {
    const bin = tmpdir('portalis-fake-rustc-');
    try {
      // A stand-in rustc: answers --version, and reports one JSON error on Rust line 2.
      const fake = path.join(bin, 'rustc');
      fs.writeFileSync(fake, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "rustc 0.0.0-fake"; exit 0; fi\necho '{"$message_type":"diagnostic","level":"error","message":"fake failure","code":{"code":"E9999"},"spans":[{"is_primary":true,"line_start":2,"line_end":2}]}' >&2\nexit 1\n`);
      fs.chmodSync(fake, 0o755);
      const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
      const r = cli(['translate', path.join(dir, 'hello.py'), '--check'], { env });
      assert.strictEqual(r.status, 0, 'Rust was produced: exit 0');
      const l = r.stderr.split('\n').find((x) => x.includes('PTR070'));
      assert.ok(l, `a PTR070 line on stderr:\n${r.stderr}`);
      assert.match(l, DIAG_LINE);
      assert.match(l, /E9999: fake failure/);
    } finally { fs.rmSync(bin, { recursive: true, force: true }); }
  });

  it('--check without rustc says so instead of failing', function () {
    const bin = tmpdir('portalis-norustc-');
    try {
      fs.symlinkSync(process.execPath, path.join(bin, 'node'));
      const r = cli(['translate', path.join(dir, 'hello.py'), '--check'], { env: { ...process.env, PATH: bin } });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /rustc not found|rustc.*not (found|available)/i);
    } finally { fs.rmSync(bin, { recursive: true, force: true }); }
  });

  it('usage errors: unknown command / no input exit non-zero with usage', function () {
    const a = cli(['frobnicate']);
    assert.notStrictEqual(a.status, 0);
    assert.match(a.stderr, /usage/i);
    const b = cli(['translate']);
    assert.notStrictEqual(b.status, 0);
    assert.match(b.stderr, /usage|missing/i);
  });

  describe('translate DIR -o OUT: a Cargo crate', function () {
    let parent, proj, out;
    before(function () {
      parent = tmpdir('portalis-crate-');
      proj = path.join(parent, 'proj');
      out = path.join(parent, 'out');
      fs.mkdirSync(path.join(proj, 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(proj, 'main.py'), 'def sq(v: int) -> int:\n    return v * v\n\nprint(sq(7))\n');
      fs.writeFileSync(path.join(proj, 'pkg', 'util.py'), 'names = ["b", "a"]\nfor n in sorted(names):\n    print(n.upper())\n');
      fs.writeFileSync(path.join(proj, '2nd-file.py'), 'total = 0\nfor i in range(5):\n    total += i\nprint(total)\n');
      fs.writeFileSync(path.join(proj, 'README.txt'), 'not python\n');
    });
    after(function () { if (parent) fs.rmSync(parent, { recursive: true, force: true }); });

    let first;
    it('creates Cargo.toml, src/bin/*.rs and a report, and writes nothing outside OUT', function () {
      const before = snapshot(parent);
      const r = cli(['translate', proj, '-o', out]);
      first = r;
      assert.strictEqual(r.status, 0, r.stderr);
      noCrash(r);
      const after = snapshot(parent, [out]);
      assert.deepStrictEqual(after, before, 'files outside OUT changed');
      assert.ok(fs.existsSync(path.join(out, 'Cargo.toml')));
      assert.match(fs.readFileSync(path.join(out, 'Cargo.toml'), 'utf8'), /^\[package\]/m);
      const bins = fs.readdirSync(path.join(out, 'src', 'bin')).sort();
      assert.strictEqual(bins.length, 3, `one binary per .py: ${bins}`);
      assert.ok(bins.every((b) => /^[a-z_][a-z0-9_]*\.rs$/.test(b)), `valid crate target names: ${bins}`);
      for (const b of bins) assert.match(fs.readFileSync(path.join(out, 'src', 'bin', b), 'utf8'), /fn main\(\)/);
      const report = JSON.parse(fs.readFileSync(path.join(out, 'portalis-report.json'), 'utf8'));
      assert.strictEqual(report.length, 3);
      assert.ok(report.every((x) => x.status === 'translated'), JSON.stringify(report));
    });

    it('leaves no .tmp- files behind', function () {
      const tmps = walkFiles(out).filter((f) => path.basename(f).includes('.tmp-'));
      assert.deepStrictEqual(tmps, []);
    });

    it('cargo check accepts the crate', function () {
      if (!has('cargo')) throw new Error('cargo is not on PATH: cannot check the crate');
      assert.ok(first, 'the crate was created');
      const c = spawnSync('cargo', ['check', '--offline', '--quiet', '--message-format=short'], { cwd: out, encoding: 'utf8', timeout: 300000 });
      assert.strictEqual(c.status, 0, c.stderr);
    });

    it('a re-run is idempotent: unchanged files are reported `unchanged` and not rewritten', function () {
      const binDir = path.join(out, 'src', 'bin');
      const before = snapshot(binDir);
      const r = cli(['translate', proj, '-o', out, '--json']);
      assert.strictEqual(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout.trim().split('\n').pop());
      assert.ok(Array.isArray(j.files));
      assert.ok(j.files.every((f) => f.status === 'unchanged'), JSON.stringify(j.files));
      assert.deepStrictEqual(snapshot(binDir), before, 'binaries rewritten on an unchanged re-run');
      const report = JSON.parse(fs.readFileSync(path.join(out, 'portalis-report.json'), 'utf8'));
      assert.ok(report.every((x) => x.status === 'unchanged'));
    });

    it('resumes: only a changed file is translated again; a deleted one is removed', function () {
      fs.writeFileSync(path.join(proj, 'main.py'), 'def sq(v: int) -> int:\n    return v * v * 1\n\nprint(sq(8))\n');
      fs.unlinkSync(path.join(proj, '2nd-file.py'));
      const r = cli(['translate', proj, '-o', out, '--json']);
      assert.strictEqual(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout.trim().split('\n').pop());
      const by = Object.fromEntries(j.files.map((f) => [f.file.replace(/\\/g, '/'), f.status]));
      assert.deepStrictEqual(by, { 'main.py': 'translated', 'pkg/util.py': 'unchanged' });
      assert.strictEqual(fs.readdirSync(path.join(out, 'src', 'bin')).length, 2);
      assert.deepStrictEqual(walkFiles(out).filter((f) => path.basename(f).includes('.tmp-')), []);
    });

    it('a file with a syntax error is reported, the others still translate, exit 1', function () {
      const p2 = path.join(parent, 'proj2');
      const o2 = path.join(parent, 'out2');
      fs.mkdirSync(p2);
      fs.writeFileSync(path.join(p2, 'ok.py'), 'print(1)\n');
      fs.writeFileSync(path.join(p2, 'bad.py'), 'def (:\n');
      const r = cli(['translate', p2, '-o', o2]);
      assert.strictEqual(r.status, 1);
      noCrash(r);
      const report = JSON.parse(fs.readFileSync(path.join(o2, 'portalis-report.json'), 'utf8'));
      const by = Object.fromEntries(report.map((x) => [x.file, x.status]));
      assert.strictEqual(by['ok.py'], 'translated');
      assert.strictEqual(by['bad.py'], 'error');
    });

    it('translating a DIR without -o is a usage error that writes nothing', function () {
      const before = snapshot(parent);
      const r = cli(['translate', proj]);
      assert.notStrictEqual(r.status, 0);
      assert.match(r.stderr, /-o/);
      assert.deepStrictEqual(snapshot(parent), before);
    });
  });

  describe('hostile inputs finish cleanly', function () {
    it('a >5 MB file: translated or a clear size error', function () {
      const line = 'x = 1 + 2  # padding padding padding padding padding padding padding\n';
      const big = path.join(dir, 'big.py');
      fs.writeFileSync(big, line.repeat(Math.ceil((5.5 * 1024 * 1024) / line.length)) + 'print(x)\n');
      const r = cli(['translate', big], { timeout: 170000 });
      noCrash(r);
      if (r.status === 0) assert.match(r.stdout, /fn main/);
      else {
        assert.strictEqual(r.status, 1);
        assert.match(r.stderr, /limit|too large|size/i);
        assert.strictEqual(r.stderr.split('\n').filter((l) => l.startsWith('portalis:')).length, 1);
      }
    });

    it('2000 nested parentheses: a result or a clean error', function () {
      const f = path.join(dir, 'deep.py');
      fs.writeFileSync(f, `x = ${'('.repeat(2000)}1${')'.repeat(2000)}\nprint(x)\n`);
      const r = cli(['translate', f]);
      noCrash(r);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
      if (r.status === 0) assert.match(r.stdout, /fn main/);
      else assert.match(r.stderr, /^portalis: .+/m);
    });

    it('1+1+...+1 with 5000 terms: a result or a clean error', function () {
      const f = path.join(dir, 'long.py');
      fs.writeFileSync(f, `x = ${Array(5000).fill('1').join('+')}\nprint(x)\n`);
      const r = cli(['translate', f]);
      noCrash(r);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
      if (r.status === 0) assert.match(r.stdout, /fn main/);
      else assert.match(r.stderr, /^portalis: .+/m);
    });

    it('deeply nested blocks (100 levels of if): a result or a clean error', function () {
      let src = 'x = 0\n';
      for (let i = 0; i < 100; i++) src += `${' '.repeat(i)}if x >= 0:\n`;
      src += `${' '.repeat(100)}print(x)\n`;
      const f = path.join(dir, 'nested.py');
      fs.writeFileSync(f, src);
      const r = cli(['translate', f]);
      noCrash(r);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}`);
      if (r.status === 0) assert.match(r.stdout, /fn main/);
    });
  });
});
