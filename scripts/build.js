#!/usr/bin/env node
// Bundles the engine (library + CLI) with esbuild into dist/. Fast and idempotent.
const esbuild = require('esbuild');
const path = require('path');
const root = path.join(__dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
Promise.all([
  esbuild.build({ ...common, entryPoints: [path.join(root, 'engine/src/cli/main.ts')], outfile: path.join(root, 'dist/cli.js') }),
  esbuild.build({ ...common, entryPoints: [path.join(root, 'engine/src/index.ts')], outfile: path.join(root, 'dist/engine.js') }),
]).catch((e) => { console.error(e.message); process.exit(1); });
