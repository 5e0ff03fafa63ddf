// Each model translates a sample of the corpus exactly as the embedded engine does.
const assert = require('assert');
const { triton, engine, url, corpusSample } = require('./helpers');

const sample = corpusSample(10);

const memo = new Map();
function expected(p) {
  if (!memo.has(p.name)) memo.set(p.name, engine.translate(p.code, { filename: p.name, verify: false }));
  return memo.get(p.name);
}

function same(got, want, what) {
  assert.strictEqual(got.rust_code, want.rust, `${what}: Rust differs`);
  assert.ok(Math.abs(got.confidence_score - want.confidence) < 1e-6, `${what}: confidence ${got.confidence_score} vs ${want.confidence}`);
  assert.deepStrictEqual(got.warnings.map((d) => d.code), want.diagnostics.map((d) => d.code), `${what}: diagnostics differ`);
}

describe('translation through each model equals the embedded engine', function () {
  let c;
  const options = (p) => ({ filename: p.name, verify: false });
  before(() => { c = new triton.TritonClient({ url, timeoutMs: 60000 }); });
  after(() => c.close());

  it(`translation_model: ${sample.length} corpus programs`, async () => {
    const got = await Promise.all(sample.map((p) => c.infer('translation_model', { python_code: p.code, translation_options: options(p) })));
    sample.forEach((p, i) => same(got[i], expected(p), p.name));
    assert.strictEqual(got[0].metadata.backend, 'triton');
    assert.strictEqual(got[0].metadata.model, 'translation_model');
  });

  it(`interactive_api: ${sample.length} corpus programs, each a one-request sequence`, async () => {
    for (const [i, p] of sample.entries()) {
      const r = await c.infer('interactive_api', { python_code: p.code, translation_options: options(p) },
        { sequenceId: String(4200 + i), start: true, end: true });
      same(r, expected(p), p.name);
      assert.strictEqual(r.metadata.sequence_id, 4200 + i);
    }
  });

  it(`interactive_stream: ${sample.length} corpus programs, one response per top-level item`, async () => {
    for (const p of sample) {
      const parts = [];
      for await (const part of c.inferStream('interactive_stream', { python_code: p.code, translation_options: options(p) }, { timeoutMs: 60000 })) parts.push(part);
      const want = expected(p);
      const final = parts.pop();
      assert.strictEqual(final.metadata.final, true);
      same(final, want, p.name);
      assert.strictEqual(parts.length, want.items.length, `${p.name}: one response per item`);
      parts.forEach((part, k) => {
        assert.strictEqual(part.metadata.item.name, want.items[k].name);
        const [a, b] = want.items[k].rustLines;
        assert.strictEqual(part.rust_code, want.rust.split('\n').slice(a - 1, b).join('\n') + '\n');
      });
    }
  });

  it(`batch_processor: ${sample.length} files in one request, BLS fan-out, same Rust per file`, async () => {
    const r = await c.inferFiles('batch_processor', sample.map((p) => ({ name: p.name, code: p.code })), { check: false }, 120000);
    sample.forEach((p, i) => {
      const want = expected(p);
      assert.strictEqual(r.files[i].rust_code, want.rust, p.name);
      assert.ok(Math.abs(r.files[i].confidence_score - want.confidence) < 1e-6, p.name);
    });
    assert.deepStrictEqual(r.metadata.files.map((f) => f.file), sample.map((p) => p.name));
    assert.strictEqual(r.metadata.check, 'skipped');
  });

  it('batch_processor: cargo check of the assembled crate, per-file status mapped to Python lines', async () => {
    const files = [
      { name: 'good.py', code: 'def double(x: int) -> int:\n    return x * 2\n\nprint(double(21))\n' },
      { name: 'broken.py', code: 'def f(:\n' },
      { name: 'uses_unknown.py', code: 'print(1)\nprint(not_defined_anywhere)\n' },
    ];
    const r = await c.inferFiles('batch_processor', files, { check: true }, 180000);
    const status = Object.fromEntries(r.metadata.files.map((f) => [f.file, f]));
    assert.strictEqual(status['good.py'].status, 'ok');
    assert.strictEqual(status['broken.py'].status, 'fatal');
    assert.match(status['broken.py'].errors[0], /syntax/i);
    assert.strictEqual(r.metadata.check, 'failed');
    assert.strictEqual(status['uses_unknown.py'].status, 'check_failed');
    assert.ok(status['uses_unknown.py'].errors.some((e) => e.python_line === 2), JSON.stringify(status['uses_unknown.py']));
  });
});
