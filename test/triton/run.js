#!/usr/bin/env node
// `npm run test:triton`: builds what the models need (dist/cli.js for the engine worker,
// dist/triton.js for the tests), starts the REAL tritonserver (nvidia-pytriton wheel) on
// non-default ports with model_repository/ plus test/triton/model_repository/ (a copy of
// interactive_api with a 1.5 s idle timeout), runs mocha on test/triton, and always stops it.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const triton = require('../../scripts/triton.js');

const root = path.join(__dirname, '..', '..');
const ports = { http: 18100, grpc: 18101, metrics: 18102 };
const failoverPorts = { http: 18200, grpc: 18201, metrics: 18202 }; // failover.test.js's own server

async function stopAll() {
  await triton.stop(ports);
  await triton.stop(failoverPorts);
}
// Ctrl-C or a CI cancel: no tritonserver is left behind (mocha's after() hooks may not run).
let mochaChild;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (mochaChild && mochaChild.exitCode === null) mochaChild.kill(sig);
    stopAll().finally(() => process.exit(130));
  });
}

async function main() {
  const t0 = Date.now();
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
  if (build.status !== 0) return 1;
  triton.bundle();
  // The engine worker (in Triton) and the expected results (in mocha) come from one snapshot of
  // this build, so a rebuild of dist/ during the run cannot make them differ.
  const snap = path.join(root, '.cache', 'triton-test-dist'); // inside the repo: typeshed is found in node_modules
  fs.mkdirSync(snap, { recursive: true });
  for (const f of ['cli.js', 'engine.js']) fs.copyFileSync(path.join(root, 'dist', f), path.join(snap, f));
  const engineEnv = { PORTALIS_CLI: path.join(snap, 'cli.js'), TRITON_TEST_ENGINE: path.join(snap, 'engine.js') };
  await stopAll(); // servers left over by an interrupted run
  const server = await triton.start({ ...ports, env: engineEnv, repositories: [path.join(root, 'model_repository'), path.join(__dirname, 'model_repository')] });
  console.log(`[test:triton] tritonserver pid ${server.pid} ready with ${server.models.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const env = {
      ...process.env,
      ...engineEnv,
      TRITON_TEST_GRPC: `127.0.0.1:${ports.grpc}`,
      TRITON_TEST_HTTP_PORT: String(ports.http),
      TRITON_TEST_METRICS_PORT: String(ports.metrics),
      TRITON_TEST_PID: String(server.pid),
    };
    const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const child = spawn(process.execPath, [mocha, '--no-config', '--timeout', '240000', '--reporter', 'spec', path.join(__dirname, '*.test.js')], { stdio: 'inherit', env });
    mochaChild = child;
    return await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await stopAll();
  }
}

main().then((code) => process.exit(code), (e) => { console.error(`[test:triton] ${e.message}`); process.exit(1); });
