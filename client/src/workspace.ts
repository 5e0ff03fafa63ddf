// Translate Workspace: the server does the work (with its own cancellable progress); the client
// picks the folder, then opens the report and says where the crate is.
import * as path from 'path';
import * as vscode from 'vscode';
import type { TranslateWorkspaceParams, TranslateWorkspaceResult } from '../../protocol/src/protocol';
import { TranslateWorkspaceRequest } from '../../protocol/src/protocol';
import { reportError } from './errors';
import type { Services } from './services';

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to translate to Rust' });
}

async function openReport(folder: vscode.WorkspaceFolder, r: TranslateWorkspaceResult) {
  const out = path.isAbsolute(r.outputDir) ? vscode.Uri.file(r.outputDir) : vscode.Uri.joinPath(folder.uri, r.outputDir);
  const report = vscode.Uri.joinPath(out, 'PORTALIS_REPORT.md');
  try {
    await vscode.workspace.fs.stat(report);
    await vscode.commands.executeCommand('markdown.showPreview', report);
  } catch {
    // No file (e.g. cancelled before writing): show the markdown the server returned.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.reportMarkdown });
    await vscode.window.showTextDocument(doc, { preview: false });
  }
}

export async function translateWorkspace(s: Services, folderArg?: vscode.Uri): Promise<TranslateWorkspaceResult | undefined> {
  const folder = folderArg ? vscode.workspace.getWorkspaceFolder(folderArg) : await pickFolder();
  if (!folder) {
    void vscode.window.showErrorMessage('Portalis: open a folder first; "Translate Workspace" writes a Cargo crate inside it.');
    return undefined;
  }
  const params: TranslateWorkspaceParams = { folderUri: folder.uri.toString() };
  try {
    const r = await s.status.busy(() => s.client.sendRequest<TranslateWorkspaceResult>(TranslateWorkspaceRequest, params));
    const done = r.files.filter((f) => f.status === 'translated').length;
    const check = r.cargoCheck === 'ok' ? 'cargo check passed' : r.cargoCheck === 'errors' ? `cargo check found ${r.cargoErrors} error(s), shown on the Python` : 'cargo not found, crate not checked';
    const rel = path.relative(folder.uri.fsPath, r.outputDir) || r.outputDir;
    s.output.info(`workspace ${folder.name}: ${done}/${r.files.length} file(s) into ${r.outputDir}; ${check}${r.cancelled ? '; cancelled' : ''}`);
    await openReport(folder, r);
    const msg = r.cancelled
      ? `Portalis: cancelled after ${done} of ${r.files.length} file(s); ${rel}/ holds the files translated so far.`
      : `Portalis: translated ${done} of ${r.files.length} Python file(s) into ${rel}/; ${check}.`;
    void (r.cargoCheck === 'errors' || r.cancelled ? vscode.window.showWarningMessage(msg) : vscode.window.showInformationMessage(msg));
    return r;
  } catch (e) {
    await reportError('translating the workspace', e, s.output);
    return undefined;
  }
}
