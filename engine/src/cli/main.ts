// The `portalis` command line (contract in DESIGN §2; outside checks depend on it exactly).
import * as fs from 'fs';
import * as path from 'path';
import { translate, TranslateResult } from '../index';
import { rustcAvailable } from '../verify/rustc';
import { translateDirectory } from './crate';
import { runWorker } from './worker';

const USAGE = `usage:
  portalis translate FILE.py [--json] [--check]   Rust program on stdout
  portalis translate DIR -o OUT [--check]          Cargo crate in OUT
  portalis worker                                  JSON lines on stdin/stdout (Triton models)`;

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === 'worker') { runWorker(); return -1; }
  if (cmd === '--help' || cmd === '-h' || !cmd) { process.stdout.write(USAGE + '\n'); return cmd ? 0 : 2; }
  if (cmd === '--version') { process.stdout.write('portalis 0.1.0\n'); return 0; }
  if (cmd !== 'translate') { process.stderr.write(`portalis: unknown command '${cmd}'\n${USAGE}\n`); return 2; }
  const json = rest.includes('--json');
  const check = rest.includes('--check');
  const oi = rest.indexOf('-o');
  const out = oi >= 0 ? rest[oi + 1] : undefined;
  const inputs = rest.filter((a, i) => !a.startsWith('-') && !(oi >= 0 && i === oi + 1));
  const input = inputs[0];
  if (!input) { process.stderr.write(`portalis: missing input\n${USAGE}\n`); return 2; }
  let stat: fs.Stats;
  try { stat = fs.statSync(input); } catch { process.stderr.write(`portalis: cannot read '${input}': no such file or directory\n`); return 1; }
  if (stat.isDirectory()) {
    if (!out) { process.stderr.write('portalis: translating a directory needs -o OUT\n'); return 2; }
    return translateDirectory(input, out, { check, json });
  }
  const bytes = fs.readFileSync(input);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    report(input, { fatal: 'input is not valid UTF-8 text (binary file?)', diagnostics: [{ code: 'PTR002', severity: 'error', message: 'input is not valid UTF-8 text (binary file?)', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] } as any, json);
    return 1;
  }
  let result: TranslateResult;
  try {
    result = translate(text, { filename: path.basename(input), verify: check ? true : undefined });
  } catch (e) {
    process.stderr.write(`portalis: internal error while translating ${input}: ${(e as Error).message}\n`);
    return 1;
  }
  if (result.fatal) { report(input, result, json); return 1; }
  if (check && !rustcAvailable()) {
    result.diagnostics.push({ code: 'PTR070', severity: 'info', message: 'rustc not found: --check skipped', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  }
  report(input, result, json);
  return 0;
}

function report(file: string, r: TranslateResult, json: boolean) {
  if (json) {
    process.stdout.write(JSON.stringify({ rust: r.rust ?? '', diagnostics: r.diagnostics, confidence: r.confidence ?? 0, items: r.items, fatal: r.fatal }) + '\n');
  } else if (!r.fatal) process.stdout.write(r.rust);
  for (const d of r.diagnostics) {
    if (d.code === 'PTR022') continue; // inferred-annotation hints are for editors
    process.stderr.write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
  }
  if (r.fatal && !json) process.stderr.write(`portalis: ${file}: ${r.fatal}\n`);
}

export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return undefined;
    return text.replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
