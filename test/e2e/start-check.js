#!/usr/bin/env node
// `npm start` end to end, non-interactively: PORTALIS_START_CHECK=1 makes scripts/start.js exit
// once code-server serves the workbench with the extension installed. Checks its output and
// that it left nothing listening on the port.
const assert = require('assert');
const { spawnSync } = require('child_process');
const path = require('path');
const { freePort, get } = require('../../scripts/code-server-session');

(async () => {
  const port = await freePort();
  const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'start.js')], {
    env: { ...process.env, PORTALIS_START_CHECK: '1', PORTALIS_PORT: String(port) }, encoding: 'utf8',
  });
  const out = r.stdout + r.stderr;
  assert.strictEqual(r.status, 0, `npm start failed:\n${out}`);
  assert.match(out, /Python file\s+confidence\s+warnings\s+status\s+same output as CPython/, out);
  for (const f of ['bank.py', 'shapes.py', 'word_count.py']) assert.match(out, new RegExp(`${f.replace('.', '\\.')}\\s+[01]\\.\\d\\d\\s+\\d+\\s+(translated|unchanged)`), out);
  assert.match(out, new RegExp(`editor check passed \\(http://127\\.0\\.0\\.1:${port}/healthz`), out);
  assert.strictEqual(await get(`http://127.0.0.1:${port}/healthz`), 0, 'code-server is still answering after the check');
  console.log(`  ✓ npm start (PORTALIS_START_CHECK=1): report table printed, code-server served the workbench on port ${port}, then stopped`);
})().catch((e) => { console.error(`start check FAILED: ${e.message}`); process.exit(1); });
