// Shared by the deploy tests: where the validation tools are, how to run them, and how to pull
// metric names out of PromQL.
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const deploy = path.join(root, 'deploy');

let toolCache;
/** Tool paths from scripts/deploy-tools.js (installs what is missing, else a fast no-op). */
function tools() {
  if (!toolCache) {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'deploy-tools.js'), '--json'], { encoding: 'utf8' });
    toolCache = JSON.parse(out.trim().split('\n').pop());
  }
  return toolCache;
}

/** Runs a command; returns {status, out} with stdout+stderr joined (for assertion messages). */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return { status: r.status, out: `${r.stdout || ''}${r.stderr || ''}`, stdout: r.stdout || '' };
}

function tmpDir(prefix) { return fs.mkdtempSync(path.join(os.tmpdir(), prefix)); }

// Words in PromQL that are not metric names.
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);

/** Metric names referenced by a PromQL expression (strings, label matchers and clauses removed). */
function metricNames(expr) {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = new Set();
  for (const m of bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const next = bare.slice(m.index + m[0].length).match(/^\s*\(/);
    if (next || KEYWORDS.has(m[0])) continue;
    names.add(m[0]);
  }
  return [...names];
}

/** Grafana variables → concrete values, so the query parses as PromQL. */
function substituteGrafana(expr) {
  return expr
    .replace(/\$__rate_interval|\$__interval|\$__range/g, '5m')
    .replace(/\$\{?(model|pod|datasource)\}?/g, '.*');
}

/** Metric base name of a series name: summary/histogram suffixes belong to the family. */
function family(name, known) {
  if (known.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix) && known.has(name.slice(0, -suffix.length))) return name.slice(0, -suffix.length);
  }
  return null;
}

module.exports = { root, deploy, tools, run, tmpDir, metricNames, substituteGrafana, family };
