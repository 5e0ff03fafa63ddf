// Hover on a Python definition or name: the Rust it becomes, the confidence with the reasons
// that lowered it, and the warnings that touch it. Built from the document's latest analysis.
import { Hover, MarkupKind, Position } from 'vscode-languageserver/node';
import { CODES } from '../../../engine/src/index';
import type { BackendResult } from '../backends/backend';
import type { Analysis } from './diagnostics';

type Range = { start: Position; end: Position };
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (r: Range, p: Position) => before(r.start, p) && before(p, r.end);
const overlaps = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);

/** The identifier at a position, with its range. */
function wordAt(text: string, pos: Position): { word: string; range: Range } | undefined {
  const line = text.split('\n')[pos.line] ?? '';
  const re = /[A-Za-z_]\w*/g;
  for (let m; (m = re.exec(line));) {
    if (m.index <= pos.character && pos.character <= m.index + m[0].length) {
      return { word: m[0], range: { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } } };
    }
  }
  return undefined;
}

function reasons(r: BackendResult, range: Range): string[] {
  const touching = r.diagnostics.filter((d) => overlaps(d.range, range) && d.severity !== 'hint');
  const byCode = new Map<string, number>();
  for (const d of touching) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  return [...byCode].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, n]) => `${c} ×${n}: ${(CODES as Record<string, string>)[c] ?? 'see the warning'}`);
}

function warningsList(r: BackendResult, range: Range): string[] {
  return r.diagnostics.filter((d) => overlaps(d.range, range)).slice(0, 6).map((d) => `- \`${d.code}\` line ${d.range.start.line + 1}: ${d.message}`);
}

export function hover(a: Analysis, pos: Position): Hover | null {
  const r = a.result;
  if (r.fatal) return null;
  const w = wordAt(a.text, pos);
  if (!w) return null;
  const rustLines = r.rust.split('\n');
  const parts: string[] = [];
  // A definition: hovering its name (def/class line) or any use of the name.
  const item = r.items.find((i) => i.kind !== 'main' && i.name === w.word);
  if (item) {
    const why = reasons(r, item.range);
    parts.push('```rust\n' + item.signature + '\n```');
    parts.push(`Portalis translation (${item.kind}, Rust lines ${item.rustLines[0]}–${item.rustLines[1]}) · confidence **${item.confidence.toFixed(2)}**`);
    parts.push(why.length ? 'Lowered by:\n' + why.map((x) => `- ${x}`).join('\n') : 'Nothing lowered the confidence: every construct has a direct Rust equivalent.');
    const warns = warningsList(r, item.range);
    if (warns.length) parts.push('Diagnostics here:\n' + warns.join('\n'));
  } else {
    // A variable or other name: the Rust lines made from the Python line it is on, the one
    // that mentions the name first.
    const entries = r.sourceMap.filter((m) => contains(m.range, pos) && m.range.start.line === pos.line);
    const candidates = entries.map((m) => (rustLines[m.rustLine - 1] ?? '').trim()).filter(Boolean);
    const named = candidates.find((l) => new RegExp(`\\b${w.word}\\b`).test(l)) ?? candidates[0];
    if (!named) return null;
    parts.push('```rust\n' + named + '\n```');
    const owner = r.items.find((i) => contains(i.range, pos));
    if (owner) parts.push(`Portalis translation · in \`${owner.kind === 'main' ? 'fn main()' : owner.name}\` · confidence **${owner.confidence.toFixed(2)}**`);
    const warns = warningsList(r, { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 10_000 } });
    if (warns.length) parts.push('Diagnostics here:\n' + warns.join('\n'));
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range: w.range };
}
