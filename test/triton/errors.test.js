// Bad input gets a per-request error and the model keeps serving; a crashed engine worker is
// restarted and the request that found it dead still succeeds.
const assert = require('assert');
const { triton, url, metrics } = require('./helpers');

describe('errors and recovery inside the models', function () {
  let c;
  before(() => { c = new triton.TritonClient({ url, timeoutMs: 30000 }); });
  after(() => c.close());

  const bad = [
    ['translation_options that are not JSON', { python_code: 'x = 1', translation_options: '{not json' }, /not valid JSON/],
    ['translation_options that are not an object', { python_code: 'x = 1', translation_options: '[1, 2]' }, /must be a JSON object/],
    ['an unknown option', { python_code: 'x = 1', translation_options: { frobnicate: true } }, /unknown translation_options: frobnicate/],
  ];
  for (const model of ['translation_model', 'interactive_api']) {
    for (const [what, input, msg] of bad) {
      it(`${model}: ${what} → INVALID_ARGUMENT for that request only, model still ready`, async () => {
        const seq = model === 'interactive_api' ? { sequenceId: String(7000 + Math.floor(Math.random() * 1000)), start: true, end: true } : {};
        const e = await c.infer(model, input, seq).then(() => null, (x) => x);
        assert.ok(e instanceof triton.TritonError, 'expected an error');
        assert.strictEqual(e.code, 3 /* INVALID_ARGUMENT */);
        assert.match(e.details, msg);
        assert.strictEqual(await c.modelReady(model), true);
        const ok = await c.infer(model, { python_code: 'print(1)\n', translation_options: { verify: false } }, model === 'interactive_api' ? { sequenceId: '7999', start: true, end: true } : {});
        assert.match(ok.rust_code, /println!/);
      });
    }
  }

  it('a Python syntax error is a translation result (fatal), not a server error', async () => {
    const r = await c.infer('translation_model', { python_code: 'def f(:\n', translation_options: { fragment: true } });
    assert.match(r.metadata.fatal, /syntax/i);
  });

  it('batch_processor: an unknown option → per-request error, a correct request works', async () => {
    const ok = await c.inferFiles('batch_processor', [{ name: 'a.py', code: 'print(1)\n' }], { check: false }, 60000);
    assert.strictEqual(ok.metadata.files[0].status, 'translated');
    const e = await c.inferFiles('batch_processor', [{ name: 'a.py', code: 'x' }], { bogus: 1 }, 60000).then(() => null, (x) => x);
    assert.ok(e instanceof triton.TritonError, String(e));
    assert.match(e.details, /unknown translation_options: bogus/);
    assert.strictEqual(await c.modelReady('batch_processor'), true);
  });

  it('a killed engine worker is restarted and the request still succeeds', async () => {
    const first = await c.infer('translation_model', { python_code: 'print("before")\n', translation_options: { verify: false } });
    const pid = first.metadata.worker_pid;
    assert.ok(pid > 0);
    const before = (await metrics())['portalis_worker_restarts_total{model="translation_model"}'];
    process.kill(pid, 'SIGKILL');
    const r = await c.infer('translation_model', { python_code: 'print("after the crash")\n', translation_options: { verify: false } });
    assert.match(r.rust_code, /after the crash/);
    assert.notStrictEqual(r.metadata.worker_pid, pid);
    assert.strictEqual(await c.modelReady('translation_model'), true);
    const after = (await metrics())['portalis_worker_restarts_total{model="translation_model"}'];
    assert.strictEqual(after, before + 1);
  });
});
