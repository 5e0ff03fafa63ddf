#!/usr/bin/env node
// Refreshes fixtures/exported-metrics.json "live" from a scrape of the local real tritonserver
// (started here with the deployment's flags, one request per model, then stopped):
//   node test/deploy/capture-metrics.js
// Only Triton's own families are recorded; ours come from model_repository's MetricFamily calls.
const fs = require('fs');
const path = require('path');
const { root, tmpDir } = require('./helpers');
const { startTriton, stopPid, get, families } = require('./local-stack');

(async () => {
  const dir = tmpDir('portalis-capture-');
  const triton = await startTriton({ apiKey: 'capture', logFile: path.join(dir, 'triton.log') });
  try {
    const bundle = path.join(root, 'dist', 'triton.js');
    if (!fs.existsSync(bundle)) require(path.join(root, 'scripts', 'triton.js')).bundle();
    const client = new (require(bundle).TritonClient)({ url: `127.0.0.1:${triton.ports.grpc}`, timeoutMs: 60000, apiKey: 'capture' });
    await client.infer('translation_model', { python_code: 'x = 1\n' });
    client.close();
    const version = JSON.parse((await get(`http://127.0.0.1:${triton.ports.http}/v2`)).body).version;
    const live = [...families((await get(`http://127.0.0.1:${triton.ports.metrics}/metrics`)).body).keys()].filter((f) => !f.startsWith('portalis_')).sort();
    const file = path.join(__dirname, 'fixtures', 'exported-metrics.json');
    const fixture = JSON.parse(fs.readFileSync(file, 'utf8'));
    fixture.capturedFrom = `tritonserver ${version} (nvidia-pytriton 0.7.0), CPU, --metrics-config=summary_latencies=true`;
    fixture.live = live;
    fs.writeFileSync(file, JSON.stringify(fixture, null, 2) + '\n');
    console.log(`${live.length} families from tritonserver ${version} → ${path.relative(process.cwd(), file)}`);
  } finally {
    await stopPid(triton.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
