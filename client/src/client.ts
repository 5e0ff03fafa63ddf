// Starts the language server (dist/server.js, over Node IPC) and restarts it when it crashes.
import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SECTION } from './config';

/** Python and Rust editors backed by files or untitled buffers (not our own portalis-rust: views). */
export const DOCUMENT_SELECTOR = ['file', 'untitled'].flatMap((scheme) => [
  { scheme, language: 'python' },
  { scheme, language: 'rust' },
]);

const CRASH_WINDOW_MS = 3 * 60 * 1000;
const MAX_CRASHES = 5;

/** Restarts a crashed server with a notice; gives up (with a way to the logs) if it keeps crashing. */
class RestartOnCrash implements ErrorHandler {
  private crashes: number[] = [];
  error(_e: Error, _m: unknown, count: number | undefined) {
    // Writes to a server that just died fail ("Channel closed") before the close event arrives:
    // keep going so closed() can restart it. Only a stream of errors on a live connection stops it.
    return { action: count !== undefined && count > 3 ? ErrorAction.Shutdown : ErrorAction.Continue };
  }
  closed() {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The Portalis language server crashed ${MAX_CRASHES + 1} times in 3 minutes and was not restarted. ` +
          'See "Portalis: Show Output", then run "Portalis: Restart Server".',
      };
    }
    return { action: CloseAction.Restart, message: 'The Portalis language server stopped unexpectedly and was restarted.' };
  }
}

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
    errorHandler: new RestartOnCrash(),
  };
  // The id 'portalis' makes the library honour the `portalis.trace.server` setting.
  return new LanguageClient('portalis', 'Portalis', serverOptions, clientOptions);
}
