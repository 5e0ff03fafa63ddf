// `portalis/translate`: a selection or pasted text is translated as a fragment with the session
// context (definitions it uses) and without rustc; a whole document as a program, verified with
// rustc. Ranges in the result are positions in the document.
import * as path from 'path';
import { CancellationToken, LSPErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TranslateParams, TranslateResult, TranslationDiagnostic } from '../../../protocol/src/protocol';
import type { SessionContext } from '../context';
import { isPython, textOf } from '../documents';
import type { Settings } from '../settings';
import { Cancelled, Translator } from '../translator';
import { normUri } from '../uri';

interface Deps {
  documents: TextDocuments<TextDocument>;
  translator: Translator;
  context: SessionContext;
  settings: () => Settings;
  onConfidence: (c: number) => void;
}

const bad = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);

/** Offsets of a range in a text (UTF-16, like LSP). */
function slice(text: string, range: TranslateParams['range'] & object): { code: string; start: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const off = (p: { line: number; character: number }) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const a = off(range.start), b = off(range.end);
  return { code: text.slice(Math.min(a, b), Math.max(a, b)), start: Math.min(a, b) };
}

export async function translateRequest(p: TranslateParams, token: CancellationToken, deps: Deps): Promise<TranslateResult> {
  const t0 = performance.now();
  if (!p || typeof p.uri !== 'string') throw bad('portalis/translate needs { uri, range?, text? }');
  const s = deps.settings();
  let code: string;
  let fragment = true;
  let offset = { line: 0, character: 0 };
  let excludeLines: [number, number] | undefined;
  if (typeof p.text === 'string') {
    code = p.text; // pasted Python: the uri (any language) only picks the workspace context
  } else {
    const doc = deps.documents.get(p.uri);
    if (doc && !isPython(doc)) throw bad(`${p.uri} is not a Python document (language '${doc.languageId}')`);
    if (!doc && !/\.py$/i.test(p.uri)) throw bad(`${p.uri} is not a Python file`);
    const src = textOf(deps.documents, p.uri);
    if (!src) throw bad(`cannot read ${p.uri}: not open in the editor and not readable on disk`);
    if (p.range) {
      const sel = slice(src.text, p.range);
      code = sel.code;
      const start = p.range.start.line < p.range.end.line || (p.range.start.line === p.range.end.line && p.range.start.character <= p.range.end.character) ? p.range.start : p.range.end;
      offset = start;
      excludeLines = [Math.min(p.range.start.line, p.range.end.line), Math.max(p.range.start.line, p.range.end.line)];
      if (!code.trim()) throw bad('the selection is empty: select the Python to translate');
    } else {
      code = src.text;
      fragment = false;
    }
  }
  const bytes = Buffer.byteLength(code, 'utf8');
  const limit = fragment ? s.maxSelectionBytes : s.maxFileBytes;
  if (bytes > limit) {
    const what = fragment ? 'selection' : 'document';
    const setting = fragment ? 'portalis.maxSelectionBytes' : 'portalis.maxFileBytes';
    throw bad(`the ${what} is ${bytes} bytes, over the ${setting} limit of ${limit} bytes: translate a smaller part or raise the setting`);
  }
  const uri = normUri(p.uri);
  let context: string | undefined;
  if (fragment) {
    deps.context.ensureScanned(uri);
    context = deps.context.contextFor(uri, code, excludeLines) || undefined;
  }
  const filename = path.basename(p.uri.replace(/^untitled:/, '')).replace(/[^\w.]/g, '_');
  let r;
  try {
    r = await deps.translator.translate({ code, fragment, context, verify: !fragment, filename: filename.endsWith('.py') ? filename : 'selection.py' }, p.uri, token);
  } catch (e) {
    if (e instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'translation cancelled');
    throw bad((e as Error).message);
  }
  if (!r.fatal) deps.onConfidence(r.confidence);
  const shift = (pos: { line: number; character: number }) => ({ line: pos.line + offset.line, character: pos.character + (pos.line === 0 ? offset.character : 0) });
  const diagnostics: TranslationDiagnostic[] = r.diagnostics.map((d) => {
    const { fix: _fix, ...rest } = d as TranslationDiagnostic & { fix?: unknown };
    return { ...rest, range: { start: shift(d.range.start), end: shift(d.range.end) } };
  });
  return { rust: r.rust, diagnostics, confidence: r.confidence, backend: r.backend, elapsedMs: Math.round((performance.now() - t0) * 100) / 100 };
}
