// The engine's public API: translate Python text to a Rust program (or fragment), with
// diagnostics, confidence, items and a source map. Pure library: no vscode, no grpc.
import { PyrightAnalyzer } from './analyze/pyright';
import { applyInsertions, inferAnnotations, Insertion } from './analyze/infer';
import * as AST from './ast';
import { Diagnostic, LineIndex, Range } from './diagnostics';
import { runtimeFor } from './emit/runtime';
import { lowerModule } from './lower/module';
import { BUILTIN_EXC_PARENT, ItemInfo } from './lower/lowerer';
import { typeToString } from './types';

export { CODES } from './diagnostics';
export type { Diagnostic, Range, Position } from './diagnostics';
import { verifyRust } from './verify/rustc';
export { verifyRust };
export const ENGINE_VERSION = '0.1.0';

export interface TranslateOptions {
  filename?: string;
  /** Treat the input as an editor selection: dedent, no fn main() unless it has top-level code. */
  fragment?: boolean;
  /** Python source of known definitions (session context), analysed with the input. */
  context?: string;
  /** Maximum input size in bytes (default 5 MB). */
  maxBytes?: number;
  /**
   * Type- and borrow-check the output with rustc (`--emit=metadata`, ~50–100 ms) when rustc is
   * on the PATH; errors become PTR070 diagnostics and cap the confidence. Default: on for whole
   * programs, off for fragments (editor selections).
   */
  verify?: boolean;
}

export interface TranslatedItem {
  name: string;
  kind: string;
  range: Range; // Python range
  rustLines: [number, number]; // 1-based inclusive
  signature: string;
  confidence: number;
  docstring?: string;
}

export interface TranslateResult {
  rust: string;
  diagnostics: Diagnostic[];
  confidence: number;
  items: TranslatedItem[];
  sourceMap: { rustLine: number; range: Range }[];
  /** Type annotations the engine inferred (offered as quick fixes). */
  inferred: { range: Range; text: string; why: string }[];
  fatal?: string;
}

export class TranslationError extends Error {}

let shared: PyrightAnalyzer | undefined;
function analyzer(): PyrightAnalyzer {
  if (!shared) shared = new PyrightAnalyzer();
  return shared;
}

/** Warms the type engine (loads builtins) so the first real translation is fast. */
export function warmUp() {
  analyzer().analyze('x: list[int] = [1]\nprint(len(x))\n', '__warmup__.py');
}

const DEFAULT_MAX = 5 * 1024 * 1024;

