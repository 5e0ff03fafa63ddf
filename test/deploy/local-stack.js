// The deploy stack on loopback for the integration test and capture-metrics.js: the real
// tritonserver from the project's cached install (scripts/triton.js install) launched with the
// deployment's own server flags, and the Debian Prometheus with an adapted copy of
// deploy/monitoring/prometheus.yml. Every process is stopped by its own pid.
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const yaml = require('js-yaml');
const { root, deploy } = require('./helpers');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port that is free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function get(url, headers = {}, method = 'GET') {
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}

/** Polls fn until it returns a truthy value; throws with `what` after timeoutMs. */
async function waitFor(what, fn, timeoutMs = 120000, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: process exited with ${child.exitCode}`);
    const v = await fn();
    if (v) return v;
    await sleep(300);
  }
  throw new Error(`${what}: not after ${timeoutMs} ms`);
}

async function stopPid(child, graceMs = 15000) {
  if (!child || child.exitCode !== null || child.signalCode) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

/**
 * The server flags of deploy/k8s/base/deployment.yaml (metrics config, API-key restriction), with
 * Kubernetes' $(VAR) references filled from its ConfigMap and the given key; the model
 * repository and log flags are the caller's.
 */
function deploymentFlags(apiKey) {
  const base = path.join(deploy, 'k8s', 'base');
  const container = yaml.load(fs.readFileSync(path.join(base, 'deployment.yaml'), 'utf8')).spec.template.spec.containers[0];
  const vars = { ...yaml.load(fs.readFileSync(path.join(base, 'configmap.yaml'), 'utf8')).data, PORTALIS_API_KEY: apiKey };
  return container.args
    .filter((a) => !/^--(model-repository|log-verbose)=/.test(a))
    .map((a) => a.replace(/\$\((\w+)\)/g, (_, v) => {
      if (!(v in vars)) throw new Error(`deployment.yaml uses $(${v}), unknown to the local stack`);
      return vars[v];
    }));
}

/**
 * tritonserver on loopback with the deployment's server flags (deploymentFlags) and each model's
 * CPU config.pbtxt, serving `repository` (default: the repository's model_repository) with
 * `env` added (e.g. the image's ENV). Resolves {child, ports, logFile, apiKey, flags}.
 */
async function startTriton({ apiKey, logFile, models = ['interactive_api', 'translation_model'], repository = path.join(root, 'model_repository'), env: extraEnv = {} }) {
  const triton = require(path.join(root, 'scripts', 'triton.js'));
  const m = triton.install();
  const serverDir = path.join(root, '.cache', 'triton', 'server');
  const venv = path.join(root, '.cache', 'triton', 'venv');
  const ports = { http: await freePort(), grpc: await freePort(), metrics: await freePort() };
  const flags = deploymentFlags(apiKey);
  const args = [
    `--model-repository=${repository}`,
    `--backend-directory=${path.join(serverDir, 'backends')}`,
    `--cache-directory=${path.join(serverDir, 'caches')}`,
    `--http-port=${ports.http}`, `--grpc-port=${ports.grpc}`, `--metrics-port=${ports.metrics}`,
    '--http-address=127.0.0.1', '--grpc-address=127.0.0.1', '--metrics-address=127.0.0.1',
    '--model-control-mode=explicit', ...models.map((n) => `--load-model=${n}`),
    ...flags,
    '--log-verbose=0', '--exit-timeout-secs=5',
  ];
  const env = {
    ...process.env,
    ...extraEnv,
    PATH: `${path.join(venv, 'bin')}:${process.env.PATH}`,
    VIRTUAL_ENV: venv,
    LD_LIBRARY_PATH: [m.libs, m.libpythonDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    PORTALIS_NODE: process.env.PORTALIS_NODE || process.execPath,
    PYTHONDONTWRITEBYTECODE: '1', // leave model_repository free of __pycache__
  };
  const out = fs.openSync(logFile, 'w');
  const child = spawn(path.join(serverDir, 'bin', 'tritonserver'), args, { env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  try {
    await waitFor('tritonserver ready', async () => (await get(`http://127.0.0.1:${ports.http}/v2/health/ready`)).status === 200, 240000, child);
  } catch (e) {
    await stopPid(child);
    throw new Error(`${e.message}\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  }
  return { child, ports, logFile, apiKey, flags };
}

/** Metric families (# TYPE lines) of a Prometheus text exposition. */
function families(text) {
  const out = new Map();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) out.set(m[1], m[2]);
  return out;
}

/** The Debian node-exporter on a free loopback port. Resolves {child, port}. */
async function startNodeExporter({ binary, dir }) {
  const port = await freePort();
  const out = fs.openSync(path.join(dir, 'node-exporter.log'), 'w');
  const child = spawn(binary, [`--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  await waitFor('node-exporter ready', async () => (await get(`http://127.0.0.1:${port}/metrics`)).status === 200, 30000, child);
  return { child, port };
}

/**
 * The compose Prometheus config (deploy/monitoring/prometheus.yml) for loopback: its targets
 * mapped to local ports (`targets`: job → host:port; the prometheus job is its own port), jobs
 * with nothing to scrape here (dcgm: no GPU) dropped, the deploy alert rules loaded.
 */
function composeConfig(targets, port) {
  const cfg = yaml.load(fs.readFileSync(path.join(deploy, 'monitoring', 'prometheus.yml'), 'utf8'));
  const all = { ...targets, prometheus: `127.0.0.1:${port}` };
  cfg.scrape_configs = cfg.scrape_configs.filter((j) => j.job_name in all);
  for (const j of cfg.scrape_configs) j.static_configs[0].targets = [all[j.job_name]];
  return cfg;
}

/**
 * The in-cluster config (deploy/monitoring/prometheus-k8s.yml) for loopback: the triton job's
 * Kubernetes pod discovery replaced by file discovery of `pods` — targets carrying the same
 * __meta_kubernetes_* labels the pod role sets — so its relabelling runs unchanged.
 * pods: [{address, namespace, pod, annotations: {scrape, port}}].
 */
function k8sConfig(pods, dir) {
  const cfg = yaml.load(fs.readFileSync(path.join(deploy, 'monitoring', 'prometheus-k8s.yml'), 'utf8'));
  const sd = path.join(dir, 'pods.json');
  fs.writeFileSync(sd, JSON.stringify(pods.map((p) => ({
    targets: [p.address],
    labels: {
      __meta_kubernetes_namespace: p.namespace,
      __meta_kubernetes_pod_name: p.pod,
      __meta_kubernetes_pod_annotation_prometheus_io_scrape: p.annotations.scrape,
      __meta_kubernetes_pod_annotation_prometheus_io_port: p.annotations.port,
    },
  }))));
  cfg.scrape_configs = cfg.scrape_configs.filter((j) => j.job_name === 'triton');
  const job = cfg.scrape_configs[0];
  delete job.kubernetes_sd_configs;
  job.file_sd_configs = [{ files: [sd], refresh_interval: '1s' }];
  return cfg;
}

/**
 * The Debian Prometheus on loopback, scraping and evaluating every second, with the config
 * `build(port)` returns and the deploy alert rules. Resolves {child, url, dir}.
 */
async function startPrometheus({ prometheus, dir, build }) {
  const port = await freePort();
  fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
  const cfg = build(port);
  cfg.global.scrape_interval = '1s';
  cfg.global.evaluation_interval = '1s';
  for (const f of fs.readdirSync(path.join(deploy, 'monitoring', 'rules'))) {
    fs.copyFileSync(path.join(deploy, 'monitoring', 'rules', f), path.join(dir, 'rules', f));
  }
  cfg.rule_files = [path.join(dir, 'rules', '*.yml')];
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), yaml.dump(cfg));
  const out = fs.openSync(path.join(dir, 'prometheus.log'), 'w');
  const child = spawn(prometheus, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn',
  ], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('prometheus ready', async () => (await get(`${url}/-/ready`)).status === 200, 60000, child);
  } catch (e) {
    await stopPid(child);
    throw new Error(`${e.message}\n${fs.readFileSync(path.join(dir, 'prometheus.log'), 'utf8')}`);
  }
  return { child, url, dir };
}

/** Instant query through Prometheus' HTTP API; resolves the `data` object or throws. */
async function query(url, expr) {
  const r = await get(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = JSON.parse(r.body || '{}');
  if (body.status !== 'success') throw new Error(`query failed (${r.status}): ${expr}: ${body.error || r.body}`);
  return body.data;
}

module.exports = { deploymentFlags, startNodeExporter, composeConfig, k8sConfig, freePort, get, waitFor, stopPid, startTriton, startPrometheus, families, query, sleep };
