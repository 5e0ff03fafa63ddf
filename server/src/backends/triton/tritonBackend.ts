// The language server's Triton backend: one Triton sequence (interactive_api) per LSP session.
// The first request of a session carries sequence_start, endSession sends sequence_end. When
// Triton has forgotten a sequence (idle reaping, restart) the request is sent again with START
// and the session's known definitions as context, so the user never sees it. A circuit breaker
// stops calling a server that keeps failing; probe() closes it again (see fallback.ts).
import { randomBytes } from 'crypto';
import type { Backend, BackendRequest, BackendResult } from '../backend';
import { sequenceLost, TritonClient, TritonError, transportFailure, type TritonClientOptions, type TranslationOutput } from './client';
import { definitionsOf } from '../../../../engine/src/definitions';

export interface TritonBackendOptions extends TritonClientOptions {
  /** Sequence model (default interactive_api). */
  model?: string;
  /** Consecutive transport failures that open the breaker (default 2; UNAVAILABLE opens it at once). */
  breakerFailures?: number;
}

const PROBE_TIMEOUT_MS = 2000;

export class BreakerOpenError extends Error {
  constructor(readonly reason: string) { super(`Triton circuit open: ${reason}`); this.name = 'BreakerOpenError'; }
}

interface Session {
  sequenceId: string;
  started: boolean;
  /** Top-level definitions sent so far (name → source): resent as context after a restart. */
  defs: Map<string, string>;
  /** Requests of one sequence run one after another (Triton keeps their order anyway). */
  tail: Promise<unknown>;
}


function newSequenceId(): string {
  // 48 random bits: unique across editors sharing one server, exact in a JS number.
  return String(randomBytes(6).readUIntBE(0, 6) || 1);
}

export function toBackendResult(r: TranslationOutput): BackendResult {
  const m = r.metadata ?? {};
  return {
    rust: r.rust_code,
    diagnostics: r.warnings,
    confidence: Math.round(r.confidence_score * 1000) / 1000,
    items: m.items ?? [],
    sourceMap: m.source_map ?? [],
    inferred: m.inferred ?? [],
    ...(m.fatal ? { fatal: m.fatal } : {}),
    backend: 'triton',
  };
}

export class TritonBackend implements Backend {
  readonly name = 'triton' as const;
  readonly client: TritonClient;
  readonly model: string;
  private readonly sessions = new Map<string, Session>();
  private readonly breakerFailures: number;
  private failures = 0;
  /** Sequences restarted after Triton forgot them (idle reaping, restarts). */
  restarts = 0;
  private openReason: string | undefined;

  constructor(opts: TritonBackendOptions) {
    this.client = new TritonClient(opts);
    this.model = opts.model ?? 'interactive_api';
    this.breakerFailures = opts.breakerFailures ?? 2;
  }

  /** Why the breaker is open, or undefined when requests may go to Triton. */
  get breakerOpen(): string | undefined { return this.openReason; }

  /** Server and model ready (short deadline); a success closes the breaker. */
  async probe(): Promise<boolean> {
    try {
      // Probes have their own deadline: a tight request timeout must not make a healthy server look dead.
      const t = Math.max(this.client.timeoutMs, PROBE_TIMEOUT_MS);
      const ok = (await this.client.serverReady(t)) && (await this.client.modelReady(this.model, t));
      if (ok) { this.failures = 0; this.openReason = undefined; }
      return ok;
    } catch {
      return false;
    }
  }

  async healthy(): Promise<boolean> {
    return !this.openReason && this.probe();
  }

  private failed(e: unknown) {
    if (!transportFailure(e)) return;
    this.failures++;
    if (this.failures >= this.breakerFailures || (e as TritonError).code === 14 /* UNAVAILABLE */) this.openReason = (e as Error).message;
  }

  async translate(req: BackendRequest, session: string, signal?: AbortSignal): Promise<BackendResult> {
    if (this.openReason) throw new BreakerOpenError(this.openReason);
    let s = this.sessions.get(session);
    if (!s) {
      s = { sequenceId: newSequenceId(), started: false, defs: new Map(), tail: Promise.resolve() };
      this.sessions.set(session, s);
    }
    const st = s;
    const run = st.tail.then(() => this.send(st, req, signal), () => this.send(st, req, signal));
    st.tail = run.catch(() => undefined);
    return run;
  }

  private async send(s: Session, req: BackendRequest, signal?: AbortSignal): Promise<BackendResult> {
    const options = { fragment: req.fragment, verify: req.verify ?? false, ...(req.filename ? { filename: req.filename } : {}) };
    const attempt = (start: boolean, context?: string) => this.client.infer(this.model,
      { python_code: req.code, translation_options: context ? { ...options, context } : options },
      { sequenceId: s.sequenceId, start, signal });
    let out: TranslationOutput;
    try {
      try {
        out = await attempt(!s.started, req.context);
      } catch (e) {
        if (!sequenceLost(e)) throw e;
        // Triton forgot the sequence: start it again and resend what the session defined.
        s.started = false;
        this.restarts++;
        const known = [...s.defs].filter(([n]) => !definitionsOf(req.code).has(n)).map(([, src]) => src);
        out = await attempt(true, [req.context, ...known].filter(Boolean).join('\n\n') || undefined);
      }
    } catch (e) {
      this.failed(e);
      throw e;
    }
    this.failures = 0;
    s.started = true;
    const result = toBackendResult(out);
    if (!result.fatal) for (const [n, src] of definitionsOf(req.code)) s.defs.set(n, src);
    return result;
  }

  async endSession(session: string): Promise<void> {
    const s = this.sessions.get(session);
    this.sessions.delete(session);
    if (!s?.started || this.openReason) return;
    await s.tail;
    await this.client.infer(this.model, { python_code: '' }, { sequenceId: s.sequenceId, end: true }).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((k) => this.endSession(k)));
    this.client.close();
  }
}
