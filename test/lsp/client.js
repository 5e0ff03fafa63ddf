// A minimal LSP client for the headless tests: spawns `node dist/server.js --stdio` and speaks
// JSON-RPC over the child's stdio, recording every notification so tests can wait for one.
const { spawn } = require('child_process');
const path = require('path');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource, ProgressType } = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { pathToFileURL } = require('url');

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

class LspClient {
  /**
   * @param {{ root?: string, settings?: object, progress?: boolean, initializationOptions?: object }} opts
   * settings: answered to workspace/configuration (the client then declares configuration support).
   */
  static async start(opts = {}) {
    const c = new LspClient(opts);
    await c.initialize();
    return c;
  }

  constructor(opts) {
    this.opts = opts;
    this.settings = opts.settings;
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (b) => { this.stderr += b; });
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.notes = [];
    this.waiters = [];
    this.docs = new Map();
    this.progressTokens = [];
    this.conn.onNotification((method, params) => this.record(method, params));
    this.conn.onRequest('workspace/configuration', (p) => {
      const answer = p.items.map((i) => (i.section === 'portalis' ? JSON.parse(JSON.stringify(this.settings ?? {})) : null));
      // Recorded after the answer is computed; a test waiting on it sends its next message after the answer.
      Promise.resolve().then(() => this.record('workspace/configuration', p));
      return answer;
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', (p) => { this.progressTokens.push(p.token); this.trackProgress(p.token); return null; });
    this.conn.listen();
  }

  record(method, params) {
    const n = { method, params };
    this.notes.push(n);
    for (const w of [...this.waiters]) if (w.method === method && w.pred(params)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(params); }
  }

  /** Resolves with the first notification (already received or future) matching method + predicate. */
  waitFor(method, pred = () => true, { since = 0 } = {}) {
    const have = this.notes.slice(since).find((n) => n.method === method && pred(n.params));
    if (have) return Promise.resolve(have.params);
    return new Promise((resolve) => this.waiters.push({ method, pred, resolve }));
  }

  /** $/progress is dispatched per token by vscode-jsonrpc: record it like any notification. */
  trackProgress(token) {
    this.conn.onProgress(new ProgressType(), token, (value) => this.record('$/progress', { token, value }));
  }

  /** Index to pass as `since` so that only later notifications count. */
  mark() { return this.notes.length; }

  async initialize() {
    const root = this.opts.root;
    const capabilities = {
      workspace: { configuration: !!this.settings, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: !!this.opts.progress },
      textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } } }, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } },
    };
    const folders = root ? [{ uri: uri(root), name: path.basename(root) }] : null;
    this.init = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: folders ? folders[0].uri : null, workspaceFolders: folders, capabilities, initializationOptions: this.opts.initializationOptions });
    this.conn.sendNotification('initialized', {});
  }

  request(method, params, token) { return token ? this.conn.sendRequest(method, params, token) : this.conn.sendRequest(method, params); }
  notify(method, params) { return this.conn.sendNotification(method, params); }

  open(docUri, text, languageId = 'python') {
    this.docs.set(docUri, TextDocument.create(docUri, languageId, 1, text));
    this.notify('textDocument/didOpen', { textDocument: { uri: docUri, languageId, version: 1, text } });
    return this.docs.get(docUri);
  }

  /** Replaces the whole text; returns the new version. */
  change(docUri, text) {
    const d = this.docs.get(docUri);
    const next = TextDocument.create(docUri, d.languageId, d.version + 1, text);
    this.docs.set(docUri, next);
    this.notify('textDocument/didChange', { textDocument: { uri: docUri, version: next.version }, contentChanges: [{ text }] });
    return next.version;
  }

  text(docUri) { return this.docs.get(docUri).getText(); }

  /** Applies a WorkspaceEdit's changes for one document (as an editor would) and sends them. */
  applyEdit(docUri, edit) {
    const edits = edit.changes[docUri];
    return this.change(docUri, TextDocument.applyEdits(this.docs.get(docUri), edits));
  }

  diagnostics(docUri, pred = () => true, since = 0) {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === docUri && pred(p), { since });
  }

  async stop() {
    try {
      await this.conn.sendRequest('shutdown');
      this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    const exited = this.child.exitCode !== null ? Promise.resolve(this.child.exitCode) : new Promise((r) => this.child.on('exit', (code) => r(code)));
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}

function uri(p) { return pathToFileURL(p).href; }

module.exports = { LspClient, uri, CancellationTokenSource, SERVER };
