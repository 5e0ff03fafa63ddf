// Lists a workspace's Python files the way a user expects: .gitignore files (at any depth) and
// the `portalis.batch.exclude` patterns (gitignore syntax) are honoured; virtualenvs, caches,
// build outputs and the batch output folder are never entered.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';

const SKIP_DIRS = new Set(['.git', '__pycache__', 'node_modules', '.venv', 'venv', 'env', '.tox', 'build', 'dist', 'target', '.mypy_cache', '.pytest_cache']);

export function listPythonFiles(root: string, opts: { exclude?: string[]; skip?: string[]; limit?: number } = {}): string[] {
  const files: string[] = [];
  const excludes = ignore().add(opts.exclude ?? []);
  const skip = new Set((opts.skip ?? []).map((p) => path.resolve(p)));
  const limit = opts.limit ?? Infinity;
  const walk = (dir: string, rules: { base: string; ig: Ignore }[]) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    const gi = path.join(dir, '.gitignore');
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try { rules = [...rules, { base: dir, ig: ignore().add(fs.readFileSync(gi, 'utf8')) }]; } catch { /* unreadable */ }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files.length >= limit) return;
      const p = path.join(dir, e.name);
      const isDir = e.isDirectory();
      if (isDir && (SKIP_DIRS.has(e.name) || e.name.startsWith('.') || skip.has(path.resolve(p)))) continue;
      if (!isDir && !(e.isFile() && e.name.endsWith('.py'))) continue;
      const rel = path.relative(root, p).split(path.sep).join('/') + (isDir ? '/' : '');
      if (excludes.ignores(rel)) continue;
      if (rules.some((r) => r.ig.ignores(path.relative(r.base, p).split(path.sep).join('/') + (isDir ? '/' : '')))) continue;
      if (isDir) walk(p, rules); else files.push(p);
    }
  };
  walk(root, []);
  return files;
}
