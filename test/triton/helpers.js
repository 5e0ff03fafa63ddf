// Shared by the test/triton suites: the client bundle, the engine, the server under test.
const path = require('path');
const fs = require('fs');
const http = require('http');

const root = path.join(__dirname, '..', '..');
const triton = require(path.join(root, 'dist', 'triton.js'));
// The same build as the models' engine worker (snapshot made by run.js).
const engine = require(process.env.TRITON_TEST_ENGINE || path.join(root, 'dist', 'engine.js'));
const url = process.env.TRITON_TEST_GRPC || '127.0.0.1:18101';
const metricsPort = Number(process.env.TRITON_TEST_METRICS_PORT || 18102);

/** A few corpus programs, spread over the corpus (deterministic). */
function corpusSample(n = 10) {
  const dir = path.join(root, 'test', 'corpus', 'programs');
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort();
  const step = Math.floor(all.length / n);
  return Array.from({ length: n }, (_, i) => all[i * step]).map((f) => ({ name: f, code: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Prometheus text of the server's metrics port, as {"name{labels}": value}. */
function metrics() {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: metricsPort, path: '/metrics', agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => {
        const out = {};
        for (const line of body.split('\n')) {
          const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
          if (m) out[m[1]] = Number(m[2]);
        }
        resolve(out);
      });
    }).on('error', reject);
  });
}

/** The embedded engine as a Backend (what the language server falls back to). */
const embedded = {
  name: 'embedded',
  async translate(req) {
    const r = engine.translate(req.code, { filename: req.filename, fragment: req.fragment, context: req.context, verify: req.verify ?? false });
    return { ...r, backend: 'embedded' };
  },
  async healthy() { return true; },
  async endSession() {},
  async dispose() {},
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { root, triton, engine, url, metrics, corpusSample, embedded, sleep };
