// Drives the `portalis/status` notification: sent only when something a user sees changes
// (backend, health, message, last confidence). 'busy' is shown while any translation runs.
import type { BackendName, StatusParams } from '../../protocol/src/protocol';
import { StatusNotification } from '../../protocol/src/protocol';

type Health = 'ok' | 'degraded' | 'error';

export class Status {
  private backend: BackendName = 'embedded';
  private health: Health = 'ok';
  private message?: string;
  private lastConfidence?: number;
  private running = 0;
  private lastSent = '';

  constructor(private send: (method: string, params: StatusParams) => void) {}

  setBackend(name: BackendName) { this.backend = name; this.health = 'ok'; this.message = undefined; this.publish(); }
  setHealth(health: Health, message?: string) { this.health = health; this.message = message; this.publish(); }
  /** A request succeeded after an error: the error no longer describes the server. */
  recovered() { if (this.health === 'error') this.setHealth('ok'); }
  setConfidence(c: number) { this.lastConfidence = c; this.publish(); }

  /** Runs `work` with the status showing 'busy'. */
  async busy<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    this.publish();
    try { return await work(); } finally { this.running--; this.publish(); }
  }

  /** Sends the current status even if unchanged (the client is ready for it now). */
  resend() { this.lastSent = ''; this.publish(); }

  current(): StatusParams {
    const p: StatusParams = { backend: this.backend, health: this.running ? 'busy' : this.health };
    if (this.message) p.message = this.message;
    if (this.lastConfidence !== undefined) p.lastConfidence = this.lastConfidence;
    return p;
  }

  private publish() {
    const p = this.current();
    const key = JSON.stringify(p);
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.send(StatusNotification, p);
  }
}
