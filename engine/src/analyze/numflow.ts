// Python's numeric tower: a `float` annotation does not make an int a float. `f(10)` with
// `def f(x: float)` runs the body with the int 10 (it prints `10`, `x / 0` says "division by
// zero"). A float-annotated parameter or return that receives ints at run time is re-annotated
// `int | float`, which the lowering represents as a run-time tagged number; slots that only
// ever see floats keep their plain `f64`.
import * as AST from '../ast';
import { PyType, T, hasUnknown } from '../types';
import { annotationText, type Insertion } from './infer';
import { scanVars, walkExpr, walkExprs } from '../lower/scan';

export const INT_FLOAT: PyType = { k: 'union', types: [T.int, T.float] };

export function isIntFloat(t: PyType): boolean {
  return t.k === 'union' && t.types.length === 2 && t.types.some((x) => x.k === 'int') && t.types.some((x) => x.k === 'float');
}

const isFloatAnn = (a?: AST.Expr) => !!a && a.k === 'name' && a.id === 'float';
const carriesInt = (t: PyType) => t.k === 'int' || isIntFloat(t);
const intLiteral = (a: AST.Expr): boolean => a.k === 'num' && a.isInt || a.k === 'unary' && a.op === '-' && intLiteral(a.operand);

type Def = Extract<AST.Stmt, { k: 'def' }>;
type Cls = Extract<AST.Stmt, { k: 'class' }>;

/**
 * `dist = {n: float("inf") for n in g}` then `dist[src] = 0`: the dict's values are
 * `int | float` (the 0 prints as 0). Likewise `xs.append(1)` on a list of floats. Declares the
 * variable's container type where it is first assigned (or fixes its `float` annotation).
 */
export function containerInsertions(module: AST.Module): Insertion[] {
  const widen = new Map<number, PyType>(); // symbol id -> its declared container type
  const visit = (stmts: AST.Stmt[]) => {
    for (const s of stmts) {
      if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'index') {
        const c = s.targets[0].value;
        if (c.k === 'name' && c.sym?.declType.k === 'dict' && c.sym.declType.val.k === 'float' && carriesInt(s.value.type)) widen.set(c.sym.id, c.sym.declType);
      }
      if (s.k === 'expr' && s.value.k === 'call' && s.value.func.k === 'attr' && ['append', 'insert'].includes(s.value.func.attr)) {
        const c = s.value.func.value;
        const a = s.value.args[s.value.args.length - 1]?.value;
        if (a && c.k === 'name' && c.sym?.declType.k === 'list' && c.sym.declType.elem.k === 'float' && carriesInt(a.type)) widen.set(c.sym.id, c.sym.declType);
      }
      for (const b of childBlocks(s)) visit(b);
    }
  };
  visit(module.body);
  if (!widen.size) return [];
  const out: Insertion[] = [];
  const why = 'holds ints, which CPython keeps ints: int | float items';
  const declare = (stmts: AST.Stmt[]) => {
    for (const s of stmts) {
      const t = s.k === 'assign' && s.targets.length === 1 ? s.targets[0] : s.k === 'annassign' ? s.target : undefined;
      if (t?.k === 'name' && t.sym && widen.has(t.sym.id)) {
        const dt = widen.get(t.sym.id)!;
        widen.delete(t.sym.id);
        if (s.k === 'annassign') {
          // `d: dict[str, float] = ...`: the last `float` of the annotation is the item type.
          const text = module.text.slice(s.annotation.span.start, s.annotation.span.end);
          const at = text.lastIndexOf('float');
          if (at >= 0) out.push({ offset: s.annotation.span.start + at, remove: 5, text: 'int | float', why, span: s.annotation.span });
        } else {
          const key = dt.k === 'dict' ? annotationText(dt.key) : undefined;
          const ann = dt.k === 'dict' ? key && `dict[${key}, int | float]` : 'list[int | float]';
          if (ann) out.push({ offset: t.span.end, text: `: ${ann}`, why, span: t.span });
        }
      }
      for (const b of childBlocks(s)) declare(b);
    }
  };
  declare(module.body);
  return out;
}

