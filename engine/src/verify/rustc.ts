// Verifies generated Rust with rustc (type and borrow check only: --emit=metadata) and maps
// each error back to the Python range it came from through the source map.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic, Range } from '../diagnostics';

export interface VerifyResult { ok: boolean; available: boolean; errors: Diagnostic[]; rustErrors: { message: string; line: number }[] }

let rustcFound: boolean | undefined;
export function rustcAvailable(): boolean {
  if (rustcFound === undefined) rustcFound = spawnSync('rustc', ['--version'], { encoding: 'utf8' }).status === 0;
  return rustcFound;
}

export function verifyRust(rust: string, sourceMap: { rustLine: number; range: Range }[]): VerifyResult {
  if (!rustcAvailable()) return { ok: false, available: false, errors: [], rustErrors: [] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portalis-check-'));
  try {
    const file = path.join(dir, 'main.rs');
    fs.writeFileSync(file, rust);
    const r = spawnSync('rustc', ['--edition', '2021', '--emit=metadata', '--error-format=json', '--crate-type', 'bin', '--crate-name', 'check', '-A', 'warnings', '-o', path.join(dir, 'out.rmeta'), file], { encoding: 'utf8', cwd: dir });
    const rustErrors: { message: string; line: number }[] = [];
    for (const line of (r.stderr || '').split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const m = JSON.parse(line);
        if (m.level !== 'error') continue;
        const span = (m.spans || []).find((s: any) => s.is_primary) ?? m.spans?.[0];
        rustErrors.push({ message: m.code?.code ? `${m.code.code}: ${m.message}` : m.message, line: span?.line_start ?? 0 });
      } catch { /* not JSON */ }
    }
    const errors: Diagnostic[] = rustErrors.filter((e) => !/aborting due to/.test(e.message)).map((e) => {
      const entry = nearest(sourceMap, e.line);
      return { code: 'PTR070', severity: 'error', message: `rustc: ${e.message} (Rust line ${e.line})`, range: entry?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    });
    return { ok: r.status === 0, available: true, errors, rustErrors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The source-map entry for a Rust line, or the closest one before it. */
export function nearest<T extends { rustLine: number }>(map: T[], line: number): T | undefined {
  let best: T | undefined;
  for (const m of map) if (m.rustLine <= line && (!best || m.rustLine >= best.rustLine)) best = m;
  return best;
}
