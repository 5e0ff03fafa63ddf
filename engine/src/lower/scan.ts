// Pre-pass over a function body: which variables are mutated or rebound, which names are
// assigned where. Lowering uses it to choose `let` vs `let mut`, `&T` vs `&mut T` parameters,
// and where to declare variables that Python creates inside nested blocks.
import * as AST from '../ast';

export const MUTATING_METHODS = new Set([
  'append', 'extend', 'insert', 'pop', 'remove', 'clear', 'sort', 'reverse', 'add', 'discard',
  'update', 'setdefault', 'popleft', 'appendleft', 'extendleft', 'rotate', 'popitem',
  'difference_update', 'intersection_update', 'symmetric_difference_update',
]);

export interface VarUse {
  assigns: number; // number of binding sites (assign, for target, augassign, ...)
  mutated: boolean; // changed in place (method, item/attr assignment, augmented assign)
  inLoopAssign: boolean;
}

/** Walks statements (not into nested defs/classes) calling f for every expression. */
export function walkExprs(stmts: AST.Stmt[], f: (e: AST.Expr) => void, intoNested = false) {
  const ex = (e: AST.Expr | undefined) => { if (e) walkExpr(e, f); };
  const visit = (s: AST.Stmt) => {
    switch (s.k) {
      case 'expr': ex(s.value); break;
      case 'assign': s.targets.forEach(ex); ex(s.value); break;
      case 'annassign': ex(s.target); ex(s.value); break;
      case 'augassign': ex(s.target); ex(s.value); break;
      case 'if': case 'while': ex(s.test); s.body.forEach(visit); s.orelse.forEach(visit); break;
      case 'for': ex(s.target); ex(s.iter); s.body.forEach(visit); s.orelse.forEach(visit); break;
      case 'return': ex(s.value); break;
      case 'raise': ex(s.exc); ex(s.cause); break;
      case 'try': s.body.forEach(visit); s.handlers.forEach((h) => { ex(h.type); h.body.forEach(visit); }); s.orelse.forEach(visit); s.finalbody.forEach(visit); break;
      case 'with': s.items.forEach((i) => { ex(i.expr); ex(i.target); }); s.body.forEach(visit); break;
      case 'del': s.targets.forEach(ex); break;
      case 'assert': ex(s.test); ex(s.msg); break;
      case 'match': ex(s.subject); s.cases.forEach((c) => { ex(c.guard); c.body.forEach(visit); }); break;
      case 'def': if (intoNested) { s.params.forEach((p) => ex(p.default)); s.body.forEach(visit); } break;
      case 'class': if (intoNested) s.body.forEach(visit); break;
    }
  };
  stmts.forEach(visit);
}

export function walkExpr(e: AST.Expr, f: (e: AST.Expr) => void) {
  f(e);
  const w = (x: AST.Expr | undefined) => { if (x) walkExpr(x, f); };
  switch (e.k) {
    case 'bin': w(e.left); w(e.right); break;
    case 'boolop': w(e.left); w(e.right); break;
    case 'unary': w(e.operand); break;
    case 'cmp': w(e.left); e.comparators.forEach(w); break;
    case 'call': w(e.func); e.args.forEach((a) => w(a.value)); break;
    case 'attr': w(e.value); break;
    case 'index': w(e.value); w(e.index); break;
    case 'slice': w(e.lower); w(e.upper); w(e.step); break;
    case 'list': case 'tuple': case 'set': e.elts.forEach(w); break;
    case 'dict': e.items.forEach((i) => { w(i.key); w(i.value); }); break;
    case 'comp': e.gens.forEach((g) => { w(g.target); w(g.iter); g.ifs.forEach(w); }); w(e.elt); w(e.value); break;
    case 'lambda': w(e.body); break;
    case 'ifexp': w(e.test); w(e.body); w(e.orelse); break;
    case 'starred': case 'yieldfrom': case 'await': w(e.value); break;
    case 'yield': w(e.value); break;
    case 'walrus': w(e.target); w(e.value); break;
    case 'fstr': e.parts.forEach((p) => { if (typeof p !== 'string') { w(p.expr); p.spec?.forEach((q) => { if (typeof q !== 'string') w(q.expr); }); } }); break;
  }
}

