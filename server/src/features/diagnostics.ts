// Diagnostics: each open Python document is translated on open and, debounced, on change; the
// translation's warnings are published with stable PTR codes, a link to the code's docs,
// exact Python ranges and the enclosing definition as related information. Errors that
// `cargo check` found in a batch-translated crate are published next to them.
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, Connection, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TranslationDiagnostic } from '../../../protocol/src/protocol';
import type { BackendResult } from '../backends/backend';
import type { RustItem, SessionContext } from '../context';
import type { Settings } from '../settings';
import { Cancelled, Translator } from '../translator';
import { normUri, pathToUri } from '../uri';

/** A document version's whole-file translation; `epoch` is the translator's when it ran (see Translator.epoch). */
export interface Analysis { uri: string; version: number; text: string; result: BackendResult; epoch: number }

const SEVERITY: Record<TranslationDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The page documenting a code: docs/diagnostics.md shipped next to the bundle, one anchor per code. */
export function docsHref(code: string): string {
  return `${pathToUri(path.resolve(__dirname, '..', 'docs', 'diagnostics.md'))}#${code.toLowerCase()}`;
}

export function toLspDiagnostic(d: TranslationDiagnostic & { fix?: unknown }, uri: string, result?: BackendResult): Diagnostic {
  const out: Diagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.code,
    codeDescription: { href: docsHref(d.code) },
    source: 'portalis',
    message: d.suggestion ? `${d.message} (${d.suggestion})` : d.message,
  };
  const item = result?.items.find((i) => i.range.start.line < d.range.start.line && i.range.end.line >= d.range.end.line);
  if (item) {
    const where = item.kind === 'main' ? 'top-level code, translated into fn main()' : `\`${item.name}\`, translated as \`${item.signature}\``;
    out.relatedInformation = [{ location: { uri, range: { start: item.range.start, end: item.range.start } }, message: `in ${where} (confidence ${item.confidence.toFixed(2)})` }];
  }
  if (d.fix) out.data = { fix: d.fix };
  return out;
}

/** The Rust text of each translated definition (for hover and inline completion). */
export function rustItems(r: BackendResult): Map<string, RustItem> {
  const lines = r.rust.split('\n');
  const m = new Map<string, RustItem>();
  for (const it of r.items) {
    if (it.kind === 'main') continue;
    m.set(it.name, { signature: it.signature, confidence: it.confidence, text: lines.slice(it.rustLines[0] - 1, it.rustLines[1]).join('\n') });
  }
  return m;
}

interface Deps {
  connection: Connection;
  translator: Translator;
  context: SessionContext;
  settings: () => Settings;
  onConfidence: (c: number) => void;
  log: (m: string) => void;
}

export class DocumentAnalyzer {
  private analyses = new Map<string, Analysis>();
  private timers = new Map<string, NodeJS.Timeout>();
  private running = new Map<string, CancellationTokenSource>();
  private pending = new Map<string, { version: number; promise: Promise<Analysis> }>();
  private batch = new Map<string, Diagnostic[]>();

  constructor(private deps: Deps) {}

  /** Re-analyses after a pause in typing (immediately on open); a newer change cancels an older run. */
  schedule(doc: TextDocument, delayMs: number) {
    const uri = doc.uri;
    clearTimeout(this.timers.get(uri));
    this.running.get(uri)?.cancel();
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.analyze(doc).catch(() => { /* cancelled, or reported by the translator */ });
    }, delayMs));
  }

  /** The analysis of the document's current version, translating it if needed (then published). */
  analyze(doc: TextDocument): Promise<Analysis> {
    const have = this.analyses.get(doc.uri);
    if (have && have.version === doc.version) return Promise.resolve(have);
    const inFlight = this.pending.get(doc.uri);
    if (inFlight && inFlight.version === doc.version) return inFlight.promise;
    this.running.get(doc.uri)?.cancel();
    const source = new CancellationTokenSource();
    this.running.set(doc.uri, source);
    const promise = this.run(doc, source).finally(() => {
      if (this.running.get(doc.uri) === source) this.running.delete(doc.uri);
      if (this.pending.get(doc.uri)?.promise === promise) this.pending.delete(doc.uri);
    });
    this.pending.set(doc.uri, { version: doc.version, promise });
    return promise;
  }

  private async run(doc: TextDocument, source: CancellationTokenSource): Promise<Analysis> {
    const text = doc.getText();
    const epoch = this.deps.translator.epoch;
    const s = this.deps.settings();
    let result: BackendResult;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > s.maxFileBytes) {
      const message = `document is ${bytes} bytes, over the portalis.maxFileBytes limit (${s.maxFileBytes}); not analysed`;
      result = { rust: '', confidence: 0, items: [], sourceMap: [], inferred: [], fatal: message, backend: 'embedded', diagnostics: [{ code: 'PTR003', severity: 'info', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
    } else {
      const base = path.basename(doc.uri.replace(/^untitled:/, '')).replace(/[^\w.]/g, '_') || 'untitled';
      result = await this.deps.translator.translate({ code: text, fragment: false, filename: base.endsWith('.py') ? base : `${base}.py`, verify: false }, doc.uri, source.token);
    }
    if (source.token.isCancellationRequested) throw new Cancelled();
    const a: Analysis = { uri: doc.uri, version: doc.version, text, result, epoch };
    this.analyses.set(doc.uri, a);
    this.deps.context.setRust(normUri(doc.uri), rustItems(result));
    if (!result.fatal) this.deps.onConfidence(result.confidence);
    this.publish(doc.uri);
    return a;
  }

  get(uri: string): Analysis | undefined { return this.analyses.get(uri); }

  /** The analysis of this version when it is already running or queued (not merely debounced). */
  inFlight(uri: string, version: number): Promise<Analysis> | undefined {
    const p = this.pending.get(uri);
    return p && p.version === version ? p.promise : undefined;
  }

  /** A document was closed: its diagnostics go (batch results stay: they describe the crate). */
  forget(uri: string) {
    clearTimeout(this.timers.get(uri));
    this.running.get(uri)?.cancel();
    this.analyses.delete(uri);
    this.publish(uri);
  }

  /** The document changed: cargo's line numbers for it are stale. */
  changed(uri: string) { if (this.batch.delete(uri)) this.publish(uri); }

  setBatch(byUri: Map<string, Diagnostic[]>) {
    const old = [...this.batch.keys()];
    this.batch = byUri;
    for (const u of new Set([...old, ...byUri.keys()])) this.publish(u);
  }

  /** Settings changed: publish everything again (or clear it when diagnostics are off). */
  republishAll() { for (const u of new Set([...this.analyses.keys(), ...this.batch.keys()])) this.publish(u); }

  publish(uri: string) {
    const diagnostics: Diagnostic[] = [];
    if (this.deps.settings().diagnostics.enabled) {
      const a = this.analyses.get(uri);
      if (a) diagnostics.push(...a.result.diagnostics.map((d) => toLspDiagnostic(d, uri, a.result)));
      diagnostics.push(...(this.batch.get(uri) ?? []));
    }
    this.deps.connection.sendDiagnostics({ uri, version: this.analyses.get(uri)?.version, diagnostics }).catch((e) => this.deps.log(`publishDiagnostics failed: ${e}`));
  }
}