export function translate(code: string, options: TranslateOptions = {}): TranslateResult {
  try {
    return translateInner(code, options);
  } catch (e) {
    // Pathological nesting can exhaust the stack in the type checker or the lowering.
    if (e instanceof RangeError) {
      const message = 'input is nested too deeply to translate (stack exhausted); split the expression';
      return { rust: '', confidence: 0, items: [], sourceMap: [], inferred: [], fatal: message, diagnostics: [{ code: 'PTR004', severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
    }
    throw e;
  }
}

function translateInner(code: string, options: TranslateOptions): TranslateResult {
  const original = code;
  const lines = new LineIndex(original);
  const fail = (code: string, message: string, range?: Range): TranslateResult => ({
    rust: '', confidence: 0, items: [], sourceMap: [], inferred: [], fatal: message,
    diagnostics: [{ code, severity: 'error', message, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
  });
  const max = options.maxBytes ?? DEFAULT_MAX;
  if (Buffer.byteLength(code, 'utf8') > max) return fail('PTR003', `input is ${Buffer.byteLength(code, 'utf8')} bytes, over the ${max}-byte limit`);
  if (code.includes('\u0000') || code.includes('\uFFFD')) return fail('PTR002', 'input looks binary or is not valid UTF-8');

  // Fragments (editor selections) may be indented: dedent for analysis.
  let text = code;
  let dedentBy = 0;
  if (options.fragment) {
    const d = dedent(code);
    text = d.text;
    dedentBy = d.removed;
  }
  const an = analyzer();
  const syntax = an.syntaxErrors(text);
  if (syntax.length) {
    const e = syntax[0];
    const li = new LineIndex(text);
    const r = li.range(e.span);
    const shift = (p: { line: number; character: number }) => ({ line: p.line, character: p.character + (options.fragment ? dedentBy : 0) });
    const res = fail('PTR001', `syntax error: ${e.message}`, { start: shift(r.start), end: shift(r.end) });
    res.diagnostics = syntax.slice(0, 20).map((s) => { const rr = li.range(s.span); return { code: 'PTR001', severity: 'error' as const, message: `syntax error: ${s.message}`, range: { start: shift(rr.start), end: shift(rr.end) } }; });
    return res;
  }
  // Session context goes first so that names it defines are known; its items are not emitted.
  const ctx = options.context ? options.context.replace(/\s*$/, '\n\n') : '';
  const file = options.filename ?? 'main.py';
  let analysed = an.analyze(ctx + text, file);
  let current = ctx + text;
  let mapBack: (o: number) => number = (o) => o;
  const allInsertions: Insertion[] = [];
  // Up to six rounds: each round's annotations can make more types concrete (call chains
  // f(g(x)) need one round per link).
  for (let round = 0; round < 6; round++) {
    const ins = inferAnnotations(analysed.module).filter((i) => i.offset >= ctx.length || round > 0);
    if (!ins.length) break;
    const applied = applyInsertions(current, ins);
    const prevMap = mapBack;
    allInsertions.push(...ins.map((i) => ({ ...i, offset: prevMap(i.offset) })));
    mapBack = (o) => prevMap(applied.toOriginal(o));
    current = applied.text;
    analysed = an.analyze(current, file);
  }
  const ctxLen = ctx.length;
  const toInput = (o: number) => Math.max(0, mapBack(o) - ctxLen);
  const module = analysed.module;
  // Drop the context's definitions from the body to emit (they stay known to pyright).
  const ownBody = module.body.filter((s) => mapBack(s.span.start) >= ctxLen);
  const ctxBody = module.body.filter((s) => mapBack(s.span.start) < ctxLen);
  const hasTopLevelCode = ownBody.some((s) => s.k !== 'def' && s.k !== 'class' && s.k !== 'import' && s.k !== 'importfrom' && !(s.k === 'expr' && s.value.k === 'str'));
  const lowered = lowerModule({ ...module, body: ownBody, contextBody: ctxBody } as AST.Module & { contextBody: AST.Stmt[] }, { fragment: options.fragment && !hasTopLevelCode });

  // Positions: lowering reports spans in the analysed text; map them to the input.
  const textIndex = new LineIndex(text);
  const toRange = (span: AST.Span): Range => {
    const r = textIndex.range({ start: toInput(span.start), end: toInput(span.end) });
    if (dedentBy) { r.start.character += dedentBy; r.end.character += dedentBy; }
    return r;
  };
  const L = lowered.lowerer;
  // Diagnostics were computed with the analysed text's line index: recompute from spans.
  const diagnostics: Diagnostic[] = L.diagnostics.map((d) => {
    const analysedIndex = L.lines;
    const start = analysedIndex.offset(d.range.start), end = analysedIndex.offset(d.range.end);
    return { ...d, range: toRange({ start, end }) };
  });
  const inferred = allInsertions.filter((i) => i.offset >= ctxLen).map((i) => {
    const o = i.offset - ctxLen;
    const p = textIndex.position(o);
    const q = textIndex.position(o + (i.remove ?? 0));
    if (dedentBy) { p.character += dedentBy; q.character += dedentBy; }
    return { range: { start: p, end: q }, text: i.text, why: i.why, replaces: !!i.remove };
  });
  for (const i of inferred) {
    diagnostics.push({
      code: 'PTR022', severity: 'hint', message: `${i.why}; ${i.replaces ? 'change' : 'add'} the annotation to make it explicit`, range: i.range,
      suggestion: i.replaces ? `annotate \`${i.text}\`` : `add type hint \`${i.text.slice(2)}\``,
      fix: { title: i.replaces ? `Annotate \`${i.text}\`` : `Add type hint \`${i.text.slice(2)}\``, edits: [{ range: i.range, newText: i.text }] },
    });
  }
  let runtime = runtimeFor(lowered.runtime);
  if (/\bexc_parent\(/.test(runtime)) runtime += '\n\n' + excParentFn(L.exceptionKinds);
  const header: string = '';
  const rust = header + lowered.body.replace(/\n+$/, '\n') + (runtime ? '\n' + runtime + '\n' : '');
  const headerLines = header ? header.split('\n').length - 1 : 0;
  const items: TranslatedItem[] = lowered.items.map((it: ItemInfo) => ({
    name: it.name, kind: it.kind, range: toRange(it.span), rustLines: [it.rustStart + headerLines, it.rustEnd + headerLines] as [number, number],
    signature: it.signature, confidence: round2(it.confidence), docstring: it.docstring,
  }));
  const sourceMap = lowered.sourceMap.map((m) => ({ rustLine: m.rustLine + headerLines, range: toRange(m.py) }));
  let confidence = overallConfidence(items, diagnostics);
  if (options.verify ?? !options.fragment) {
    const v = verifyRust(rust, sourceMap);
    if (v.available && !v.ok) {
      diagnostics.push(...v.errors.slice(0, 20));
      // Output that does not compile is not usable as is, whatever else we know.
      confidence = Math.min(confidence, 0.3);
      for (const it of items) if (v.rustErrors.some((e) => e.line >= it.rustLines[0] && e.line <= it.rustLines[1])) it.confidence = Math.min(it.confidence, 0.2);
    }
  }
  return { rust, diagnostics: dedupe(diagnostics), confidence, items, sourceMap, inferred };
}

/** The exception class hierarchy (builtins + the program's own classes) for PyErr::is. */
function excParentFn(custom: Map<string, string>): string {
  const all = new Map<string, string>([...Object.entries(BUILTIN_EXC_PARENT), ...custom]);
  const arms = [...all].map(([k, v]) => `        ${JSON.stringify(k)} => Some(${JSON.stringify(v)}),`);
  return `/// The base class of each exception class (None for BaseException).\nfn exc_parent(kind: &str) -> Option<&'static str> {\n    match kind {\n${arms.join('\n')}\n        _ => None,\n    }\n}`;
}

function round2(x: number) { return Math.round(x * 100) / 100; }

function overallConfidence(items: TranslatedItem[], diags: Diagnostic[]): number {
  if (!items.length) return diags.some((d) => d.severity === 'error') ? 0 : 0.5;
  // The weakest item dominates: one todo!() makes the program unusable.
  const min = Math.min(...items.map((i) => i.confidence));
  const mean = items.reduce((a, i) => a + i.confidence, 0) / items.length;
  return round2(0.7 * min + 0.3 * mean);
}

function dedupe(d: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return d.filter((x) => { const k = `${x.code}|${x.message}|${x.range.start.line}:${x.range.start.character}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** Removes the common leading indentation of non-blank lines. */
export function dedent(code: string): { text: string; removed: number } {
  const ls = code.split('\n');
  const indents = ls.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const n = indents.length ? Math.min(...indents) : 0;
  if (!n) return { text: code, removed: 0 };
  return { text: ls.map((l) => l.slice(Math.min(n, /^[ \t]*/.exec(l)![0].length))).join('\n'), removed: n };
}

export { typeToString };
