// The Portalis language server. Speaks LSP over --stdio (any client: neovim, tests) or node IPC
// (the VS Code extension); createConnection() picks the transport from the command line.
// Wiring only: each feature lives in features/, shared state in context/translator/status.
import {
  CancellationToken, CancellationTokenSource, CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  InitializeParams, InitializeResult, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TranslateRequest, TranslateWorkspaceRequest } from '../../protocol/src/protocol';
import type { TranslateParams, TranslateWorkspaceParams } from '../../protocol/src/protocol';
import type { Backend } from './backends/backend';
import { createBackend } from './backends/index';
import { SessionContext } from './context';
import { isPython } from './documents';
import { translateWorkspace } from './features/batch';
import { codeActions } from './features/codeActions';
import { DocumentAnalyzer } from './features/diagnostics';
import { hover } from './features/hover';
import { inlineCompletion } from './features/inlineCompletion';
import { translateRequest } from './features/translate';
import { DEFAULTS, normalize, Settings } from './settings';
import { Status } from './status';
import { Cancelled, Translator } from './translator';
import { normUri } from './uri';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const log = (m: string) => connection.console.log(`[portalis] ${m}`);

let settings: Settings = DEFAULTS;
/** Resolves once the client's settings are known (at once for clients without workspace/configuration). */
let settingsReady: Promise<void> = Promise.resolve();
let markSettingsReady = () => { /* replaced in onInitialize */ };
let canConfigure = false;
let canCreateProgress = false;
let canWatchFolders = false;
let canWatchFiles = false;
let folders: string[] = [];
const status = new Status((method, params) => { connection.sendNotification(method, params).catch(() => { /* client gone */ }); });
const context = new SessionContext();

let backend: Backend;
let backendKey = '';
/** (Re)creates the backend when its settings change; the old one ends its sessions and goes. */
function useBackend(s: Settings) {
  const key = JSON.stringify([s.backend, s.triton]);
  if (key === backendKey) return;
  const old = backend;
  backendKey = key;
  try {
    backend = createBackend(s, { log, health: (h, m) => status.setHealth(h, m) });
  } catch (e) {
    log(`cannot create the ${s.backend} backend: ${(e as Error).message}; using embedded`);
    backend = createBackend({ ...s, backend: 'embedded' }, { log, health: (h, m) => status.setHealth(h, m) });
    status.setHealth('error', `${s.backend} backend unavailable: ${(e as Error).message}`);
  }
  status.setBackend(backend.name);
  translator.newBackend();
  if (old) {
    const ids = translator.takeSessions();
    Promise.allSettled(ids.map((id) => old.endSession(id))).then(() => old.dispose())
      .catch((e) => log(`disposing the ${old.name} backend: ${e}`));
  }
}
const translator: Translator = new Translator(() => backend, status, log);
useBackend(settings);
const onConfidence = (c: number) => status.setConfidence(c);
const analyzer = new DocumentAnalyzer({ connection, translator, context, settings: () => settings, onConfidence, log });

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canConfigure = !!params.capabilities.workspace?.configuration;
  if (canConfigure) settingsReady = new Promise((resolve) => { markSettingsReady = resolve; });
  canCreateProgress = !!params.capabilities.window?.workDoneProgress;
  canWatchFolders = !!params.capabilities.workspace?.workspaceFolders;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (!folders.length && params.rootUri) folders = [params.rootUri];
  context.setFolders(folders);
  // Settings passed at start (neovim's init_options, say) apply until workspace/configuration answers.
  if (params.initializationOptions?.portalis) { settings = normalize(params.initializationOptions.portalis); useBackend(settings); }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
      inlineCompletionProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'portalis', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canConfigure) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'portalis' }).catch(() => { /* optional */ });
    await refreshSettings().finally(() => markSettingsReady());
  }
  if (canWatchFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => {
    folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
    context.setFolders(folders);
  });
  // Keeps the session context of files that are not open in step with the disk.
  if (canWatchFiles) connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.py' }] }).catch(() => { /* optional */ });
  status.resend();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const ch of changes) context.fileChanged(normUri(ch.uri), ch.type === FileChangeType.Deleted);
});

async function refreshSettings(pushed?: unknown) {
  let raw = pushed;
  if (canConfigure) {
    try { [raw] = await connection.workspace.getConfiguration([{ section: 'portalis' }]); } catch (e) { log(`workspace/configuration failed: ${e}`); }
  }
  const before = settings;
  settings = normalize(raw ?? {});
  useBackend(settings);
  if (before.diagnostics.enabled !== settings.diagnostics.enabled) {
    analyzer.republishAll();
    if (settings.diagnostics.enabled) for (const d of documents.all()) if (isPython(d)) analyzer.schedule(d, 0);
  }
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { portalis?: unknown } | undefined)?.portalis;
  refreshSettings(pushed).catch((e) => log(`settings: ${e}`));
});

