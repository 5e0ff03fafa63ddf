#!/usr/bin/env node
// `npm run package`: portalis-<version>.vsix from the built bundles (run scripts/build.js first).
// The bundles are self-contained, so vsce runs with --no-dependencies; the engine's analysis
// needs typeshed's stdlib stubs at run time, copied to dist/typeshed-fallback where the bundled
// engine looks first (engine/src/analyze/pyright.ts).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);

for (const f of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(root, f))) { console.error(`package: ${f} is missing; run npm run build first`); process.exit(1); }
}

// Only stdlib: third-party stubs (27 MB) are not read for translation.
const src = path.join(root, 'node_modules', 'pyright', 'dist', 'typeshed-fallback');
const dst = path.join(root, 'dist', 'typeshed-fallback');
fs.rmSync(dst, { recursive: true, force: true });
fs.mkdirSync(dst, { recursive: true });
for (const f of ['stdlib', 'LICENSE', 'commit.txt']) fs.cpSync(path.join(src, f), path.join(dst, f), { recursive: true });

const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
const r = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) { console.error('package: vsce failed'); process.exit(r.status || 1); }
console.log(`package: ${path.relative(root, out)} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`);
