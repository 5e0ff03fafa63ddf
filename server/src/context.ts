// The session context: per workspace folder, the Python definitions the server has seen (open
// documents, and the workspace's files once something needs them) with the Rust the engine
// made of them. A selection is translated with the definitions it (transitively) uses, so a
// call `area(2, 3)` to a known `def area(w: float, h: float)` becomes `area(2.0, 3.0)`.
import * as fs from 'fs';
import { identifiers, PyDefinition, PyScan, scanPython } from './pyscan';
import { normUri, pathToUri, uriToPath } from './uri';
import { listPythonFiles } from './workspaceFiles';

export interface RustItem { signature: string; text: string; confidence: number }
export interface KnownDef extends PyDefinition { uri: string; rust?: RustItem }

interface FileEntry { scan: PyScan; open: boolean; rust: Map<string, RustItem> }

class Workspace {
  files = new Map<string, FileEntry>();
  scanned = false;
}

const MAX_SCAN_FILES = 2000;
const MAX_SCAN_BYTES = 1_000_000;

export class SessionContext {
  private folders: string[] = [];
  private workspaces = new Map<string, Workspace>();

  setFolders(uris: string[]) { this.folders = uris.map((u) => normUri(u).replace(/\/$/, '')).sort((a, b) => b.length - a.length); }

  /** The workspace folder a document belongs to ('' for untitled or outside every folder). */
  workspaceOf(uri: string): string {
    return this.folders.find((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : f + '/')) ?? '';
  }

  private ws(key: string): Workspace {
    let w = this.workspaces.get(key);
    if (!w) { w = new Workspace(); this.workspaces.set(key, w); }
    return w;
  }

  /** An open document's current text. */
  update(uri: string, text: string) {
    const w = this.ws(this.workspaceOf(uri));
    const prev = w.files.get(uri);
    w.files.set(uri, { scan: scanPython(text), open: true, rust: prev?.rust ?? new Map() });
  }

  /** A document was closed: keep what is on disk (if the workspace was scanned), drop the rest. */
  close(uri: string) {
    const w = this.ws(this.workspaceOf(uri));
    const e = w.files.get(uri);
    if (!e) return;
    const disk = w.scanned ? readSmall(uri) : undefined;
    if (disk === undefined) w.files.delete(uri);
    else w.files.set(uri, { scan: scanPython(disk), open: false, rust: e.rust });
  }

  /** A Python file changed, appeared or went away on disk (workspace/didChangeWatchedFiles). */
  fileChanged(uri: string, deleted: boolean) {
    const w = this.ws(this.workspaceOf(uri));
    if (w.files.get(uri)?.open) return; // the editor's copy wins
    const text = deleted || !w.scanned ? undefined : readSmall(uri);
    if (text === undefined) w.files.delete(uri);
    else w.files.set(uri, { scan: scanPython(text), open: false, rust: new Map() });
  }

  /** Records the Rust the engine produced for a document's definitions (hover, inline completion). */
  setRust(uri: string, items: Map<string, RustItem>) {
    const e = this.ws(this.workspaceOf(uri)).files.get(uri);
    if (e) e.rust = items;
  }

  /** Reads the workspace's Python files once (lazily: the first selection or completion that needs them). */
  ensureScanned(uri: string) {
    const key = this.workspaceOf(uri);
    const w = this.ws(key);
    if (w.scanned) return;
    w.scanned = true;
    if (!key.startsWith('file:')) return;
    for (const f of listPythonFiles(uriToPath(key)!, { limit: MAX_SCAN_FILES })) {
      const u = pathToUri(f);
      if (w.files.get(u)?.open) continue;
      const text = readSmall(u);
      if (text !== undefined) w.files.set(u, { scan: scanPython(text), open: false, rust: new Map() });
    }
  }

  /** Every known definition of the document's workspace; the document's own first, then open files. */
  definitions(uri: string): KnownDef[] {
    const w = this.ws(this.workspaceOf(uri));
    const entries = [...w.files].sort(([a, x], [b, y]) => rank(a, x) - rank(b, y));
    function rank(u: string, e: FileEntry) { return u === uri ? 0 : e.open ? 1 : 2; }
    const out: KnownDef[] = [];
    for (const [u, e] of entries) for (const d of e.scan.defs) out.push({ ...d, uri: u, rust: e.rust.get(d.name) });
    return out;
  }

  /**
   * Python source of the definitions `code` uses, directly or through other definitions, plus
   * the imports of its own file and of the files those definitions come from. Definitions of `code` itself, and those of the
   * same document overlapping `exclude` lines, are left out (they would be defined twice).
   */
  contextFor(uri: string, code: string, exclude?: [number, number]): string {
    const own = new Set(scanPython(dedentAll(code)).defs.map((d) => d.name));
    const byName = new Map<string, KnownDef>();
    for (const d of this.definitions(uri)) {
      if (own.has(d.name) || byName.has(d.name)) continue;
      if (exclude && d.uri === uri && d.lines[0] <= exclude[1] && d.lines[1] >= exclude[0]) continue;
      byName.set(d.name, d);
    }
    const chosen: KnownDef[] = [];
    const seen = new Set<string>();
    const queue = [...identifiers(code)];
    while (queue.length) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const d = byName.get(name);
      if (!d) continue;
      chosen.push(d);
      for (const id of identifiers(d.source)) if (!seen.has(id)) queue.push(id);
    }
    const w = this.ws(this.workspaceOf(uri));
    // The selection's own file imports come first: a selected method calling math.sqrt needs
    // `import math` even when it uses no other known definition.
    const imports = new Set<string>(w.files.get(uri)?.scan.imports ?? []);
    for (const d of chosen) for (const i of w.files.get(d.uri)?.scan.imports ?? []) imports.add(i);
    if (!chosen.length && !imports.size) return '';
    // Stable order (the cache key depends on it): imports, then definitions by file and line.
    chosen.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.lines[0] - b.lines[0]));
    return [...imports].join('\n') + (imports.size ? '\n\n' : '') + chosen.map((d) => d.source).join('\n\n') + '\n';
  }
}

function readSmall(uri: string): string | undefined {
  const p = uriToPath(uri);
  if (p === undefined) return undefined;
  try {
    if (fs.statSync(p).size > MAX_SCAN_BYTES) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch { return undefined; }
}

function dedentAll(code: string): string {
  const ls = code.split('\n');
  const n = Math.min(...ls.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length), Infinity);
  return Number.isFinite(n) && n ? ls.map((l) => l.slice(n)).join('\n') : code;
}
