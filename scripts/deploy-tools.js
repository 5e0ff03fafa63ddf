#!/usr/bin/env node
// Installs the tools that validate deploy/ (used by `npm run test:deploy`), idempotently:
// Debian packages promtool/prometheus, node-exporter, docker-compose, yamllint, shellcheck, and kustomize built
// from the Go module proxy into .cache/tools. A fast no-op when everything is already present.
// Prints the tool paths as JSON on the last line when called with --json.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const toolsDir = path.join(root, '.cache', 'tools');
const KUSTOMIZE = 'sigs.k8s.io/kustomize/kustomize/v5@v5.8.1';
// Debian package → the command that proves it is installed.
const APT = { prometheus: 'promtool', 'prometheus-node-exporter': 'prometheus-node-exporter', 'docker-compose': 'docker-compose', yamllint: 'yamllint', shellcheck: 'shellcheck' };

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error || r.status !== 0) {
    console.error(`deploy-tools: \`${cmd} ${args.join(' ')}\` failed`);
    process.exit(r.status || 1);
  }
};

function installApt() {
  const missing = Object.keys(APT).filter((pkg) => !has(APT[pkg]));
  if (!missing.length) return;
  if (!has('apt-get')) {
    console.error(`deploy-tools: missing ${missing.join(', ')} and no apt-get; install them (Debian 12 packages) by hand.`);
    process.exit(1);
  }
  const [cmd, ...pre] = process.getuid && process.getuid() !== 0 ? ['sudo', 'apt-get'] : ['apt-get'];
  console.log(`deploy-tools: apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The package lists may be absent on a fresh machine: update once, then install.
  run(cmd, [...pre, 'update', '-qq'], { env });
  run(cmd, [...pre, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

function installKustomize() {
  const bin = path.join(toolsDir, 'kustomize');
  if (fs.existsSync(bin)) return bin;
  // Go may be installed but not on a non-login shell's PATH (CI): look in its usual home too.
  const go = has('go') ? 'go' : ['/usr/local/go/bin/go'].find((p) => fs.existsSync(p));
  if (!go) { console.error('deploy-tools: kustomize needs Go (go install from the module proxy); install Go 1.22+.'); process.exit(1); }
  fs.mkdirSync(toolsDir, { recursive: true });
  console.log(`deploy-tools: go install ${KUSTOMIZE} (one-off, a few minutes)`);
  const env = { ...process.env, GOBIN: toolsDir, GOFLAGS: '-modcacherw' };
  // Without HOME, Go has no default cache folders: keep them under .cache.
  if (!env.HOME && !env.GOCACHE) Object.assign(env, { GOCACHE: path.join(root, '.cache', 'go', 'build'), GOMODCACHE: path.join(root, '.cache', 'go', 'mod'), GOPATH: path.join(root, '.cache', 'go') });
  run(go, ['install', KUSTOMIZE], { env });
  return bin;
}

installApt();
const kustomize = installKustomize();
const which = (c) => spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).stdout.trim();
const tools = { kustomize, promtool: which('promtool'), prometheus: which('prometheus'), nodeExporter: which('prometheus-node-exporter'), dockerCompose: which('docker-compose'), yamllint: which('yamllint'), shellcheck: which('shellcheck') };
if (process.argv.includes('--json')) console.log(JSON.stringify(tools));
else console.log('deploy-tools: all present');
