// `portalis/translateWorkspace`: every Python file of a workspace folder becomes a binary of one
// Cargo crate in the output folder (the CLI's layout: src/bin/<package>_<module>.rs), with
// progress (file n/N, cancellable), then `cargo check` whose errors are mapped back onto the
// Python lines through the engine's source map, and a markdown report. Writes only inside the
// output folder, each file atomically; a rerun skips files whose Python is unchanged.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationToken, Diagnostic, DiagnosticSeverity, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { binName, fileHeader, hashText, HEADER_LINES, Manifest, MANIFEST, readManifest, writeAtomic, writeCargoToml } from '../../../engine/src/cli/crate';
import type { FileReport, TranslateWorkspaceParams, TranslateWorkspaceResult } from '../../../protocol/src/protocol';
import type { Settings } from '../settings';
import { Translator } from '../translator';
import { pathToUri, uriToPath } from '../uri';
import { listPythonFiles } from '../workspaceFiles';
import { docsHref } from './diagnostics';

export interface Progress {
  report(percentage: number, message?: string): void;
}

interface Deps {
  translator: Translator;
  settings: () => Settings;
  folders: () => string[];
  publishBatch: (byUri: Map<string, Diagnostic[]>) => void;
  log: (m: string) => void;
}

interface Row extends FileReport { bin: string; compile: string; notes: string[] }

const bad = (m: string) => new ResponseError(LSPErrorCodes.RequestFailed, m);
const yieldLoop = () => new Promise((r) => setImmediate(r));

/** Resolves and checks the output folder: never the workspace itself or a folder containing it. */
function outputFolder(root: string, setting: string): string {
  const out = path.resolve(root, setting);
  if (out === root || root.startsWith(out + path.sep)) throw bad(`output folder ${out} would contain the workspace; choose a subfolder such as rust-port/`);
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw bad(`output folder ${out} exists and is not a folder`);
  return out;
}

