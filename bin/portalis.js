#!/usr/bin/env node
// Entry point of the Portalis CLI: the bundled engine lives in dist/ (built by `npm run build`).
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('portalis: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(1);
}
require(bundle);
