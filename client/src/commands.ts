// Registers every `portalis.*` command; each forwards to the module that does its one job.
import * as vscode from 'vscode';
import type { BackendName } from '../../protocol/src/protocol';
import { backend, setBackend } from './config';
import { saveRustAs } from './rustDocument';
import type { Services } from './services';
import { pastePythonAsRust, translate } from './translate';
import { translateWorkspace } from './workspace';

async function restart(s: Services) {
  try {
    await s.status.busy(() => s.client.restart());
    s.output.info('language server restarted');
  } catch (e) {
    s.status.stopped(`restart failed: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(`Portalis: the language server did not restart: ${(e as Error).message}`, 'Show Output')
      .then((c) => c && s.output.show(true));
  }
}

async function switchBackend(choice?: BackendName) {
  const now = backend();
  const picked = choice ?? (await vscode.window.showQuickPick([
    { label: 'embedded', description: now === 'embedded' ? '(current)' : '', detail: 'The engine inside the language server: no set-up, works offline.' },
    { label: 'triton', description: now === 'triton' ? '(current)' : '', detail: 'A Triton Inference Server at portalis.triton.url; falls back to embedded when unreachable.' },
  ], { placeHolder: 'Portalis translation backend' }))?.label as BackendName | undefined;
  if (picked && picked !== now) await setBackend(picked);
}

async function statusActions() {
  const actions: [string, string][] = [['$(output) Show Output', 'portalis.showOutput'], ['$(debug-restart) Restart Server', 'portalis.restartServer'], ['$(server) Switch Backend', 'portalis.switchBackend']];
  const pick = await vscode.window.showQuickPick(actions.map(([label, command]) => ({ label, command })), { placeHolder: 'Portalis' });
  if (pick) await vscode.commands.executeCommand(pick.command);
}

export function registerCommands(context: vscode.ExtensionContext, s: Services) {
  const commands: Record<string, (...args: any[]) => unknown> = {
    'portalis.translateSelection': (uri?: unknown, range?: unknown) => translate(s, 'selection', uri, range),
    'portalis.translateFile': (uri?: unknown) => translate(s, 'file', uri),
    'portalis.translateWorkspace': (folder?: vscode.Uri) => translateWorkspace(s, folder),
    'portalis.pastePythonAsRust': () => pastePythonAsRust(s),
    'portalis.saveRustAs': (uri?: vscode.Uri, target?: vscode.Uri) => saveRustAs(uri, target),
    'portalis.showOutput': () => s.output.show(true),
    'portalis.restartServer': () => restart(s),
    'portalis.switchBackend': (choice?: BackendName) => switchBackend(choice),
    'portalis.statusActions': () => statusActions(),
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}
