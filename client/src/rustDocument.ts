// Read-only `portalis-rust:` documents that show a translation beside its Python. Translating
// again updates the same document in place; "Save as…" writes a copy the user owns.
import * as path from 'path';
import * as vscode from 'vscode';

export const SCHEME = 'portalis-rust';
export type Kind = 'selection' | 'file';

/** One document per Python source and kind; the query keeps the source URI. */
export function rustUriFor(source: vscode.Uri, kind: Kind): vscode.Uri {
  const base = path.posix.basename(source.path).replace(/\.pyw?$/i, '') || 'untitled';
  const dir = path.posix.dirname(source.path).replace(/^\.?$/, '/');
  const name = kind === 'file' ? `${base}.rs` : `${base} (selection).rs`;
  return vscode.Uri.from({ scheme: SCHEME, path: path.posix.join(dir.startsWith('/') ? dir : '/' + dir, name), query: source.toString() });
}

export class RustDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => {
    if (d.uri.scheme === SCHEME) this.contents.delete(d.uri.toString());
  });

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This translation is no longer open: translate the Python again.\n';
  }

  /** Stores a translation, tells open editors, and returns the URI that shows it. */
  show(source: vscode.Uri, kind: Kind, rust: string): vscode.Uri {
    const uri = rustUriFor(source, kind);
    this.contents.set(uri.toString(), rust);
    this.changed.fire(uri);
    return uri;
  }

  dispose() { this.closing.dispose(); this.changed.dispose(); }
}

/** "Save Rust As…": the target comes from a save dialog (or the caller, for scripted use). */
export async function saveRustAs(arg?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== SCHEME) {
    void vscode.window.showErrorMessage('Portalis: "Save Rust As…" works on a Rust translation opened by Portalis.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!target) {
    const source = vscode.Uri.parse(uri.query);
    const name = path.posix.basename(uri.path).replace(' (selection)', '');
    const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { Rust: ['rs'] },
      saveLabel: 'Save Rust',
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(doc.getText()));
  await vscode.window.showTextDocument(target);
  return target;
}
