// The integration tests: each drives the real VS Code API the way a user's actions would and
// checks what the user would see (documents, diagnostics, hovers, actions, files on disk).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { test, until } from './harness';

const EXTENSION_ID = 'portalis.portalis';
type Shown = { rust: string; confidence: number; diagnostics: { code: string }[]; rustUri: vscode.Uri };

const PROBE = [
  'def scale(values, factor):',
  '    return [v * factor for v in values]',
  '',
  '',
  'def rect_area(w: float, h: float) -> float:',
  '    return w * h',
  '',
  '',
  'print(scale([1, 2, 3], 2))',
  'print(rect_area(2.5, 3.5))',
  'x = eval("1 + 2")',
  '',
].join('\n');

const api = async () => vscode.extensions.getExtension(EXTENSION_ID)!.activate();
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const lineOf = (doc: vscode.TextDocument, prefix: string) => {
  const i = doc.getText().split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `${prefix} not found in ${doc.fileName}`);
  return i;
};
const hoverText = (hs: vscode.Hover[]) => hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

async function open(file: string, column = vscode.ViewColumn.One) {
  const doc = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(doc, column);
}

/** Selects whole lines [from, to] of the editor. */
function selectLines(editor: vscode.TextEditor, from: number, to: number) {
  editor.selection = new vscode.Selection(from, 0, to, editor.document.lineAt(to).text.length);
}

async function setSetting(key: string, value: unknown) {
  await vscode.workspace.getConfiguration('portalis').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Everything the extension wrote to its "Portalis" output channel (a log file per extension host). */
function portalisLog(userData: string): string {
  const found: string[] = [];
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else if (e.name === 'Portalis.log') found.push(p);
  });
  walk(path.join(userData, 'logs'));
  return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

