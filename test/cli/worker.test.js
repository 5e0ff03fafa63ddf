'use strict';
// `portalis worker`: JSON lines on stdin/stdout (used by the Triton models).
const assert = require('assert');
const readline = require('readline');
const { spawn } = require('child_process');
const { CLI_PATH, REPO, checkOrGap } = require('../unit/helpers');

/** A worker process with a promise-based request/response API over JSON lines. */
class Worker {
  constructor() {
    this.p = spawn(process.execPath, [CLI_PATH, 'worker'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.p.stderr.on('data', (d) => { this.stderr += d; });
    this.lines = [];
    this.waiters = [];
    this.exited = null;
    readline.createInterface({ input: this.p.stdout }).on('line', (l) => {
      this.lines.push(l);
      this.flush();
    });
    this.p.on('exit', (code, signal) => { this.exited = { code, signal }; this.flush(); });
  }
  flush() {
    while (this.waiters.length && (this.lines.length || this.exited)) {
      const w = this.waiters.shift();
      if (this.lines.length) w.resolve(this.lines.shift());
      else w.reject(new Error(`worker exited (${JSON.stringify(this.exited)}) stderr: ${this.stderr}`));
    }
  }
  send(obj) { this.p.stdin.write((typeof obj === 'string' ? obj : JSON.stringify(obj)) + '\n'); }
  /** The next response line, parsed. */
  next(timeoutMs = 60000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no response in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ resolve: (l) => { clearTimeout(t); try { resolve(JSON.parse(l)); } catch (e) { reject(new Error(`response is not JSON: ${l}`)); } }, reject: (e) => { clearTimeout(t); reject(e); } });
      this.flush();
    });
  }
  close() {
    return new Promise((resolve) => {
      if (this.exited) return resolve(this.exited);
      this.p.on('exit', (code, signal) => resolve({ code, signal }));
      this.p.stdin.end();
      setTimeout(() => { if (!this.exited) this.p.kill('SIGKILL'); }, 10000);
    });
  }
}

