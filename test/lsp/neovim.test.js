// A second real LSP client: Debian's neovim (0.7, built-in vim.lsp) drives dist/server.js over
// stdio. scripts/setup-neovim.sh installs it (idempotent); if that fails, this test fails.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { SERVER } = require('./client');

const ROOT = path.join(__dirname, '..', '..');

describe('neovim as the LSP client', function () {
  let dir;
  before(function () {
    const s = spawnSync('sh', [path.join(ROOT, 'scripts', 'setup-neovim.sh')], { encoding: 'utf8' });
    if (s.status !== 0) throw new Error(`neovim is needed for this test and could not be installed (scripts/setup-neovim.sh): ${s.stderr}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-nvim-'));
  });
  after(function () { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('gets diagnostics, hover, code actions and portalis/translate from the server', function () {
    const file = path.join(dir, 'sample.py');
    fs.writeFileSync(file, 'def scale(xs):\n    return [x * 2 for x in xs]\n\n\nprint(scale([1, 2]))\nprint(eval("3"))\n');
    const out = path.join(dir, 'result.json');
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', path.join(__dirname, 'neovim', 'init.lua')], {
      cwd: dir, encoding: 'utf8', timeout: 170000,
      env: { ...process.env, PORTALIS_OUT: out, PORTALIS_FILE: file, PORTALIS_ROOT: dir, PORTALIS_SERVER: SERVER },
    });
    assert.ok(fs.existsSync(out), `neovim wrote no result (status ${r.status}): ${r.stderr}`);
    const res = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.strictEqual(res.error, undefined, res.error);
    const codes = (res.diagnostics || []).map((d) => d.code);
    assert.ok(codes.includes('PTR022'), `hint for the untyped parameter: ${codes}`);
    assert.ok(codes.some((c) => c === 'PTR060' || c === 'PTR010'), `warning for eval: ${codes}`);
    assert.match(res.hover.contents.value, /fn scale\(xs: &\[i64\]\) -> Vec<i64>/);
    assert.ok(res.codeActions.some((a) => a.kind === 'quickfix' && /list\[int\]/.test(a.title)), JSON.stringify(res.codeActions));
    assert.ok(res.codeActions.some((a) => a.kind === 'refactor'));
    assert.match(res.translate.rust, /fn scale\(/);
  });
});
