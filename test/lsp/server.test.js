// Headless LSP tests: dist/server.js over a real JSON-RPC connection on stdio, as an editor
// would drive it. No timing assertions: every wait is for a message the server must send.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { fileURLToPath } = require('url');
const { LspClient, uri, CancellationTokenSource } = require('./client');
const { workspace } = require('./fixtures');

const GEOMETRY = 'def area(w: float, h: float) -> float:\n    return w * h\n\n\ndef perimeter(w: float, h: float) -> float:\n    return 2 * (w + h)\n';
const UNTYPED = 'def scale(xs):\n    out = []\n    for x in xs:\n        out.append(x * 2)\n    return out\n\n\nprint(scale([1, 2, 3]))\n';
const UNSUPPORTED = 'def f(x: int) -> int:\n    return eval("x + 1")\n\n\nprint(f(2))\n';

describe('language server over stdio', function () {
  let root, c;
  before(async function () {
    root = workspace({ 'geometry.py': GEOMETRY, 'untyped.py': UNTYPED, 'unsupported.py': UNSUPPORTED });
    c = await LspClient.start({ root });
  });
  after(async function () {
    if (c) assert.strictEqual(await c.stop(), 0, 'the server exits cleanly after shutdown/exit');
    fs.rmSync(root, { recursive: true, force: true });
  });
  const doc = (name) => uri(path.join(root, name));
  const read = (name) => fs.readFileSync(path.join(root, name), 'utf8');

  it('initializes with hover, code actions, inline completion and incremental sync', function () {
    const caps = c.init.capabilities;
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'refactor']);
    assert.strictEqual(caps.inlineCompletionProvider, true);
    assert.strictEqual(caps.textDocumentSync, 2);
    assert.strictEqual(c.init.serverInfo.name, 'portalis');
  });

  it('sends portalis/status with the backend and health once initialized', async function () {
    const s = await c.waitFor('portalis/status');
    assert.deepStrictEqual(s, { backend: 'embedded', health: 'ok' });
  });

  it('reports busy while translating, then ok with the last confidence', async function () {
    const since = c.mark();
    const r = await c.request('portalis/translate', { uri: doc('shapes.py'), text: 'def twice(n: int) -> int:\n    return 2 * n\n' });
    await c.waitFor('portalis/status', (p) => p.health === 'busy', { since });
    const done = await c.waitFor('portalis/status', (p) => p.health === 'ok' && p.lastConfidence === r.confidence, { since });
    assert.strictEqual(done.backend, 'embedded');
  });

  it('answers a malformed request with an error and keeps serving', async function () {
    await assert.rejects(c.request('portalis/translate', { range: null }), /needs \{ uri, range\?, text\? \}/);
    await assert.rejects(c.request('portalis/translate', { uri: doc('missing.py') }), /cannot read/);
    const r = await c.request('portalis/translate', { uri: doc('shapes.py'), text: 'print(1)\n' });
    assert.match(r.rust, /println!/);
  });

  it('publishes diagnostics on open: stable code, docs link, exact range, severity, related information', async function () {
    const u = doc('unsupported.py');
    c.open(u, read('unsupported.py'));
    const p = await c.diagnostics(u);
    const d = p.diagnostics.find((x) => x.code === 'PTR060' || x.code === 'PTR010');
    assert.ok(d, `a PTR060/PTR010 for eval: ${JSON.stringify(p.diagnostics)}`);
    assert.strictEqual(d.source, 'portalis');
    assert.strictEqual(d.severity, 2, 'warnings map to DiagnosticSeverity.Warning');
    assert.strictEqual(d.range.start.line, 1, 'on the line of the eval call');
    const line = read('unsupported.py').split('\n')[1];
    assert.ok(d.range.start.character >= line.indexOf('eval') && d.range.end.character <= line.length, `range inside the eval expression: ${JSON.stringify(d.range)}`);
    const href = new URL(d.codeDescription.href);
    assert.strictEqual(href.hash, `#${d.code.toLowerCase()}`);
    const page = fs.readFileSync(fileURLToPath(href.href.replace(/#.*/, '')), 'utf8');
    assert.match(page, new RegExp(`^## ${d.code}$`, 'm'), 'the linked page has the anchor');
    assert.strictEqual(d.relatedInformation[0].location.uri, u);
    assert.strictEqual(d.relatedInformation[0].location.range.start.line, 0, 'points at the enclosing def');
    assert.match(d.relatedInformation[0].message, /fn f\(x: i64\) -> i64/);
  });

  it('maps hints to DiagnosticSeverity.Hint and re-analyses on change (debounced)', async function () {
    const u = doc('untyped.py');
    c.open(u, read('untyped.py'));
    const p = await c.diagnostics(u);
    const hints = p.diagnostics.filter((d) => d.code === 'PTR022');
    assert.ok(hints.length >= 1, JSON.stringify(p.diagnostics));
    assert.ok(hints.every((d) => d.severity === 4));
    const since = c.mark();
    const v = c.change(u, read('untyped.py').replace('print(scale([1, 2, 3]))', 'print(scale([1, 2, 3]))\nprint(eval("1"))'));
    const q = await c.diagnostics(u, (x) => x.version === v, since);
    assert.ok(q.diagnostics.some((d) => d.range.start.line === 8 && (d.code === 'PTR060' || d.code === 'PTR010')), JSON.stringify(q.diagnostics));
    c.change(u, read('untyped.py'));
  });

  it('works on untitled documents', async function () {
    const u = 'untitled:Untitled-1';
    c.open(u, 'total = 0\nfor i in range(3):\n    total += eval("i")\nprint(total)\n');
    const p = await c.diagnostics(u);
    assert.ok(p.diagnostics.some((d) => d.range.start.line === 2), JSON.stringify(p.diagnostics));
    const t = await c.request('portalis/translate', { uri: u });
    assert.match(t.rust, /fn main\(\)/);
  });

  it('ignores non-Python documents', async function () {
    const txt = doc('notes.txt');
    const rs = doc('lib.rs');
    const since = c.mark();
    c.open(txt, 'def f(:\n  eval("x")\n', 'plaintext');
    c.open(rs, 'fn main() {}\n', 'rust');
    const py = 'untitled:after-non-python';
    c.open(py, 'print(1)\n');
    await c.diagnostics(py, () => true, since); // processed after the two opens above
    const published = c.notes.slice(since).filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params.uri);
    assert.ok(!published.includes(txt) && !published.includes(rs), `no diagnostics for non-Python documents: ${published}`);
    assert.strictEqual(await c.request('textDocument/hover', { textDocument: { uri: txt }, position: { line: 0, character: 4 } }), null);
    assert.deepStrictEqual(await c.request('textDocument/codeAction', { textDocument: { uri: txt }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } }), []);
    await assert.rejects(c.request('portalis/translate', { uri: txt }), /not a Python document/);
  });

  it('hovers a function with its Rust signature, confidence and reasons', async function () {
    const u = doc('unsupported.py');
    const h = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 5 } });
    assert.strictEqual(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /```rust\nfn f\(x: i64\) -> i64\n```/);
    assert.match(h.contents.value, /confidence \*\*0\.\d\d\*\*/);
    assert.match(h.contents.value, /Lowered by:\n- PTR0(60|10)/, 'the eval is the reason');
    assert.deepStrictEqual(h.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } });
  });

  it('hovers a class and a variable with the Rust they become', async function () {
    const u = doc('shapes.py');
    c.open(u, read('shapes.py'));
    const cls = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 6, character: 7 } });
    assert.match(cls.contents.value, /struct Point/);
    const v = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 18, character: 2 } });
    assert.match(v.contents.value, /```rust\nlet points[^\n]*vec!\[Point::new/);
    assert.strictEqual(await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 3, character: 0 } }), null, 'nothing on a blank line');
  });

  it('offers a quickfix whose WorkspaceEdit adds the inferred hint; the result re-analyses clean', async function () {
    const u = doc('untyped.py');
    let text = c.text(u);
    for (let round = 0; round < 4; round++) {
      const since = c.mark();
      const p = await c.diagnostics(u, (x) => x.version === c.docs.get(u).version, 0);
      const hints = p.diagnostics.filter((d) => d.code === 'PTR022');
      if (!hints.length) break;
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: hints[0].range, context: { diagnostics: [hints[0]], only: ['quickfix'] } });
      const fix = actions.find((a) => a.kind === 'quickfix');
      assert.ok(fix && fix.edit.changes[u], JSON.stringify(actions));
      assert.deepStrictEqual(fix.diagnostics[0].code, 'PTR022');
      assert.ok(!actions.some((a) => a.kind === 'refactor'), 'only quickfixes when only=quickfix');
      c.applyEdit(u, fix.edit);
      void since;
    }
    text = c.text(u);
    assert.match(text, /def scale\(xs: list\[int\]\)/);
    assert.match(text, /out: list\[int\] = \[\]/);
    const p = await c.diagnostics(u, (x) => x.version === c.docs.get(u).version, 0);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), [], 'no hint left after the fixes');
    assert.strictEqual(read('untyped.py'), UNTYPED, 'the file on disk is untouched (edits go through the editor)');
  });

  it('offers "Translate selection to Rust" as a refactor on a non-empty selection only', async function () {
    const u = doc('shapes.py');
    const sel = { start: { line: 14, character: 0 }, end: { line: 15, character: 16 } };
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: sel, context: { diagnostics: [] } });
    const r = actions.find((a) => a.kind === 'refactor');
    assert.ok(r, JSON.stringify(actions));
    assert.strictEqual(r.title, 'Translate selection to Rust');
    assert.deepStrictEqual(r.command.command, 'portalis.translateSelection');
    assert.deepStrictEqual(r.command.arguments, [u, sel]);
    const empty = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: { start: sel.start, end: sel.start }, context: { diagnostics: [] } });
    assert.ok(!empty.some((a) => a.kind === 'refactor'));
  });

  it('portalis/translate: a range, the whole file, and given text', async function () {
    const u = doc('shapes.py');
    const range = await c.request('portalis/translate', { uri: u, range: { start: { line: 14, character: 0 }, end: { line: 16, character: 0 } } });
    assert.match(range.rust, /fn area\(w: f64, h: f64\) -> f64 \{\n\s+w \* h\n\}/);
    assert.ok(!/fn main/.test(range.rust), 'a selection of definitions has no fn main');
    assert.strictEqual(range.backend, 'embedded');
    assert.ok(range.confidence > 0.5 && range.confidence <= 1);
    assert.strictEqual(typeof range.elapsedMs, 'number');
    const whole = await c.request('portalis/translate', { uri: u });
    assert.match(whole.rust, /fn main\(\)/);
    assert.match(whole.rust, /struct Point/);
    const text = await c.request('portalis/translate', { uri: u, text: 'for i in range(3):\n    print(i * i)\n' });
    assert.match(text.rust, /for i in 0\.\.3/);
  });

  it('portalis/translate reports a selection\'s diagnostics at document positions', async function () {
    const u = doc('unsupported.py');
    const r = await c.request('portalis/translate', { uri: u, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } });
    const d = r.diagnostics.find((x) => x.code === 'PTR060' || x.code === 'PTR010');
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.strictEqual(d.range.start.line, 1);
  });

  it('uses the session context: area(2, 3) with a known area(w: float, h: float) becomes area(2.0, 3.0)', async function () {
    // geometry.py was never opened: the workspace is scanned on demand.
    const u = doc('word_count.py');
    const r = await c.request('portalis/translate', { uri: u, text: 'print(area(2, 3))\n' });
    assert.match(r.rust, /area\(2\.0, 3\.0\)/, r.rust.slice(0, 300));
    assert.ok(!/fn area/.test(r.rust), 'context definitions are not emitted');
    const p1 = await c.request('portalis/translate', { uri: u, text: 'print(perimeter(2, 3))\n' });
    assert.match(p1.rust, /perimeter\(2\.0, 3\.0\)/);
    // An open document's newer text wins over the file on disk.
    const g = doc('geometry.py');
    c.open(g, GEOMETRY.replace('def perimeter(w: float, h: float) -> float:', 'def perimeter(w: int, h: int) -> int:'));
    await c.diagnostics(g);
    const p2 = await c.request('portalis/translate', { uri: u, text: 'print(perimeter(2, 3))\n' });
    assert.match(p2.rust, /perimeter\(2, 3\)/);
    // A file that is not open changes on disk: workspace/didChangeWatchedFiles refreshes it.
    const other = path.join(root, 'more_geometry.py');
    fs.writeFileSync(other, 'def volume(w: float, h: float, d: float) -> float:\n    return w * h * d\n');
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(other), type: 1 }] });
    const v = await c.request('portalis/translate', { uri: u, text: 'print(volume(1, 2, 3))\n' });
    assert.match(v.rust, /volume\(1\.0, 2\.0, 3\.0\)/);
  });

  it('refuses a huge selection with a clear error instead of freezing', async function () {
    const u = doc('big.py');
    // 300 KB: over the 200,000-byte selection limit (comments keep the background analysis cheap).
    const big = 'value_0 = 1\n' + Array.from({ length: 100 }, (_, i) => `# ${String(i).repeat(3000 / String(i).length | 0)}`).join('\n') + '\n';
    c.open(u, big);
    await assert.rejects(
      c.request('portalis/translate', { uri: u, range: { start: { line: 0, character: 0 }, end: { line: 101, character: 0 } } }),
      (e) => e.code === -32803 && /selection is \d+ bytes, over the portalis\.maxSelectionBytes limit of 200000 bytes/.test(e.message));
    // ...and the server still answers.
    const ok = await c.request('portalis/translate', { uri: u, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } });
    assert.match(ok.rust, /value_0/);
  });

  it('honours cancellation of portalis/translate', async function () {
    const u = doc('shapes.py');
    // A whole-file translation (checked with rustc) keeps the server busy while the next
    // request and its cancellation arrive: the cancelled one must not be translated.
    const busy = c.request('portalis/translate', { uri: doc('bank.py') });
    const source = new CancellationTokenSource();
    const pending = c.request('portalis/translate', { uri: u, text: 'x = [i * 3 for i in range(7)]\nprint(sum(x))\n' }, source.token);
    source.cancel();
    await assert.rejects(pending, (e) => e.code === -32800, 'RequestCancelled');
    assert.match((await busy).rust, /fn main/);
    const r = await c.request('portalis/translate', { uri: u, text: 'x = [i * 3 for i in range(7)]\nprint(sum(x))\n' });
    assert.match(r.rust, /fn main/);
  });

  it('offers an inline completion in a .rs file for an item named like a known Python definition', async function () {
    const rs = doc('src/port.rs');
    c.open(rs, 'use std::collections::HashMap;\n\nfn count_w', 'rust');
    const items = await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 2, character: 10 }, context: { triggerKind: 2 } });
    assert.strictEqual(items.length, 1, JSON.stringify(items));
    assert.ok(items[0].insertText.startsWith('ords(text: &str) -> Dict<String, i64> {\n    let mut counts'), items[0].insertText.slice(0, 80));
    assert.match(items[0].insertText, /\n}$/);
    assert.deepStrictEqual(items[0].range, { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } });
    c.change(rs, 'struct Poi');
    const s = await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 0, character: 10 }, context: { triggerKind: 2 } });
    assert.ok(s[0].insertText.startsWith('nt {'), JSON.stringify(s));
    assert.match(s[0].insertText, /x: f64/);
    c.change(rs, 'impl Poi');
    const i = await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 0, character: 8 }, context: { triggerKind: 2 } });
    assert.ok(i[0].insertText.startsWith('nt {'), JSON.stringify(i));
    assert.match(i[0].insertText, /fn distance\(&self, other: &Point\) -> f64/);
    assert.ok(!/struct Point/.test(i[0].insertText), 'starts at the impl block');
    c.change(rs, 'fn no_such_python_function');
    assert.deepStrictEqual(await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 0, character: 26 }, context: { triggerKind: 2 } }), []);
    c.change(rs, 'let x = count_w');
    assert.deepStrictEqual(await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 0, character: 15 }, context: { triggerKind: 2 } }), [], 'only where an item starts');
  });
});

