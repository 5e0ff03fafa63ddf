// proto/ is valid protobuf that passes buf's lint rules (with the upstream-naming exceptions).
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');
const { root } = require('./helpers');

const buf = path.join(root, 'node_modules', '.bin', 'buf');

describe('proto/ (buf)', () => {
  it('buf lint passes', () => {
    const r = spawnSync(buf, ['lint', 'proto'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  });
  it('buf build compiles both services', () => {
    const r = spawnSync(buf, ['build', 'proto', '-o', '-#format=json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout).file.map((f) => f.name).sort();
    assert.deepStrictEqual(files, ['grpc/health/v1/health.proto', 'inference/grpc_service.proto']);
  });
});
