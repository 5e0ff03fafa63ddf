// Serves from a primary backend (Triton) while it works and from the embedded engine when it
// does not. Any failed request is answered by the fallback. When the primary's circuit breaker
// opens (unreachable, or repeated timeouts) the user is told ONCE (health 'degraded' with a
// message), requests go straight to the fallback, and a probe every few seconds switches back
// as soon as the primary is ready again (health 'ok', one log line). A single timeout or a
// per-request error from a healthy primary falls back for that request only (logged).
import type { Backend, BackendRequest, BackendResult } from './backend';
import { BreakerOpenError, type TritonBackend } from './triton/tritonBackend';

export interface FallbackHooks {
  log(message: string): void;
  health(health: 'ok' | 'degraded' | 'error', message?: string): void;
}

export class FallbackBackend implements Backend {
  readonly name = 'triton' as const;
  private degraded = false;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(readonly primary: TritonBackend, readonly fallback: Backend, private readonly hooks: FallbackHooks,
    private readonly probeIntervalMs = 3000) {
    // Know early whether Triton is there, so the status item is right before the first request.
    primary.probe().then((ok) => { if (!ok && !this.disposed) this.degrade('not ready'); }, () => undefined);
  }

  /** 'ok' while the primary serves, 'degraded' while the fallback does. */
  get health(): 'ok' | 'degraded' { return this.degraded ? 'degraded' : 'ok'; }

  private degrade(reason: string) {
    if (this.degraded || this.disposed) return;
    this.degraded = true;
    const msg = `Triton at ${this.primary.client.address} is unavailable (${reason}); translating with the embedded engine until it is back.`;
    this.hooks.log(msg);
    this.hooks.health('degraded', msg);
    this.timer = setInterval(() => { void this.check(); }, this.probeIntervalMs);
    this.timer.unref();
  }

  private async check() {
    if (!(await this.primary.probe()) || !this.degraded) return;
    this.degraded = false;
    clearInterval(this.timer);
    this.timer = undefined;
    this.hooks.log(`Triton at ${this.primary.client.address} is back; translations go through it again.`);
    this.hooks.health('ok');
  }

  async translate(req: BackendRequest, session: string, signal?: AbortSignal): Promise<BackendResult> {
    if (!this.degraded) {
      try {
        return await this.primary.translate(req, session, signal);
      } catch (e) {
        if (signal?.aborted) throw e;
        // An outage (breaker open) is announced; a single slow or refused request is only logged.
        if (e instanceof BreakerOpenError || this.primary.breakerOpen) this.degrade((e as Error).message);
        else this.hooks.log(`Triton could not translate this request (${(e as Error).message}); used the embedded engine`);
      }
    }
    return this.fallback.translate(req, session, signal);
  }

  async healthy(): Promise<boolean> { return true; }

  async endSession(session: string): Promise<void> {
    await Promise.all([this.primary.endSession(session), this.fallback.endSession(session)]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearInterval(this.timer);
    await Promise.all([this.primary.dispose(), this.fallback.dispose()]);
  }
}
