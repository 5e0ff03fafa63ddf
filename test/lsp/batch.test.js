// portalis/translateWorkspace over a real connection: crate layout, progress, .gitignore and
// excludes, cargo check errors mapped onto Python lines, the report, cancel and resume.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { LspClient, uri, CancellationTokenSource } = require('./client');
const { workspace, listFiles, snapshot, BROKEN } = require('./fixtures');

const hasCargo = spawnSync('cargo', ['--version']).status === 0;

describe('portalis/translateWorkspace', function () {
  let root, c;
  const settings = { batch: { outputDir: 'rust-port', exclude: ['scratch/'] } };
  before(async function () {
    root = workspace({
      'broken.py': BROKEN,
      'pkg/__init__.py': '',
      'pkg/stats.py': 'def mean(xs: list[float]) -> float:\n    return sum(xs) / len(xs)\n\n\nprint(mean([1.0, 2.0, 4.5]))\n',
      '.gitignore': 'ignored/\n',
      'ignored/skip_me.py': 'print("ignored by .gitignore")\n',
      'scratch/skip_me_too.py': 'print("excluded by portalis.batch.exclude")\n',
    });
    c = await LspClient.start({ root, settings });
  });
  after(async function () {
    if (c) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes a Cargo crate with progress, maps cargo check errors to Python lines, and reports', async function () {
    if (!hasCargo) throw new Error('cargo is not on PATH: the batch test needs it (rustup or Debian cargo)');
    const before = snapshot(root);
    const since = c.mark();
    c.trackProgress('batch-1');
    const r = await c.request('portalis/translateWorkspace', { workDoneToken: 'batch-1' });
    assert.strictEqual(r.cancelled, false);
    assert.strictEqual(r.outputDir, path.join(root, 'rust-port'));
    const files = r.files.map((f) => f.file).sort();
    assert.deepStrictEqual(files, ['bank.py', 'broken.py', 'pkg/__init__.py', 'pkg/stats.py', 'shapes.py', 'word_count.py']);
    const bins = fs.readdirSync(path.join(root, 'rust-port', 'src', 'bin')).sort();
    assert.deepStrictEqual(bins, ['bank.rs', 'broken.rs', 'pkg___init__.rs', 'pkg_stats.rs', 'shapes.rs', 'word_count.rs']);
    assert.match(fs.readFileSync(path.join(root, 'rust-port', 'Cargo.toml'), 'utf8'), /^\[package\]/);
    // Progress: begin, "file n/N" reports, end — on the client's token.
    const progress = c.notes.slice(since).filter((n) => n.method === '$/progress' && n.params.token === 'batch-1').map((n) => n.params.value);
    assert.strictEqual(progress[0].kind, 'begin');
    assert.strictEqual(progress[0].cancellable, true);
    assert.ok(progress.some((v) => v.kind === 'report' && v.message === 'file 1/6: bank.py'), JSON.stringify(progress));
    assert.ok(progress.some((v) => v.kind === 'report' && /^file 6\/6: /.test(v.message)));
    assert.strictEqual(progress[progress.length - 1].kind, 'end');
    // cargo check: broken.py fails at `b.size = 3` (line 6) and `print(b.size + 1)` (line 7).
    assert.strictEqual(r.cargoCheck, 'errors');
    assert.ok(r.cargoErrors >= 1);
    const d = await c.diagnostics(uri(path.join(root, 'broken.py')), (p) => p.diagnostics.some((x) => x.source === 'portalis (cargo check)'), since);
    const lines = d.diagnostics.filter((x) => x.source === 'portalis (cargo check)').map((x) => x.range.start.line).sort();
    assert.ok(lines.length >= 1 && lines.every((l) => l === 5 || l === 6), `errors on Python lines 6/7 (0-based 5/6): ${lines}`);
    const e = d.diagnostics.find((x) => x.source === 'portalis (cargo check)');
    assert.strictEqual(e.code, 'PTR070');
    assert.strictEqual(e.severity, 1);
    assert.match(e.message, /^rustc: E0609/);
    assert.strictEqual(e.relatedInformation[0].location.uri, uri(path.join(root, 'rust-port', 'src', 'bin', 'broken.rs')));
    // The report: returned and written, one row per file with confidence, warnings, compile status.
    const md = fs.readFileSync(path.join(root, 'rust-port', 'PORTALIS_REPORT.md'), 'utf8');
    assert.strictEqual(md, r.reportMarkdown);
    assert.match(md, /\| broken\.py \| src\/bin\/broken\.rs \| 0\.\d\d \| \d+ \| \d+ error\(s\) \| translated \|/);
    assert.match(md, /\| shapes\.py \| src\/bin\/shapes\.rs \| 0\.\d\d \| \d+ \| ok \| translated \|/);
    assert.match(md, /cargo check: \*\*\d+ error\(s\)\*\*/);
    // Nothing outside the output folder changed.
    assert.deepStrictEqual(snapshot(root, ['rust-port']), before);
  });

  it('re-running resumes: unchanged files are not translated again', async function () {
    const bin = path.join(root, 'rust-port', 'src', 'bin', 'shapes.rs');
    const mtime = fs.statSync(bin).mtimeMs;
    const r = await c.request('portalis/translateWorkspace', {});
    assert.ok(r.files.every((f) => f.message === 'unchanged since the last run'), JSON.stringify(r.files));
    assert.strictEqual(fs.statSync(bin).mtimeMs, mtime);
  });

  it('refuses an output folder that would contain the workspace', async function () {
    await assert.rejects(c.request('portalis/translateWorkspace', { outputDir: '..' }), /would contain the workspace/);
  });
});

