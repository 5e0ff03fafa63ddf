#!/usr/bin/env node
// Runs a real Triton Inference Server locally, without Docker: the `tritonserver` binary that
// ships inside the PyPI wheel nvidia-pytriton 0.7.0 (Triton 2.51), in a cached venv.
//   node scripts/triton.js install   venv + server folder under .cache/triton (once; fast after)
//   node scripts/triton.js start     install, launch with model_repository/, wait until every
//                                    model is ready, write the pid file, return
//   node scripts/triton.js stop      stop exactly the process of that pid file
//   node scripts/triton.js bundle    dist/triton.js (TritonClient, TritonBackend, FallbackBackend)
// Ports: TRITON_HTTP_PORT / TRITON_GRPC_PORT / TRITON_METRICS_PORT (8000/8001/8002).
// Also a module: tests and benchmarks call start()/stop() with their own ports and repositories.
// Why each step is needed: docs/triton.md.
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const http = require('http');

const root = path.join(__dirname, '..');
// PORTALIS_TRITON_CACHE moves the cache (e.g. to time a clean install beside a running server).
const cacheDir = process.env.PORTALIS_TRITON_CACHE ? path.resolve(process.env.PORTALIS_TRITON_CACHE) : path.join(root, '.cache', 'triton');
const venv = path.join(cacheDir, 'venv');
const serverDir = path.join(cacheDir, 'server');
const marker = path.join(cacheDir, 'installed.json');
const PYTRITON = 'nvidia-pytriton==0.7.0';

function log(msg) { process.stderr.write(`[triton] ${msg}\n`); }

function pythonInfo(python) {
  const code = 'import json,sys,sysconfig;print(json.dumps({"ver":"%d.%d"%sys.version_info[:2],' +
    '"libdir":sysconfig.get_config_var("LIBDIR")}))';
  return JSON.parse(execFileSync(python, ['-c', code], { encoding: 'utf8' }));
}

function findPython() {
  for (const p of [process.env.PORTALIS_PYTHON, 'python3.11', 'python3']) {
    if (!p) continue;
    try { return { python: p, ...pythonInfo(p) }; } catch { /* try the next one */ }
  }
  throw new Error('no python3 found (set PORTALIS_PYTHON)');
}

/** Installs a missing Debian package when we may (root with apt-get), else explains what is missing. */
function aptInstall(pkg, why) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !apt) throw new Error(`${why}: install the ${pkg} package`);
  log(`${why}: apt-get install -y ${pkg}`);
  const get = () => spawnSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'inherit' }).status === 0;
  // A fresh image has no package lists yet.
  if (!get() && !(spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' }).status === 0 && get())) {
    throw new Error(`${why}: apt-get install ${pkg} failed`);
  }
}

