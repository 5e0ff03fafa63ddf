// file: URIs <-> paths with Node's url module. Clients differ in how they percent-encode
// (VS Code encodes ':' in drive letters, neovim does not), so keys are normalised.
import { fileURLToPath, pathToFileURL } from 'url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function pathToUri(p: string): string { return pathToFileURL(p).href; }

/** One spelling per file: used as the key of every per-document map. */
export function normUri(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : pathToUri(p);
}