/** Collects what flows into float-annotated parameters (from the call-site walk in infer.ts). */
export class FloatParams {
  private seen = new Map<AST.Param, AST.Expr[]>();
  constructor(private module: AST.Module) {}

  note(p: AST.Param, value: AST.Expr) {
    if (p.kind !== 'normal' || !isFloatAnn(p.annotation)) return;
    this.seen.set(p, [...(this.seen.get(p) ?? []), value]);
  }

  insertions(): Insertion[] {
    const classes = new Map<string, Cls>();
    for (const s of this.module.body) if (s.k === 'class') classes.set(s.name, s);
    this.noteSetters(classes);
    const out: Insertion[] = [];
    out.push(...this.recordFields(classes));
    const retypeAs = (ann: AST.Expr, text: string, why: string) => out.push({ offset: ann.span.start, remove: ann.span.end - ann.span.start, text, why, span: ann.span });
    const retype = (ann: AST.Expr, why: string) => retypeAs(ann, 'int | float', why);
    const topLevel = new Set(this.module.body.filter((s): s is Def => s.k === 'def' && !s.decorators.length));
    const owner = new Map<AST.Param, Def>();
    for (const d of allDefs(this.module.body)) for (const p of d.params) owner.set(p, d);
    for (const [p, values] of this.seen) {
      if (values.some(unsettled)) continue; // decided in a later round
      // Int literals only, in a plain function only called directly that never rebinds it: an
      // int parameter (infer.ts's intForFloatInsertions annotates it `int`).
      const d = owner.get(p);
      if (d && topLevel.has(d) && !p.default && values.every(intLiteral) && p.sym && !(scanVars(d.body).get(p.sym.id)?.assigns) && this.onlyCalled(d)) continue;
      if (d && intUnobservable(d, p, (q) => !!this.seen.get(q)?.some((v) => carriesInt(v.type)))) continue;
      if (values.some((v) => carriesInt(v.type)) || p.default && intLiteral(p.default)) retype(p.annotation!, `called with an int, which CPython keeps an int: annotated int | float`);
    }
    // `-> dict[str, float]` returning a `dict[str, int | float]`: the annotation follows.
    for (const d of allDefs(this.module.body)) {
      if (!d.returns || isFloatAnn(d.returns) || d.isGenerator) continue;
      const ann = this.module.text.slice(d.returns.span.start, d.returns.span.end);
      const rets: AST.Expr[] = [];
      collectReturns(d.body, rets);
      const texts = new Set(rets.map((r) => annotationText(r.type)));
      const t = texts.size === 1 ? [...texts][0] : undefined;
      if (t && t !== ann && t.includes('int | float') && t.split('int | float').join('float') === ann) retypeAs(d.returns, t, 'returns ints kept as ints: annotated ' + t);
    }
    // An unannotated function returning `b and a / b` (an `int | float`) that pyright reads as
    // returning float: annotate it, so that its callers see the int too.
    for (const d of allDefs(this.module.body)) {
      if (d.returns || d.isGenerator || d.retType.k !== 'float') continue;
      const rets: AST.Expr[] = [];
      collectReturns(d.body, rets);
      if (!rets.some((r) => isIntFloat(r.type)) || rets.some(unsettled) || !rets.every((r) => r.type.k === 'int' || r.type.k === 'float' || isIntFloat(r.type))) continue;
      const at = headerEnd(this.module.text, d.nameSpan.end);
      if (at !== undefined) out.push({ offset: at, text: ' -> int | float', why: 'returns an int or a float, which CPython keeps apart: annotated int | float', span: d.nameSpan });
    }
    // `-> float` returning ints (its own returns or those of unannotated overrides).
    for (const [cname, c] of [...classes, ['', undefined] as [string, Cls | undefined]]) {
      const body = c ? c.body : this.module.body;
      for (const d of body) {
        if (d.k !== 'def' || !isFloatAnn(d.returns) || d.isGenerator) continue;
        const rets: AST.Expr[] = [];
        collectReturns(d.body, rets);
        const overrides: Def[] = [];
        if (c) for (const sub of subclasses(cname, classes)) {
          const o = sub.body.find((x): x is Def => x.k === 'def' && x.name === d.name);
          if (o && (!o.returns || isFloatAnn(o.returns))) { collectReturns(o.body, rets); overrides.push(o); }
        }
        if (rets.some(unsettled)) continue;
        // All ints in a plain function: infer.ts re-annotates it `int`.
        if (!c && rets.length && rets.every((r) => r.type.k === 'int')) continue;
        if (!rets.some((r) => carriesInt(r.type))) continue;
        const why = 'returns an int, which CPython keeps an int: annotated int | float';
        retype(d.returns!, why);
        // Overrides share the base method's signature (one trait method in Rust).
        for (const o of overrides) {
          if (o.returns) { retype(o.returns, why); continue; }
          const at = headerEnd(this.module.text, o.nameSpan.end);
          if (at !== undefined) out.push({ offset: at, text: ' -> int | float', why, span: o.nameSpan });
        }
      }
    }
    return out;
  }

