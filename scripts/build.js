#!/usr/bin/env node
// Bundles every entry point with esbuild into dist/. Fast and idempotent. An entry whose source
// does not exist yet is skipped, so each part of the product can land on its own.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
const entries = [
  ['engine/src/cli/main.ts', 'dist/cli.js'],          // bin/portalis.js (CLI + Triton worker)
  ['engine/src/index.ts', 'dist/engine.js'],          // the engine as a library
  ['server/src/server.ts', 'dist/server.js'],         // language server (--stdio / IPC)
  ['client/src/extension.ts', 'dist/extension.js', { external: ['vscode'] }], // VS Code extension
  ['server/src/backends/triton/index.ts', 'dist/triton.js'], // Triton client for bench/loadtest/tests
];
Promise.all(entries
  .filter(([src]) => fs.existsSync(path.join(root, src)))
  .map(([src, out, extra]) => esbuild.build({ ...common, ...(extra || {}), entryPoints: [path.join(root, src)], outfile: path.join(root, out) })))
  .catch((e) => { console.error(e.message); process.exit(1); });
