#!/usr/bin/env node
// Installs the real VS Code that the e2e tests and `npm start` use, idempotently:
// code-server 4.100.3 (VS Code 1.100.3, the last release for Node 20) into .cache/tools/code-server
// and Debian's chromium for Playwright. A fast no-op when both are present.
// Recipe and the reasons for each step: docs/extension.md ("Real VS Code offline").
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const VERSION = '4.100.3';
const prefix = path.join(root, '.cache', 'tools', 'code-server');
const entry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromium = '/usr/bin/chromium';

function installedVersion() {
  try { return JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules', 'code-server', 'package.json'), 'utf8')).version; } catch { return null; }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error ? r.error.message : 'exit ' + r.status})`);
}

const hasPackage = (name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed');
const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
// What each Debian package provides here; a tool already on the PATH (e.g. pyenv's python3) is enough.
const PROVIDES = { 'build-essential': () => hasCommand('make') && hasCommand('g++'), python3: () => hasCommand('python3'), ripgrep: () => fs.existsSync('/usr/bin/rg') };

function aptInstall(names) {
  const missing = names.filter((n) => !(PROVIDES[n] ? PROVIDES[n]() : hasPackage(n)));
  if (!missing.length) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`code-server needs the Debian packages ${missing.join(', ')}: run  sudo apt-get install -y ${missing.join(' ')}`);
  }
  console.log(`portalis: apt-get install ${missing.join(' ')}`);
  // Another apt may hold the lock (CI images, parallel set-ups): wait for it instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const install = () => spawnSync('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) { run('apt-get', [...lock, 'update']); run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }); }
}

function installCodeServer() {
  // libkrb5-dev: the kerberos native module builds against it; ripgrep: seeds @vscode/ripgrep,
  // whose postinstall would otherwise download rg from GitHub.
  aptInstall(['libkrb5-dev', 'ripgrep', 'build-essential', 'python3']);
  const tmp = path.join(root, '.cache', 'tools', 'tmp');
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(rgCache, { recursive: true });
  const tarball = path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!fs.existsSync(tarball)) run('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg']);
  fs.mkdirSync(prefix, { recursive: true });
  console.log(`portalis: installing code-server ${VERSION} into ${path.relative(root, prefix)} (about a minute)`);
  run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `code-server@${VERSION}`], {
    cwd: prefix,
    env: { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (installedVersion() !== VERSION || !fs.existsSync(entry)) throw new Error('code-server install finished but its entry point is missing');
}

/** Ensures code-server and chromium exist; returns their paths. */
function ensure() {
  if (process.arch !== 'x64' || process.platform !== 'linux') {
    throw new Error(`the real-VS-Code set-up supports linux-x64 (Debian) only; this is ${process.platform}-${process.arch}`);
  }
  if (installedVersion() !== VERSION || !fs.existsSync(entry)) installCodeServer();
  if (!fs.existsSync(chromium)) aptInstall(['chromium']);
  if (!fs.existsSync(chromium)) throw new Error(`${chromium} is missing after apt-get install chromium`);
  return { entry, chromium, version: VERSION };
}

module.exports = { ensure, VERSION };

if (require.main === module) {
  try {
    const r = ensure();
    console.log(`code-server ${r.version}: ${path.relative(root, r.entry)}\nchromium: ${r.chromium}`);
  } catch (e) {
    console.error(`portalis: ${e.message}`);
    process.exit(1);
  }
}