/** Creates the venv and the server folder once; later calls only read the marker. */
function install() {
  if (fs.existsSync(marker)) {
    const m = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (m.pytriton === PYTRITON && fs.existsSync(path.join(serverDir, 'bin', 'tritonserver'))) return m;
  }
  const py = findPython();
  // The python backend's stub links libpython<ver>.so.1.0 dynamically. A shared build has it in
  // LIBDIR (pyenv); Debian's static python3.11 has it from the libpython3.11 package.
  const soname = `libpython${py.ver}.so.1.0`;
  const libDirs = [py.libdir, `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`, '/usr/local/lib', '/usr/lib'];
  const findLib = () => libDirs.find((d) => d && fs.existsSync(path.join(d, soname)));
  if (!findLib()) aptInstall(`libpython${py.ver}`, `no ${soname} for ${py.python} (looked in ${libDirs.join(', ')}); the Triton python backend stub needs it`);
  const libpythonDir = findLib();
  log(`installing ${PYTRITON} into ${path.relative(root, venv)} (once)`);
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  // Debian splits venv support (ensurepip) into python3.X-venv.
  if (spawnSync(py.python, ['-c', 'import ensurepip'], { stdio: 'ignore' }).status !== 0) {
    aptInstall(`python${py.ver}-venv`, `${py.python} cannot create a venv (no ensurepip)`);
  }
  execFileSync(py.python, ['-m', 'venv', venv], { stdio: 'inherit' });
  // numpy < 2: the wheel's python backend is built with pybind11 2.10 against numpy 1.x.
  execFileSync(path.join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', PYTRITON, 'numpy<2'], { stdio: 'inherit' });
  const site = path.join(venv, 'lib', `python${py.ver}`, 'site-packages');
  const wheelServer = path.join(site, 'pytriton', 'tritonserver');
  const stub = path.join(wheelServer, 'python_backend_stubs', py.ver, 'triton_python_backend_stub');
  if (!fs.existsSync(stub)) throw new Error(`the wheel has no python backend stub for Python ${py.ver} (${stub})`);
  fs.rmSync(serverDir, { recursive: true, force: true });
  for (const d of ['bin', 'backends', 'caches']) fs.cpSync(path.join(wheelServer, d), path.join(serverDir, d), { recursive: true });
  // The stub must match the Python that runs the models (the venv's).
  fs.copyFileSync(stub, path.join(serverDir, 'backends', 'python', 'triton_python_backend_stub'));
  fs.chmodSync(path.join(serverDir, 'backends', 'python', 'triton_python_backend_stub'), 0o755);
  const m = { pytriton: PYTRITON, python: py.ver, libpythonDir, libs: path.join(site, 'nvidia_pytriton.libs') };
  fs.writeFileSync(marker, JSON.stringify(m, null, 2) + '\n');
  return m;
}

function ports(opts = {}) {
  const env = process.env;
  return {
    http: Number(opts.http ?? env.TRITON_HTTP_PORT ?? 8000),
    grpc: Number(opts.grpc ?? env.TRITON_GRPC_PORT ?? 8001),
    metrics: Number(opts.metrics ?? env.TRITON_METRICS_PORT ?? 8002),
  };
}

function pidFileFor(p) { return path.join(cacheDir, `tritonserver-${p.grpc}.pid`); }

function httpGet(port, urlPath, method = 'GET') {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, timeout: 2000, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.on('timeout', () => { req.destroy(); resolve({ status: 0, body: '' }); });
    req.end();
  });
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

