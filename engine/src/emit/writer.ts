// Builds Rust source line by line, recording for each emitted line the Python range it came
// from (the source map that powers hovers, inline suggestions and rustc error mapping).
import { Span } from '../ast';

export interface SourceMapEntry { rustLine: number; py: Span }

export class RustWriter {
  private lines: string[] = [];
  private map: (Span | undefined)[] = [];
  private depth = 0;
  private spanStack: (Span | undefined)[] = [];

  /** Emits one or more lines (split on \n) at the current indentation. */
  line(text: string, span?: Span) {
    const s = span ?? this.spanStack[this.spanStack.length - 1];
    for (const part of text.split('\n')) {
      this.lines.push(part.length ? '    '.repeat(this.depth) + part : '');
      this.map.push(s);
    }
  }
  blank() {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') { this.lines.push(''); this.map.push(undefined); }
  }
  open(text: string, span?: Span) { this.line(text, span); this.depth++; }
  close(text = '}') { this.depth--; this.line(text); }
  indent() { this.depth++; }
  dedent() { this.depth--; }
  withSpan<T>(span: Span | undefined, f: () => T): T {
    this.spanStack.push(span);
    try { return f(); } finally { this.spanStack.pop(); }
  }
  /** Appends another writer's lines (e.g. a nested item lowered separately). */
  append(other: RustWriter) {
    for (let i = 0; i < other.lines.length; i++) {
      this.lines.push(other.lines[i].length ? '    '.repeat(this.depth) + other.lines[i] : '');
      this.map.push(other.map[i]);
    }
  }
  /** Replaces a placeholder in every line emitted so far (e.g. a jump target known only later). */
  replaceAll(from: string, to: string) { this.lines = this.lines.map((l) => l.split(from).join(to)); }
  get lineCount() { return this.lines.length; }
  /** The Python range of the statement being lowered (for diagnostics without an AST node). */
  get currentSpan(): Span | undefined { return this.spanStack[this.spanStack.length - 1]; }
  text(): string { return this.lines.join('\n') + '\n'; }
  sourceMap(offset = 0): SourceMapEntry[] {
    const out: SourceMapEntry[] = [];
    this.map.forEach((py, i) => { if (py) out.push({ rustLine: i + 1 + offset, py }); });
    return out;
  }
}
