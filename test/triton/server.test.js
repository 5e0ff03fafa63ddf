// Readiness and metadata of the real server and of every model.
const assert = require('assert');
const { triton, url } = require('./helpers');

const MODELS = ['interactive_api', 'translation_model', 'batch_processor', 'interactive_stream', 'interactive_short'];

describe('tritonserver readiness and metadata', () => {
  let c;
  before(() => { c = new triton.TritonClient({ url, timeoutMs: 10000 }); });
  after(() => c.close());

  it('is live and ready, and says it is Triton 2.51', async () => {
    assert.strictEqual(await c.serverLive(), true);
    assert.strictEqual(await c.serverReady(), true);
    const md = await c.serverMetadata();
    assert.strictEqual(md.name, 'triton');
    assert.strictEqual(md.version, '2.51.0');
    assert.ok(md.extensions.includes('sequence'), md.extensions.join(','));
  });

  it('answers the gRPC health protocol', async () => {
    assert.strictEqual(await c.healthCheck(), 'SERVING');
  });

  for (const m of MODELS) {
    it(`${m} is ready and has the Portalis I/O`, async () => {
      assert.strictEqual(await c.modelReady(m), true);
      const md = await c.modelMetadata(m);
      assert.strictEqual(md.platform, 'python');
      assert.deepStrictEqual(md.inputs.map((t) => `${t.name}:${t.datatype}`), ['python_code:BYTES', 'translation_options:BYTES']);
      assert.deepStrictEqual(md.outputs.map((t) => `${t.name}:${t.datatype}`).sort(),
        ['confidence_score:FP32', 'metadata:BYTES', 'rust_code:BYTES', 'suggestions:BYTES', 'warnings:BYTES']);
    });
  }

  it('reports an unknown model as not ready (or not found)', async () => {
    const ready = await c.modelReady('no_such_model').catch((e) => e);
    assert.ok(ready === false || ready instanceof triton.TritonError, String(ready));
  });
});
