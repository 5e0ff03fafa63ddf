// Translate Selection / Translate File / Paste Python as Rust: ask the server (portalis/translate),
// then show the Rust beside the Python, the confidence in the status item, the warnings on the Python.
import * as vscode from 'vscode';
import type { Range as LspRange, TranslateParams, TranslateResult } from '../../protocol/src/protocol';
import { TranslateRequest } from '../../protocol/src/protocol';
import { maxSelectionBytes } from './config';
import { reportError } from './errors';
import { Kind, SCHEME } from './rustDocument';
import type { Services } from './services';

export type ShownTranslation = TranslateResult & { rustUri: vscode.Uri };

const isPython = (d: vscode.TextDocument) => d.languageId === 'python';
const isRust = (d: vscode.TextDocument) => d.uri.scheme !== SCHEME && (d.languageId === 'rust' || d.uri.path.endsWith('.rs'));

function tooBig(s: Services, text: string, what: string): boolean {
  const bytes = Buffer.byteLength(text, 'utf8');
  const max = maxSelectionBytes();
  if (bytes <= max) return false;
  const message = `the ${what} is ${bytes} bytes; one translation takes at most ${max} bytes (setting portalis.maxSelectionBytes). ` +
    'Translate a smaller part, or use "Portalis: Translate Workspace to Rust".';
  s.output.warn(message);
  void vscode.window.showErrorMessage(`Portalis: ${message}`);
  return true;
}

async function request(s: Services, params: TranslateParams): Promise<TranslateResult> {
  return s.status.busy(() => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Portalis: translating', cancellable: true },
    (_p, token) => s.client.sendRequest<TranslateResult>(TranslateRequest, params, token)));
}

/**
 * The code action passes (uri, range) as JSON; the editor context menu passes the editor's URI
 * (the selection is the editor's); the palette and keybinding pass nothing.
 */
async function target(uriArg: unknown, rangeArg: unknown, kind: Kind): Promise<{ doc: vscode.TextDocument; range?: vscode.Range } | undefined> {
  const active = vscode.window.activeTextEditor;
  const fromMenu = uriArg instanceof vscode.Uri && !rangeArg && active?.document.uri.toString() === uriArg.toString();
  if (uriArg && !fromMenu) {
    const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.Uri.parse(String(uriArg));
    const doc = await vscode.workspace.openTextDocument(uri);
    const r = rangeArg as LspRange | vscode.Range | undefined;
    const range = r ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : undefined;
    return { doc, range: kind === 'selection' ? range : undefined };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isPython(editor.document)) {
    void vscode.window.showErrorMessage('Portalis: open a Python file first.');
    return undefined;
  }
  if (kind === 'file') return { doc: editor.document };
  if (editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Portalis: select some Python first, or run "Portalis: Translate File to Rust".');
    return undefined;
  }
  return { doc: editor.document, range: editor.selection };
}

export async function translate(s: Services, kind: Kind, uriArg?: unknown, rangeArg?: unknown): Promise<ShownTranslation | undefined> {
  const t = await target(uriArg, rangeArg, kind);
  if (!t) return undefined;
  if (!isPython(t.doc)) { void vscode.window.showErrorMessage(`Portalis translates Python; ${t.doc.fileName} is ${t.doc.languageId}.`); return undefined; }
  // Whole files are limited by the server (portalis.maxFileBytes) with its own message.
  if (t.range && tooBig(s, t.doc.getText(t.range), 'selection')) return undefined;
  const params: TranslateParams = { uri: t.doc.uri.toString() };
  if (t.range) params.range = { start: t.range.start, end: t.range.end };
  try {
    const result = await request(s, params);
    const rustUri = s.rust.show(t.doc.uri, kind, result.rust);
    await vscode.window.showTextDocument(rustUri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    s.status.confidence(result.confidence);
    s.warnings.set(t.doc.uri, result.diagnostics);
    s.output.info(`translated ${kind} of ${t.doc.uri.toString()}: confidence ${result.confidence.toFixed(2)}, ${result.diagnostics.length} warning(s), ${result.backend}, ${result.elapsedMs} ms`);
    return { ...result, rustUri };
  } catch (e) {
    await reportError(`translating the ${kind}`, e, s.output);
    return undefined;
  }
}

/** Translates the clipboard and inserts the Rust at the cursor of the active .rs editor. */
export async function pastePythonAsRust(s: Services): Promise<TranslateResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isRust(editor.document)) {
    void vscode.window.showErrorMessage('Portalis: open a Rust (.rs) file to paste into.');
    return undefined;
  }
  const text = await vscode.env.clipboard.readText();
  if (!text.trim()) { void vscode.window.showInformationMessage('Portalis: the clipboard is empty.'); return undefined; }
  if (tooBig(s, text, 'clipboard')) return undefined;
  // The server resolves calls in the pasted code against the session of the last Python file.
  const context = s.lastPython() ?? vscode.Uri.from({ scheme: 'untitled', path: 'clipboard.py' });
  try {
    const result = await request(s, { uri: context.toString(), text });
    const ok = await editor.edit((b) => b.replace(editor.selection, result.rust));
    if (!ok) throw new Error('the Rust editor changed while translating; nothing was inserted');
    s.status.confidence(result.confidence);
    for (const d of result.diagnostics) s.output.warn(`pasted Python, line ${d.range.start.line + 1}: ${d.code} ${d.message}`);
    if (result.diagnostics.length) {
      void vscode.window.showInformationMessage(`Portalis: pasted with ${result.diagnostics.length} warning(s), confidence ${result.confidence.toFixed(2)}. Details are in the output.`, 'Show Output')
        .then((c) => c && s.output.show(true));
    }
    return result;
  } catch (e) {
    await reportError('pasting Python as Rust', e, s.output);
    return undefined;
  }
}
