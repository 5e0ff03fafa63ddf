#!/usr/bin/env node
// Installs what the project needs, idempotently, and checks the tools it cannot install.
// Runs before node_modules exists, so it uses only Node's standard library.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const need = (cmd, args, what) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    console.error(`portalis setup: ${cmd} not found. ${what}`);
    process.exit(1);
  }
  return r.stdout.trim();
};

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) { console.error(`portalis setup: Node ${process.versions.node} is too old; install Node 20 or newer.`); process.exit(1); }
need('rustc', ['--version'], 'Install Rust (https://rustup.rs) — the corpus and --check compile the generated code.');
need('python3', ['--version'], 'Install Python 3.11+ — the corpus compares against CPython output.');

// npm dependencies: (re)install when node_modules is missing or older than the lockfile.
const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.package-lock.json');
const stale = !fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  // `npm install` (it follows the lockfile's versions), not `npm ci`: some registries do not
  // serve the other platforms' optional binaries (e.g. @bufbuild/buf-darwin-*), which leaves them
  // out of the lockfile, and `npm ci` then refuses to run at all.
  console.log('portalis setup: installing npm dependencies (npm install from the lockfile)...');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { console.error('portalis setup: npm install failed'); process.exit(r.status || 1); }
}
