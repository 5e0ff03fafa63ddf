// Puts the warnings of a translation the user asked for on the Python as diagnostics. The server
// also publishes whole-document diagnostics; warnings it already shows are not repeated here.
import * as vscode from 'vscode';
import type { TranslationDiagnostic } from '../../protocol/src/protocol';

const SEVERITY: Record<TranslationDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const key = (code: unknown, r: vscode.Range) => `${typeof code === 'object' && code ? (code as { value: unknown }).value : code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

export class TranslationWarnings implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('portalis-translation');
  // An edit moves the code under the warnings: drop them rather than point at the wrong text.
  private readonly edits = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
  });

  set(uri: vscode.Uri, warnings: TranslationDiagnostic[]) {
    this.collection.delete(uri);
    const shown = new Set(vscode.languages.getDiagnostics(uri).map((d) => key(d.code, d.range)));
    const diags = warnings.map((w) => {
      const range = new vscode.Range(w.range.start.line, w.range.start.character, w.range.end.line, w.range.end.character);
      const d = new vscode.Diagnostic(range, w.suggestion ? `${w.message} (${w.suggestion})` : w.message, SEVERITY[w.severity] ?? vscode.DiagnosticSeverity.Warning);
      d.code = w.code;
      d.source = 'Portalis';
      return d;
    }).filter((d) => !shown.has(key(d.code, d.range)));
    this.collection.set(uri, diags);
  }

  dispose() { this.edits.dispose(); this.collection.dispose(); }
}
