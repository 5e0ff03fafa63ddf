#!/usr/bin/env node
// `npm start`: translates the example workspace into a Cargo crate with the embedded engine,
// checks it with cargo, runs every binary next to CPython and prints the report.
// (The VS Code / code-server part arrives with the editor issue.)
const { spawnSync } = require('child_process');
const fs = require('fs');
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
