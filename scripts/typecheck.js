#!/usr/bin/env node
// Type-checks every TypeScript project (each folder with a tsconfig.json) with tsc --noEmit.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
let failed = false;
for (const dir of ['engine', 'protocol', 'server', 'client', 'test/e2e/suite']) {
  if (!fs.existsSync(path.join(root, dir, 'tsconfig.json'))) continue;
  const r = spawnSync(tsc, ['-p', dir, '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`typecheck: ${dir} has type errors`); failed = true; }
}
process.exit(failed ? 1 : 0);