describe('language server over node IPC (the VS Code transport)', function () {
  it('initializes and translates over --node-ipc', async function () {
    const { fork } = require('child_process');
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = require('vscode-jsonrpc/node');
    const { SERVER } = require('./client');
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.strictEqual(init.capabilities.hoverProvider, true);
      conn.sendNotification('initialized', {});
      const r = await conn.sendRequest('portalis/translate', { uri: 'untitled:ipc', text: 'print(2 + 3)\n' });
      assert.match(r.rust, /println!/);
      await conn.sendRequest('shutdown');
      const code = new Promise((resolve) => child.on('exit', resolve));
      conn.sendNotification('exit');
      assert.strictEqual(await code, 0);
    } finally { conn.dispose(); if (child.exitCode === null) child.kill(); }
  });
});

describe('language server settings', function () {
  let root, c;
  const settings = { diagnostics: { enabled: true }, inlineSuggestions: { enabled: true } };
  before(async function () {
    root = workspace({ 'unsupported.py': UNSUPPORTED });
    c = await LspClient.start({ root, settings });
  });
  after(async function () {
    if (c) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('clears diagnostics when portalis.diagnostics.enabled is turned off, and brings them back', async function () {
    const u = uri(path.join(root, 'unsupported.py'));
    c.open(u, fs.readFileSync(path.join(root, 'unsupported.py'), 'utf8'));
    const p = await c.diagnostics(u, (x) => x.diagnostics.length > 0);
    assert.ok(p.diagnostics.length > 0);
    let since = c.mark();
    settings.diagnostics.enabled = false;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(u, (x) => x.diagnostics.length === 0, since);
    since = c.mark();
    settings.diagnostics.enabled = true;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(u, (x) => x.diagnostics.length > 0, since);
  });

  it('recreates the backend when portalis.backend changes; an unreachable Triton degrades to embedded', async function () {
    let since = c.mark();
    settings.backend = 'triton';
    settings.triton = { url: '127.0.0.1:1', timeoutMs: 500 };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitFor('portalis/status', (p) => p.backend === 'triton', { since });
    const r = await c.request('portalis/translate', { uri: 'untitled:t', text: 'print(1 + 2)\n' });
    assert.strictEqual(r.backend, 'embedded', 'served by the fallback');
    assert.match(r.rust, /println!/);
    const d = await c.waitFor('portalis/status', (p) => p.health === 'degraded', { since });
    assert.match(d.message, /127\.0\.0\.1:1/);
    since = c.mark();
    settings.backend = 'embedded';
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitFor('portalis/status', (p) => p.backend === 'embedded' && p.health === 'ok', { since });
  });

  it('turns inline suggestions off with portalis.inlineSuggestions.enabled', async function () {
    const rs = uri(path.join(root, 'x.rs'));
    c.open(rs, 'fn count_w', 'rust');
    const on = await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 0, character: 10 }, context: { triggerKind: 2 } });
    assert.strictEqual(on.length, 1);
    settings.inlineSuggestions.enabled = false;
    const since = c.mark();
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitFor('workspace/configuration', () => true, { since }); // the server has read the new value
    const off = await c.request('textDocument/inlineCompletion', { textDocument: { uri: rs }, position: { line: 0, character: 10 }, context: { triggerKind: 2 } });
    assert.deepStrictEqual(off, []);
  });
});
