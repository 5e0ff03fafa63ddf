// Extension entry: wires the output channel, the language client, the status item, the Rust
// views and the commands. Everything that translates happens in the language server.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { StatusParams } from '../../protocol/src/protocol';
import { StatusNotification } from '../../protocol/src/protocol';
import { createClient } from './client';
import { registerCommands } from './commands';
import { backend } from './config';
import { RustDocuments, SCHEME } from './rustDocument';
import type { Services } from './services';
import { StatusItem } from './statusItem';
import { TranslationWarnings } from './warnings';

let services: Services | undefined;

/** What activate() returns: used by the integration tests (and other extensions). */
export type PortalisApi = Services;

export async function activate(context: vscode.ExtensionContext): Promise<PortalisApi> {
  const output = vscode.window.createOutputChannel('Portalis', { log: true });
  const client = createClient(context, output);
  const status = new StatusItem(backend());
  const rust = new RustDocuments();
  const warnings = new TranslationWarnings();
  let lastPython: vscode.Uri | undefined;
  const track = (e: vscode.TextEditor | undefined) => { if (e?.document.languageId === 'python') lastPython = e.document.uri; };
  track(vscode.window.activeTextEditor);
  context.subscriptions.push(output, status, rust, warnings,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, rust),
    vscode.window.onDidChangeActiveTextEditor(track),
    client.onNotification(StatusNotification, (p: StatusParams) => status.update(p)),
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.stopped('language server stopped (Restart Server starts it)');
      if (e.newState === State.Running) status.started();
    }));
  services = { client, output, status, rust, warnings, lastPython: () => lastPython };
  registerCommands(context, services);
  try {
    await client.start();
  } catch (e) {
    // The commands stay registered: Show Output explains, Restart Server retries.
    status.stopped(`language server failed to start: ${(e as Error).message}`);
    output.error(`language server failed to start: ${(e as Error).stack ?? e}`);
  }
  return services;
}

export async function deactivate(): Promise<void> {
  // While VS Code shuts down its log channel may already be gone: a failed stop has no one to tell.
  await services?.client.stop().catch(() => undefined);
}