  /** `Point(1, 2)` of a dataclass or NamedTuple with `x: float` fields: the fields hold ints. */
  private recordFields(classes: Map<string, Cls>): Insertion[] {
    const out: Insertion[] = [];
    const seen = new Map<AST.Expr, AST.Expr[]>(); // float field annotation -> values
    const isRecord = (c: Cls) => c.decorators.some((d) => /^(dataclasses\.)?dataclass$/.test(exprName(d.expr.k === 'call' ? d.expr.func : d.expr)))
      || c.bases.some((b) => exprName(b) === 'NamedTuple' || exprName(b) === 'typing.NamedTuple');
    walkExprs(this.module.body, (e) => {
      if (e.k !== 'call' || e.func.k !== 'name' || e.args.some((a) => a.star)) return;
      const c = classes.get(e.func.id);
      if (!c || !isRecord(c) || c.body.some((x) => x.k === 'def' && x.name === '__init__')) return;
      const fields = c.body.filter((x): x is Extract<AST.Stmt, { k: 'annassign' }> => x.k === 'annassign' && x.target.k === 'name');
      e.args.forEach((a, i) => {
        const f = a.name ? fields.find((x) => x.target.k === 'name' && x.target.id === a.name) : fields[i];
        if (f && isFloatAnn(f.annotation)) seen.set(f.annotation, [...(seen.get(f.annotation) ?? []), a.value]);
      });
    }, true);
    for (const [ann, values] of seen) {
      if (values.some(unsettled) || !values.some((v) => carriesInt(v.type))) continue;
      out.push({ offset: ann.span.start, remove: ann.span.end - ann.span.start, text: 'int | float', why: 'built with an int, which CPython keeps an int: annotated int | float', span: ann.span });
    }
    return out;
  }

  /** Every use of function d's name is the callee of a direct call. */
  private onlyCalled(d: Def): boolean {
    const callees = new Set<AST.Expr>();
    let other = false;
    walkExprs(this.module.body, (e) => { if (e.k === 'call') callees.add(e.func); }, true);
    walkExprs(this.module.body, (e) => { if (e.k === 'name' && e.id === d.name && !callees.has(e)) other = true; }, true);
    return !other;
  }

  /** `obj.prop = 100` calls the property's setter with 100. */
  private noteSetters(classes: Map<string, Cls>) {
    const visit = (stmts: AST.Stmt[]) => {
      for (const s of stmts) {
        if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'attr') {
          const t = s.targets[0];
          const vt = t.value.type;
          for (let c = vt.k === 'class' ? classes.get(vt.name) : undefined; c; c = baseOf(c, classes)) {
            const setter = c.body.find((x): x is Def => x.k === 'def' && x.name === t.attr && x.decorators.some((dd) => dd.expr.k === 'attr' && dd.expr.attr === 'setter'));
            if (setter) { if (setter.params[1]) this.note(setter.params[1], s.value); break; }
          }
        }
        for (const b of childBlocks(s)) visit(b);
      }
    };
    visit(this.module.body);
  }
}