/** The root variable of an access path: `a` for `a`, `a.b`, `a[i].c`. */
export function rootName(e: AST.Expr): Extract<AST.Expr, { k: 'name' }> | undefined {
  let cur = e;
  for (;;) {
    if (cur.k === 'name') return cur;
    if (cur.k === 'attr' || cur.k === 'index') cur = cur.value;
    else return undefined;
  }
}

/** Which arguments a call mutates (index -1 = the receiver of a method call); set per module. */
let callMutations: ((call: Extract<AST.Expr, { k: 'call' }>) => number[]) | undefined;
export function setCallMutations(f: typeof callMutations) { callMutations = f; }

/** Variable usage facts for one function body (keyed by symbol id). */
export function scanVars(body: AST.Stmt[], mutatingCall?: (call: Extract<AST.Expr, { k: 'call' }>) => number[]): Map<number, VarUse> {
  const uses = new Map<number, VarUse>();
  const get = (e: AST.Expr | undefined) => {
    if (!e || e.k !== 'name' || !e.sym) return undefined;
    let u = uses.get(e.sym.id);
    if (!u) { u = { assigns: 0, mutated: false, inLoopAssign: false }; uses.set(e.sym.id, u); }
    return u;
  };
  const bind = (t: AST.Expr, inLoop: boolean) => {
    if (t.k === 'name') { const u = get(t); if (u) { u.assigns++; if (inLoop) u.inLoopAssign = true; } }
    else if (t.k === 'tuple' || t.k === 'list') t.elts.forEach((x) => bind(x, inLoop));
    else if (t.k === 'starred') bind(t.value, inLoop);
    else { const r = rootName(t); const u = get(r); if (u) u.mutated = true; }
  };
  const visit = (stmts: AST.Stmt[], inLoop: boolean) => {
    for (const s of stmts) {
      switch (s.k) {
        case 'assign': s.targets.forEach((t) => bind(t, inLoop)); break;
        case 'annassign': if (s.value) bind(s.target, inLoop); break;
        case 'augassign': {
          const r = rootName(s.target);
          const u = get(r);
          if (u) { if (s.target.k === 'name') { u.assigns += 2; } else u.mutated = true; }
          break;
        }
        case 'for': bind(s.target, true); visit(s.body, true); visit(s.orelse, inLoop); break;
        case 'while': visit(s.body, true); visit(s.orelse, inLoop); break;
        case 'if': visit(s.body, inLoop); visit(s.orelse, inLoop); break;
        case 'try': visit(s.body, inLoop); s.handlers.forEach((h) => visit(h.body, inLoop)); visit(s.orelse, inLoop); visit(s.finalbody, inLoop); break;
        case 'with': s.items.forEach((i) => { if (i.target) bind(i.target, inLoop); }); visit(s.body, inLoop); break;
        case 'match': s.cases.forEach((c) => visit(c.body, inLoop)); break;
        case 'del': s.targets.forEach((t) => { const u = get(rootName(t)); if (u) u.mutated = true; }); break;
        // A nested function that changes a captured container (`memo[k] = v`) mutates it.
        case 'def': visit(s.body, inLoop); break;
      }
    }
  };
  visit(body, false);
  walkExprs(body.filter((s) => s.k === 'def'), (e) => {
    if (e.k === 'call' && e.func.k === 'attr' && MUTATING_METHODS.has(e.func.attr)) {
      const u = get(rootName(e.func.value));
      if (u) u.mutated = true;
    }
  }, true);
  walkExprs(body, (e) => {
    if (e.k === 'call' && e.func.k === 'attr' && MUTATING_METHODS.has(e.func.attr)) {
      const u = get(rootName(e.func.value));
      if (u) u.mutated = true;
    }
    if (e.k === 'walrus') bind(e.target, false);
    // heapq.heappush(h, x) / heappop(h) / heapify(h) mutate their first argument.
    if (e.k === 'call' && e.args.length && /^_?(heapq\.(heappush|heappop|heapify|heapreplace|heappushpop)|bisect\.insort(_left|_right)?)$/.test(e.func.k === 'attr' && e.func.value.k === 'name' && (e.func.value.id === 'heapq' || e.func.value.id === 'bisect') ? `${e.func.value.id}.${e.func.attr}` : e.callee ?? '')) {
      const u = get(rootName(e.args[0].value));
      if (u) u.mutated = true;
    }
    // Using an iterator (next(), for, list()) advances it: the binding must be `mut`.
    const dt = e.k === 'name' ? e.sym?.declType : undefined;
    if (dt && (dt.k === 'iter' || dt.k === 'union' && dt.types.some((x) => x.k === 'iter'))) { const u = get(e); if (u) u.mutated = true; }
    if (e.k === 'comp') e.gens.forEach((g) => bind(g.target, true));
    const mc = mutatingCall ?? callMutations;
    if (e.k === 'call' && mc) {
      for (const i of mc(e)) {
        const target = i === -1 ? (e.func.k === 'attr' ? e.func.value : undefined) : e.args[i]?.value;
        const u = target && get(rootName(target));
        if (u) u.mutated = true;
      }
    }
  });
  // `for c in items: c.bump()` mutates the items in place (iter_mut): the container is mutated
  // too. Inner loops first, so `for row in grid: for c in row: c.bump()` reaches `grid`.
  const loopTargets = (t: AST.Expr): AST.Expr[] => (t.k === 'tuple' || t.k === 'list' ? t.elts.flatMap(loopTargets) : [t]);
  const loops = (stmts: AST.Stmt[]) => stmts.forEach((s) => {
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { loops(s.body); loops(s.orelse); }
    if (s.k === 'try') { loops(s.body); s.handlers.forEach((h) => loops(h.body)); loops(s.orelse); loops(s.finalbody); }
    if (s.k === 'with') loops(s.body);
    if (s.k === 'match') s.cases.forEach((c) => loops(c.body));
    if (s.k !== 'for') return;
    const mutatedTarget = loopTargets(s.target).some((x) => x.k === 'name' && x.sym && uses.get(x.sym.id)?.mutated && uses.get(x.sym.id)!.assigns <= 1);
    if (!mutatedTarget) return;
    let src = s.iter;
    if (src.k === 'call' && src.func.k === 'name' && (src.func.id === 'enumerate' || src.func.id === 'reversed') && src.args[0]) src = src.args[0].value;
    const u = get(rootName(src));
    if (u) u.mutated = true;
  });
  loops(body);
  // `m = members[name]; m.loans.append(x)`: the alias mutates the element in place (lowered
  // as `&mut members[..]`), so the container is mutated too.
  const aliases = (stmts: AST.Stmt[]) => stmts.forEach((s) => {
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { aliases(s.body); aliases(s.orelse); }
    if (s.k === 'try') { aliases(s.body); s.handlers.forEach((h) => aliases(h.body)); aliases(s.orelse); aliases(s.finalbody); }
    if (s.k === 'with') aliases(s.body);
    if (s.k === 'match') s.cases.forEach((c) => aliases(c.body));
    const el = s.k === 'assign' && s.targets.length === 1 ? elementAlias(s.targets[0], s.value) : undefined;
    if (!el) return;
    const t = uses.get(el.sym.id);
    if (t && t.mutated && t.assigns <= 1) { const u = get(rootName(el.container)); if (u) u.mutated = true; }
  });
  aliases(body);
  return uses;
}

/** `x = c[k]` binding a non-Copy element (class instance, list, dict, set) of a list/dict. */
export function elementAlias(target: AST.Expr, value: AST.Expr): { sym: AST.SymbolRef; container: AST.Expr } | undefined {
  if (target.k !== 'name' || !target.sym || value.k !== 'index' || value.index.k === 'slice') return undefined;
  const ct = value.value.type;
  const et = ct.k === 'dict' ? ct.val : ct.k === 'list' ? ct.elem : undefined;
  if (!et || !(et.k === 'class' || et.k === 'list' || et.k === 'dict' || et.k === 'set')) return undefined;
  if (!rootName(value.value)) return undefined;
  return { sym: target.sym, container: value.value };
}