// TextDocuments fires onDidChangeContent right after onDidOpen: the open handler covers both.
const justOpened = new Set<string>();
documents.onDidOpen(({ document }) => {
  if (!isPython(document)) return;
  justOpened.add(document.uri);
  context.update(normUri(document.uri), document.getText());
  settingsReady.then(() => { if (settings.diagnostics.enabled && documents.get(document.uri)) analyzer.schedule(document, 0); });
});
documents.onDidChangeContent(({ document }) => {
  if (!isPython(document) || justOpened.delete(document.uri)) return;
  context.update(normUri(document.uri), document.getText());
  analyzer.changed(document.uri);
  if (settings.diagnostics.enabled) analyzer.schedule(document, settings.diagnostics.debounceMs);
});
documents.onDidClose(({ document }) => {
  if (!isPython(document)) return;
  context.close(normUri(document.uri));
  analyzer.forget(document.uri);
  translator.endSessions(document.uri).catch(() => { /* logged by the backend */ });
});

/** The current analysis of an open Python document, or undefined (closed, not Python, cancelled). */
async function analysisOf(uri: string, token: CancellationToken) {
  const doc = documents.get(uri);
  if (!doc || !isPython(doc)) return undefined;
  try {
    const a = await analyzer.analyze(doc);
    return token.isCancellationRequested || a.version !== doc.version ? undefined : a;
  } catch { return undefined; }
}

connection.onHover(async (p, token) => {
  await settingsReady;
  const a = await analysisOf(p.textDocument.uri, token);
  return a ? hover(a, p.position) : null;
});

connection.onCodeAction(async (p, token) => {
  await settingsReady;
  const doc = documents.get(p.textDocument.uri);
  if (!doc || !isPython(doc)) return [];
  const a = await analysisOf(p.textDocument.uri, token);
  return token.isCancellationRequested ? [] : codeActions(p, a);
});

connection.languages.inlineCompletion.on(async (p, token) => {
  await settingsReady;
  try { return await inlineCompletion(p, token, { documents, translator, context, settings: () => settings }); } catch (e) {
    if (!(e instanceof Cancelled)) log(`inline completion failed: ${(e as Error).message}`);
    return [];
  }
});

connection.onRequest(TranslateRequest, async (p: TranslateParams, token: CancellationToken) => {
  await settingsReady;
  return translateRequest(p, token, { documents, translator, context, analyzer, settings: () => settings, onConfidence });
});

connection.onRequest(TranslateWorkspaceRequest, async (p: TranslateWorkspaceParams & { workDoneToken?: string | number }, token: CancellationToken) => {
  await settingsReady;
  // Progress: the client's token when it sent one, else one the server creates (cancellable).
  let reporter: WorkDoneProgressReporter | undefined;
  const cancel = new CancellationTokenSource();
  token.onCancellationRequested(() => cancel.cancel());
  if (p?.workDoneToken !== undefined) reporter = connection.window.attachWorkDoneProgress(p.workDoneToken);
  else if (canCreateProgress) {
    try {
      const r = await connection.window.createWorkDoneProgress();
      r.token.onCancellationRequested(() => cancel.cancel());
      reporter = r;
    } catch (e) { log(`no progress: ${e}`); }
  }
  reporter?.begin('Portalis: translating workspace to Rust', 0, 'listing Python files', true);
  try {
    return await status.busy(() => translateWorkspace(p, cancel.token, { report: (pct, m) => reporter?.report(pct, m ?? '') }, {
      translator, settings: () => settings, folders: () => folders, publishBatch: (m) => analyzer.setBatch(m), log,
    }));
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    log(`translateWorkspace failed: ${(e as Error).stack ?? e}`);
    throw new ResponseError(LSPErrorCodes.RequestFailed, `workspace translation failed: ${(e as Error).message}`);
  } finally {
    reporter?.done();
    cancel.dispose();
  }
});

connection.onShutdown(async () => {
  // One editor session = one backend session (Triton: sequence_end); then release the backend.
  await translator.endSessions();
  await backend.dispose().catch(() => { /* exiting anyway */ });
});

process.on('uncaughtException', (e) => { log(`internal error (server keeps running): ${e?.stack ?? e}`); status.setHealth('error', String(e?.message ?? e)); });
process.on('unhandledRejection', (e) => { log(`unhandled rejection: ${(e as Error)?.stack ?? e}`); });

documents.listen(connection);
connection.listen();
