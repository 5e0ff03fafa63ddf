// Monomorphisation: a top-level function called with unrelated argument types that no single
// type variable covers (`safe_get(ints, 1)` and `safe_get("", 0, "?")`) becomes one copy per
// argument signature, each annotated with its own types. Rust has no dynamic typing; CPython
// runs one body over both, and each copy reproduces what that body does for its signature.
import * as AST from '../ast';
import { PyType, hasUnknown, typeToString } from '../types';
import { walkExprs } from '../lower/scan';
import type { Insertion } from './infer';

export const MONO_WHY = 'called with unrelated argument types: one copy of the function per signature';

type Def = Extract<AST.Stmt, { k: 'def' }>;
type Call = Extract<AST.Expr, { k: 'call' }>;

/** Compatible signatures share a copy: an unknown part (`[]`) adopts the other's type. */
function compatible(a: PyType, b: PyType): boolean {
  if (a.k === 'unknown' || b.k === 'unknown') return true;
  if (typeToString(a) === typeToString(b)) return true;
  return a.k === b.k && (hasUnknown(a) || hasUnknown(b));
}

export function monomorphInsertions(
  module: AST.Module, d: Def, typeOf: (e: AST.Expr) => PyType, annotationText: (t: PyType) => string | undefined,
): Insertion[] {
  if (!module.body.includes(d) || d.decorators.length || d.isGenerator || d.isAsync || !d.sym) return [];
  if (d.params.some((p) => p.kind !== 'normal' || (p.annotation && !/^(list|List)$/.test(module.text.slice(p.annotation.span.start, p.annotation.span.end))))) return [];
  const inBody = (e: AST.Expr) => e.span.start >= d.span.start && e.span.end <= d.span.end;
  // Every use of the function must be a plain call (no `*args`), else copies cannot be told apart.
  const calls: Call[] = [];
  let otherUse = false;
  const isSelf = (e: AST.Expr) => e.k === 'name' && e.id === d.name && e.sym?.id === d.sym!.id;
  walkExprs(module.body, (e) => {
    if (e.k === 'call' && isSelf(e.func)) { if (e.args.some((a) => a.star)) otherUse = true; else calls.push(e); }
  }, true);
  walkExprs(module.body, (e) => { if (isSelf(e) && !calls.some((c) => c.func === e)) otherUse = true; }, true);
  if (otherUse) return [];
  const sigOf = (c: Call): PyType[] | undefined => {
    const ts: PyType[] = [];
    for (const [i, p] of d.params.entries()) {
      const a = c.args.find((x) => x.name === p.name) ?? (c.args[i] && !c.args[i].name ? c.args[i] : undefined);
      ts.push(a ? typeOf(a.value) : p.default ? typeOf(p.default) : { k: 'unknown' });
    }
    return c.args.length > d.params.length ? undefined : ts;
  };
  const groups: { types: PyType[]; calls: Call[] }[] = [];
  const recursive: Call[] = [];
  for (const c of calls) {
    if (inBody(c)) { recursive.push(c); continue; }
    const sig = sigOf(c);
    if (!sig) return [];
    const g = groups.find((x) => x.types.every((t, i) => compatible(t, sig[i])));
    if (g) { g.types = g.types.map((t, i) => (hasUnknown(t) && !hasUnknown(sig[i]) ? sig[i] : t)); g.calls.push(c); }
    else groups.push({ types: sig, calls: [c] });
  }
  if (groups.length < 2) return [];
  const varying = d.params.map((_, i) => groups.some((g) => typeToString(g.types[i]) !== typeToString(groups[0].types[i])));
  const texts = groups.map((g) => g.types.map((t, i) => (varying[i] ? annotationText(t) : '')));
  if (texts.some((ts) => ts.some((t) => t === undefined)) || groups.some((g) => g.types.some((t, i) => varying[i] && hasUnknown(t)))) return [];
  // Parameter annotations, as edits relative to `base` (the def's start or 0 for the module).
  const paramEdits = (ts: (string | undefined)[], base: number) => d.params.flatMap((p, i) => {
    if (!varying[i]) return [];
    if (p.annotation) return [{ offset: p.annotation.span.start - base, remove: p.annotation.span.end - p.annotation.span.start, text: ts[i]! }];
    return [{ offset: p.span.start + p.name.length - base, remove: 0, text: `: ${ts[i]}` }];
  });
  const why = MONO_WHY;
  const out: Insertion[] = paramEdits(texts[0], 0).map((x) => ({ ...x, why, span: d.nameSpan }));
  const taken = new Set<string>();
  const source = module.text.slice(d.span.start, d.span.end);
  for (let gi = 1; gi < groups.length; gi++) {
    const suffix = texts[gi].filter((t) => t).join('_').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
    let name = `${d.name}_${suffix || gi}`;
    for (let n = 2; taken.has(name) || new RegExp(`\\b${name}\\b`).test(module.text); n++) name = `${d.name}_${suffix}${n}`;
    taken.add(name);
    const edits = [
      { offset: d.nameSpan.start - d.span.start, remove: d.nameSpan.end - d.nameSpan.start, text: name },
      ...paramEdits(texts[gi], d.span.start),
      ...recursive.map((c) => ({ offset: c.func.span.start - d.span.start, remove: c.func.span.end - c.func.span.start, text: name })),
    ].sort((a, b) => b.offset - a.offset);
    let copy = source;
    for (const e of edits) copy = copy.slice(0, e.offset) + e.text + copy.slice(e.offset + e.remove);
    const endsLine = source.endsWith('\n');
    out.push({ offset: d.span.end, text: endsLine ? `\n\n${copy}` : `\n\n\n${copy}`, why, span: d.nameSpan });
    for (const c of groups[gi].calls) out.push({ offset: c.func.span.start, remove: c.func.span.end - c.func.span.start, text: name, why, span: c.func.span });
  }
  return out;
}

/** The body uses the parameter in a way a bare type variable `_T` cannot express in Rust:
 * indexing, iterating, attributes and methods, or builtins over sequences. */
export function needsConcreteType(d: Def, name: string): boolean {
  const isP = (e: AST.Expr | undefined) => !!e && e.k === 'name' && e.id === name;
  let found = false;
  const check = (e: AST.Expr) => {
    if ((e.k === 'index' || e.k === 'attr') && isP(e.value)) found = true;
    if (e.k === 'comp' && e.gens.some((g) => isP(g.iter))) found = true;
    if (e.k === 'call' && e.func.k === 'name' && ['len', 'set', 'list', 'sorted', 'sum', 'iter', 'reversed', 'enumerate', 'tuple'].includes(e.func.id) && isP(e.args[0]?.value)) found = true;
  };
  walkExprs(d.body, check, true);
  const loops = (ss: AST.Stmt[]): void => ss.forEach((s) => {
    if (s.k === 'for' && isP(s.iter)) found = true;
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { loops(s.body); loops(s.orelse); }
    if (s.k === 'try') { loops(s.body); s.handlers.forEach((h) => loops(h.body)); loops(s.orelse); loops(s.finalbody); }
    if (s.k === 'with') loops(s.body);
  });
  loops(d.body);
  return found;
}
