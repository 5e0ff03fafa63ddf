// The few `portalis.*` settings the client itself reads; the server reads the rest through
// workspace/configuration (see server/src/settings.ts, which owns the defaults).
import * as vscode from 'vscode';
import type { BackendName } from '../../protocol/src/protocol';

export const SECTION = 'portalis';

const section = () => vscode.workspace.getConfiguration(SECTION);

export function backend(): BackendName {
  return section().get<string>('backend') === 'triton' ? 'triton' : 'embedded';
}

/** Same limit the server enforces; checked here too so a huge clipboard is never sent. */
export function maxSelectionBytes(): number {
  const v = section().get<number>('maxSelectionBytes');
  return typeof v === 'number' && v > 0 ? v : 200_000;
}

/** Writes the backend where the user will see it take effect: the workspace if it sets one. */
export async function setBackend(name: BackendName): Promise<void> {
  const inspect = section().inspect<string>('backend');
  const target = inspect?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await section().update('backend', name, target);
}
