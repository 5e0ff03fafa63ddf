#!/usr/bin/env node
// `npm start`: 1) translates the example workspace into a Cargo crate with the embedded engine,
// checks it with cargo, runs every binary next to CPython and prints the report; 2) packages the
// VS Code extension, installs it into code-server (real VS Code in the browser) and serves it with
// the example workspace open on http://127.0.0.1:$PORTALIS_PORT (default 8080). Ctrl-C stops it.
// PORTALIS_START_CHECK=1: exit as soon as the editor answers (used by the e2e tests).
const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.join(__dirname, '..');
const workspace = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'examples', 'workspace');
const out = path.join(root, '.cache', 'start', 'rust-port');
const cli = path.join(root, 'bin', 'portalis.js');

console.log(`Portalis: translating ${path.relative(root, workspace) || workspace} -> ${path.relative(root, out)}\n`);
const t = spawnSync(process.execPath, [cli, 'translate', workspace, '-o', out, '--json'], { encoding: 'utf8' });
process.stderr.write(t.stderr);
if (t.status !== 0 && !t.stdout) { console.error('translation failed'); process.exit(1); }
const report = JSON.parse(t.stdout.trim().split('\n').pop());
const haveCargo = spawnSync('cargo', ['--version']).status === 0;
if (haveCargo) {
  const b = spawnSync('cargo', ['build', '--quiet'], { cwd: out, encoding: 'utf8' });
  if (b.status !== 0) process.stderr.write(b.stderr);
}
const rows = [];
for (const f of report.files) {
  let same = '-';
  if (haveCargo) {
    const py = spawnSync('python3', [path.join(workspace, f.file)], { encoding: 'utf8' });
    const rs = spawnSync(path.join(out, 'target', 'debug', f.bin), [], { encoding: 'utf8' });
    same = rs.error ? 'no binary' : rs.stdout === py.stdout && rs.status === py.status ? 'yes' : 'NO';
    console.log(`── ${f.file} (Rust: src/bin/${f.bin}.rs)\n${rs.stdout || rs.stderr || ''}`);
  }
  rows.push([f.file, f.confidence.toFixed(2), String(f.warnings), f.status, same]);
}
const head = ['Python file', 'confidence', 'warnings', 'status', 'same output as CPython'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(head));
rows.forEach((r) => console.log(line(r)));
console.log(`\nCrate: ${out}\nReport: ${path.join(out, 'PORTALIS_REPORT.md')}`);
console.log(`Try the CLI: node bin/portalis.js translate ${path.relative(root, path.join(workspace, report.files[0].file))}`);

// 2. The editor: the packaged extension in code-server, with the workspace open.
const portFree = (port) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});

async function editor() {
  const port = Number(process.env.PORTALIS_PORT || 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORTALIS_PORT=${process.env.PORTALIS_PORT} is not a port number`);
  if (!(await portFree(port))) throw new Error(`port ${port} on 127.0.0.1 is in use: stop what uses it, or set PORTALIS_PORT to another port`);
  console.log('\nPortalis: packaging the VS Code extension and setting up code-server (first run: a few minutes)');
  const p = spawnSync(process.execPath, [path.join(__dirname, 'package.js')], { cwd: root, encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`packaging failed:\n${p.stdout}${p.stderr}`);
  const { entry } = require('./code-server').ensure();
  const session = require('./code-server-session');
  const dirs = session.sessionDirs(path.join(root, '.cache', 'start', 'code-server'));
  const pkg = require(path.join(root, 'package.json'));
  session.installExtension(entry, dirs, path.join(root, `${pkg.name}-${pkg.version}.vsix`), true);
  const log = path.join(root, '.cache', 'start', 'code-server.log');
  const server = await session.start({ entry, folder: workspace, dirs, port, log });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  if (process.env.PORTALIS_START_CHECK) {
    const page = await session.get(url);
    await server.stop();
    if (page !== 200) throw new Error(`the editor answered /healthz but its page returned ${page}`);
    console.log(`Portalis: editor check passed (${server.url}/healthz and the workbench page answered; stopped)`);
    return;
  }
  console.log(`\nVS Code (code-server) with the Portalis extension: ${url}\n` +
    'Open a Python file, select code, then run "Portalis: Translate Selection to Rust" (Ctrl+Alt+R).\n' +
    `Log: ${path.relative(root, log)}. Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => { stopping = true; await server.stop(); console.log('\nPortalis: code-server stopped'); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.child.once('exit', (code) => { if (!stopping) { console.error(`code-server exited (${code}); see ${log}`); process.exit(1); } });
}

editor().catch((e) => { console.error(`Portalis: ${e.message}`); process.exit(1); });
