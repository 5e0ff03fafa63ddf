// Picks the translation backend for the current settings. The server calls this again whenever
// `portalis.backend` or the `portalis.triton.*` settings change.
import type { Settings } from '../settings';
import type { Backend } from './backend';
import { EmbeddedBackend } from './embedded';
import { FallbackBackend } from './fallback';
import { TritonBackend } from './triton/tritonBackend';

export interface BackendHooks {
  log(message: string): void;
  /** A backend reports its health (e.g. Triton unreachable → 'degraded', serving from embedded). */
  health(health: 'ok' | 'degraded' | 'error', message?: string): void;
}

export function createBackend(settings: Settings, hooks: BackendHooks): Backend {
  switch (settings.backend) {
    case 'triton': {
      const t = settings.triton;
      return new FallbackBackend(new TritonBackend({ url: t.url, timeoutMs: t.timeoutMs, apiKey: t.apiKey || undefined }), new EmbeddedBackend(), hooks);
    }
    default:
      return new EmbeddedBackend();
  }
}
