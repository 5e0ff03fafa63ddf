// The embedded backend: the engine runs in the server process. The engine is synchronous, so
// each call first yields to the event loop twice (the JSON-RPC layer handles queued messages
// between the two): a request cancelled meanwhile never starts.
import { translate, warmUp } from '../../../engine/src/index';
import type { Backend, BackendRequest, BackendResult } from './backend';

export class EmbeddedBackend implements Backend {
  readonly name = 'embedded' as const;
  private warmed = false;

  async translate(req: BackendRequest, _session: string, signal?: AbortSignal): Promise<BackendResult> {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new Error('cancelled');
    if (!this.warmed) { warmUp(); this.warmed = true; }
    const r = translate(req.code, { filename: req.filename, fragment: req.fragment, context: req.context, verify: req.verify ?? false, maxBytes: Infinity });
    return { ...r, backend: 'embedded' };
  }

  async healthy(): Promise<boolean> { return true; }
  async endSession(_session: string): Promise<void> { /* no per-session state */ }
  async dispose(): Promise<void> { /* nothing held */ }
}
