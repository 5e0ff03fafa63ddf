// Every translation the server makes goes through here: the LRU cache, the current backend,
// the busy/health status and cancellation. A backend failure becomes a clear error for the
// request and an 'error' status, never a crashed server.
import { CancellationToken } from 'vscode-languageserver/node';
import type { Backend, BackendRequest, BackendResult } from './backends/backend';
import { TranslationCache } from './cache';
import { Status } from './status';

export class Cancelled extends Error { constructor() { super('cancelled'); } }

export class Translator {
  readonly cache = new TranslationCache();
  /** Bumped when the backend is replaced: results from before (analyses too) are not reused. */
  epoch = 0;
  /** Sessions the current backend has seen (Triton keeps a sequence per session). */
  private sessions = new Set<string>();

  constructor(private backend: () => Backend, private status: Status, private log: (m: string) => void) {}

  async translate(req: BackendRequest, session: string, token?: CancellationToken): Promise<BackendResult> {
    const backend = this.backend();
    const key = this.cache.key(req, backend.name);
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (token?.isCancellationRequested) throw new Cancelled();
    this.sessions.add(session);
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      const r = await this.status.busy(() => backend.translate(req, session, abort.signal));
      if (token?.isCancellationRequested) throw new Cancelled();
      this.cache.set(key, r);
      this.status.recovered();
      return r;
    } catch (e) {
      if (e instanceof Cancelled || abort.signal.aborted) throw new Cancelled();
      const message = `${backend.name} backend failed: ${(e as Error)?.message ?? e}`;
      this.log(message);
      this.status.setHealth('error', message);
      throw new Error(message);
    } finally {
      sub?.dispose();
    }
  }

  /** A new backend: forget what the old one translated. */
  newBackend() { this.cache.clear(); this.epoch++; }

  /** The backend is being replaced: hands over its sessions (to end them there) and forgets them. */
  takeSessions(): string[] { const ids = [...this.sessions]; this.sessions.clear(); return ids; }

  /** Ends one session (a document closed) or all of them (shutdown, backend switch). */
  async endSessions(only?: string): Promise<void> {
    const backend = this.backend();
    const ids = only === undefined ? [...this.sessions] : this.sessions.has(only) ? [only] : [];
    for (const id of ids) this.sessions.delete(id);
    await Promise.allSettled(ids.map((id) => backend.endSession(id)));
  }
}