/** A value whose type may still change: some part of it (`sum(xs)` of an `xs = []`) is unknown. */
export function unsettled(v: AST.Expr): boolean {
  if (!v || !v.type) return false;
  let unknown = hasUnknown(v.type);
  if (v.k) walkExpr(v, (x) => { if (x.type && hasUnknown(x.type) || x.k === 'name' && x.sym && hasUnknown(x.sym.declType)) unknown = true; });
  return unknown;
}

function exprName(e: AST.Expr): string {
  return e.k === 'name' ? e.id : e.k === 'attr' ? `${exprName(e.value)}.${e.attr}` : '';
}

function childBlocks(s: AST.Stmt): AST.Stmt[][] {
  switch (s.k) {
    case 'def': case 'class': case 'with': return [s.body];
    case 'if': case 'while': case 'for': return [s.body, s.orelse];
    case 'try': return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    case 'match': return s.cases.map((c) => c.body);
    default: return [];
  }
}

/**
 * True when an int reaching float parameter `p` of `d` could never be seen: every use of `p` is
 * an operand of `/`, or of arithmetic whose other operand is certainly a float (a float literal,
 * or a float expression over no parameter that itself receives ints), and `p` is never rebound.
 * Then `def area(w: float, h: float)` called as `area(2, 3.5)` keeps its plain `f64` signature.
 */
export function intUnobservable(d: Def, p: AST.Param, getsInt: (q: AST.Param) => boolean): boolean {
  const id = p.sym?.id;
  if (id === undefined || (scanVars(d.body).get(id)?.assigns ?? 0) > 0) return false;
  const paramOf = new Map(d.params.filter((q) => q.sym).map((q) => [q.sym!.id, q]));
  const certainFloat = (e: AST.Expr): boolean => {
    if (e.type.k !== 'float') return false;
    let ok = true;
    walkExpr(e, (x) => { if (x.k === 'name' && x.sym && paramOf.has(x.sym.id) && getsInt(paramOf.get(x.sym.id)!)) ok = false; });
    return ok;
  };
  const absorbed = new Set<AST.Expr>();
  let uses = 0;
  walkExprs(d.body, (e) => {
    if (e.k === 'name' && e.sym?.id === id) uses++;
    if (e.k !== 'bin' || !['+', '-', '*', '/', '%', '//', '**'].includes(e.op)) return;
    for (const [mine, other] of [[e.left, e.right], [e.right, e.left]] as const) {
      if (mine.k === 'name' && mine.sym?.id === id && (e.op === '/' || certainFloat(other))) absorbed.add(mine);
    }
  }, true);
  return uses > 0 && absorbed.size === uses;
}

function allDefs(stmts: AST.Stmt[], out: Def[] = []): Def[] {
  for (const s of stmts) {
    if (s.k === 'def') out.push(s);
    for (const b of childBlocks(s)) allDefs(b, out);
  }
  return out;
}

/** Return values of a function body (not of nested functions). */
function collectReturns(stmts: AST.Stmt[], out: AST.Expr[]) {
  for (const s of stmts) {
    if (s.k === 'return' && s.value) out.push(s.value);
    if (s.k !== 'def' && s.k !== 'class') for (const b of childBlocks(s)) collectReturns(b, out);
  }
}

/** The offset just after the `)` closing a def's parameter list (nameEnd: the end of its name). */
function headerEnd(text: string, nameEnd: number): number | undefined {
  const open = text.indexOf('(', nameEnd);
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return undefined;
}

function baseOf(c: Cls, classes: Map<string, Cls>): Cls | undefined {
  const b = c.bases[0];
  return b && b.k === 'name' && b.id !== c.name ? classes.get(b.id) : undefined;
}

function subclasses(name: string, classes: Map<string, Cls>): Cls[] {
  return [...classes.values()].filter((c) => {
    for (let b = baseOf(c, classes); b; b = baseOf(b, classes)) if (b.name === name) return true;
    return false;
  });
}
