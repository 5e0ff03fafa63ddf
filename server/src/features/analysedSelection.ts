// `portalis/translate` of a selection in an open document whose current version is already
// analysed: when the selection holds whole top-level definitions (and otherwise only blank lines
// and comments), the answer is cut out of the whole-document translation instead of translating
// the selection again — the definitions' Rust, the module globals and runtime helpers they use
// (by name, transitively), the diagnostics inside the selection and the definitions' confidence.
import type { Range, TranslateResult, TranslationDiagnostic } from '../../../protocol/src/protocol';
import type { BackendResult } from '../backends/backend';
import { Split, splitRust, supportFor } from '../rustSegments';
import type { Analysis } from './diagnostics';

/** Splits are kept per result object (an analysis is reused for many selections). */
const splits = new WeakMap<BackendResult, Split | null>();
function splitOf(r: BackendResult): Split | undefined {
  let s = splits.get(r);
  if (s === undefined) { s = splitRust(r) ?? null; splits.set(r, s); }
  return s ?? undefined;
}

/** Offsets of LSP positions in an analysed text (UTF-16 code units, like the engine's ranges); line starts kept per result. */
const lineStarts = new WeakMap<BackendResult, number[]>();
function offsets(text: string, r: BackendResult) {
  let starts = lineStarts.get(r);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStarts.set(r, starts);
  }
  const st = starts;
  return (p: { line: number; character: number }) => Math.min(text.length, (st[p.line] ?? text.length) + p.character);
}

function replacesAnnotation(d: TranslationDiagnostic & { fix?: { edits?: { range: Range }[] } }): boolean {
  return d.code === 'PTR022' && !!d.fix?.edits?.some((e) => e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character);
}

const ONLY_BLANK_OR_COMMENTS = /^(?:[ \t\r\n\f\v]|#[^\n]*)*$/;

/** Engine's aggregate (engine/src/index.ts overallConfidence): the weakest item dominates. */
export function aggregateConfidence(cs: number[]): number {
  const min = Math.min(...cs);
  const mean = cs.reduce((a, c) => a + c, 0) / cs.length;
  return Math.round((0.7 * min + 0.3 * mean) * 100) / 100;
}

/**
 * The answer for `range` from the analysis, or undefined when the selection is not a run of
 * whole top-level definitions (the caller then translates it as a fragment).
 */
export function fromAnalysis(a: Analysis, range: Range): Omit<TranslateResult, 'elapsedMs'> | undefined {
  const r = a.result;
  const split = splitOf(r);
  if (!split) return undefined;
  const off = offsets(a.text, r);
  let from = off(range.start), to = off(range.end);
  if (from > to) [from, to] = [to, from];
  const chosen: { idx: number; start: number; end: number }[] = [];
  for (let i = 0; i < r.items.length; i++) {
    const it = r.items[i];
    if (it.kind === 'main' || !it.range?.start || !it.range?.end) continue;
    const start = off(it.range.start), end = off(it.range.end);
    if (start >= from && end <= to && end > start) chosen.push({ idx: i, start, end });
  }
  if (!chosen.length) return undefined;
  chosen.sort((x, y) => x.start - y.start);
  // What the selection holds besides those definitions must be blank lines or comments. Items
  // may share a Python range (one def emitted once per argument type set, `dedupe`/`dedupe_str`).
  let at = from;
  for (const c of chosen) {
    if (c.start > at && !ONLY_BLANK_OR_COMMENTS.test(a.text.slice(at, c.start))) return undefined;
    at = Math.max(at, c.end);
  }
  if (!ONLY_BLANK_OR_COMMENTS.test(a.text.slice(at, to))) return undefined;

  // The document's call sites can make the engine change a written annotation (`w: float` only
  // ever given ints → `i64`, a PTR022 hint whose fix replaces the annotation). A selection is
  // translated as written, so those go through the fragment path, which honours the annotation.
  const inside = r.diagnostics.filter((d) => off(d.range.start) >= from && off(d.range.end) <= to);
  if (inside.some(replacesAnnotation)) return undefined;
  const idx = chosen.map((c) => c.idx);
  // A def emitted once more for other argument types (`dedupe_str`) is an item with an empty range
  // at the end of the def: it comes with it.
  for (let i = 0; i < r.items.length; i++) {
    const it = r.items[i];
    if (it.kind === 'main' || !it.range?.start || idx.includes(i)) continue;
    const p = off(it.range.start);
    if (off(it.range.end) === p && chosen.some((c) => p > c.start && p <= c.end)) idx.push(i);
  }
  const parts = [
    ...idx.map((i) => split.items[i].lines),
    ...supportFor(split, idx).map((s) => s.lines),
  ].sort((x, y) => x[0] - y[0]);
  let rust = '';
  for (let k = 0; k < parts.length; k++) {
    if (k) rust += parts[k][0] === parts[k - 1][1] + 1 ? '\n' : '\n\n';
    rust += split.lines.slice(parts[k][0], parts[k][1] + 1).join('\n');
  }
  rust += '\n';
  const diagnostics: TranslationDiagnostic[] = inside
    .map((d) => {
      const { fix: _fix, ...rest } = d as TranslationDiagnostic & { fix?: unknown };
      return rest;
    });
  const confidence = aggregateConfidence(idx.map((i) => r.items[i].confidence));
  return { rust, diagnostics, confidence, backend: r.backend, fromAnalysis: true };
}
