// `portalis translate DIR -o OUT`: every .py file under DIR becomes a binary of one Cargo
// crate in OUT. Writes only inside OUT, atomically (temp file + rename), and resumes: files
// whose Python is unchanged since the last run (manifest) are not translated again.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { translate } from '../index';

const SKIP_DIRS = new Set(['.git', '__pycache__', 'node_modules', '.venv', 'venv', 'env', '.tox', 'build', 'dist', 'target']);

export interface CrateOptions { check: boolean; json: boolean }

export function listPythonFiles(dir: string, out: string): string[] {
  const files: string[] = [];
  const outAbs = path.resolve(out);
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.') && path.resolve(p) !== outAbs) walk(p); }
      else if (e.isFile() && e.name.endsWith('.py')) files.push(p);
    }
  };
  walk(dir);
  return files.sort();
}

/** A Rust binary name for a Python file path relative to the project. */
export function binName(rel: string): string {
  return rel.replace(/\.py$/, '').split(/[\\/]/).join('_').replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1').toLowerCase() || 'main';
}

export function writeAtomic(file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/** The crate's state between runs: per Python file (relative path), what was last written. */
export type Manifest = Record<string, { hash: string; bin: string; confidence: number; warnings: number; sourceMap?: number[][] }>;
export const MANIFEST = '.portalis-manifest.json';

export function readManifest(out: string): Manifest {
  try { return JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8')); } catch { return {}; /* first run */ }
}

export function hashText(text: string): string { return crypto.createHash('sha256').update(text).digest('hex'); }

/** First line of every generated file (so Rust line n of the engine output is file line n + 1). */
export function fileHeader(rel: string): string { return `// Translated from ${rel.replace(/\\/g, '/')} by Portalis.\n`; }
export const HEADER_LINES = 1;

/** Writes OUT/Cargo.toml unless the user replaced it with their own (then it is left alone). */
export function writeCargoToml(dir: string, out: string) {
  const crateName = (path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9_]/g, '_') || 'portalis_port').replace(/^(\d)/, 'p$1');
  const cargoToml = `[package]\nname = "${crateName}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n`;
  const cargoPath = path.join(out, 'Cargo.toml');
  if (!fs.existsSync(cargoPath) || fs.readFileSync(cargoPath, 'utf8').startsWith('[package]\nname = "')) writeAtomic(cargoPath, cargoToml);
}

export function translateDirectory(dir: string, out: string, opts: CrateOptions): number {
  const files = listPythonFiles(dir, out);
  if (!files.length) { process.stderr.write(`portalis: no .py files under ${dir}\n`); return 1; }
  fs.mkdirSync(out, { recursive: true });
  const manifestPath = path.join(out, MANIFEST);
  const manifest = readManifest(out);
  const report: { file: string; bin: string; confidence: number; warnings: number; status: string; errors?: string[] }[] = [];
  let failed = 0;
  for (const f of files) {
    const rel = path.relative(dir, f);
    const text = fs.readFileSync(f, 'utf8');
    const hash = hashText(text);
    const bin = binName(rel);
    const target = path.join(out, 'src', 'bin', `${bin}.rs`);
    const prev = manifest[rel];
    if (prev && prev.hash === hash && fs.existsSync(target)) {
      report.push({ file: rel, bin, confidence: prev.confidence, warnings: prev.warnings, status: 'unchanged' });
      continue;
    }
    const r = translate(text, { filename: path.basename(f) });
    if (r.fatal) {
      failed++;
      report.push({ file: rel, bin, confidence: 0, warnings: r.diagnostics.length, status: 'error', errors: r.diagnostics.map((d) => `${rel}:${d.range.start.line + 1}: ${d.message}`) });
      continue;
    }
    writeAtomic(target, fileHeader(rel) + r.rust);
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error').length;
    manifest[rel] = { hash, bin, confidence: r.confidence, warnings };
    const entry: (typeof report)[number] = { file: rel, bin, confidence: r.confidence, warnings, status: 'translated' };
    const compileErrors = r.diagnostics.filter((d) => d.code === 'PTR070' && d.severity === 'error');
    if (compileErrors.length) { entry.status = 'compile-error'; entry.errors = compileErrors.map((e) => `${rel}:${e.range.start.line + 1}: ${e.message}`); }
    report.push(entry);
    for (const d of r.diagnostics) if (d.code !== 'PTR022') process.stderr.write(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
    writeAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  }
  // Remove binaries of Python files that no longer exist (only our own files).
  for (const rel of Object.keys(manifest)) {
    if (!files.some((f) => path.relative(dir, f) === rel)) {
      const t = path.join(out, 'src', 'bin', `${manifest[rel].bin}.rs`);
      if (fs.existsSync(t)) fs.unlinkSync(t);
      delete manifest[rel];
    }
  }
  writeAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  writeCargoToml(dir, out);
  writeAtomic(path.join(out, 'portalis-report.json'), JSON.stringify(report, null, 2) + '\n');
  writeAtomic(path.join(out, 'PORTALIS_REPORT.md'), markdownReport(report));
  if (opts.check && spawnSync('cargo', ['--version']).status === 0) {
    const c = spawnSync('cargo', ['check', '--quiet', '--message-format=short'], { cwd: out, encoding: 'utf8' });
    if (c.status !== 0) process.stderr.write(c.stderr);
  }
  if (opts.json) process.stdout.write(JSON.stringify({ out, files: report }) + '\n');
  else process.stdout.write(`translated ${report.length} file(s) into ${out} (${failed} failed)\n`);
  return failed ? 1 : 0;
}

function markdownReport(rows: { file: string; bin: string; confidence: number; warnings: number; status: string }[]): string {
  const lines = ['# Portalis translation report', '', '| Python file | Rust binary | Confidence | Warnings | Status |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.file} | src/bin/${r.bin}.rs | ${r.confidence.toFixed(2)} | ${r.warnings} | ${r.status} |`);
  return lines.join('\n') + '\n';
}
