// Turns a failed request into one clear message (with a way to the logs); cancellations are silent.
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';

export function isCancellation(e: unknown): boolean {
  return e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled;
}

export async function reportError(what: string, e: unknown, output: vscode.LogOutputChannel): Promise<void> {
  if (isCancellation(e)) return;
  const message = e instanceof Error ? e.message : String(e);
  output.error(`${what}: ${message}`);
  const choice = await vscode.window.showErrorMessage(`Portalis: ${what} failed: ${message}`, 'Show Output');
  if (choice) output.show(true);
}