describe('worker: node bin/portalis.js worker', function () {
  this.timeout(120000);
  let w;
  before(function () { w = new Worker(); });
  after(async function () { if (w) await w.close(); });

  it('answers valid requests with the same ids, in order', async function () {
    const reqs = [
      { id: 1, code: 'print(1 + 2)\n' },
      { id: 'two', code: 'def sq(v: int) -> int:\n    return v * v\nprint(sq(4))\n' },
      { id: 3, code: 'xs = []\nxs.append(1)\nprint(xs)\n' },
      { id: 4, code: '    y = 2\n    print(y)\n', options: { fragment: true } },
      { id: 5, code: 'x = eval("1")\n' },
    ];
    for (const r of reqs) w.send(r); // pipelined: all sent before any answer is read
    const got = [];
    for (let i = 0; i < reqs.length; i++) got.push(await w.next());
    assert.deepStrictEqual(got.map((g) => g.id), reqs.map((r) => r.id));
    for (const g of got) {
      assert.ok(!g.error, `unexpected error: ${g.error}`);
      assert.strictEqual(typeof g.rust, 'string');
      assert.ok(Array.isArray(g.diagnostics));
      assert.ok(typeof g.confidence === 'number' && g.confidence >= 0 && g.confidence <= 1);
      assert.ok(Array.isArray(g.items));
      assert.ok(typeof g.elapsedMs === 'number' && g.elapsedMs >= 0);
    }
    assert.match(got[1].rust, /fn sq\(v: i64\) -> i64/);
    assert.match(got[2].rust, /Vec<i64>/);
    assert.ok(got[4].diagnostics.some((d) => d.code === 'PTR060'), 'eval is reported as a dynamic feature');
  });

  it('a line that is not JSON gets an error response and the worker keeps working', async function () {
    w.send('this is { not json');
    const e = await w.next();
    assert.ok(e.error, 'an error response');
    assert.match(e.error, /bad request|JSON/i);
    w.send({ id: 'after-bad', code: 'print(2)\n' });
    const ok = await w.next();
    assert.strictEqual(ok.id, 'after-bad');
    assert.match(ok.rust, /fn main/);
  });

  it('a request without code (or with non-string code) gets an error with its id', async function () {
    w.send({ id: 'nocode' });
    w.send({ id: 'numcode', code: 42 });
    w.send({ id: 'fine', code: 'print(3)\n' });
    const a = await w.next();
    const b = await w.next();
    const c = await w.next();
    assert.strictEqual(a.id, 'nocode');
    assert.ok(a.error);
    assert.strictEqual(b.id, 'numcode');
    assert.ok(b.error);
    assert.strictEqual(c.id, 'fine');
    assert.ok(!c.error);
    assert.match(c.rust, /fn main/);
  });

  it('a JSON value that is not an object (array, number, null) is an error, not a crash', async function () {
    for (const bad of ['[1,2]', '7', 'null', '"code"']) w.send(bad);
    for (let i = 0; i < 4; i++) assert.ok((await w.next()).error);
    w.send({ id: 'alive', code: 'print(1)\n' });
    assert.strictEqual((await w.next()).id, 'alive');
  });

  it('a syntax error is a per-request result (fatal + PTR001), not a worker failure', async function () {
    w.send({ id: 'syn', code: 'def (:\n' });
    const r = await w.next();
    assert.strictEqual(r.id, 'syn');
    assert.ok(r.fatal || r.error, 'fatal or error');
    if (r.diagnostics) assert.strictEqual(r.diagnostics[0].code, 'PTR001');
    w.send({ id: 'still', code: 'print(1)\n' });
    assert.strictEqual((await w.next()).id, 'still');
  });

  it('a request on which the engine fails internally still answers with its own id', async function () {
    // xs.append() (no argument) made translate() throw at the time of writing; whatever the
    // engine does, the response must carry the request id so the caller can match it.
    w.send({ id: 'internal', code: 'xs = [1]\nxs.append()\nprint(xs)\n' });
    const r = await w.next();
    checkOrGap('worker/internal error keeps the request id', () => {
      assert.strictEqual(r.id, 'internal', `response: ${JSON.stringify(r).slice(0, 300)}`);
    });
    w.send({ id: 'after-internal', code: 'print(1)\n' });
    assert.strictEqual((await w.next()).id, 'after-internal');
  });

  it('a session carries definitions: request 2 calls area(2, 3) from request 1 with float params', async function () {
    w.send({ id: 's1', session: 'sess-A', code: 'def area(w: float, h: float) -> float:\n    return w * h\n' });
    const a = await w.next();
    assert.strictEqual(a.id, 's1');
    assert.match(a.rust, /fn area\(w: f64, h: f64\) -> f64/);
    w.send({ id: 's2', session: 'sess-A', code: 'print(area(2, 3))\n' });
    const b = await w.next();
    assert.strictEqual(b.id, 's2');
    assert.match(b.rust, /area\(2\.0, 3\.0\)/);
    assert.ok(!/fn area/.test(b.rust), 'the session definition is context, not re-emitted');
  });

  it('sessions are isolated, and `end` forgets a session', async function () {
    w.send({ id: 'o1', session: 'sess-B', code: 'print(area(2, 3))\n' });
    const other = await w.next();
    assert.ok(!/area\(2\.0, 3\.0\)/.test(other.rust), 'another session does not see sess-A');
    w.send({ id: 'e1', session: 'sess-A', code: 'print(area(1, 1))\n', end: true });
    const e1 = await w.next();
    assert.match(e1.rust, /area\(1\.0, 1\.0\)/);
    w.send({ id: 'e2', session: 'sess-A', code: 'print(area(2, 3))\n' });
    const e2 = await w.next();
    assert.ok(!/area\(2\.0, 3\.0\)/.test(e2.rust), 'the ended session starts empty');
  });

  it('per-request context works without a session', async function () {
    w.send({ id: 'ctx', code: 'print(area(2, 3))\n', context: 'def area(w: float, h: float) -> float:\n    return w * h\n' });
    const r = await w.next();
    assert.match(r.rust, /area\(2\.0, 3\.0\)/);
  });

  it('exits cleanly when stdin closes', async function () {
    const res = await w.close();
    assert.strictEqual(res.code, 0, `exit ${JSON.stringify(res)} stderr: ${w.stderr}`);
    w = null;
  });
});
