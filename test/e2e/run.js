#!/usr/bin/env node
// `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3 + headless Debian
// chromium). 1) installs the built VSIX, 2) runs test/e2e/suite inside the extension host (the
// harness fails unless the suite's results file says every test passed: the host exits 0 either
// way), 3) a UI smoke test: F1 → "Portalis: Translate Selection to Rust" → the Rust editor shows;
// screenshot in .cache/e2e/. Fails on browser errors and extension host log errors that concern
// the extension.
// Usage: node test/e2e/run.js [--update-screenshot]   (copies the screenshot to docs/screenshot.png)
const esbuild = require('esbuild');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const codeServer = require('../../scripts/code-server-session');
const { smoke } = require('./uiSmoke');

const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
const artifacts = path.join(root, '.cache', 'e2e');
const SUITE_LIMIT_MS = 300_000; // hang guard only: the suite normally takes seconds

// Browser console errors that are expected offline and say nothing about the extension.
const NOISE = [/127\.0\.0\.1:9\b/, /gallery/i, /favicon/i, /service ?worker/i, /Failed to load resource/i, /marketplace/i, /vscode-cdn|update\.code\.visualstudio/i, /webview/i];
const matters = (text) => !NOISE.some((re) => re.test(text)) && /portalis|extension host|ExtensionService|activat/i.test(text);

/** `[error]` entries (with their stack lines) of the extension host logs that involve Portalis. */
function extensionHostErrors(userData) {
  const logs = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else if (e.name === 'remoteexthost.log') logs.push(p);
  });
  walk(path.join(userData, 'logs'));
  return logs.flatMap((f) => fs.readFileSync(f, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d )/))
    .filter((entry) => / \[error\] /.test(entry) && /portalis/i.test(entry));
}

async function buildSuite(dir, resultsFile, workspace, userData) {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')], outfile: path.join(dir, 'index.js'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning',
  });
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ resultsFile, workspace, userData, grep: process.env.PORTALIS_E2E_GREP || undefined }));
}

async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`${path.relative(root, vsix)} is missing: run npm run package first`);
  const { entry, chromium: chromiumPath } = require(path.join(root, 'scripts', 'code-server.js')).ensure();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-e2e-'));
  fs.mkdirSync(artifacts, { recursive: true });
  const dirs = codeServer.sessionDirs(base);
  // No Welcome tab: the UI test and its screenshot start from the workspace.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }));
  const workspace = path.join(base, 'workspace');
  fs.cpSync(path.join(root, 'examples', 'workspace'), workspace, { recursive: true });
  const suiteDir = path.join(base, 'suite');
  const resultsFile = path.join(base, 'results.json');
  await buildSuite(suiteDir, resultsFile, workspace, dirs.userData);
  console.log(codeServer.installExtension(entry, dirs, vsix));
  const ext = path.join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (!fs.existsSync(path.join(ext, 'dist', 'extension.js'))) throw new Error(`the VSIX did not install into ${ext}`);

  const log = path.join(artifacts, 'code-server.log');
  fs.writeFileSync(log, '');
  let server, context;
  // Ctrl-C must not leave code-server (its own process group) running.
  const interrupted = async () => { if (server) await server.stop(); fs.rmSync(base, { recursive: true, force: true }); process.exit(130); };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const errors = [];
  const consoleLog = []; // every browser error, kept as an artifact for reading
  const t0 = Date.now();
  try {
    server = await codeServer.start({ entry, folder: workspace, dirs, log });
    context = await chromium.launchPersistentContext(path.join(base, 'browser'), {
      executablePath: chromiumPath, headless: true, viewport: { width: 1400, height: 860 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      env: { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: path.join(dirs.home, '.config'), XDG_CACHE_HOME: path.join(dirs.home, '.cache') },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    context.on('page', (page) => {
      page.on('pageerror', (e) => { consoleLog.push(`pageerror: ${e.stack || e}`); if (matters(String(e.stack || e))) errors.push(`pageerror: ${e.message}`); });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        consoleLog.push(`console: ${m.text()}`);
        if (matters(m.text())) errors.push(`console: ${m.text()}`);
      });
    });

    // 1. The integration suite, inside the extension host.
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(ext)], ['extensionTestsPath', remote(path.join(suiteDir, 'index.js'))]];
    const page = context.pages()[0] || await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + SUITE_LIMIT_MS;
    while (!fs.existsSync(resultsFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (!fs.existsSync(resultsFile)) throw new Error(`the suite wrote no results in ${SUITE_LIMIT_MS / 1000} s (see ${path.relative(root, log)})`);
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    fs.copyFileSync(resultsFile, path.join(artifacts, 'results.json'));
    for (const t of results.tests) console.log(`  ${t.passed ? '✓' : '✗'} ${t.name} (${t.ms} ms)${t.passed ? '' : `\n      ${t.error}`}`);
    const failed = results.tests.filter((t) => !t.passed);
    console.log(`suite: ${results.tests.length - failed.length}/${results.tests.length} passed in ${(results.ms / 1000).toFixed(1)} s`);
    if (!results.tests.length || failed.length) throw new Error(`${failed.length} integration test(s) failed`);

    // 2. The UI smoke test, in a fresh window (the test window closes with its extension host).
    const ui = await context.newPage();
    const shot = path.join(artifacts, 'translate-selection.png');
    const u0 = Date.now();
    // A clean copy of the example (the suite has added files to its own): what a user first sees.
    const uiWorkspace = path.join(base, 'example');
    fs.cpSync(path.join(root, 'examples', 'workspace'), uiWorkspace, { recursive: true });
    await smoke(ui, `${server.url}/?folder=${encodeURIComponent(uiWorkspace)}`, shot);
    console.log(`  ✓ UI: F1 → Portalis: Translate Selection to Rust shows the Rust editor; Ctrl+Alt+R updates it; the status hover shows backend + confidence (${Date.now() - u0} ms); screenshot ${path.relative(root, shot)}`);
    if (process.argv.includes('--update-screenshot')) fs.copyFileSync(shot, path.join(root, 'docs', 'screenshot.png'));
    if (errors.length) throw new Error(`browser errors concerning the extension:\n  ${errors.join('\n  ')}`);
    const hostErrors = extensionHostErrors(dirs.userData);
    if (hostErrors.length) throw new Error(`extension host errors concerning the extension:\n${hostErrors.join('\n')}`);
    console.log(`e2e: all passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    fs.writeFileSync(path.join(artifacts, 'browser-errors.log'), consoleLog.join('\n') + '\n');
    if (context) await context.close().catch(() => {});
    if (server) await server.stop();
    if (!process.env.PORTALIS_E2E_KEEP) fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(`e2e FAILED: ${e.message}`); process.exit(1); });
