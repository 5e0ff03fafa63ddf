// Integration: the real tritonserver (CPU configs, the deployment's server flags) serving the
// image's /opt/portalis as assembled from deploy/Dockerfile (image-layout.js), and the real
// Prometheus (deploy config adapted to loopback ports); traffic goes through the project's gRPC
// client; every check reads Prometheus' HTTP query API or a live scrape.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { root, deploy, tools, run, tmpDir, metricNames, substituteGrafana, family } = require('./helpers');
const { startTriton, startPrometheus, startNodeExporter, composeConfig, k8sConfig, stopPid, get, waitFor, families, query } = require('./local-stack');
const { assembleImage } = require('./image-layout');

const exported = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'exported-metrics.json'), 'utf8'));
const TRANSLATIONS = 12;

function loadClient() {
  const bundle = path.join(root, 'dist', 'triton.js');
  if (!fs.existsSync(bundle)) require(path.join(root, 'scripts', 'triton.js')).bundle();
  return require(bundle).TritonClient;
}

describe('local stack: real tritonserver + real Prometheus', function () {
  let dir, image, triton, nodeExporter, prom, promK8s, client, scrape;
  const apiKey = crypto.randomBytes(12).toString('hex');

  before(async function () {
    dir = tmpDir('portalis-deploy-it-');
    image = assembleImage(path.join(dir, 'image'));
    triton = await startTriton({ apiKey, logFile: path.join(dir, 'triton.log'), repository: path.join(image.layout, 'model_repository'), env: image.env });
    nodeExporter = await startNodeExporter({ binary: tools().nodeExporter, dir });
    const targets = { triton: `127.0.0.1:${triton.ports.metrics}`, node: `127.0.0.1:${nodeExporter.port}` };
    prom = await startPrometheus({ prometheus: tools().prometheus, dir: path.join(dir, 'prom'), build: (port) => composeConfig(targets, port) });
    // The in-cluster config, fed the pod metadata Kubernetes discovery would give: our pod
    // (annotated, address on the HTTP port) and an unannotated pod that must be ignored.
    const pods = [
      { address: `127.0.0.1:${triton.ports.http}`, namespace: 'portalis', pod: 'portalis-triton-5d8f-abcde', annotations: { scrape: 'true', port: String(triton.ports.metrics) } },
      { address: `127.0.0.1:${nodeExporter.port}`, namespace: 'portalis', pod: 'something-else', annotations: { scrape: 'false', port: '' } },
    ];
    promK8s = await startPrometheus({ prometheus: tools().prometheus, dir: path.join(dir, 'prom-k8s'), build: () => k8sConfig(pods, path.join(dir, 'prom-k8s')) });
    const TritonClient = loadClient();
    client = new TritonClient({ url: `127.0.0.1:${triton.ports.grpc}`, timeoutMs: 60000, apiKey });
    // Traffic: stateless translations, one interactive session, one program with a diagnostic.
    for (let i = 0; i < TRANSLATIONS; i++) {
      await client.infer('translation_model', { python_code: `def f(x: int) -> int:\n    return x * ${i + 2}\n` });
    }
    const sequenceId = Date.now();
    await client.infer('interactive_api', { python_code: 'def g(a: int) -> int:\n    return a + 1\n' }, { sequenceId, start: true });
    await client.infer('interactive_api', { python_code: 'def h(s: str) -> str:\n    return s.upper()\n' }, { sequenceId, end: true });
    await client.infer('translation_model', { python_code: 'import numpy\n\ndef k(x):\n    return eval(x)\n' });
    scrape = (await get(`http://127.0.0.1:${triton.ports.metrics}/metrics`)).body;
  });

  after(async function () {
    if (client) client.close();
    if (prom) await stopPid(prom.child);
    if (promK8s) await stopPid(promK8s.child);
    if (nodeExporter) await stopPid(nodeExporter.child);
    if (triton) await stopPid(triton.child);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the API-key check behind the Ingress: Triton\'s restricted HTTP endpoint refuses a missing or wrong key', async () => {
    assert.ok(triton.flags.some((f) => f.startsWith('--http-restricted-api=')), 'started with the deployment\'s restriction');
    const authUrl = `http://127.0.0.1:${triton.ports.http}/v2/models/translation_model/config`;
    assert.strictEqual((await get(authUrl)).status, 403, 'no key');
    assert.strictEqual((await get(authUrl, { 'x-api-key': `${apiKey}x` })).status, 403, 'wrong key');
    assert.strictEqual((await get(authUrl, { 'x-api-key': apiKey })).status, 200, 'right key');
    // Health stays open for the kubelet probes.
    assert.strictEqual((await get(`http://127.0.0.1:${triton.ports.http}/v2/health/ready`)).status, 200);
  });

  it('the server runs the image layout: models load the engine from /opt/portalis/bin, not the checkout', async () => {
    const index = JSON.parse((await get(`http://127.0.0.1:${triton.ports.http}/v2/repository/index`, { 'x-api-key': apiKey }, 'POST')).body || '[]');
    const loaded = index.filter((m) => m.state); // explicit mode lists unloaded models without a state
    assert.ok(loaded.length >= 2 && loaded.every((m) => m.state === 'READY'), JSON.stringify(index));
    const workers = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((p) => {
      try { return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0'); } catch { return []; }
    }).filter((argv) => argv.some((a) => a.endsWith('bin/portalis.js')) && argv.includes('worker'));
    const ours = workers.filter((argv) => argv.some((a) => a.startsWith(image.layout)));
    assert.ok(ours.length > 0, 'an engine worker runs from the assembled layout');
  });

  it('what the image adds to the Triton base stays under the 500 MB target', () => {
    const bytes = (p) => {
      const st = fs.statSync(p);
      return st.isDirectory() ? fs.readdirSync(p).reduce((n, f) => n + bytes(path.join(p, f)), 0) : st.size;
    };
    const added = bytes(image.layout) + fs.statSync(fs.realpathSync(process.execPath)).size; // + the Node binary
    assert.ok(added < 500 * 1024 * 1024, `${(added / 1048576).toFixed(0)} MB`);
  });

  it('the image\'s HEALTHCHECK script exits 0 on the live server and 1 on a dead port', () => {
    const hc = path.join(image.layout, 'bin', 'healthcheck.js');
    // Run as the HEALTHCHECK does: the file itself (executable bit and shebang included).
    const live = run(hc, [], { env: { ...process.env, TRITON_HTTP_PORT: String(triton.ports.http) } });
    assert.strictEqual(live.status, 0, live.out);
    assert.strictEqual(run(hc, [], { env: { ...process.env, TRITON_HTTP_PORT: '1' } }).status, 1);
  });

  it('the image\'s engine CLI translates with no node_modules in reach', () => {
    const py = path.join(dir, 'sample.py');
    fs.writeFileSync(py, 'def area(w: float, h: float) -> float:\n    return w * h\n');
    const r = run(process.execPath, [path.join(image.layout, 'bin', 'portalis.js'), 'translate', py],
      { cwd: dir, env: { ...process.env, ...image.env, NODE_PATH: '' } });
    assert.strictEqual(r.status, 0, r.out);
    assert.match(r.stdout, /fn area\(w: f64, h: f64\) -> f64/);
  });

  it('health-check.sh exits 0 on the live server and 1 on a dead port', () => {
    const script = path.join(deploy, 'scripts', 'health-check.sh');
    const models = ['--models', 'interactive_api,translation_model'];
    const good = run('bash', [script, '--url', `http://127.0.0.1:${triton.ports.http}`, '--metrics-url', `http://127.0.0.1:${triton.ports.metrics}`, ...models]);
    assert.strictEqual(good.status, 0, good.out);
    const bad = run('bash', [script, '--url', 'http://127.0.0.1:1', '--metrics-url', `http://127.0.0.1:${triton.ports.metrics}`, ...models]);
    assert.strictEqual(bad.status, 1, bad.out);
  });

  it('the live server exports every metric family the fixture lists, and every family our models register', () => {
    const live = families(scrape);
    const missing = exported.live.filter((f) => !live.has(f));
    assert.deepStrictEqual(missing, [], 'fixture families missing from the live scrape (refresh with node test/deploy/capture-metrics.js)');
    for (const f of ['portalis_translations_total', 'portalis_confidence', 'portalis_cache_hits_total', 'portalis_warnings_total', 'portalis_python_lines_total']) {
      assert.ok(live.has(f), `live scrape has ${f}`);
    }
  });

  it('every dashboard and alert metric that is not GPU-only is in the live scrape', () => {
    const live = new Set(families(scrape).keys());
    const dashboard = JSON.parse(fs.readFileSync(path.join(deploy, 'monitoring', 'grafana', 'dashboards', 'portalis-triton.json'), 'utf8'));
    const rules = yaml.load(fs.readFileSync(path.join(deploy, 'monitoring', 'rules', 'portalis-alerts.yml'), 'utf8')).groups.flatMap((g) => g.rules);
    const exprs = [...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)), ...rules.map((r) => r.expr)];
    const notLive = new Set();
    for (const e of exprs) for (const m of metricNames(e)) {
      if (!family(m, live) && !exported.gpuOnly.includes(m) && !exported.prometheus.includes(m)) notLive.add(m);
    }
    assert.deepStrictEqual([...notLive], []);
  });

  it('Prometheus scrapes Triton\'s and our metrics through the deploy config', async () => {
    // Wait for a scrape that happened after the traffic.
    const data = await waitFor('translations scraped', async () => {
      const d = await query(prom.url, 'sum(nv_inference_request_success{job="triton",model="translation_model"})');
      return d.result.length && Number(d.result[0].value[1]) >= TRANSLATIONS ? d : null;
    }, 60000);
    assert.ok(Number(data.result[0].value[1]) >= TRANSLATIONS);
    const up = await query(prom.url, 'up{job="triton"}');
    assert.strictEqual(up.result[0].value[1], '1');
    assert.strictEqual(up.result[0].metric.pod, 'triton', 'the static pod label of the compose config');
    const jobs = await waitFor('every job scraped', async () => {
      const d = await query(prom.url, 'up == 1');
      const names = d.result.map((r) => r.metric.job).sort();
      return names.length === 3 ? names : null;
    }, 60000);
    assert.deepStrictEqual(jobs, ['node', 'prometheus', 'triton']);
    const host = await query(prom.url, 'node_load1{job="node"}');
    assert.strictEqual(host.result.length, 1, 'node metrics come through the node job');
    const ours = await query(prom.url, 'sum by (model) (portalis_translations_total{outcome="ok"})');
    const models = Object.fromEntries(ours.result.map((r) => [r.metric.model, Number(r.value[1])]));
    assert.ok(models.translation_model >= TRANSLATIONS, JSON.stringify(models));
    assert.ok(models.interactive_api >= 2, JSON.stringify(models));
    const conf = await query(prom.url, 'sum(portalis_confidence_count)');
    assert.ok(Number(conf.result[0].value[1]) >= TRANSLATIONS + 2);
    const warnings = await query(prom.url, 'sum by (code) (portalis_warnings_total)');
    assert.ok(warnings.result.length > 0 && warnings.result.every((r) => /^PTR\d+$/.test(r.metric.code)), JSON.stringify(warnings.result));
  });

  it('the P95 latency alert expression evaluates on live data, and Prometheus loaded every rule healthy', async () => {
    const rules = yaml.load(fs.readFileSync(path.join(deploy, 'monitoring', 'rules', 'portalis-alerts.yml'), 'utf8')).groups[0].rules;
    const p95 = rules.find((r) => r.alert === 'PortalisP95LatencyHigh').expr;
    const [lhs, threshold] = p95.split(/\s+>\s+/);
    const values = await waitFor('P95 summary scraped', async () => {
      const d = await query(prom.url, lhs);
      return d.result.length ? d.result : null;
    }, 60000);
    for (const v of values) assert.ok(Number(v.value[1]) >= 0 && Number.isFinite(Number(v.value[1])), JSON.stringify(v));
    assert.ok(values.some((v) => v.metric.model === 'translation_model'));
    // The full alert expression evaluates too (firing or not, by the live value vs the threshold).
    const full = await query(prom.url, p95);
    const firing = values.filter((v) => Number(v.value[1]) > Number(threshold)).map((v) => v.metric.model).sort();
    assert.deepStrictEqual(full.result.map((r) => r.metric.model).sort(), firing);
    const loaded = await waitFor('rules evaluated', async () => {
      const r = JSON.parse((await get(`${prom.url}/api/v1/rules`)).body);
      const all = r.data.groups.flatMap((g) => g.rules);
      return all.length && all.every((x) => x.lastEvaluation && !x.lastEvaluation.startsWith('0001')) ? all : null;
    }, 30000);
    assert.strictEqual(loaded.length, rules.length);
    for (const r of loaded) assert.strictEqual(r.health, 'ok', `${r.name}: ${r.lastError || ''}`);
  });

  it('prometheus-k8s.yml: the annotated pod is scraped on its annotated port with pod/namespace labels, others ignored', async () => {
    const up = await waitFor('k8s job scraped', async () => {
      const d = await query(promK8s.url, 'up{job="triton"}');
      return d.result.length ? d.result : null;
    }, 60000);
    assert.strictEqual(up.length, 1, JSON.stringify(up));
    assert.deepStrictEqual([up[0].metric.namespace, up[0].metric.pod, up[0].metric.instance, up[0].value[1]],
      ['portalis', 'portalis-triton-5d8f-abcde', `127.0.0.1:${triton.ports.metrics}`, '1']);
  });

  it('the Prometheus adapter rule computes the HPA metric per pod from the in-cluster series', async () => {
    const rule = yaml.load(fs.readFileSync(path.join(deploy, 'k8s', 'prometheus-adapter', 'config.yaml'), 'utf8')).rules[0];
    // Its seriesQuery finds the series, with the labels its resource overrides map to objects.
    const series = await waitFor('adapter series', async () => {
      const d = await query(promK8s.url, rule.seriesQuery);
      return d.result.length ? d.result : null;
    }, 60000);
    for (const o of Object.keys(rule.resources.overrides)) assert.ok(series.every((x) => x.metric[o]), `series carry ${o}`);
    // Its metricsQuery, filled in as the adapter does for GET …/pods/*/triton_queue_avg_us.
    const expr = rule.metricsQuery.replace(/<<\.LabelMatchers>>/g, 'namespace="portalis",pod=~"portalis-triton-5d8f-abcde"').replace(/<<\.GroupBy>>/g, 'pod');
    const v = await waitFor('adapter metric', async () => {
      const d = await query(promK8s.url, expr);
      return d.result.length ? d.result : null;
    }, 60000);
    assert.strictEqual(v.length, 1);
    assert.strictEqual(v[0].metric.pod, 'portalis-triton-5d8f-abcde');
    assert.ok(Number.isFinite(Number(v[0].value[1])) && Number(v[0].value[1]) >= 0, JSON.stringify(v));
  });

  it('every dashboard query runs on the live Prometheus without error', async () => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(deploy, 'monitoring', 'grafana', 'dashboards', 'portalis-triton.json'), 'utf8'));
    for (const p of dashboard.panels) {
      for (const t of p.targets) await query(prom.url, substituteGrafana(t.expr)); // throws on a PromQL error
    }
    // A rate needs two scrapes after the traffic: wait for them rather than assume a delay.
    const expr = substituteGrafana(dashboard.panels.find((p) => p.title === 'Request rate per model').targets[0].expr);
    const rate = await waitFor('request rate computed', async () => {
      const d = await query(prom.url, expr);
      return d.result.some((r) => r.metric.model === 'translation_model') ? d : null;
    }, 60000);
    assert.ok(rate.result.every((r) => Number(r.value[1]) >= 0));
    // Triton's summaries really carry the three quantiles the latency panel plots.
    for (const t of dashboard.panels.find((p) => p.title.startsWith('Latency P50')).targets) {
      const d = await query(prom.url, substituteGrafana(t.expr));
      assert.ok(d.result.some((r) => r.metric.model === 'translation_model'), `${t.legendFormat}: ${JSON.stringify(d.result)}`);
    }
  });

  it('a short load test against the local server: three phases, no errors, a JSON report', () => {
    const report = path.join(dir, 'loadtest.json');
    const r = run(process.execPath, [path.join(root, 'bench', 'loadtest.js'), '--quick', '--url', `127.0.0.1:${triton.ports.grpc}`,
      '--api-key', apiKey, '--report', report]);
    assert.strictEqual(r.status, 0, r.out);
    const rep = JSON.parse(fs.readFileSync(report, 'utf8'));
    assert.deepStrictEqual(rep.phases.map((p) => p.phase), ['ramp', 'steady', 'spike']);
    for (const p of rep.phases) {
      assert.ok(p.requests > 0, `${p.phase} sent requests`);
      assert.strictEqual(p.errors, 0, `${p.phase}: ${p.errorSamples.join('; ')}`);
      assert.ok(p.p50Ms <= p.p95Ms && p.p95Ms <= p.p99Ms, 'percentiles are ordered');
      assert.ok(p.pythonLinesPerSec > p.throughputPerSec, 'every request carries more than one line');
    }
    assert.ok(rep.requests <= 3000, 'bounded by --max-requests');
    assert.match(r.out, /steady .*P95 [\d.]+ ms/);
  });
});
