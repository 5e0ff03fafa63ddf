// Triton killed mid-session: the backend falls back to the embedded engine (telling the user
// once), and goes back to Triton when it is restarted, restarting the session's sequence with
// its context. Uses a second real tritonserver of its own (interactive_api only).
const assert = require('assert');
const path = require('path');
const { root, triton, embedded, sleep } = require('./helpers');
const server = require(path.join(root, 'scripts', 'triton.js'));

const ports = { http: 18200, grpc: 18201, metrics: 18202 };
const AREA = 'def area(w: float, h: float) -> float:\n    return w * h\n';

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
    const pid = Number(require('fs').readFileSync(server.pidFileFor(ports), 'utf8'));
    process.kill(pid, 'SIGKILL');
    while ((() => { try { process.kill(pid, 0); return true; } catch { return false; } })()) await sleep(50);

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
});
