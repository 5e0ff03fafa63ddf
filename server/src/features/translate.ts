// `portalis/translate`: a selection or pasted text is translated as a fragment with the session
// context (definitions it uses) and without rustc; a whole document as a program, verified with
// rustc. Ranges in the result are positions in the document. A selection of whole definitions in
// an open document is answered from the document's analysis when there is one for its current
// text (features/analysedSelection.ts), which takes no new translation.
import * as path from 'path';
import { CancellationToken, LSPErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TranslateParams, TranslateResult, TranslationDiagnostic } from '../../../protocol/src/protocol';
import type { SessionContext } from '../context';
import { isPython, textOf } from '../documents';
import { scanPython } from '../pyscan';
import type { Settings } from '../settings';
import { Cancelled, Translator } from '../translator';
import { normUri } from '../uri';
import { fromAnalysis } from './analysedSelection';
import type { Analysis, DocumentAnalyzer } from './diagnostics';

interface Deps {
  documents: TextDocuments<TextDocument>;
  translator: Translator;
  context: SessionContext;
  analyzer: DocumentAnalyzer;
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
  let open: { doc: TextDocument; text: string } | undefined;
  if (typeof p.text === 'string') {
    code = p.text; // pasted Python: the uri (any language) only picks the workspace context
  } else {
    const doc = deps.documents.get(p.uri);
    if (doc && !isPython(doc)) throw bad(`${p.uri} is not a Python document (language '${doc.languageId}')`);
    if (!doc && !/\.py$/i.test(p.uri)) throw bad(`${p.uri} is not a Python file`);
    const src = textOf(deps.documents, p.uri);
    if (!src) throw bad(`cannot read ${p.uri}: not open in the editor and not readable on disk`);
    if (p.range) {
      if (src.doc) open = { doc: src.doc, text: src.text };
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
  // The context is needed by a fragment only (and to size one): computed once, when first needed.
  let context: string | undefined;
  let contextDone = !fragment;
  const contextOf = () => {
    if (!contextDone) {
      deps.context.ensureScanned(uri);
      context = deps.context.contextFor(uri, code, excludeLines) || undefined;
      contextDone = true;
    }
    return context;
  };
  if (open && p.range) {
    const fast = await analysedAnswer(open, p.range, () => bytes + Buffer.byteLength(contextOf() ?? '', 'utf8'), token, deps);
    if (fast) {
      deps.onConfidence(fast.confidence);
      return { ...fast, elapsedMs: Math.round((performance.now() - t0) * 100) / 100 };
    }
  }
  contextOf();
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

/**
 * The answer from the analysis of the document version the request was made against, or
 * undefined (translate the selection instead). An analysis already running or queued for that
 * version is awaited: with the in-process engine a fragment would be translated after it anyway.
 * A debounced one is started now when the selection looks like whole definitions and the
 * document is at most twice the fragment's input (selection + context): the analysis then costs
 * about what the fragment would, and the next selections and the diagnostics get it for free.
 */
async function analysedAnswer(open: { doc: TextDocument; text: string }, range: Range, fragmentBytes: () => number, token: CancellationToken, deps: Deps) {
  const { doc, text } = open;
  const usable = (a: Analysis | undefined) => a && a.version === doc.version && a.text === text && a.epoch === deps.translator.epoch ? a : undefined;
  let a = usable(deps.analyzer.get(doc.uri));
  if (!a) {
    if (!looksLikeWholeDefinitions(text, range)) return undefined;
    let wait = deps.analyzer.inFlight(doc.uri, doc.version);
    const docBytes = Buffer.byteLength(text, 'utf8');
    if (!wait && docBytes <= deps.settings().maxFileBytes && docBytes <= 2 * fragmentBytes()) wait = deps.analyzer.analyze(doc);
    if (!wait) return undefined;
    let sub: { dispose(): void } | undefined;
    const cancelled = new Promise<undefined>((resolve) => { sub = token.onCancellationRequested(() => resolve(undefined)); });
    try {
      a = usable(await Promise.race([wait.catch(() => undefined), cancelled]));
    } finally { sub?.dispose(); }
  }
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'translation cancelled');
  return a ? fromAnalysis(a, range) : undefined;
}

/** A cheap guess (no engine) that a selection covers whole top-level definitions and nothing else but blanks and comments. */
function looksLikeWholeDefinitions(text: string, range: Range): boolean {
  const [s, e] = range.start.line <= range.end.line ? [range.start, range.end] : [range.end, range.start];
  const last = e.character === 0 && e.line > s.line ? e.line - 1 : e.line;
  const lines = text.split('\n');
  const covered = new Set<number>();
  let any = false;
  for (const d of scanPython(text).defs) {
    const inside = d.lines[0] >= s.line && d.lines[1] <= last;
    const overlaps = d.lines[0] <= last && d.lines[1] >= s.line;
    if (overlaps && !inside) return false;
    if (inside) { any = true; for (let l = d.lines[0]; l <= d.lines[1]; l++) covered.add(l); }
  }
  for (let l = s.line; l <= last; l++) if (!covered.has(l) && !/^\s*(#.*)?$/.test(lines[l] ?? '')) return false;
  return any && s.character === 0;
}
