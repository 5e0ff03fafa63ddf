// Triton killed mid-session: the backend falls back to the embedded engine (telling the user
// once), and goes back to Triton when it is restarted, restarting the session's sequence with
// its context. Uses a second real tritonserver of its own (interactive_api only).
const assert = require('assert');
const path = require('path');
const { root, triton, embedded, sleep } = require('./helpers');
const server = require(path.join(root, 'scripts', 'triton.js'));
const { LspClient } = require('../lsp/client');

const ports = { http: 18200, grpc: 18201, metrics: 18202 };
const AREA = 'def area(w: float, h: float) -> float:\n    return w * h\n';

function kill(pid) {
  process.kill(pid, 'SIGKILL');
  return (async () => { while ((() => { try { process.kill(pid, 0); return true; } catch { return false; } })()) await sleep(50); })();
}
const serverPid = () => Number(require('fs').readFileSync(server.pidFileFor(ports), 'utf8'));

describe('fallback to embedded when Triton dies, and back', function () {
  let backend;
  const events = [];
  const hooks = { log: () => undefined, health: (h, m) => events.push({ h, m }) };

  before(async () => {
    await server.stop(ports);
    await server.start({ ...ports, models: ['interactive_api'] });
  });
  after(async () => {
    if (backend) await backend.dispose();
    await server.stop(ports);
  });

  it('serves through Triton, falls back once, and returns when Triton is back', async () => {
    const primary = new triton.TritonBackend({ url: `127.0.0.1:${ports.grpc}`, timeoutMs: 5000 });
    backend = new triton.FallbackBackend(primary, embedded, hooks, 500);
    // The language server passes the session's known definitions as context.
    const req = (code) => ({ code, fragment: true, context: AREA });

    const r1 = await backend.translate({ code: AREA, fragment: true }, 'editor');
    assert.strictEqual(r1.backend, 'triton');
    assert.strictEqual(backend.health, 'ok');

    // Kill the server outright (no graceful shutdown), mid-session.
    await kill(serverPid());

    const r2 = await backend.translate(req('area(2, 3)\n'), 'editor');
    assert.strictEqual(r2.backend, 'embedded');
    assert.match(r2.rust, /area\(2\.0, 3\.0\)/);
    for (let i = 0; i < 3; i++) assert.strictEqual((await backend.translate(req(`area(${i}, 1)\n`), 'editor')).backend, 'embedded');
    assert.strictEqual(backend.health, 'degraded');
    assert.deepStrictEqual(events.map((e) => e.h), ['degraded'], 'the user is told once');
    assert.match(events[0].m, /embedded engine/);

    await server.start({ ...ports, models: ['interactive_api'] });
    for (let i = 0; i < 120 && backend.health !== 'ok'; i++) await sleep(250);
    assert.deepStrictEqual(events.map((e) => e.h), ['degraded', 'ok']);

    // The new server does not know the session's sequence: restarted with START + definitions.
    const r3 = await backend.translate({ code: 'area(2, 3)\n', fragment: true }, 'editor');
    assert.strictEqual(r3.backend, 'triton');
    assert.match(r3.rust, /area\(2\.0, 3\.0\)/);
    assert.strictEqual(primary.restarts, 1);
  });

  it('the language server (backend=triton) falls back to embedded, shows it, and comes back', async () => {
    const c = await LspClient.start({ initializationOptions: { portalis: { backend: 'triton', triton: { url: `127.0.0.1:${ports.grpc}`, timeoutMs: 5000 } } } });
    try {
      const u = 'file:///tmp/portalis-failover/shapes.py';
      c.open(u, `${AREA}\nprint(area(2, 3))\nprint(area(4, 5))\nprint(area(6, 7))\n`);
      const line = (n) => ({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } });
      const t1 = await c.request('portalis/translate', { uri: u, range: line(3) });
      assert.strictEqual(t1.backend, 'triton');
      assert.match(t1.rust, /area\(2\.0, 3\.0\)/);

      const since = c.mark();
      await kill(serverPid());
      const t2 = await c.request('portalis/translate', { uri: u, range: line(4) });
      assert.strictEqual(t2.backend, 'embedded');
      assert.match(t2.rust, /area\(4\.0, 5\.0\)/);
      const degraded = await c.waitFor('portalis/status', (p) => p.health === 'degraded', { since });
      assert.strictEqual(degraded.backend, 'triton');
      assert.match(degraded.message, /embedded engine/);

      const back = c.mark();
      await server.start({ ...ports, models: ['interactive_api'] });
      await c.waitFor('portalis/status', (p) => p.health === 'ok', { since: back });
      const t3 = await c.request('portalis/translate', { uri: u, range: line(5) });
      assert.strictEqual(t3.backend, 'triton');
      assert.match(t3.rust, /area\(6\.0, 7\.0\)/);
    } finally {
      await c.stop();
    }
  });
});
