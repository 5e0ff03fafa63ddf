// The language server (dist/server.js) with portalis.backend = triton: portalis/translate goes
// through the real Triton, with the session's definitions as context.
const assert = require('assert');
const { url } = require('./helpers');
const { LspClient } = require('../lsp/client');

const TEXT = 'def area(w: float, h: float) -> float:\n    return w * h\n\nprint(area(2, 3))\n';

describe('language server with backend=triton (end to end)', function () {
  let c;
  before(async () => {
    c = await LspClient.start({ initializationOptions: { portalis: { backend: 'triton', triton: { url, timeoutMs: 30000 } } } });
  });
  after(async () => { if (c) await c.stop(); });

  it('portalis/translate of a selection and of the whole file come from Triton', async () => {
    const u = 'file:///tmp/portalis-triton-e2e/shapes.py';
    c.open(u, TEXT);
    const status = await c.waitFor('portalis/status', (p) => p.backend === 'triton');
    assert.notStrictEqual(status.health, 'degraded', JSON.stringify(status));
    const sel = await c.request('portalis/translate', { uri: u, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } });
    assert.strictEqual(sel.backend, 'triton', JSON.stringify(sel));
    assert.match(sel.rust, /fn area\(w: f64, h: f64\) -> f64/);
    const call = await c.request('portalis/translate', { uri: u, range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } } });
    assert.strictEqual(call.backend, 'triton');
    assert.match(call.rust, /area\(2\.0, 3\.0\)/);
    const whole = await c.request('portalis/translate', { uri: u });
    assert.strictEqual(whole.backend, 'triton');
    assert.match(whole.rust, /fn main\(\)/);
  });
});
