// Translation diagnostics: stable codes, severities, Python ranges, suggestions and fixes.
import { Span } from './ast';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position { line: number; character: number } // 0-based, UTF-16 like LSP
export interface Range { start: Position; end: Position }

export interface TextEdit { range: Range; newText: string }

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  suggestion?: string;
  fix?: { title: string; edits: TextEdit[] };
}

/** The catalogue of diagnostic codes (documented in README and docs/diagnostics.md). */
export const CODES = {
  PTR001: 'syntax error in the Python source',
  PTR002: 'input is not valid UTF-8 text or is binary',
  PTR003: 'input exceeds the size limit',
  PTR004: 'input is nested too deeply to translate',
  PTR010: 'unsupported construct, translated as todo!()',
  PTR011: 'unsupported import; the names it provides become todo!()',
  PTR020: 'type could not be inferred; a fallback type was used',
  PTR021: 'Python semantics approximated (mixed-type values, ints in float slots, shared container rows)',
  PTR022: 'an empty container\'s element type was inferred from its uses',
  PTR023: 'an int value is stored where float is declared (prints differently)',
  PTR030: 'integer arithmetic may exceed 64 bits',
  PTR060: 'dynamic feature (eval, exec, getattr with a computed name, ...) not translatable',
  PTR070: 'rustc rejected the generated code at this location',
} as const;
export type Code = keyof typeof CODES;

/** Converts UTF-16 offsets to LSP line/character positions. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(private text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  range(span: Span): Range { return { start: this.position(span.start), end: this.position(span.end) }; }
  offset(p: Position): number { return (this.starts[p.line] ?? this.text.length) + p.character; }
  lineStart(line: number): number { return this.starts[line] ?? this.text.length; }
}