describe('portalis/translateWorkspace cancellation', function () {
  let root, c;
  const N = 12;
  before(async function () {
    const extra = {};
    for (let i = 0; i < N - 3; i++) extra[`mod_${String(i).padStart(2, '0')}.py`] = `def f${i}(n: int) -> int:\n    return n * ${i + 2}\n\n\nprint(f${i}(${i}))\n`;
    root = workspace(extra);
    c = await LspClient.start({ root, progress: true });
  });
  after(async function () {
    if (c) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('stops when the user cancels the progress, leaves only whole files, and a rerun completes', async function () {
    const since = c.mark();
    const pending = c.request('portalis/translateWorkspace', {});
    // Server-created progress (window/workDoneProgress/create), cancelled after the second file starts.
    const report = await c.waitFor('$/progress', (p) => p.value.kind === 'report' && /^file 2\//.test(p.value.message), { since });
    assert.ok(c.progressTokens.includes(report.token), 'the server created the progress token');
    c.notify('window/workDoneProgress/cancel', { token: report.token });
    const r = await pending;
    assert.strictEqual(r.cancelled, true);
    assert.ok(r.files.length < N, `stopped early: ${r.files.length}/${N}`);
    assert.strictEqual(r.cargoCheck, 'not-run');
    const out = path.join(root, 'rust-port');
    const written = listFiles(out);
    assert.ok(!written.some((f) => /\.tmp-/.test(f)), `no temp files: ${written}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.portalis-manifest.json'), 'utf8'));
    const bins = fs.readdirSync(path.join(out, 'src', 'bin')).sort();
    assert.deepStrictEqual(bins, Object.values(manifest).map((m) => `${m.bin}.rs`).sort(), 'every binary is recorded, none half-written');
    for (const b of bins) assert.match(fs.readFileSync(path.join(out, 'src', 'bin', b), 'utf8'), /^\/\/ Translated from [\s\S]*fn main\(\) \{[\s\S]*\n$/);
    assert.match(r.reportMarkdown, /\*\*cancelled\*\* after \d+ file\(s\)/);

    const again = await c.request('portalis/translateWorkspace', {});
    assert.strictEqual(again.cancelled, false);
    assert.strictEqual(again.files.length, N);
    assert.ok(again.files.filter((f) => f.message === 'unchanged since the last run').length >= 1, 'resumed from the cancelled run');
    assert.strictEqual(fs.readdirSync(path.join(out, 'src', 'bin')).length, N);
    if (hasCargo) assert.strictEqual(again.cargoCheck, 'ok');
  });

  it('stops on $/cancelRequest too', async function () {
    fs.rmSync(path.join(root, 'rust-port'), { recursive: true, force: true });
    const since = c.mark();
    const source = new CancellationTokenSource();
    const pending = c.request('portalis/translateWorkspace', {}, source.token);
    await c.waitFor('$/progress', (p) => p.value.kind === 'report' && /^file 2\//.test(p.value.message), { since });
    source.cancel();
    // The request answers (with its partial result: the client decides how to show it).
    const r = await pending.catch((e) => e);
    if (r instanceof Error) assert.strictEqual(r.code, -32800);
    else assert.strictEqual(r.cancelled, true);
    assert.ok(fs.readdirSync(path.join(root, 'rust-port', 'src', 'bin')).length < N);
  });
});
