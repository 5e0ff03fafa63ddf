// The language status item (in the status bar's {} menu for Python and Rust editors): backend,
// health, last confidence, a spinner while busy, and a link to the Portalis actions.
import * as vscode from 'vscode';
import type { StatusParams } from '../../protocol/src/protocol';
import { DOCUMENT_SELECTOR } from './client';

const ICON: Record<StatusParams['health'], string> = { ok: '$(check)', busy: '$(check)', degraded: '$(warning)', error: '$(error)' };

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('portalis.status', DOCUMENT_SELECTOR);
  private status: StatusParams;
  private pending = 0;

  constructor(backend: StatusParams['backend']) {
    this.status = { backend, health: 'ok' };
    this.item.name = 'Portalis';
    this.item.command = { title: 'Output · Restart · Backend…', command: 'portalis.statusActions', tooltip: 'Show Output, Restart Server or Switch Backend' };
    this.render();
  }

  /** The server's `portalis/status` notification. */
  update(p: StatusParams) {
    this.status = { ...p, lastConfidence: p.lastConfidence ?? this.status.lastConfidence };
    this.render();
  }

  /** The confidence of a translation this client asked for (the server may not have said yet). */
  confidence(c: number) { this.status = { ...this.status, lastConfidence: c }; this.render(); }

  /** The server (re)started: an error from before no longer describes it; it reports its own state next. */
  started() {
    if (this.status.health === 'error') { this.status = { ...this.status, health: 'ok', message: undefined }; this.render(); }
  }

  /** The server is not running (crashed for good, or failed to start). */
  stopped(message: string) { this.status = { ...this.status, health: 'error', message }; this.render(); }

  /** Shows the spinner while a request this client sent is in flight. */
  async busy<T>(work: () => Thenable<T>): Promise<T> {
    this.pending++;
    this.render();
    try { return await work(); } finally { this.pending--; this.render(); }
  }

  current(): StatusParams & { busy: boolean; text: string; detail?: string } {
    return { ...this.status, busy: this.item.busy, text: this.item.text, detail: this.item.detail };
  }

  private render() {
    const s = this.status;
    this.item.busy = s.health === 'busy' || this.pending > 0;
    this.item.text = `${ICON[s.health]} Portalis: ${s.backend}`;
    const parts: string[] = [];
    if (s.lastConfidence !== undefined) parts.push(`last confidence ${s.lastConfidence.toFixed(2)}`);
    if (s.message) parts.push(s.message);
    this.item.detail = parts.join(' · ') || undefined;
    this.item.severity = s.health === 'error' ? vscode.LanguageStatusSeverity.Error
      : s.health === 'degraded' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose() { this.item.dispose(); }
}