export async function translateWorkspace(p: TranslateWorkspaceParams, token: CancellationToken, progress: Progress, deps: Deps): Promise<TranslateWorkspaceResult> {
  const folderUri = p?.folderUri ?? deps.folders()[0];
  if (!folderUri) throw bad('no workspace folder is open: open a folder, or pass folderUri');
  const root = uriToPath(folderUri);
  if (!root || !fs.existsSync(root)) throw bad(`workspace folder ${folderUri} is not a local folder`);
  const s = deps.settings();
  const out = outputFolder(root, p?.outputDir ?? s.batch.outputDir);
  const files = listPythonFiles(root, { exclude: s.batch.exclude, skip: [out] });
  if (!files.length) throw bad(`no .py files under ${root} (after .gitignore and portalis.batch.exclude)`);
  fs.mkdirSync(path.join(out, 'src', 'bin'), { recursive: true });
  const manifest = readManifest(out);
  const rows: Row[] = [];
  let cancelled = false;
  for (let i = 0; i < files.length; i++) {
    if (token.isCancellationRequested) { cancelled = true; break; }
    const rel = path.relative(root, files[i]).split(path.sep).join('/');
    progress.report(Math.round((i / files.length) * 90), `file ${i + 1}/${files.length}: ${rel}`);
    rows.push(await translateOne(root, out, rel, manifest, token, deps));
    if (rows[rows.length - 1].status === 'failed' && token.isCancellationRequested) { rows.pop(); cancelled = true; break; }
    await yieldLoop(); // lets a cancel notification in before the next file
  }
  if (!cancelled) {
    // Python files that are gone (or now excluded) lose their binaries: only our own files.
    const current = new Set(files.map((f) => path.relative(root, f).split(path.sep).join('/')));
    for (const rel of Object.keys(manifest)) {
      if (current.has(rel)) continue;
      fs.rmSync(path.join(out, 'src', 'bin', `${manifest[rel].bin}.rs`), { force: true });
      delete manifest[rel];
    }
    writeAtomic(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  }
  writeCargoToml(root, out);
  let cargo: { status: TranslateWorkspaceResult['cargoCheck']; errors: number; byUri: Map<string, Diagnostic[]> } = { status: 'not-run', errors: 0, byUri: new Map() };
  if (!cancelled && cargoAvailable()) {
    progress.report(92, 'cargo check');
    cargo = await cargoCheck(root, out, manifest, rows, token);
    if (token.isCancellationRequested) cancelled = true;
  }
  if (!cancelled) deps.publishBatch(cargo.byUri);
  for (const r of rows) if (r.compile === '') r.compile = cargo.status === 'not-run' ? 'not checked' : r.status === 'failed' ? '—' : 'ok';
  const reportMarkdown = report(root, out, rows, files.length, cancelled, cargo.status, cargo.errors);
  writeAtomic(path.join(out, 'PORTALIS_REPORT.md'), reportMarkdown);
  progress.report(100, cancelled ? 'cancelled' : 'done');
  return {
    outputDir: out,
    files: rows.map(({ file, confidence, warnings, status, message }) => (message ? { file, confidence, warnings, status, message } : { file, confidence, warnings, status })),
    cancelled, cargoCheck: cargo.status, cargoErrors: cargo.errors, reportMarkdown,
  };
}

async function translateOne(root: string, out: string, rel: string, manifest: Manifest, token: CancellationToken, deps: Deps): Promise<Row> {
  const bin = binName(rel);
  const target = path.join(out, 'src', 'bin', `${bin}.rs`);
  const row: Row = { file: rel, bin, confidence: 0, warnings: 0, status: 'translated', compile: '', notes: [] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(path.join(root, rel))).replace(/^\uFEFF/, '');
  } catch (e) {
    return { ...row, status: 'failed', message: `cannot read as UTF-8 text: ${(e as Error).message}` };
  }
  const hash = hashText(text);
  const prev = manifest[rel];
  if (prev && prev.hash === hash && prev.sourceMap && fs.existsSync(target)) {
    return { ...row, confidence: prev.confidence, warnings: prev.warnings, message: 'unchanged since the last run' };
  }
  let r;
  try {
    r = await deps.translator.translate({ code: text, fragment: false, filename: path.basename(rel), verify: false }, `batch:${root}`, token);
  } catch (e) {
    return { ...row, status: 'failed', message: (e as Error).message };
  }
  if (r.fatal) return { ...row, status: 'failed', warnings: r.diagnostics.length, message: r.fatal, notes: r.diagnostics.slice(0, 5).map((d) => `line ${d.range.start.line + 1}: ${d.code} ${d.message}`) };
  writeAtomic(target, fileHeader(rel) + r.rust);
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
  manifest[rel] = {
    hash, bin, confidence: r.confidence, warnings: warnings.length,
    sourceMap: r.sourceMap.map((m) => [m.rustLine, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character]),
  };
  writeAtomic(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return { ...row, confidence: r.confidence, warnings: warnings.length, notes: warnings.slice(0, 5).map((d) => `line ${d.range.start.line + 1}: ${d.code} ${d.message}`) };
}

let cargoFound: boolean | undefined;
function cargoAvailable(): boolean {
  if (cargoFound === undefined) cargoFound = spawnSync('cargo', ['--version'], { encoding: 'utf8' }).status === 0;
  return cargoFound;
}

/** Runs `cargo check` (killed on cancel) and maps each error to the Python range it came from. */
async function cargoCheck(root: string, out: string, manifest: Manifest, rows: Row[], token: CancellationToken) {
  const child = spawn('cargo', ['check', '--offline', '--message-format=json', '--bins'], { cwd: out, stdio: ['ignore', 'pipe', 'pipe'] });
  const sub = token.onCancellationRequested(() => child.kill());
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b) => { stdout += b; });
  child.stderr.on('data', (b) => { stderr += b; });
  const code: number | null = await new Promise((resolve) => { child.on('close', resolve); child.on('error', () => resolve(-1)); });
  sub.dispose();
  const byBin = new Map(Object.entries(manifest).map(([rel, m]) => [m.bin, { rel, m }]));
  const byUri = new Map<string, Diagnostic[]>();
  let errors = 0;
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let msg: any;
    try { msg = JSON.parse(line); } catch { continue; }
    if (msg.reason !== 'compiler-message' || msg.message?.level !== 'error') continue;
    const span = (msg.message.spans ?? []).find((x: any) => x.is_primary) ?? msg.message.spans?.[0];
    const bin = /src\/bin\/([^/]+)\.rs$/.exec(span?.file_name ?? '')?.[1];
    const owner = bin ? byBin.get(bin) : undefined;
    if (!span || !owner) continue;
    errors++;
    const rustLine = span.line_start - HEADER_LINES;
    const entry = (owner.m.sourceMap ?? []).filter((e) => e[0] <= rustLine).sort((a, b) => b[0] - a[0])[0];
    const range = entry ? { start: { line: entry[1], character: entry[2] }, end: { line: entry[3], character: entry[4] } } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const text = `${msg.message.code?.code ? msg.message.code.code + ': ' : ''}${msg.message.message}`;
    const rustFile = path.join(out, span.file_name);
    const uri = pathToUri(path.join(root, owner.rel));
    const d: Diagnostic = {
      range, severity: DiagnosticSeverity.Error, code: 'PTR070', codeDescription: { href: docsHref('PTR070') }, source: 'portalis (cargo check)',
      message: `rustc: ${text} (${span.file_name}:${span.line_start})`,
      relatedInformation: [{ location: { uri: pathToUri(rustFile), range: { start: { line: span.line_start - 1, character: span.column_start - 1 }, end: { line: span.line_end - 1, character: span.column_end - 1 } } }, message: text }],
    };
    byUri.set(uri, [...(byUri.get(uri) ?? []), d]);
    const row = rows.find((r) => r.file === owner.rel);
    if (row) { row.compile = 'errors'; row.notes.push(`line ${range.start.line + 1}: rustc ${text}`); }
  }
  for (const r of rows) if (r.compile === 'errors') r.compile = `${(byUri.get(pathToUri(path.join(root, r.file))) ?? []).length} error(s)`;
  const status: TranslateWorkspaceResult['cargoCheck'] = code === 0 ? 'ok' : 'errors';
  if (code !== 0 && !errors && !token.isCancellationRequested) rows.forEach((r) => r.notes.push(`cargo check failed: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
  return { status, errors, byUri };
}

function report(root: string, out: string, rows: Row[], total: number, cancelled: boolean, cargo: string, cargoErrors: number): string {
  const ok = rows.filter((r) => r.status === 'translated').length;
  const lines = [
    '# Portalis translation report', '',
    `Workspace: \`${root}\`  `, `Crate: \`${out}\` (one binary per Python file under \`src/bin/\`)  `,
    `Files: ${ok} translated, ${rows.length - ok} failed, of ${total}${cancelled ? ` — **cancelled** after ${rows.length} file(s); run again to resume` : ''}  `,
    `cargo check: ${cargo === 'ok' ? 'ok' : cargo === 'errors' ? `**${cargoErrors} error(s)**` : 'not run' + (cancelled ? '' : ' (cargo not found)')}`, '',
    '| Python file | Rust binary | Confidence | Warnings | Compile | Status |', '|---|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.file} | src/bin/${r.bin}.rs | ${r.confidence.toFixed(2)} | ${r.warnings} | ${r.compile} | ${r.status}${r.message ? ` (${r.message.replace(/\|/g, '\\|')})` : ''} |`);
  const notes = rows.filter((r) => r.notes.length);
  if (notes.length) {
    lines.push('', '## Warnings and errors');
    for (const r of notes) { lines.push('', `### ${r.file}`, ...r.notes.map((n) => `- ${n.replace(/\n/g, ' ')}`)); }
  }
  return lines.join('\n') + '\n';
}
