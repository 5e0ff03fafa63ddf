// `g = [[0] * 3] * 2`: in Python every row of g is one and the same list, so `g[0][1] = 5`
// shows in all rows. When g is only used in ways this file can follow (item stores and
// in-place list methods on a row as whole statements, item reads, printing, len, `g[i] is
// g[j]`), the translation keeps a plain `Vec<Vec<T>>` whose rows stay equal: after each change
// of a row, the changed row is copied over all rows (`g.fill(row)`). Any other use (an alias,
// a call that may keep or change g, a rebinding) leaves g to the approximation (PTR021).
import * as AST from '../ast';
import { PyType } from '../types';
import { walkExpr, walkExprs } from './scan';

type Name = Extract<AST.Expr, { k: 'name' }>;
type Index = Extract<AST.Expr, { k: 'index' }>;

export interface RepeatedRows {
  /** Symbol ids of variables whose rows are all one shared list. */
  vars: Set<number>;
  /** `[x] * n` expressions that build such a variable (no PTR021 for them). */
  builds: Set<AST.Expr>;
  /** Statements that change a row: the row (`g[i]`) to copy over all rows afterwards. */
  syncs: Map<AST.Stmt, Index[]>;
}

const ROW_METHODS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'sort', 'reverse']);
const READ_CALLS = new Set(['print', 'len', 'str', 'repr']);

function immutable(t: PyType): boolean {
  switch (t.k) {
    case 'int': case 'float': case 'bool': case 'str': case 'none': return true;
    case 'tuple': return t.elems.every(immutable);
    default: return false;
  }
}

/** `[x] * n` (or `n * [x]`) where x is a fresh list of immutable items (`[[]] * n`: as the
 *  variable's type says). */
function repeatedFreshRow(e: AST.Expr, declared: PyType | undefined): boolean {
  if (e.k !== 'bin' || e.op !== '*') return false;
  const l = e.left.k === 'list' ? e.left : e.right.k === 'list' ? e.right : undefined;
  if (!l || l.elts.length !== 1) return false;
  const row = l.elts[0];
  const fresh = row.k === 'list' || (row.k === 'bin' && row.op === '*' && (row.left.k === 'list' || row.right.k === 'list'));
  const declaredItem = declared?.k === 'list' && declared.elem.k === 'list' ? declared.elem.elem : undefined;
  return fresh && row.type.k === 'list' && (immutable(row.type.elem) || (row.type.elem.k === 'unknown' && !!declaredItem && immutable(declaredItem)));
}

