// deploy.sh's control flow without a cluster (none can run on these machines): a stand-in
// kubectl on PATH records every call and answers like a cluster in a chosen state; the real
// kustomize builds the overlays. Checks order, --dry-run, idempotence and the failure messages.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { deploy, tools, run, tmpDir } = require('./helpers');

const STUB = `#!/usr/bin/env bash
# Stand-in kubectl: logs its arguments, answers from STUB_* variables.
echo "$*" >> "$STUB_LOG"
args=" $* "
case "$args" in
  *" version "*|*" cluster-info "*) exit 0 ;;
  *" get nodes "*) printf '%s\\n' "\${STUB_GPUS:-0}"; exit 0 ;;
  *" get ingressclass "*) exit 0 ;;
  *" get namespace monitoring "*) exit "\${STUB_MONITORING:-0}" ;;
  *" get apiservice "*) exit 1 ;;
  *" get secret portalis-api-key "*) [[ "\${STUB_SECRET:-no}" == yes ]]; exit $? ;;
  *" get secret portalis-tls "*) exit 0 ;;
  *" create secret "*) echo "secret-stdin $(cat)" >> "$STUB_LOG"; exit 0 ;;
  *" apply "*) n=$(grep -c '^kind:' || true); echo "applied $n" >> "$STUB_LOG"; exit 0 ;;
  *" rollout status "*) exit "\${STUB_ROLLOUT:-0}" ;;
  *" get pods "*) exit 0 ;;
  *" port-forward "*) exit 1 ;;
esac
echo "stub kubectl: unexpected call: $*" >&2
exit 3
`;

describe('deploy.sh (stand-in kubectl, real kustomize)', () => {
  let dir;
  before(() => {
    dir = tmpDir('portalis-deploy-sh-');
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'kubectl'), STUB, { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function deploySh(args, env = {}) {
    const log = path.join(dir, `calls-${Date.now()}-${Math.random()}.log`);
    fs.writeFileSync(log, '');
    const PATH = `${path.join(dir, 'bin')}:${path.dirname(tools().kustomize)}:${process.env.PATH}`;
    const r = run('bash', [path.join(deploy, 'scripts', 'deploy.sh'), ...args], { env: { ...process.env, PATH, STUB_LOG: log, ...env } });
    return { ...r, calls: fs.readFileSync(log, 'utf8').trim().split('\n') };
  }
  const index = (calls, re) => calls.findIndex((c) => re.test(c));

  it('--dry-run validates on the server side in order and changes nothing', () => {
    const r = deploySh(['--overlay', 'local', '--dry-run']);
    assert.strictEqual(r.status, 0, r.out);
    const ns = index(r.calls, /^apply --dry-run=server -f .*namespace\.yaml$/);
    const all = index(r.calls, /^apply --dry-run=server -f -$/);
    assert.ok(ns >= 0 && all > ns, r.calls.join('\n'));
    assert.ok(r.calls.includes('applied 10'), 'the whole overlay (10 objects) is sent');
    assert.strictEqual(index(r.calls, /create secret/), -1, 'no secret created on a dry run');
    assert.strictEqual(index(r.calls, /rollout/), -1);
    assert.match(r.out, /dry run finished/);
  });

  it('a second run keeps the existing API-key secret, applies, waits for the rollout, then health-checks', () => {
    const r = deploySh(['--overlay', 'local'], { STUB_SECRET: 'yes' });
    const order = [/get secret portalis-api-key/, /^apply -f -$/, /rollout status deployment\/portalis-triton/, /port-forward/]
      .map((re) => index(r.calls, re));
    assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), `order: ${order} in\n${r.calls.join('\n')}`);
    assert.strictEqual(index(r.calls, /create secret/), -1, 'the existing key is kept');
    assert.match(r.out, /portalis-api-key exists \(kept\)/);
    // Nothing answers on the forwarded port here, so the final health check must fail loudly.
    assert.strictEqual(r.status, 1);
    assert.match(r.out, /health check failed/);
  });

  it('creates the API-key secret when it is missing, without printing the key', () => {
    const r = deploySh(['--overlay', 'local'], { STUB_SECRET: 'no', PORTALIS_API_KEY: 'not-for-logs-123' });
    const create = r.calls.find((c) => /create secret generic portalis-api-key/.test(c));
    assert.ok(create && !create.includes('not-for-logs-123'), 'the key is not on the command line');
    assert.ok(r.calls.includes('secret-stdin not-for-logs-123'), r.calls.join('\n'));
    assert.doesNotMatch(r.out, /not-for-logs-123/);
  });

  it('refuses the gpu overlay on a cluster without GPU nodes, before applying anything', () => {
    const r = deploySh(['--overlay', 'gpu'], { STUB_GPUS: '0' });
    assert.strictEqual(r.status, 1);
    assert.match(r.out, /no node offers nvidia\.com\/gpu/);
    assert.strictEqual(index(r.calls, /apply/), -1);
  });

  it('stops before applying when the monitoring namespace (adapter rules) is missing', () => {
    const r = deploySh(['--overlay', 'local'], { STUB_MONITORING: '1' });
    assert.strictEqual(r.status, 1);
    assert.match(r.out, /namespace monitoring not found/);
    assert.strictEqual(index(r.calls, /apply/), -1);
  });

  it('reports a failed rollout with the pods and a pointer to the runbook', () => {
    const r = deploySh(['--overlay', 'gpu'], { STUB_GPUS: '1', STUB_SECRET: 'yes', STUB_ROLLOUT: '1' });
    assert.strictEqual(r.status, 1);
    assert.match(r.out, /rollout did not finish/);
    assert.ok(index(r.calls, /get pods -l app.kubernetes.io\/name=portalis-triton/) >= 0);
  });

  it('rejects an unknown overlay and an unknown option', () => {
    assert.match(deploySh(['--overlay', 'nope']).out, /no overlay 'nope' \(have: gpu local\)/);
    assert.strictEqual(deploySh(['--bogus']).status, 1);
  });
});
