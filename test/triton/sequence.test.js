// Sequences: a later request uses an earlier definition; idle reaping is recovered without the
// caller noticing; 50 concurrent sessions keep their own context.
const assert = require('assert');
const { triton, url, sleep, embedded } = require('./helpers');

const AREA = 'def area(w: float, h: float) -> float:\n    return w * h\n';

describe('sequences (interactive_api)', function () {
  it('request 2 uses the definition from request 1 (raw client, sequence_start/end)', async () => {
    const c = new triton.TritonClient({ url, timeoutMs: 30000 });
    try {
      await c.infer('interactive_api', { python_code: AREA, translation_options: { fragment: true } }, { sequenceId: '9001', start: true });
      const r = await c.infer('interactive_api', { python_code: 'area(2, 3)\n', translation_options: { fragment: true } }, { sequenceId: '9001', end: true });
      assert.match(r.rust_code, /area\(2\.0, 3\.0\)/);
      // After END the sequence is gone: the next request without START is refused.
      const e = await c.infer('interactive_api', { python_code: 'area(2, 3)\n' }, { sequenceId: '9001' }).catch((x) => x);
      assert.ok(triton.sequenceLost(e), String(e));
    } finally {
      c.close();
    }
  });

  it('without the definition the call is not converted (the context is what made the difference)', async () => {
    const c = new triton.TritonClient({ url, timeoutMs: 30000 });
    try {
      const r = await c.infer('interactive_api', { python_code: 'area(2, 3)\n', translation_options: { fragment: true } }, { sequenceId: '9002', start: true, end: true });
      assert.doesNotMatch(r.rust_code, /area\(2\.0, 3\.0\)/);
    } finally {
      c.close();
    }
  });

  it('TritonBackend: one sequence per session, sequence_end on endSession', async () => {
    const b = new triton.TritonBackend({ url, timeoutMs: 30000 });
    try {
      const r1 = await b.translate({ code: AREA, fragment: true }, 's1');
      assert.strictEqual(r1.backend, 'triton');
      assert.ok(r1.items.some((i) => i.name === 'area'));
      const r2 = await b.translate({ code: 'area(2, 3)\n', fragment: true }, 's1');
      assert.match(r2.rust, /area\(2\.0, 3\.0\)/);
      const r3 = await b.translate({ code: 'area(2, 3)\n', fragment: true }, 'another-session');
      assert.doesNotMatch(r3.rust, /area\(2\.0, 3\.0\)/);
      await b.endSession('s1');
      await b.endSession('another-session');
    } finally {
      await b.dispose();
    }
  });

  it('an idle-reaped sequence is restarted with START and its context, invisibly', async () => {
    // interactive_short reaps sequences idle for 1.5 s.
    const b = new triton.TritonBackend({ url, timeoutMs: 30000, model: 'interactive_short' });
    try {
      await b.translate({ code: AREA, fragment: true }, 'idle');
      // Wait until Triton has really forgotten it: probe twin sequences started just after it,
      // each only once (a probe would reset the idle timer of the sequence it touches).
      const c = b.client;
      const twins = Array.from({ length: 30 }, (_, i) => String(9100 + i));
      await Promise.all(twins.map((id) => c.infer('interactive_short', { python_code: 'x = 1\n' }, { sequenceId: id, start: true })));
      let lost = false;
      for (const id of twins) {
        await sleep(1000);
        lost = triton.sequenceLost(await c.infer('interactive_short', { python_code: 'x = 1\n' }, { sequenceId: id, end: true }).then(() => null, (e) => e));
        if (lost) break;
      }
      assert.ok(lost, 'Triton never reaped the idle sequence');
      const r = await b.translate({ code: 'area(2, 3)\n', fragment: true }, 'idle');
      assert.match(r.rust, /area\(2\.0, 3\.0\)/);
      assert.strictEqual(b.restarts, 1);
    } finally {
      await b.dispose();
    }
  });

  it('50 concurrent sessions keep their own context', async () => {
    const b = new triton.TritonBackend({ url, timeoutMs: 60000 });
    const N = 50;
    try {
      // Even sessions define scale() over floats, odd ones over ints: a mix-up shows.
      await Promise.all(Array.from({ length: N }, (_, i) => b.translate({
        code: i % 2 ? 'def scale(v: int) -> int:\n    return v * 3\n' : 'def scale(v: float) -> float:\n    return v * 3.0\n',
        fragment: true,
      }, `session-${i}`)));
      const results = await Promise.all(Array.from({ length: N }, (_, i) => b.translate({ code: 'scale(2)\n', fragment: true }, `session-${i}`)));
      results.forEach((r, i) => {
        assert.strictEqual(r.backend, 'triton');
        if (i % 2) assert.match(r.rust, /scale\(2\);/, `session ${i}: ${r.rust}`);
        else assert.match(r.rust, /scale\(2\.0\);/, `session ${i}: ${r.rust}`);
      });
      await Promise.all(Array.from({ length: N }, (_, i) => b.endSession(`session-${i}`)));
    } finally {
      await b.dispose();
    }
  });
});

describe('timeouts, cancellation and the breaker (main server)', function () {
  it('requests past their deadline are answered by embedded; two in a row open the breaker once', async () => {
    const events = [];
    const primary = new triton.TritonBackend({ url, timeoutMs: 1 }); // no translation fits in 1 ms
    const b = new triton.FallbackBackend(primary, embedded, { log: () => undefined, health: (h) => events.push(h) }, 60000);
    try {
      const r1 = await b.translate({ code: 'print(1)\n', fragment: true }, 'slow');
      assert.strictEqual(r1.backend, 'embedded');
      assert.strictEqual(b.health, 'ok', 'one slow request is not an outage');
      assert.deepStrictEqual(events, []);
      const r2 = await b.translate({ code: 'print(2)\n', fragment: true }, 'slow');
      assert.strictEqual(r2.backend, 'embedded');
      assert.strictEqual(b.health, 'degraded');
      assert.match(primary.breakerOpen, /DEADLINE_EXCEEDED/);
      await b.translate({ code: 'print(3)\n', fragment: true }, 'slow');
      assert.deepStrictEqual(events, ['degraded']);
      // The probe has its own deadline: the server is fine, so it closes the breaker.
      assert.strictEqual(await primary.probe(), true);
      assert.strictEqual(primary.breakerOpen, undefined);
    } finally {
      await b.dispose();
    }
  });

  it('an aborted request is cancelled and is neither a fallback nor an outage', async () => {
    const events = [];
    const primary = new triton.TritonBackend({ url, timeoutMs: 30000 });
    const b = new triton.FallbackBackend(primary, embedded, { log: () => undefined, health: (h) => events.push(h) }, 60000);
    try {
      const ac = new AbortController();
      const p = b.translate({ code: 'def f(x: int) -> int:\n    return x + 1\n', fragment: true }, 'cancel', ac.signal);
      ac.abort();
      const e = await p.then(() => null, (x) => x);
      assert.ok(e instanceof triton.TritonError && e.code === 1 /* CANCELLED */, String(e));
      assert.deepStrictEqual(events, []);
      assert.strictEqual((await b.translate({ code: 'print(1)\n', fragment: true }, 'cancel')).backend, 'triton');
    } finally {
      await b.dispose();
    }
  });
});
