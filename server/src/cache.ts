// Translation results keyed by everything that determines them (code, mode, context, backend),
// so re-opening, re-hovering or re-translating unchanged text costs a hash and a lookup.
import { createHash } from 'crypto';
import { LRUCache } from 'lru-cache';
import type { BackendRequest, BackendResult } from './backends/backend';

export class TranslationCache {
  private lru = new LRUCache<string, BackendResult>({ max: 256 });

  key(req: BackendRequest, backend: string): string {
    const h = createHash('sha256');
    for (const part of [backend, req.fragment ? 'f' : 'p', req.verify ? 'v' : '-', req.filename ?? '', req.context ?? '', req.code]) h.update(part).update('\0');
    return h.digest('hex');
  }
  get(key: string) { return this.lru.get(key); }
  set(key: string, r: BackendResult) { this.lru.set(key, r); }
  clear() { this.lru.clear(); }
}
