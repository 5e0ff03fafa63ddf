#!/usr/bin/env node
// `npm test`: set-up, build, type-check, then every suite in order. Each stage is an npm script
// so it can also be run alone; a stage whose script is not defined yet is skipped (and says so).
const { spawnSync } = require('child_process');
const path = require('path');
const root = path.join(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const stages = ['setup', 'build', 'typecheck', 'test:unit', 'test:corpus', 'test:lsp', 'test:e2e', 'test:triton', 'test:deploy'];
const only = process.argv.slice(2);
for (const stage of stages) {
  if (only.length && !only.includes(stage)) continue;
  if (!pkg.scripts[stage]) { console.log(`\n[portalis test] ${stage}: not defined, skipped`); continue; }
  console.log(`\n[portalis test] ${stage}`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', stage], { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.status !== 0) { console.error(`\n[portalis test] ${stage} FAILED (${secs} s)`); process.exit(r.status || 1); }
  console.log(`[portalis test] ${stage} passed (${secs} s)`);
}
console.log('\n[portalis test] all stages passed');