export function registerTests(ws: string, userData: string) {
  const shapes = path.join(ws, 'shapes.py');
  const probe = path.join(ws, 'e2e_probe.py');
  fs.writeFileSync(probe, PROBE);
  let firstRustUri: vscode.Uri | undefined;

  test('activation: the extension activates, its server runs, commands and status item exist', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await open(shapes);
    const a = await api();
    await until('the language server', () => a.client.isRunning());
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['translateSelection', 'translateFile', 'translateWorkspace', 'pastePythonAsRust', 'saveRustAs', 'showOutput', 'restartServer', 'switchBackend']) {
      assert.ok(commands.includes(`portalis.${c}`), `portalis.${c} is not registered`);
    }
    await until('the status item to show the backend', () => a.status.current().text.includes('Portalis: embedded'));
  });

  test('translate selection: opens the Rust beside the Python, with its confidence in the status item', async () => {
    const editor = await open(shapes);
    const at = lineOf(editor.document, 'def area');
    selectLines(editor, at, at + 1);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
    assert.ok(r, 'the command returned no translation');
    assert.strictEqual(r.rustUri.scheme, 'portalis-rust');
    const rustEditor = await until('the Rust editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === r.rustUri.toString()));
    assert.notStrictEqual(rustEditor.viewColumn, editor.viewColumn, 'the Rust should open beside the Python');
    const rust = rustEditor.document.getText();
    assert.match(rust, /fn area\(w: f64, h: f64\) -> f64 \{\s*w \* h\s*\}/, rust);
    assert.strictEqual(rustEditor.document.languageId, 'rust');
    const a = await api();
    assert.match(a.status.current().detail ?? '', new RegExp(`last confidence ${r.confidence.toFixed(2)}`));
    firstRustUri = r.rustUri;
  });

  test('translate selection again: the same Rust document updates in place', async () => {
    const editor = await open(shapes);
    const from = lineOf(editor.document, '@dataclass');
    const to = lineOf(editor.document, '        return math.sqrt');
    selectLines(editor, from, to);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
    assert.ok(r && firstRustUri);
    assert.strictEqual(r.rustUri.toString(), firstRustUri.toString(), 'a second document was opened');
    const doc = await vscode.workspace.openTextDocument(r.rustUri);
    await until('the document to update', () => doc.getText().includes('struct Point'));
    assert.ok(!doc.getText().includes('fn area'), 'the old translation is still shown');
    assert.match(doc.getText(), /fn distance\(&self, other: &Point\) -> f64/);
  });

  test('context menu: the command gets the editor URI and still translates only the selection', async () => {
    const editor = await open(shapes);
    const at = lineOf(editor.document, 'def area');
    selectLines(editor, at, at + 1);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection', editor.document.uri);
    assert.ok(r, 'no translation');
    assert.match(r.rust, /fn area\(w: f64, h: f64\) -> f64/);
    assert.ok(!r.rust.includes('struct Point'), 'the whole file was translated instead of the selection');
  });

  test('translate file: the whole file becomes a Rust program in its own view', async () => {
    await open(shapes);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateFile');
    assert.ok(r, 'no translation');
    assert.match(r.rustUri.path, /\/shapes\.rs$/);
    assert.notStrictEqual(r.rustUri.toString(), firstRustUri?.toString(), 'file and selection views should differ');
    const doc = await vscode.workspace.openTextDocument(r.rustUri);
    for (const re of [/struct Point \{/, /fn area\(/, /fn main\(\) \{/]) assert.match(doc.getText(), re);
  });

  test('save Rust as: writes the shown translation to a file the user owns', async () => {
    assert.ok(firstRustUri);
    const target = vscode.Uri.file(path.join(ws, 'saved', 'point.rs'));
    const saved = await vscode.commands.executeCommand<vscode.Uri>('portalis.saveRustAs', firstRustUri, target);
    assert.strictEqual(saved?.fsPath, target.fsPath);
    const doc = await vscode.workspace.openTextDocument(firstRustUri);
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), doc.getText());
  });

  test('diagnostics: warnings of an open Python file appear in getDiagnostics with codes and ranges', async () => {
    await open(probe);
    const uri = vscode.Uri.file(probe);
    const diags = await until('PTR060 on the eval line', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.some((x) => codeOf(x) === 'PTR060') ? d : undefined;
    });
    const evalDiag = diags.find((x) => codeOf(x) === 'PTR060')!;
    assert.strictEqual(evalDiag.range.start.line, 10);
    assert.strictEqual(evalDiag.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(evalDiag.message, /eval/);
    // The code links to its docs page, shipped inside the installed extension.
    const target = typeof evalDiag.code === 'object' ? evalDiag.code.target : undefined;
    assert.ok(target && target.fragment === 'ptr060', `no docs link on PTR060: ${JSON.stringify(evalDiag.code)}`);
    assert.ok(fs.existsSync(target.fsPath), `the docs page ${target.fsPath} is not in the installed extension`);
    const hint = diags.find((x) => codeOf(x) === 'PTR022' && x.range.start.line === 0);
    assert.ok(hint, `no PTR022 hint on line 1: ${JSON.stringify(diags.map((d) => [codeOf(d), d.range.start.line]))}`);
  });

  test('diagnostics: a selection\'s warnings land on the Python even with live diagnostics off', async () => {
    await setSetting('diagnostics.enabled', false);
    try {
      const uri = vscode.Uri.file(probe);
      await until('live diagnostics to clear', () => !vscode.languages.getDiagnostics(uri).some((d) => d.source !== 'Portalis' && codeOf(d) === 'PTR060'));
      const editor = await open(probe);
      selectLines(editor, 10, 10);
      const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
      assert.ok(r?.diagnostics.some((d) => d.code === 'PTR060'), 'the translation reported no PTR060');
      const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === 'PTR060');
      assert.ok(d, 'the selection warning is not shown on the Python');
      assert.strictEqual(d.range.start.line, 10);
    } finally {
      await setSetting('diagnostics.enabled', undefined);
    }
  });

  test('untitled: a selection in an unsaved Python document translates', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'def triple(n: int) -> int:\n    return n * 3\n' });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    selectLines(editor, 0, 1);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
    assert.ok(r, 'no translation');
    assert.match(r.rustUri.path, /Untitled-\d+ \(selection\)\.rs$/);
    assert.match(r.rust, /fn triple\(n: i64\) -> i64 \{\s*n \* 3\s*\}/, r.rust);
  });

  test('limits: a selection over portalis.maxSelectionBytes gets a clear message, not a request', async () => {
    await setSetting('maxSelectionBytes', 20);
    try {
      const editor = await open(shapes);
      selectLines(editor, lineOf(editor.document, 'def area'), lineOf(editor.document, 'def area') + 1);
      const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
      assert.strictEqual(r, undefined, 'a too-large selection was translated');
      await until('the message in the output', () => /the selection is \d+ bytes; one translation takes at most 20 bytes \(setting portalis\.maxSelectionBytes\)/.test(portalisLog(userData)));
    } finally {
      await setSetting('maxSelectionBytes', undefined);
    }
  });

  test('hover: a Python function shows its Rust signature and confidence', async () => {
    const editor = await open(probe);
    const line = lineOf(editor.document, 'def rect_area');
    const hovers = await until('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 5));
      return h && h.length && hoverText(h).includes('fn rect_area') ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /fn rect_area\(w: f64, h: f64\) -> f64/, text);
    assert.match(text, /confidence/i, text);
  });

  test('code actions: a quickfix applies a real edit; "Translate selection to Rust" is a refactor', async () => {
    const editor = await open(probe);
    const uri = editor.document.uri;
    await until('the PTR022 hint', () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'PTR022' && d.range.start.line === 0));
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 16, 0, 16), vscode.CodeActionKind.QuickFix.value);
    const fix = fixes.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && /list\[int\]/.test(a.title));
    assert.ok(fix?.edit, `no quick fix with an edit: ${fixes.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(editor.document.lineAt(0).text, 'def scale(values: list[int], factor):');
    const selection = new vscode.Range(4, 0, 5, 16);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, selection);
    const refactor = actions.find((a) => a.kind && vscode.CodeActionKind.Refactor.contains(a.kind));
    assert.ok(refactor?.command, `no refactor action: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(refactor.command.command, 'portalis.translateSelection');
    const r = await vscode.commands.executeCommand<Shown>(refactor.command.command, ...(refactor.command.arguments ?? []));
    assert.match(r?.rust ?? '', /fn rect_area\(w: f64, h: f64\) -> f64/);
    await editor.document.save();
  });

  test('inline suggestion: typing an item name in a .rs file offers its translation, accepted on commit', async () => {
    await open(probe); // the session knows the probe's definitions
    const file = path.join(ws, 'scratch.rs');
    fs.writeFileSync(file, '// scratch\n\n');
    const editor = await open(file);
    await vscode.commands.executeCommand('cursorBottom');
    await vscode.commands.executeCommand('type', { text: 'fn rect_area' });
    const text = await until('the suggestion to be accepted', async () => {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      await new Promise((r) => setTimeout(r, 300));
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      const t = editor.document.getText();
      return t.includes('->') ? t : undefined;
    });
    assert.match(text, /fn rect_area\(w: f64, h: f64\) -> f64 \{\s*w \* h\s*\}/, text);
    assert.strictEqual(text.match(/fn rect_area/g)?.length, 1, `the typed prefix was duplicated:\n${text}`);
    await editor.document.save();
  });

  test('paste Python as Rust: the clipboard\'s Python is inserted as Rust in the .rs editor', async () => {
    const file = path.join(ws, 'pasted.rs');
    fs.writeFileSync(file, '');
    const editor = await open(file);
    await vscode.env.clipboard.writeText('def double(n: int) -> int:\n    return n * 2\n');
    const r = await vscode.commands.executeCommand<{ rust: string }>('portalis.pastePythonAsRust');
    assert.ok(r, 'nothing was pasted');
    assert.match(editor.document.getText(), /fn double\(n: i64\) -> i64 \{\s*n \* 2\s*\}/, editor.document.getText());
    await editor.document.save();
  });

  test('translate workspace: writes a Cargo crate that cargo check accepts, and opens the report', async () => {
    const a = await api();
    const running = vscode.commands.executeCommand<any>('portalis.translateWorkspace');
    await until('the status item spinner', () => a.status.current().busy);
    const r = await running;
    assert.ok(r, 'no result');
    await until('the spinner to stop', () => !a.status.current().busy);
    assert.strictEqual(r.cancelled, false);
    const out = path.join(ws, 'rust-port');
    assert.strictEqual(path.resolve(ws, r.outputDir), out);
    const names = r.files.map((f: { file: string }) => f.file).sort();
    for (const f of ['bank.py', 'shapes.py', 'word_count.py', 'e2e_probe.py']) assert.ok(names.includes(f), `${f} missing from ${names}`);
    assert.ok(fs.existsSync(path.join(out, 'Cargo.toml')));
    assert.ok(fs.existsSync(path.join(out, 'PORTALIS_REPORT.md')));
    const check = spawnSync('cargo', ['check', '--quiet', '--offline'], { cwd: out, encoding: 'utf8', env: { ...process.env, CARGO_TARGET_DIR: path.join(out, 'target') } });
    assert.ok(!check.error, `cargo could not run: ${check.error?.message}`);
    assert.strictEqual(check.status, 0, check.stderr);
    assert.strictEqual(r.cargoCheck, 'ok');
    await until('the report tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.includes('PORTALIS_REPORT')));
  });

  test('switch backend: to an unreachable Triton the status item warns and translations still answer; back to embedded', async () => {
    const a = await api();
    await setSetting('triton.url', '127.0.0.1:9'); // nothing listens there: deterministic fallback
    try {
      await vscode.commands.executeCommand('portalis.switchBackend', 'triton');
      assert.strictEqual(vscode.workspace.getConfiguration('portalis').get('backend'), 'triton');
      const editor = await open(shapes);
      selectLines(editor, lineOf(editor.document, 'def area'), lineOf(editor.document, 'def area') + 1);
      const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
      assert.match(r?.rust ?? '', /fn area/);
      const s = await until('the degraded status', () => { const c = a.status.current(); return c.text.includes('Portalis: triton') && c.health === 'degraded' ? c : undefined; });
      assert.match(s.detail ?? '', /unavailable/i);
    } finally {
      await vscode.commands.executeCommand('portalis.switchBackend', 'embedded');
      await setSetting('triton.url', undefined);
    }
    assert.strictEqual(vscode.workspace.getConfiguration('portalis').get('backend'), 'embedded');
    await until('the status item back on embedded', () => /Portalis: embedded/.test(a.status.current().text) && a.status.current().health !== 'error');
  });

  test('restart server: the command restarts the language server, which answers again', async () => {
    const a = await api();
    const stopped: number[] = [];
    const sub = a.client.onDidChangeState((e: { newState: number }) => stopped.push(e.newState));
    try {
      await vscode.commands.executeCommand('portalis.restartServer');
    } finally {
      sub.dispose();
    }
    assert.ok(a.client.isRunning(), 'not running after Restart Server');
    assert.ok(stopped.length >= 2, `the client did not go through stop/start: ${stopped}`);
    assert.notStrictEqual(a.status.current().health, 'error');
    const editor = await open(shapes);
    selectLines(editor, lineOf(editor.document, 'def area'), lineOf(editor.document, 'def area') + 1);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
    assert.match(r?.rust ?? '', /fn area/);
  });

  test('crash: a killed language server is restarted and answers again', async () => {
    const a = await api();
    const serverPid = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).find((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server.js');
      } catch { return false; }
    });
    const before = serverPid();
    assert.ok(before, 'no language server process under the extension host');
    process.kill(before, 'SIGKILL');
    const after = await until('a new server process', () => { const p = serverPid(); return p && p !== before && a.client.isRunning() ? p : undefined; });
    assert.notStrictEqual(after, before);
    await until('the restart notice', () => portalisLog(userData).includes('The Portalis language server stopped unexpectedly and was restarted.'));
    await until('the status item to recover', () => a.status.current().health !== 'error' && a.status.current().text.includes('Portalis: embedded'));
    const editor = await open(shapes);
    selectLines(editor, lineOf(editor.document, 'def area'), lineOf(editor.document, 'def area') + 1);
    const r = await vscode.commands.executeCommand<Shown>('portalis.translateSelection');
    assert.match(r?.rust ?? '', /fn area/);
  });
}