function isTriton(pid) {
  try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tritonserver'); } catch { return false; }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Kills what is left of a dead server's process group (it was started detached, so the group
 * is its own): python-backend stubs outlive a SIGKILLed server, and their engine workers too. */
function reapGroup(pid) {
  if (!(pid > 0) || alive(pid)) return;
  try { process.kill(-pid, 'SIGKILL'); } catch { /* no process left in the group */ }
}

/**
 * Launches tritonserver and resolves when the server and every model are ready.
 * opts: {http, grpc, metrics, repositories: [dirs], models: [names] (explicit loading),
 *        configName, env, timeoutMs, logFile, pidFile, address (listen address, default
 *        127.0.0.1), reuse (an already running server of this pid file is waited for, not an error)}
 * Resolves {pid, ports, pidFile, logFile}.
 */
async function start(opts = {}) {
  const m = install();
  const p = ports(opts);
  const pidFile = opts.pidFile || pidFileFor(p);
  const logFile = opts.logFile || pidFile.replace(/\.pid$/, '.log');
  if (fs.existsSync(pidFile)) {
    const old = Number(fs.readFileSync(pidFile, 'utf8'));
    if (alive(old) && isTriton(old)) {
      if (!opts.reuse) throw new Error(`tritonserver already running (pid ${old}, ${pidFile}); run \`npm run triton:stop\` first`);
      return waitReady(p, opts, old, pidFile, pidFile.replace(/\.pid$/, '.log'), () => null);
    }
    reapGroup(old);
    fs.rmSync(pidFile);
  }
  const repos = opts.repositories || [path.join(root, 'model_repository')];
  const args = [
    ...repos.map((r) => `--model-repository=${path.resolve(r)}`),
    `--backend-directory=${path.join(serverDir, 'backends')}`,
    `--cache-directory=${path.join(serverDir, 'caches')}`,
    `--http-port=${p.http}`, `--grpc-port=${p.grpc}`, `--metrics-port=${p.metrics}`,
    '--http-address=127.0.0.1', '--grpc-address=127.0.0.1', '--metrics-address=127.0.0.1',
    '--log-verbose=0', '--exit-timeout-secs=5',
  ];
  if (opts.address) args.splice(args.indexOf('--http-address=127.0.0.1'), 3, `--http-address=${opts.address}`, `--grpc-address=${opts.address}`, `--metrics-address=${opts.address}`);
  if (opts.models) args.push('--model-control-mode=explicit', ...opts.models.map((n) => `--load-model=${n}`));
  if (opts.configName) args.push(`--model-config-name=${opts.configName}`);
  const env = {
    ...process.env,
    ...(opts.env || {}),
    // The venv first on PATH: the stub's models import numpy < 2 from it.
    PATH: `${path.join(venv, 'bin')}:${process.env.PATH}`,
    VIRTUAL_ENV: venv,
    // No __pycache__ folders inside the model repository (Triton would poll them as models).
    PYTHONDONTWRITEBYTECODE: '1',
    // The wheel's own shared libraries, and libpython for the stub (not bundled).
    LD_LIBRARY_PATH: [m.libs, m.libpythonDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    PORTALIS_NODE: process.env.PORTALIS_NODE || process.execPath,
  };
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawn(path.join(serverDir, 'bin', 'tritonserver'), args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, sig) => { exited = sig || code; });
  child.unref();
  fs.writeFileSync(pidFile, String(child.pid));
  return waitReady(p, opts, child.pid, pidFile, logFile, () => exited);
}

/** Resolves when the server on ports `p` and all its (requested) models are ready. */
async function waitReady(p, opts, pid, pidFile, logFile, exitedNow) {
  const deadline = Date.now() + (opts.timeoutMs || 180000);
  while (Date.now() < deadline) {
    if (exitedNow() !== null) break;
    const ready = await httpGet(p.http, '/v2/health/ready');
    if (ready.status === 200) {
      const index = await httpGet(p.http, '/v2/repository/index', 'POST');
      // Explicit loading lists the repository's other models too (not loaded): ignore those.
      const models = (index.status === 200 ? JSON.parse(index.body) : []).filter((x) => !opts.models || opts.models.includes(x.name));
      if (models.length && models.every((x) => x.state === 'READY')) return { pid, ports: p, pidFile, logFile, models: models.map((x) => x.name) };
    }
    await sleep(300);
  }
  const exited = exitedNow();
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => /error|fail|E\d{4}/i.test(l)).slice(-15).join('\n') : '';
  if (exited === null) await stop({ pidFile });
  else fs.rmSync(pidFile, { force: true });
  throw new Error(`tritonserver did not become ready (${exited !== null ? `exited: ${exited}` : 'timeout'}); log ${logFile}:\n${tail}`);
}

/** Stops exactly the process recorded in the pid file (SIGTERM, then SIGKILL after 15 s). */
async function stop(opts = {}) {
  const pidFile = opts.pidFile || pidFileFor(ports(opts));
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (pid > 0 && alive(pid) && isTriton(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 15000;
    while (alive(pid) && Date.now() < deadline) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    while (alive(pid)) await sleep(50);
  }
  reapGroup(pid);
  fs.rmSync(pidFile, { force: true });
  return true;
}

/** dist/triton.js: the client, backend and fallback as one CommonJS bundle for JS callers. */
function bundle() {
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'server', 'src', 'backends', 'triton', 'index.ts')],
    outfile: path.join(root, 'dist', 'triton.js'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  });
}

module.exports = { install, start, stop, ports, bundle, httpGet, pidFileFor, cacheDir };

if (require.main === module) {
  const cmd = process.argv[2];
  const run = {
    install: async () => { const t0 = Date.now(); install(); log(`installed (${Date.now() - t0} ms)`); },
    start: async () => {
      const t0 = Date.now();
      const r = await start({ reuse: true, configName: process.env.TRITON_MODEL_CONFIG_NAME || undefined });
      log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: pid ${r.pid}, grpc 127.0.0.1:${r.ports.grpc}, http :${r.ports.http}, metrics :${r.ports.metrics}; models ${r.models.join(', ')}`);
    },
    stop: async () => log((await stop()) ? 'stopped' : 'no pid file: nothing to stop'),
    bundle: async () => bundle(),
  }[cmd];
  if (!run) { console.error('usage: node scripts/triton.js install|start|stop|bundle'); process.exit(2); }
  run().catch((e) => { console.error(`[triton] ${e.message}`); process.exit(1); });
}
