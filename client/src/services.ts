// What the commands share: one client, one output channel, one status item, the Rust views.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RustDocuments } from './rustDocument';
import type { StatusItem } from './statusItem';
import type { TranslationWarnings } from './warnings';

export interface Services {
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  status: StatusItem;
  rust: RustDocuments;
  warnings: TranslationWarnings;
  /** The Python editor the user was in last (context for "Paste Python as Rust"). */
  lastPython(): vscode.Uri | undefined;
}
