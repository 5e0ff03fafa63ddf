// The metrics port shows Triton's own counters and the Portalis custom metrics moving.
const assert = require('assert');
const { triton, url, metrics } = require('./helpers');

const metricsUrl = `http://127.0.0.1:${process.env.TRITON_TEST_METRICS_PORT || 18102}/metrics`;

describe('metrics endpoint', function () {
  it('nv_inference_request_success and portalis_* counters move with requests', async () => {
    const c = new triton.TritonClient({ url, timeoutMs: 30000 });
    const m = 'model="translation_model"';
    try {
      const before = await metrics();
      // A call with an int where a float is declared yields diagnostic PTR023; the same request
      // twice is answered from the model's cache the second time.
      const input = { python_code: `area(2, ${Date.now() % 1000})\n`, translation_options: { fragment: true, context: 'def area(w: float, h: float) -> float:\n    return w * h\n' } };
      const r1 = await c.infer('translation_model', input);
      const r2 = await c.infer('translation_model', input);
      assert.ok(r1.warnings.some((d) => d.code === 'PTR023'), JSON.stringify(r1.warnings));
      assert.strictEqual(r2.metadata.cached, true);
      await c.infer('translation_model', { python_code: 'x', translation_options: '{bad' }).catch(() => undefined);
      const after = await metrics();
      const delta = (k) => (after[k] ?? 0) - (before[k] ?? 0);
      // Triton counts a request answered with a per-request error response as executed too.
      assert.ok(delta(`nv_inference_request_success{${m},version="1"}`) >= 2);
      assert.strictEqual(delta(`portalis_translations_total{${m},outcome="ok"}`), 2);
      assert.strictEqual(delta(`portalis_translations_total{${m},outcome="error"}`), 1);
      assert.strictEqual(delta(`portalis_warnings_total{code="PTR023",${m}}`), 2);
      assert.strictEqual(delta(`portalis_cache_hits_total{${m}}`), 1);
      assert.strictEqual(delta(`portalis_python_lines_total{${m}}`), 2); // two one-line translations (the cache hit counts too)
      assert.strictEqual(delta(`portalis_confidence_count{${m}}`), 2);
      assert.ok(Object.keys(after).some((k) => k.startsWith('portalis_confidence_bucket{') && k.includes('le="0.9"')));
      // The client reads the same endpoint.
      const mc = new triton.TritonClient({ url, metricsUrl });
      const text = await mc.metrics().finally(() => mc.close());
      assert.match(text, /^portalis_translations_total\{model="translation_model",outcome="ok"\} \d+/m);
    } finally {
      c.close();
    }
  });
});