export function analyzeRepeatedRows(module: AST.Module): RepeatedRows {
  const out: RepeatedRows = { vars: new Set(), builds: new Set(), syncs: new Map() };
  // Every use of each variable anywhere in the module (nested functions included).
  const uses = new Map<number, number>();
  walkExprs(module.body, (e) => { if (e.k === 'name' && e.sym) uses.set(e.sym.id, (uses.get(e.sym.id) ?? 0) + 1); }, true);
  const bodies: AST.Stmt[][] = [module.body];
  const collect = (ss: AST.Stmt[]) => ss.forEach((s) => { if (s.k === 'def') { bodies.push(s.body); collect(s.body); } if (s.k === 'class') collect(s.body); });
  collect(module.body);
  for (const body of bodies) {
    const candidates = new Map<number, { bind: Extract<AST.Stmt, { k: 'assign' }> }>();
    const blocks = (ss: AST.Stmt[], f: (s: AST.Stmt) => void) => ss.forEach((s) => {
      f(s);
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { blocks(s.body, f); blocks(s.orelse, f); }
      if (s.k === 'try') { blocks(s.body, f); s.handlers.forEach((h) => blocks(h.body, f)); blocks(s.orelse, f); blocks(s.finalbody, f); }
      if (s.k === 'with') blocks(s.body, f);
      if (s.k === 'match') s.cases.forEach((c) => blocks(c.body, f));
    });
    blocks(body, (s) => {
      if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name' && s.targets[0].sym && repeatedFreshRow(s.value, s.targets[0].sym.declType)) {
        const id = s.targets[0].sym.id;
        if (candidates.has(id)) candidates.delete(id); else candidates.set(id, { bind: s });
      }
    });
    if (!candidates.size) continue;
    const isVar = (e: AST.Expr): e is Name => e.k === 'name' && !!e.sym && candidates.has(e.sym.id);
    const isRow = (e: AST.Expr): e is Index => e.k === 'index' && isVar(e.value) && e.index.k !== 'slice';
    const simpleIndex = (e: AST.Expr): boolean => e.k === 'num' || (e.k === 'unary' && e.op === '-' && e.operand.k === 'num') || (e.k === 'name' && !isVar(e));
    const allowed = new Set<AST.Expr>();
    const syncs = new Map<AST.Stmt, Index[]>();
    const addSync = (s: AST.Stmt, row: Index) => { syncs.set(s, [...(syncs.get(s) ?? []), row]); allowed.add(row.value); };
    // Statements that change a row in place.
    blocks(body, (s) => {
      if (s.k === 'assign') {
        for (const t of s.targets) {
          if (t.k === 'name' && s === candidates.get(t.sym?.id ?? -1)?.bind) allowed.add(t);
          if (t.k === 'index' && isRow(t.value) && simpleIndex(t.value.index)) addSync(s, t.value);
        }
      }
      if (s.k === 'augassign' && s.target.k === 'index' && isRow(s.target.value) && simpleIndex(s.target.value.index)) addSync(s, s.target.value);
      if (s.k === 'expr' && s.value.k === 'call' && s.value.func.k === 'attr' && ROW_METHODS.has(s.value.func.attr) && isRow(s.value.func.value) && simpleIndex(s.value.func.value.index)) addSync(s, s.value.func.value);
    });
    // Reads: `g[i][j]`, `print(g)`, `len(g[i])`, `g[i] is g[j]`.
    walkExprs(body, (e) => {
      if (e.k === 'index' && isRow(e.value)) allowed.add(e.value.value);
      if (e.k === 'call' && e.func.k === 'name' && READ_CALLS.has(e.func.id)) {
        for (const a of e.args) if (!a.star && !a.name) { if (isVar(a.value)) allowed.add(a.value); else if (isRow(a.value)) allowed.add(a.value.value); }
      }
      if (e.k === 'cmp' && e.ops.length === 1 && (e.ops[0] === 'is' || e.ops[0] === 'is not') && isRow(e.left) && isRow(e.comparators[0]) && (e.left.value as Name).sym!.id === (e.comparators[0].value as Name).sym!.id) {
        allowed.add(e.left.value); allowed.add(e.comparators[0].value);
      }
    });
    // Names in targets of unpacking, `del`, `for` and `with` are changes this file does not follow.
    const forbidden = new Set<AST.Expr>();
    const forbid = (e: AST.Expr | undefined) => { if (e) walkExpr(e, (x) => { if (isVar(x)) forbidden.add(x); }); };
    blocks(body, (s) => {
      if (s.k === 'assign') s.targets.forEach((t) => { if (t.k === 'tuple' || t.k === 'list') forbid(t); });
      if (s.k === 'del') s.targets.forEach(forbid);
      if (s.k === 'for') forbid(s.target);
      if (s.k === 'with') s.items.forEach((i) => forbid(i.target));
    });
    walkExprs(body, (e) => {
      if (e.k === 'walrus' || e.k === 'comp') forbid(e.k === 'walrus' ? e.target : undefined);
      if (e.k === 'comp') e.gens.forEach((g) => forbid(g.target));
    });
    for (const [id, c] of candidates) {
      let seen = 0;
      let ok = true;
      for (const x of allowed) if (x.k === 'name' && x.sym?.id === id) { seen++; if (forbidden.has(x)) ok = false; }
      if (!ok || seen !== uses.get(id)) continue;
      out.vars.add(id);
      out.builds.add(c.bind.value);
    }
    for (const [s, rows] of syncs) {
      const mine = rows.filter((r) => out.vars.has((r.value as Name).sym!.id));
      if (mine.length) out.syncs.set(s, mine);
    }
  }
  return out;
}
