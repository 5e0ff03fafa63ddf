// Splits a whole-document translation into the Rust of each item and the support code around
// them (module globals before the items, runtime helpers after them), and picks the support
// code a set of items needs by name, transitively. The engine emits rustfmt-style Rust: every
// top-level item starts in column 0 and its body is indented, which is what the split relies on.
import type { BackendResult } from './backends/backend';

export interface Segment {
  /** 0-based first and last line (inclusive) in the document's Rust. */
  lines: [number, number];
  text: string;
  /** Names it defines (fn, struct, enum, trait and its methods, const, static, macro). */
  defines: string[];
  /** For impls and top-level macro calls: it belongs in the output once all of these are in. */
  keys?: string[];
  /** `use` declarations: cheap, and a name they bring may be used anywhere. */
  always?: boolean;
  idents: Set<string>;
}

export interface Split {
  lines: string[];
  /** Items by index in result.items, with their 0-based Rust line range. */
  items: { lines: [number, number]; idents: Set<string> }[];
  support: Segment[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Identifiers of some Rust, line comments left out (doc comments mention helpers by name). */
export function identsOf(lines: string[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (/^\s*\/\//.test(l)) continue;
    for (const m of l.match(IDENT) ?? []) out.add(m);
  }
  return out;
}

/**
 * The split of a result, or undefined when its items do not describe its Rust (no items, line
 * numbers out of range or overlapping): callers then translate the selection instead.
 */
export function splitRust(r: BackendResult): Split | undefined {
  if (r.fatal || !r.rust || !Array.isArray(r.items) || !r.items.length) return undefined;
  const lines = r.rust.split('\n');
  const owner = new Array<number>(lines.length).fill(-1);
  const items: Split['items'] = [];
  for (let i = 0; i < r.items.length; i++) {
    const rl = r.items[i].rustLines;
    if (!Array.isArray(rl) || !Number.isInteger(rl[0]) || !Number.isInteger(rl[1]) || rl[0] < 1 || rl[1] < rl[0] || rl[1] > lines.length) return undefined;
    for (let l = rl[0] - 1; l < rl[1]; l++) {
      if (owner[l] !== -1) return undefined;
      owner[l] = i;
    }
    items.push({ lines: [rl[0] - 1, rl[1] - 1], idents: identsOf(lines.slice(rl[0] - 1, rl[1])) });
  }
  // Everything outside the items is support code, cut into top-level items.
  const support: Segment[] = [];
  let cur: number[] = [];
  let attached = false; // the current segment so far is only doc comments / attributes
  const flush = () => {
    while (cur.length && !lines[cur[cur.length - 1]].trim()) cur.pop();
    if (cur.length) support.push(segment(lines, cur[0], cur[cur.length - 1]));
    cur = [];
    attached = false;
  };
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (owner[l] !== -1) { flush(); continue; }
    if (!line.trim()) { if (cur.length) cur.push(l); continue; }
    const top = !/^\s/.test(line) && !/^[}\])]/.test(line) && !/^(where\b|\{)/.test(line);
    // `//!` (the module docstring) is an inner doc comment: never part of what is cut out.
    if (line.startsWith('//!')) { flush(); continue; }
    if (top && !attached) flush();
    cur.push(l);
    if (top) attached = /^(\/\/|#\[)/.test(line);
  }
  flush();
  resolveKeys(support);
  return { lines, items, support };
}

function segment(lines: string[], a: number, b: number): Segment {
  const body = lines.slice(a, b + 1);
  const head = body.find((l) => !/^(\/\/|#\[)/.test(l)) ?? '';
  const defines: string[] = [];
  let keys: string[] | undefined;
  const named = /^(?:pub(?:\([^)]*\))?\s+)?(?:unsafe\s+|const\s+(?=fn)|async\s+)*(fn|struct|enum|trait|type|const|static|union|mod)\s+([A-Za-z_]\w*)/.exec(head);
  const macroDef = /^macro_rules!\s*([A-Za-z_]\w*)/.exec(head);
  if (named) {
    defines.push(named[2]);
    // A trait's methods are called by name (`x.py_str()`) without naming the trait.
    if (named[1] === 'trait') for (const l of body) { const m = /^    (?:unsafe\s+)?fn\s+([A-Za-z_]\w*)/.exec(l); if (m) defines.push(m[1]); }
  } else if (macroDef) {
    defines.push(macroDef[1]);
  } else if (/^thread_local!/.test(head)) {
    for (const l of body) { const m = /^\s*(?:pub\s+)?static\s+([A-Za-z_]\w*)/.exec(l); if (m) defines.push(m[1]); }
  } else if (/^(unsafe\s+)?impl\b/.test(head)) {
    keys = implNames(head);
  } else {
    const call = /^([A-Za-z_]\w*)!/.exec(head);
    if (call) keys = ['!' + call[1]]; // resolved below to what the macro implements
  }
  const always = /^(pub\s+)?use\s/.test(head) || undefined;
  return { lines: [a, b], text: body.join('\n'), defines, keys, always, idents: identsOf(body) };
}

/** The names an `impl` header is about: its trait and the types it is for (locality decided later). */
function implNames(head: string): string[] {
  let s = head.replace(/^(unsafe\s+)?impl\s*/, '');
  if (s.startsWith('<')) {
    let depth = 0, i = 0;
    for (; i < s.length; i++) { if (s[i] === '<') depth++; else if (s[i] === '>' && --depth === 0) break; }
    s = s.slice(i + 1);
  }
  s = s.replace(/\s*(\{.*|where\b.*)$/, '');
  const names: string[] = [];
  const forAt = s.search(/\sfor\s/);
  if (forAt >= 0) {
    const trait = s.slice(0, forAt).replace(/<.*$/, '').trim().split('::').pop() ?? '';
    if (trait) names.push(trait);
    s = s.slice(forAt + 5);
  }
  for (const m of s.match(IDENT) ?? []) names.push(m);
  return names;
}

/** Keeps only keys defined by some support segment (std types and generic parameters go). */
function resolveKeys(support: Segment[]) {
  const local = new Map<string, Segment>();
  for (const s of support) for (const d of s.defines) if (!local.has(d)) local.set(d, s);
  for (const s of support) {
    if (!s.keys) continue;
    if (s.keys.length === 1 && s.keys[0].startsWith('!')) {
      // A top-level macro call (`impl_pystr_tuple!(…)`): it implements what the macro does, so it
      // comes with the local names the macro's body uses; it then brings the macro itself.
      const mac = local.get(s.keys[0].slice(1));
      s.keys = mac ? [...mac.idents].filter((n) => local.has(n) && !mac.defines.includes(n)) : [];
      continue;
    }
    s.keys = [...new Set(s.keys.filter((n) => local.has(n)))];
  }
}

/**
 * The support segments the given items need, in document order: every segment defining a name
 * they use, then what those use, and each impl (or macro-made impl) once its trait and types are in.
 */
export function supportFor(split: Split, itemIdx: number[]): Segment[] {
  const used = new Set<string>();
  for (const i of itemIdx) for (const n of split.items[i].idents) used.add(n);
  const inNames = new Set<string>();
  const chosen = new Set<Segment>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of split.support) {
      if (chosen.has(s)) continue;
      const take = s.always || (s.keys ? s.keys.length > 0 && s.keys.every((k) => inNames.has(k)) : s.defines.some((d) => used.has(d)));
      if (!take) continue;
      chosen.add(s);
      changed = true;
      for (const d of s.defines) inNames.add(d);
      for (const n of s.idents) used.add(n);
    }
  }
  return split.support.filter((s) => chosen.has(s));
}
