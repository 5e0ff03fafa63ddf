// A minimal test runner for the extension host: runs tests in order, records each result and
// writes them to a JSON file the outside harness reads (the host exits 0 whatever happens).
import * as fs from 'fs';

export interface Result { name: string; passed: boolean; ms: number; error?: string }
type Test = { name: string; fn: () => Promise<void> };

const tests: Test[] = [];
export const test = (name: string, fn: () => Promise<void>) => { tests.push({ name, fn }); };

const HANG_MS = 90_000; // a stuck test must not stop the others from reporting

export async function runAll(resultsFile: string, grep?: string): Promise<void> {
  const results: Result[] = [];
  const t0 = Date.now();
  for (const t of tests.filter((x) => !grep || x.name.includes(grep))) {
    const s = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([t.fn(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`did not finish within ${HANG_MS / 1000} s`)), HANG_MS); })]);
      results.push({ name: t.name, passed: true, ms: Date.now() - s });
    } catch (e) {
      results.push({ name: t.name, passed: false, ms: Date.now() - s, error: (e as Error)?.stack ?? String(e) });
    } finally {
      clearTimeout(timer);
    }
  }
  fs.writeFileSync(resultsFile + '.tmp', JSON.stringify({ ms: Date.now() - t0, tests: results }, null, 2));
  fs.renameSync(resultsFile + '.tmp', resultsFile);
}

/** Polls until check() returns a value (not a timed assertion: the outcome is checked after). */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, limitMs = 30_000): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
