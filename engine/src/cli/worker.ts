// `portalis worker`: JSON lines on stdin/stdout for the Triton Python-backend models.
// Request:  {"id": any, "code": str, "options"?: {...}, "session"?: str, "context"?: str, "end"?: bool}
// Response: {"id": any, "rust", "diagnostics", "confidence", "items", "sourceMap", "inferred", "elapsedMs"} or {"id", "error"}
// options: {fragment?, filename?, verify?} (verify absent: rustc on whole programs when available).
// Responses come back in request order. A session keeps the top-level definitions it has seen,
// so a later request can call an earlier function with the right types.
import * as readline from 'readline';
import { translate, warmUp } from '../index';
import { definitionsOf } from '../definitions';

const MAX_SESSIONS = 1000;
const sessions = new Map<string, Map<string, string>>(); // session -> name -> definition source


export function handleRequest(req: any): any {
  const id = req?.id ?? null;
  if (!req || typeof req !== 'object' || typeof req.code !== 'string') return { id, error: 'bad request: expected {"id", "code": string}' };
  const t0 = performance.now();
  const sessionId = typeof req.session === 'string' || typeof req.session === 'number' ? String(req.session) : undefined;
  let defs = sessionId ? sessions.get(sessionId) : undefined;
  if (sessionId && !defs) {
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    defs = new Map();
    sessions.set(sessionId, defs);
  }
  const own = definitionsOf(req.code);
  const ctxParts = [...(defs ? [...defs].filter(([n]) => !own.has(n)).map(([, s]) => s) : [])];
  if (typeof req.context === 'string' && req.context.trim()) ctxParts.unshift(req.context);
  const opts = req.options && typeof req.options === 'object' ? req.options : {};
  const verify = typeof opts.verify === 'boolean' ? opts.verify : undefined; // absent: the engine's default
  const r = translate(req.code, { fragment: !!opts.fragment, filename: opts.filename, context: ctxParts.join('\n\n') || undefined, verify });
  if (defs) for (const [n, s] of own) defs.set(n, s);
  if (sessionId && req.end) sessions.delete(sessionId);
  return { id, rust: r.rust, diagnostics: r.diagnostics, confidence: r.confidence, items: r.items, sourceMap: r.sourceMap, inferred: r.inferred, fatal: r.fatal, elapsedMs: Math.round((performance.now() - t0) * 10) / 10 };
}

export function runWorker() {
  warmUp();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let req: any;
    let res: any;
    try {
      req = JSON.parse(line);
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: null, error: `bad request: ${(e as Error).message}` }) + '\n');
      return;
    }
    try {
      res = handleRequest(req);
    } catch (e) {
      // An engine failure on one request must not lose its id or stop the worker.
      res = { id: req?.id ?? null, error: `internal error: ${(e as Error).message}` };
    }
    process.stdout.write(JSON.stringify(res) + '\n');
  });
}
