// The custom LSP messages that the extension (client/) and the language server (server/) both
// import. Plain types plus method names: no vscode or vscode-languageserver imports here, so
// any LSP client (neovim, tests) can speak the same protocol.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A translation warning, as the engine reports it (Python range, stable PTR code). */
export interface TranslationDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: Range;
  suggestion?: string;
}

export type BackendName = 'embedded' | 'triton';

/** `portalis/translate` request: translate a document, or a range of it. */
export const TranslateRequest = 'portalis/translate';
export interface TranslateParams {
  uri: string;
  range?: Range;
  /** Translate this text instead of the document's (e.g. "Paste Python as Rust"); uri gives context. */
  text?: string;
}
export interface TranslateResult {
  rust: string;
  diagnostics: TranslationDiagnostic[];
  confidence: number;
  /** The backend that produced this result (after any fallback). */
  backend: BackendName;
  elapsedMs: number;
  /** True when a selection was answered from the open document's whole-file analysis (no new translation). */
  fromAnalysis?: boolean;
}

/** `portalis/translateWorkspace` request: all .py files of the workspace into a Cargo crate. */
export const TranslateWorkspaceRequest = 'portalis/translateWorkspace';
export interface TranslateWorkspaceParams {
  /** Workspace folder URI (default: the first workspace folder). */
  folderUri?: string;
  /** Output folder, absolute or relative to the workspace (default: setting portalis.batch.outputDir). */
  outputDir?: string;
}
export interface FileReport {
  file: string; // workspace-relative path
  confidence: number;
  warnings: number;
  status: 'translated' | 'skipped' | 'failed';
  message?: string;
}
export interface TranslateWorkspaceResult {
  outputDir: string;
  files: FileReport[];
  cancelled: boolean;
  /** 'ok' | 'errors' | 'not-run' (no cargo) */
  cargoCheck: 'ok' | 'errors' | 'not-run';
  cargoErrors: number;
  /** Markdown report, also written to OUT/PORTALIS_REPORT.md. */
  reportMarkdown: string;
}

/** `portalis/status` notification (server → client): drives the language status item. */
export const StatusNotification = 'portalis/status';
export interface StatusParams {
  backend: BackendName;
  /** 'ok' | 'busy' | 'degraded' (triton configured but unreachable → embedded fallback) | 'error' */
  health: 'ok' | 'busy' | 'degraded' | 'error';
  message?: string;
  lastConfidence?: number;
}
