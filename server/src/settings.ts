// The server's view of the `portalis.*` settings: read through workspace/configuration when the
// client supports it, else the defaults (plain LSP clients such as neovim's need no setup).
import type { BackendName } from '../../protocol/src/protocol';

export interface Settings {
  backend: BackendName;
  triton: { url: string; timeoutMs: number; apiKey: string };
  diagnostics: { enabled: boolean; debounceMs: number };
  inlineSuggestions: { enabled: boolean };
  batch: { outputDir: string; exclude: string[] };
  /** Selections (and pasted text) larger than this get a clear error instead of a long wait. */
  maxSelectionBytes: number;
  /** Documents larger than this are not analysed on change (one PTR003 diagnostic instead). */
  maxFileBytes: number;
}

export const DEFAULTS: Settings = {
  backend: 'embedded',
  triton: { url: 'localhost:8001', timeoutMs: 2000, apiKey: '' },
  diagnostics: { enabled: true, debounceMs: 300 },
  inlineSuggestions: { enabled: true },
  batch: { outputDir: 'rust-port', exclude: [] },
  maxSelectionBytes: 200_000,
  maxFileBytes: 1_000_000,
};

/** Merges a (possibly partial, possibly wrongly typed) `portalis` section over the defaults. */
export function normalize(raw: any): Settings {
  const r = raw && typeof raw === 'object' ? raw : {};
  const num = (v: any, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  const bool = (v: any, d: boolean) => (typeof v === 'boolean' ? v : d);
  const str = (v: any, d: string) => (typeof v === 'string' && v.trim() ? v.trim() : d);
  return {
    backend: r.backend === 'triton' ? 'triton' : 'embedded',
    triton: {
      url: str(r.triton?.url, DEFAULTS.triton.url),
      timeoutMs: num(r.triton?.timeoutMs, DEFAULTS.triton.timeoutMs),
      apiKey: typeof r.triton?.apiKey === 'string' ? r.triton.apiKey : '',
    },
    diagnostics: { enabled: bool(r.diagnostics?.enabled, true), debounceMs: num(r.diagnostics?.debounceMs, DEFAULTS.diagnostics.debounceMs) },
    inlineSuggestions: { enabled: bool(r.inlineSuggestions?.enabled, true) },
    batch: {
      outputDir: str(r.batch?.outputDir, DEFAULTS.batch.outputDir),
      exclude: Array.isArray(r.batch?.exclude) ? r.batch.exclude.filter((x: any) => typeof x === 'string') : [],
    },
    maxSelectionBytes: num(r.maxSelectionBytes, DEFAULTS.maxSelectionBytes),
    maxFileBytes: num(r.maxFileBytes, DEFAULTS.maxFileBytes),
  };
}
