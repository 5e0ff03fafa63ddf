// Usage-based type inference for what pyright leaves Unknown by design: the element types of
// containers created empty (`[]`, `{}`, `set()`, `defaultdict(list)`) and unannotated
// parameters. Evidence from uses (`.append(x)`, `d[k] = v`, call sites) becomes annotations
// inserted into the text, which pyright then re-checks (DESIGN §2).
import * as AST from '../ast';
import { PyType, T, hasUnknown, typeToString } from '../types';
import { scanVars, walkExprs } from '../lower/scan';
import { monomorphInsertions, needsConcreteType } from './monomorph';
import { namedtupleInsertions } from './namedtuple';
import { FloatParams, INT_FLOAT, containerInsertions, intUnobservable, isIntFloat, unsettled } from './numflow';

/** Text inserted at `offset`; `remove` characters there are replaced (default: none). */
export interface Insertion { offset: number; text: string; why: string; span: AST.Span; remove?: number }

/** The user classes' base classes (set per module by inferAnnotations): `Num | Add` joins to `Expr`. */
let classBases = new Map<string, string | undefined>();

function commonBase(a: string, b: string): string | undefined {
  const chain = (c: string) => { const out: string[] = []; for (let x: string | undefined = c; x && !out.includes(x); x = classBases.get(x)) out.push(x); return out; };
  const cb = chain(b);
  return chain(a).find((x) => cb.includes(x) && classBases.has(x));
}

/** The type that holds both; `items`: literal items, where True and 1 stay apart (True prints as True). */
function join(a: PyType | undefined, b: PyType, items = false): PyType {
  if (!a || a.k === 'unknown') return b;
  if (b.k === 'unknown') return a;
  if (a.k === 'class' && b.k === 'class' && a.name !== b.name && classBases.has(a.name) && classBases.has(b.name)) {
    const base = commonBase(a.name, b.name);
    if (base) return { k: 'class', name: base, fullName: base, args: [] };
  }
  // CPython keeps the ints: `int | float` is a run-time tagged value.
  if ((a.k === 'int' && b.k === 'float') || (a.k === 'float' && b.k === 'int')) return INT_FLOAT;
  if (isIntFloat(a) && (b.k === 'int' || b.k === 'float') || isIntFloat(b) && (a.k === 'int' || a.k === 'float')) return INT_FLOAT;
  if (a.k === 'none' && b.k !== 'none') return optionalOf(b);
  if (b.k === 'none' && a.k !== 'none') return a.k === 'optional' || a.k === 'union' && a.types.some((x) => x.k === 'none') ? a : optionalOf(a);
  if (a.k === 'list' && b.k === 'list') return { k: 'list', elem: join(a.elem, b.elem, items) };
  if (a.k === 'dict' && b.k === 'dict') return { ...a, key: join(a.key, b.key, items), val: join(a.val, b.val, items) };
  if (a.k === 'tuple' && b.k === 'tuple' && a.elems.length === b.elems.length) return { k: 'tuple', elems: a.elems.map((x, i) => join(x, b.elems[i], items)) };
  if ((a.k === 'bool' && b.k === 'int' || a.k === 'int' && b.k === 'bool') && !items) return T.int;
  if (b.k === 'optional' && a.k !== 'optional' && a.k !== 'union') return optionalOf(join(a, b.inner, items));
  if (a.k === 'optional' && b.k !== 'optional' && b.k !== 'none' && b.k !== 'union') return optionalOf(join(a.inner, b, items));
  return plainUnion(a, b, items) ?? a;
}

/** `T | None`; a union takes None as one more member (one tagged Obj). */
function optionalOf(t: PyType): PyType {
  return t.k === 'union' ? { k: 'union', types: [...t.types.filter((x) => x.k !== 'none'), T.none] } : { k: 'optional', inner: t };
}

/** Different plain data types (`int` and `str`, tuples of two lengths) join to a union: a run-time tagged Obj. */
function plainUnion(a: PyType, b: PyType, items: boolean): PyType | undefined {
  const out: PyType[] = [];
  const plain = (t: PyType): boolean => ['int', 'float', 'bool', 'str', 'none', 'list', 'tuple', 'tuplevar', 'dict', 'set'].includes(t.k) && !hasUnknown(t);
  const add = (t: PyType): boolean => {
    if (t.k === 'union') return t.types.every(add);
    if (t.k === 'optional') return add(t.inner) && add(T.none);
    if (!plain(t)) return false;
    if (!out.some((x) => typeToString(x) === typeToString(t))) out.push(t);
    return true;
  };
  if (!add(a) || !add(b) || out.length < 2) return undefined;
  if (out.every((t) => t.k === 'int' || t.k === 'float' || t.k === 'bool') && !items) return undefined;
  const none = out.filter((t) => t.k === 'none');
  return { k: 'union', types: [...out.filter((t) => t.k !== 'none'), ...none] };
}

/** A Python annotation for a type, or undefined when it cannot be written. */
export function annotationText(t: PyType): string | undefined {
  const r = (x: PyType) => annotationText(x);
  switch (t.k) {
    case 'int': case 'float': case 'bool': case 'str': case 'bytes': return t.k;
    case 'none': return 'None';
    case 'list': case 'set': { const e = r(t.elem); return e && `${t.k}[${e}]`; }
    case 'deque': { const e = r(t.elem); return e && `deque[${e}]`; }
    case 'dict': {
      const k = r(t.key), v = r(t.val);
      if (!k || !v) return undefined;
      if (t.flavor === 'counter') return `Counter[${k}]`;
      if (t.flavor === 'defaultdict') return `defaultdict[${k}, ${v}]`;
      return `dict[${k}, ${v}]`;
    }
    case 'tuple': { const es = t.elems.map(r); return es.every((x) => x) ? `tuple[${es.join(', ')}]` : undefined; }
    case 'optional': { const i = r(t.inner); return i && `${i} | None`; }
    case 'union': { const ts = t.types.map(r); return ts.every((x) => x) ? ts.join(' | ') : undefined; }
    // Quoted: a forward reference (a method of the class itself, or a class defined later).
    case 'class': return t.args.length ? undefined : JSON.stringify(t.name);
    // A function's own type variable (inside a generic function: `result: list[_T] = []`).
    case 'typevar': return t.name;
    default: return undefined;
  }
}

interface Candidate { key: string; type: PyType; insertAt: number; span: AST.Span; evidence?: PyType; /** completes a bare `list`/`dict` annotation */ bare?: string; /** declared on a line of its own before the statement (`name: T`) */ declLine?: { name: string; indent: string }; /** a `param=None` parameter: annotated `T | None` */ optional?: boolean }

/** Collects annotation insertions for a module (one round). */
export function inferAnnotations(module: AST.Module): Insertion[] {
  classBases = new Map();
  const classesIn = (ss: AST.Stmt[]) => ss.forEach((s) => { if (s.k === 'class') { const b = s.bases.find((x) => x.k === 'name'); classBases.set(s.name, b && b.k === 'name' ? b.id : undefined); classesIn(s.body); } });
  classesIn(module.body);
  const cands = new Map<string, Candidate>();
  const extra: Insertion[] = [];
  const keyOf = (e: AST.Expr): string | undefined => {
    if (e.k === 'name' && e.sym && (e.sym.kind === 'variable' || e.sym.kind === 'parameter')) return `v${e.sym.id}`;
    if (e.k === 'attr' && e.value.k === 'name' && e.value.id === 'self' && e.value.type.k === 'class') return `a${e.value.type.name}.${e.attr}`;
    return undefined;
  };
  const typeOfTarget = (e: AST.Expr): PyType => (e.k === 'name' ? e.sym?.declType ?? e.type : e.type);
  // 1. Candidates: assignments of empty containers whose declared type is still unknown.
  const bareParams = new Map<string, AST.Param[]>(); // functions with bare `dict`/`list` parameters
  const visitStmts = (stmts: AST.Stmt[]) => {
    for (const s of stmts) {
      if (s.k === 'assign' && s.targets.length === 1) {
        const t = s.targets[0];
        const k = keyOf(t);
        const declT = typeOfTarget(t);
        const init = emptyContainerType(s.value);
        // (an Optional variable is declared elsewhere, e.g. `cache: Optional[list] = None`)
        if (k && init && hasUnknown(declT) && declT.k !== 'optional' && !cands.has(k)) cands.set(k, { key: k, type: init, insertAt: t.span.end, span: t.span });
        const mixed = mixedNumericLiteral(s.value);
        if (k && mixed && hasUnknown(declT) && !cands.has(k)) cands.set(k, { key: k, type: mixed, insertAt: t.span.end, span: t.span });
        // `x = [1, "a"]`: the literal's items make a union (a tagged Obj in Rust).
        if (k && !init && !mixed && (s.value.k === 'list' || s.value.k === 'dict') && hasUnion(s.value.type) && !hasUnknown(s.value.type) && hasUnknown(declT) && !cands.has(k)) {
          cands.set(k, { key: k, type: s.value.type, insertAt: t.span.end, span: t.span });
        }
        // `parent = {start: None}`: the values are filled in later (dict[str, str | None]).
        if (k && !init && s.value.k === 'dict' && s.value.items.length && s.value.items.every((i) => i.key && i.value.k === 'const' && i.value.value === null) && declT.k === 'dict' && declT.val.k === 'none' && !hasUnknown(declT.key) && !cands.has(k)) {
          cands.set(k, { key: k, type: { k: 'dict', key: declT.key, val: T.none }, insertAt: t.span.end, span: t.span });
        }
      }
      if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'tuple' && s.value.k === 'tuple' && s.targets[0].elts.length === s.value.elts.length) {
        // `order, seen = [], set()`: each empty container gets a declaration line before the statement.
        const lineStart = module.text.lastIndexOf('\n', s.span.start - 1) + 1;
        const indent = module.text.slice(lineStart, s.span.start);
        const vals = s.value.elts;
        if (/^[ \t]*$/.test(indent)) s.targets[0].elts.forEach((t, i) => {
          const k = keyOf(t);
          const init = emptyContainerType(vals[i]);
          if (k && t.k === 'name' && init && hasUnknown(typeOfTarget(t)) && !cands.has(k)) cands.set(k, { key: k, type: init, insertAt: s.span.start, span: t.span, declLine: { name: t.id, indent } });
        });
      }
      if (s.k === 'for' && s.target.k === 'name' && s.target.sym && hasUnknown(s.target.sym.declType ?? T.unknown) && (s.iter.k === 'list' || s.iter.k === 'tuple')) {
        // `for v in ["42", 42, None]`: declare the loop variable's union type before the loop.
        const it = s.iter.type;
        const el = it.k === 'list' ? it.elem : undefined;
        const text = el && hasUnion(el) && !hasUnknown(el) ? annotationText(el) : undefined;
        if (text) {
          const lineStart = module.text.lastIndexOf('\n', s.span.start - 1) + 1;
          const indent = module.text.slice(lineStart, s.span.start);
          if (/^[ \t]*$/.test(indent)) extra.push({ offset: s.span.start, text: `${s.target.id}: ${text}\n${indent}`, why: `inferred ${text} for the loop variable ${s.target.id}`, span: s.target.span });
        }
      }
      if (s.k === 'annassign' && s.target.k === 'name') {
        // `cache: Optional[list] = None` / `x: list | None`: complete the bare `list` from uses.
        const a = s.annotation;
        // (and a plain bare annotation: `groups: dict = {}`)
        const innerAnn = a.k === 'index' && a.value.k === 'name' && a.value.id === 'Optional' ? a.index
          : a.k === 'bin' && a.op === '|' ? (a.right.k === 'const' && a.right.value === null ? a.left : a.left.k === 'const' && a.left.value === null ? a.right : undefined)
          : bareGeneric(a) ? a : undefined;
        const bare = innerAnn && bareGeneric(innerAnn);
        const k = keyOf(s.target);
        if (k && bare && bare !== 'tuple' && innerAnn && !cands.has(k)) {
          const type: PyType = bare === 'dict' ? { k: 'dict', key: T.unknown, val: T.unknown } : { k: bare as 'list' | 'set', elem: T.unknown };
          cands.set(k, { key: k, type, insertAt: innerAnn.span.end, span: innerAnn.span, bare });
        }
      }
      if (s.k === 'def') {
        if (s.params.some((p) => p.annotation && bareGeneric(p.annotation))) bareParams.set(s.name, s.params);
        // `moves: list` parameters: complete the annotation from the uses in the body
        // (`moves.append((n, a, b))`), like an empty container.
        for (const p of s.params) {
          const bare = p.annotation && bareGeneric(p.annotation);
          if (!bare || bare === 'tuple' || !p.sym || !hasUnknown(p.type) || p.kind !== 'normal') continue;
          const k = `v${p.sym.id}`;
          if (cands.has(k)) continue;
          const type: PyType = bare === 'dict' ? { k: 'dict', key: T.unknown, val: T.unknown } : { k: bare as 'list' | 'set', elem: T.unknown };
          cands.set(k, { key: k, type, insertAt: p.annotation!.span.end, span: p.annotation!.span, bare });
        }
        // `def dfs(g, node, seen=None): if seen is None: seen = []` then `seen.append(node)`:
        // the parameter is an optional container typed from its uses (`seen: list[str] | None`).
        for (const p of s.params) {
          if (p.annotation || !p.sym || p.kind !== 'normal' || !(p.default?.k === 'const' && p.default.value === null)) continue;
          for (const x of s.body) {
            if (x.k !== 'if' || x.orelse.length || x.test.k !== 'cmp' || x.test.ops[0] !== 'is' || x.test.left.k !== 'name' || x.test.left.sym?.id !== p.sym.id) continue;
            const a = x.body[0];
            const init = a && a.k === 'assign' && a.targets.length === 1 && a.targets[0].k === 'name' && a.targets[0].sym?.id === p.sym.id ? emptyContainerType(a.value) : undefined;
            const k = `v${p.sym.id}`;
            if (init && !cands.has(k)) cands.set(k, { key: k, type: init, insertAt: p.span.start + p.name.length, span: p.span, optional: true });
          }
        }
      }
      if (s.k === 'def' || s.k === 'class') visitStmts(s.body);
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visitStmts(s.body); visitStmts(s.orelse); }
      if (s.k === 'try') { visitStmts(s.body); s.handlers.forEach((h) => visitStmts(h.body)); visitStmts(s.orelse); visitStmts(s.finalbody); }
      if (s.k === 'with') visitStmts(s.body);
      if (s.k === 'match') s.cases.forEach((c) => visitStmts(c.body));
    }
  };
  visitStmts(module.body);
  // Class-body fields with a bare generic annotation (`quantity: dict = field(...)` in a
  // dataclass): complete it from the uses of `self.quantity`, or from the default's type.
  const visitClasses = (stmts: AST.Stmt[]) => stmts.forEach((s) => {
    if (s.k !== 'class') return;
    for (const f of s.body) {
      if (f.k !== 'annassign' || f.target.k !== 'name') continue;
      const bare = bareGeneric(f.annotation);
      if (!bare || bare === 'tuple') continue;
      const k = `a${s.name}.${f.target.id}`;
      let type: PyType = bare === 'dict' ? { k: 'dict', key: T.unknown, val: T.unknown } : { k: bare as 'list' | 'set', elem: T.unknown };
      let dv = f.value;
      if (dv && dv.k === 'call' && dv.func.k === 'name' && dv.func.id === 'field') {
        const fac = dv.args.find((a) => a.name === 'default_factory')?.value;
        dv = fac && fac.k === 'lambda' ? fac.body : dv.args.find((a) => a.name === 'default')?.value;
      }
      const dt = dv ? contextFreeType(dv) : undefined;
      if (dt && !hasUnknown(dt) && dt.k === type.k) type = dt;
      cands.set(k, { key: k, type, insertAt: f.annotation.span.end, span: f.annotation.span, bare });
    }
    visitClasses(s.body);
  });
  visitClasses(module.body);
  if (!cands.size) return [...extra, ...paramInsertions(module), ...intForFloatInsertions(module)];
  // 2. Evidence from uses anywhere in the module.
  const refine = (k: string | undefined, f: (t: PyType) => PyType) => {
    if (!k) return;
    const c = cands.get(k);
    if (c) c.type = f(c.type);
  };
  const known = (t: PyType) => t.k !== 'unknown';
  const pending = new Set<string>();
  const allStmts = (stmts: AST.Stmt[], f: (s: AST.Stmt) => void) => {
    for (const s of stmts) {
      f(s);
      if (s.k === 'def' || s.k === 'class' || s.k === 'with') allStmts(s.body, f);
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { allStmts(s.body, f); allStmts(s.orelse, f); }
      if (s.k === 'try') { allStmts(s.body, f); s.handlers.forEach((h) => allStmts(h.body, f)); allStmts(s.orelse, f); allStmts(s.finalbody, f); }
      if (s.k === 'match') s.cases.forEach((c) => allStmts(c.body, f));
    }
  };
  const retTypes = new Map<AST.Stmt, PyType>();
  allStmts(module.body, (s) => {
    if (s.k === 'assign' && s.targets.length === 1) {
      const t = s.targets[0];
      if (t.k === 'index') {
        const k = keyOf(t.value);
        refine(k, (c) => (c.k === 'dict' ? { ...c, key: known(t.index.type) ? join(c.key, t.index.type) : c.key, val: known(s.value.type) && !hasUnknown(s.value.type) ? join(c.val, s.value.type) : c.val } : c.k === 'list' && known(s.value.type) ? { k: 'list', elem: join(c.elem, s.value.type) } : c));
      } else {
        const k = keyOf(t);
        if (k && cands.has(k) && !emptyContainerType(s.value) && known(s.value.type) && !hasUnknown(s.value.type)) refine(k, (c) => join(c, s.value.type));
      }
    }
    if (s.k === 'augassign' && s.target.k === 'index') {
      const k = keyOf(s.target.value);
      refine(k, (c) => (c.k === 'dict' ? { ...c, key: join(c.key, s.target.type === undefined ? T.unknown : (s.target as any).index.type), val: c.flavor === 'counter' ? T.int : join(c.val, s.value.type) } : c));
      // d[a][b] += v on a dict of (default)dicts: both key types and the inner value type.
      const outer = s.target.value;
      if (outer.k === 'index') {
        const innerKey = s.target.index.type;
        refine(keyOf(outer.value), (c) => (c.k === 'dict' && c.val.k === 'dict' ? { ...c, key: join(c.key, outer.index.type), val: { ...c.val, key: join(c.val.key, innerKey), val: join(c.val.val, s.value.type) } } : c));
      }
    }
    if (s.k === 'augassign' && s.target.k !== 'index') {
      const k = keyOf(s.target);
      if (k && s.value.type.k === 'list') refine(k, (c) => (c.k === 'list' ? { k: 'list', elem: join(c.elem, s.value.type.k === 'list' ? s.value.type.elem : T.unknown) } : c));
    }
    if (s.k === 'for') {
      const k = keyOf(s.iter);
      if (k && s.target.k === 'name' && known(s.target.type)) refine(k, (c) => (c.k === 'list' || c.k === 'set' || c.k === 'deque' ? { ...c, elem: join(c.elem, s.target.type) } : c));
    }
    if (s.k === 'def') {
      const ret = s.retType;
      if (s.returns) retTypes.set(s, ret);
      walkReturns(s.body, (r) => { const k = r.value && keyOf(r.value); if (k && s.returns && known(ret)) refine(k, (c) => join(c, ret)); });
    }
  });
  walkExprs(module.body, (e) => {
    if (e.k !== 'call') return;
    if (e.func.k === 'attr') {
      const recv = e.func.value;
      const m = e.func.attr;
      const a0 = e.args[0]?.value;
      const k = keyOf(recv);
      if (k && a0) {
        // `xs.append(f(x))` with f's return type not inferred yet: decide in a later round.
        if ((m === 'append' || m === 'add') && !known(a0.type) && a0.k === 'call' && a0.func.k === 'name' && a0.func.sym?.kind === 'function') pending.add(k);
        if (m === 'append' || m === 'add' || m === 'appendleft' || m === 'remove' || m === 'discard') refine(k, (c) => (c.k === 'list' || c.k === 'set' || c.k === 'deque') && known(a0.type) && !hasUnknown(a0.type) ? { ...c, elem: join(c.elem, a0.type) } : c);
        if (m === 'insert' && e.args[1]) refine(k, (c) => (c.k === 'list' && known(e.args[1].value.type) ? { k: 'list', elem: join(c.elem, e.args[1].value.type) } : c));
        if (m === 'extend' || m === 'update') refine(k, (c) => {
          const at = a0.type;
          const el = at.k === 'list' || at.k === 'set' || at.k === 'tuplevar' || at.k === 'iter' ? at.elem : at.k === 'str' ? T.str : T.unknown;
          if (c.k === 'dict' && at.k === 'dict') return { ...c, key: join(c.key, at.key), val: join(c.val, at.val) };
          // Counter.update(iterable) counts the items: they are the keys.
          if (c.k === 'dict' && c.flavor === 'counter' && m === 'update' && known(el) && !hasUnknown(el)) return { ...c, key: join(c.key, el) };
          return (c.k === 'list' || c.k === 'set' || c.k === 'deque') && known(el) ? { ...c, elem: join(c.elem, el) } : c;
        });
        if (m === 'get' || m === 'pop' || m === 'setdefault') refine(k, (c) => (c.k === 'dict' && known(a0.type) ? { ...c, key: join(c.key, a0.type), val: e.args[1] && known(e.args[1].value.type) && !hasUnknown(e.args[1].value.type) ? join(c.val, e.args[1].value.type) : c.val } : c));
      }
      // d[k].append(x) / d.setdefault(k, []).append(x): dict of lists
      if ((m === 'append' || m === 'add') && a0 && recv.k === 'index') {
        const kk = keyOf(recv.value);
        const holder = (c: PyType) => c.k === 'list' || c.k === 'set' || c.k === 'unknown';
        const added = { k: m === 'add' ? 'set' : 'list', elem: a0.type } as PyType;
        // (values of other types too, `{"users": [], "count": 0}`: a tagged union; an item type
        // not known yet leaves the dict for a later round)
        refine(kk, (c) => (c.k === 'dict' ? { ...c, key: join(c.key, recv.index.type), val: holder(c.val) ? { k: m === 'add' ? 'set' : 'list', elem: join(c.val.k === 'list' || c.val.k === 'set' ? c.val.elem : undefined, a0.type) } as PyType : !known(a0.type) || hasUnknown(a0.type) ? T.unknown : join(c.val, added) } : c));
      }
      if ((m === 'append' || m === 'add') && a0 && recv.k === 'call' && recv.func.k === 'attr' && recv.func.attr === 'setdefault') {
        const kk = keyOf(recv.func.value);
        const keyArg = recv.args[0]?.value;
        refine(kk, (c) => (c.k === 'dict' ? { ...c, key: keyArg ? join(c.key, keyArg.type) : c.key, val: { k: m === 'add' ? 'set' : 'list', elem: a0.type } as PyType } : c));
      }
    }
    // heapq.heappush(heap, item) / bisect.insort(xs, item): a list of item's type.
    const fname = e.func.k === 'attr' ? e.func.attr : e.func.k === 'name' ? e.func.id : '';
    if (['heappush', 'heappushpop', 'insort', 'insort_left', 'insort_right'].includes(fname) && e.args.length >= 2) {
      const it = e.args[1].value.type;
      if (known(it) && !hasUnknown(it)) refine(keyOf(e.args[0].value), (c) => (c.k === 'list' ? { k: 'list', elem: join(c.elem, it) } : c));
    }
    if (e.k === 'call' && e.func.k === 'name' && e.func.sym?.kind === 'function' && bareParams.has(e.func.id)) {
      // A bare `dict`/`list` parameter also holds what the call sites pass (`{"age": 3}` → dict[str, str | int]).
      const ps = bareParams.get(e.func.id)!;
      e.args.forEach((a, i) => {
        const p = a.name ? ps.find((x) => x.name === a.name) : a.star ? undefined : ps[i];
        const at = literalType(a.value);
        // (a union of dicts, from a list of dict literals, passes each one)
        const each = at.k === 'union' ? at.types : [at];
        // (only mixed-value containers: call sites that disagree make the function generic instead)
        if (p?.sym && known(at) && !hasUnknown(at) && hasUnion(at)) refine(`v${p.sym.id}`, (c) => (each.every((x) => x.k === c.k) ? each.reduce((acc, x) => join(acc, x), c) : c));
      });
    }
    if (e.k === 'call' && e.func.k === 'name' && e.func.type.k === 'func') {
      // Passing the container to an annotated parameter.
      const ft = e.func.type;
      e.args.forEach((a, i) => { const k = keyOf(a.value); if (k && ft.params[i] && !hasUnknown(ft.params[i])) refine(k, (c) => join(c, ft.params[i])); });
    }
  }, true);
  // Key reads: d[k] with a known k
  walkExprs(module.body, (e) => {
    if (e.k === 'index') { const k = keyOf(e.value); refine(k, (c) => (c.k === 'dict' && c.key.k === 'unknown' && known(e.index.type) ? { ...c, key: e.index.type } : c)); }
    if (e.k === 'cmp' && (e.ops[0] === 'in' || e.ops[0] === 'not in')) { const k = keyOf(e.comparators[0]); refine(k, (c) => (c.k === 'dict' && c.key.k === 'unknown' && known(e.left.type) ? { ...c, key: e.left.type } : (c.k === 'list' || c.k === 'set') && c.elem.k === 'unknown' && known(e.left.type) ? { ...c, elem: e.left.type } : c)); }
  }, true);
  const out: Insertion[] = [];
  for (const c of cands.values()) {
    if (hasUnknown(c.type)) continue;
    const text = annotationText(c.type);
    if (text && c.bare) { if (text.startsWith(c.bare + '[')) out.push({ offset: c.insertAt, text: text.slice(c.bare.length), why: `inferred ${text} from its uses`, span: c.span }); }
    else if (text && c.declLine) out.push({ offset: c.insertAt, text: `${c.declLine.name}: ${text}\n${c.declLine.indent}`, why: `inferred ${text} from its uses`, span: c.span });
    else if (text && c.optional) out.push({ offset: c.insertAt, text: `: ${text} | None`, why: `inferred ${text} | None from its uses`, span: c.span });
    else if (text) out.push({ offset: c.insertAt, text: `: ${text}`, why: `inferred ${text} from its uses`, span: c.span });
  }
  // One insertion per place (a bare parameter annotation can be completed from both its uses
  // and its call sites; the uses win).
  const taken = new Set([...out, ...extra].map((i) => i.offset));
  const all = [...out, ...extra, ...paramInsertions(module).filter((i) => !taken.has(i.offset)), ...intForFloatInsertions(module)];
  // Containers still waiting for a function's return type wait while other inferences progress.
  const waiting = new Set([...pending].map((k) => cands.get(k)?.insertAt));
  const progress = all.filter((i) => !waiting.has(i.offset));
  return progress.length ? progress : all;
}

/** Where helper declarations go: the start of the line of the first top-level def/class. */
function preambleOffset(module: AST.Module): number | undefined {
  const first = module.body.find((s) => s.k === 'def' || s.k === 'class') as Extract<AST.Stmt, { k: 'def' | 'class' }> | undefined;
  if (!first) return undefined;
  const pos = first.decorators.length ? Math.min(first.span.start, first.decorators[0].span.start) : first.span.start;
  return module.text.lastIndexOf('\n', pos - 1) + 1;
}

function importsFromTyping(module: AST.Module, name: string): boolean {
  return module.body.some((s) => s.k === 'importfrom' && s.module === 'typing' && s.names.some((n) => n.name === name && !n.asname));
}

/** An insertion declaring `text` before the first def/class, or undefined when there is none. */
function preambleInsertion(module: AST.Module, text: string, why: string): Insertion | undefined {
  const at = preambleOffset(module);
  return at === undefined ? undefined : { offset: at, text, why, span: { start: at, end: at } };
}

/** `from typing import NAME` for inferred annotations that need it. */
function typingImport(module: AST.Module, name: string): Insertion | undefined {
  return preambleInsertion(module, `from typing import ${name}\n\n\n`, `${name} for inferred function parameters`);
}

/**
 * CPython keeps an int an int even where `float` is annotated (`area(2, 3)` returns 6, not
 * 6.0). A module-level function parameter annotated `float` that every call passes an int (and
 * the body never rebinds) is therefore an int at run time: re-annotate it `int`. Likewise a
 * `-> float` whose returns are all ints returns an int. Pyright then re-checks everything.
 */
function intForFloatInsertions(module: AST.Module): Insertion[] {
  const out: Insertion[] = [];
  const isFloatAnn = (a?: AST.Expr) => !!a && a.k === 'name' && a.id === 'float';
  const defs = module.body.filter((x): x is Extract<AST.Stmt, { k: 'def' }> => x.k === 'def' && !x.decorators.length && !x.isGenerator);
  for (const d of defs) {
    const calls: Extract<AST.Expr, { k: 'call' }>[] = [];
    let otherUse = false;
    walkExprs(module.body, (e) => {
      if (e.k === 'call' && e.func.k === 'name' && e.func.id === d.name) calls.push(e);
      else if (e.k === 'name' && e.id === d.name && e.sym?.kind === 'function' && !calls.some((c) => c.func === e)) otherUse = true;
    }, true);
    // A call's own callee name is visited after the call: drop those from otherUse.
    otherUse = false;
    walkExprs(module.body, (e) => {
      if (e.k === 'name' && e.id === d.name && !calls.some((c) => c.func === e)) otherUse = true;
    }, true);
    if (!calls.length || otherUse) continue;
    const uses = scanVars(d.body);
    d.params.forEach((p, i) => {
      if (p.kind !== 'normal' || !isFloatAnn(p.annotation) || p.default || !p.sym) return;
      if ((uses.get(p.sym.id)?.assigns ?? 0) > 0) return;
      const args = calls.map((c) => c.args.some((a) => a.star) ? undefined : (c.args.find((a) => a.name === p.name) ?? c.args.filter((a) => !a.name)[i])?.value);
      // Only int literals count: other argument types may still be incomplete in early rounds.
      const intLiteral = (a?: AST.Expr): boolean => !!a && (a.k === 'num' && a.isInt || a.k === 'unary' && a.op === '-' && intLiteral(a.operand));
      if (!args.every(intLiteral)) return;
      // `w * h` with a float `h`: the int never shows, keep the annotated float.
      if (intUnobservable(d, p, (q) => calls.some((c) => { const a = c.args.find((x) => x.name === q.name) ?? c.args.filter((x) => !x.name)[d.params.indexOf(q)]; return !!a && (a.value.type.k === 'int' || intLiteral(a.value)); }))) return;
      const ann = p.annotation!;
      out.push({ offset: ann.span.start, remove: ann.span.end - ann.span.start, text: 'int', why: 'every call passes an int, which CPython keeps an int: annotated int', span: ann.span });
    });
    if (isFloatAnn(d.returns)) {
      const rets: AST.Expr[] = [];
      let bare = false;
      walkReturns(d.body, (r) => { if (r.value) rets.push(r.value); else bare = true; });
      // (a return over still-unknown parts, `sum(x * y ...)` of a bare `list`, may yet be a float)
      if (rets.length && !bare && rets.every((r) => r.type.k === 'int') && !rets.some(unsettled)) {
        out.push({ offset: d.returns!.span.start, remove: d.returns!.span.end - d.returns!.span.start, text: 'int', why: 'every return value is an int, which CPython keeps an int: annotated int', span: d.returns!.span });
      }
    }
  }
  return out;
}

function walkReturns(stmts: AST.Stmt[], f: (r: Extract<AST.Stmt, { k: 'return' }>) => void) {
  for (const s of stmts) {
    if (s.k === 'return') f(s);
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { walkReturns(s.body, f); walkReturns(s.orelse, f); }
    if (s.k === 'try') { walkReturns(s.body, f); s.handlers.forEach((h) => walkReturns(h.body, f)); }
  }
}

/** The type of an argument; a list/set literal passed to a bare `list` param is typed from its items. */
function literalType(v: AST.Expr): PyType {
  if (!v || !v.type) return T.unknown;
  if ((v.k === 'list' || v.k === 'set') && v.elts.length && (v.type.k === 'list' || v.type.k === 'set') && hasUnknown(v.type.elem)) {
    let t: PyType | undefined;
    for (const x of v.elts) t = join(t, literalType(x), true);
    return t && !hasUnknown(t) ? { k: v.k, elem: t } : v.type;
  }
  if (v.k === 'tuple' && v.type.k === 'tuple' && hasUnknown(v.type)) return { k: 'tuple', elems: v.elts.map(literalType) };
  if (v.k === 'dict' && v.items.length && v.items.every((i) => i.key) && (v.type.k !== 'dict' || hasUnknown(v.type))) {
    // `{"cola": (125, 2)}` passed to a bare `dict` parameter reads dict[Unknown, Unknown].
    let kt: PyType | undefined, vt: PyType | undefined;
    for (const i of v.items) { kt = join(kt, literalType(i.key!), true); vt = join(vt, literalType(i.value), true); }
    return kt && vt && !hasUnknown(kt) && !hasUnknown(vt) ? { k: 'dict', key: kt, val: vt } : v.type;
  }
  return v.type;
}

/** `[-40, 0, 36.6]`: pyright leaves a list of ints and floats Unknown; Python's promotion says float. */
function mixedNumericLiteral(v: AST.Expr): PyType | undefined {
  if ((v.k !== 'list' && v.k !== 'set') || !v.elts.length || v.type.k !== v.k || v.type.elem.k !== 'unknown') return undefined;
  const ts = v.elts.map((x) => x.type.k);
  if (!ts.every((k) => k === 'int' || k === 'float' || k === 'bool') || !ts.includes('float')) return undefined;
  return { k: v.k, elem: T.float };
}

function hasUnion(t: PyType): boolean {
  switch (t.k) {
    case 'union': return true;
    case 'list': case 'set': case 'tuplevar': return hasUnion(t.elem);
    case 'dict': return hasUnion(t.key) || hasUnion(t.val);
    case 'tuple': return t.elems.some(hasUnion);
    default: return false;
  }
}

function emptyContainerType(v: AST.Expr): PyType | undefined {
  if (v.k === 'list' && !v.elts.length) return { k: 'list', elem: T.unknown };
  if (v.k === 'dict' && !v.items.length) return { k: 'dict', key: T.unknown, val: T.unknown };
  if (v.k === 'set' && !v.elts.length) return { k: 'set', elem: T.unknown };
  // deque() / deque(maxlen=n): empty, the items come later.
  if (v.k === 'call' && v.func.k === 'name' && v.func.id === 'deque' && v.args.every((a) => a.name === 'maxlen')) return { k: 'deque', elem: T.unknown };
  if (v.k === 'call' && v.func.k === 'name' && v.args.length === 0) {
    if (v.func.id === 'list') return { k: 'list', elem: T.unknown };
    if (v.func.id === 'dict') return { k: 'dict', key: T.unknown, val: T.unknown };
    if (v.func.id === 'set') return { k: 'set', elem: T.unknown };
    if (v.func.id === 'Counter') return { k: 'dict', key: T.unknown, val: T.int, flavor: 'counter' };
  }
  if (v.k === 'call' && v.func.k === 'name' && v.func.id === 'defaultdict') {
    const f = v.args[0]?.value;
    const val: PyType = !f ? T.unknown : f.k === 'name' ? ({ int: T.int, float: T.float, str: T.str, list: { k: 'list', elem: T.unknown }, set: { k: 'set', elem: T.unknown } } as Record<string, PyType>)[f.id] ?? T.unknown : f.k === 'lambda' ? f.body.type : T.unknown;
    return { k: 'dict', key: T.unknown, val, flavor: 'defaultdict' };
  }
  return undefined;
}

/** Unannotated parameters typed from the arguments at their call sites. */
function paramInsertions(module: AST.Module): Insertion[] {
  const defs = new Map<string, Extract<AST.Stmt, { k: 'def' }>>();
  const collect = (stmts: AST.Stmt[], prefix: string) => stmts.forEach((s) => {
    if (s.k === 'def') defs.set(prefix + s.name, s);
    if (s.k === 'class') collect(s.body, s.name + '.');
  });
  collect(module.body, '');
  // Nested helper functions (`def solve(i, j)` inside a function), unless the name is taken.
  // Several functions may each have their own `visit`: later ones are keyed `outer.visit`, and
  // calls resolve them by symbol.
  const nestedBySym = new Map<number, string>();
  const nested = (stmts: AST.Stmt[], outer: string) => stmts.forEach((s) => {
    if (s.k !== 'def') return;
    for (const x of s.body) {
      if (x.k !== 'def') continue;
      const key = defs.has(x.name) && defs.get(x.name) !== x ? `${outer}${s.name}.${x.name}` : x.name;
      if (defs.has(key)) continue;
      defs.set(key, x);
      if (x.sym) nestedBySym.set(x.sym.id, key);
    }
    nested(s.body, `${outer}${s.name}.`);
  });
  nested(module.body, '');
  const evidence = new Map<string, PyType[]>();
  const varEvidence = new Map<string, PyType[]>();
  const floats = new FloatParams(module);
  const undecided = new Set<string>(); // params with a still-unknown argument from another function
  let needCallable = false;
  // `partial(f, a, k=v)` binds some of f's parameters; a call of `g = partial(f, ...)` binds the rest.
  const partialVars = new Map<number, { key: string; rest: AST.Param[] }>();
  const partialParams = (e: AST.Expr) => {
    if (e.k !== 'call' || e.callee !== 'functools.partial' || e.args[0]?.value.k !== 'name' || e.args.some((a) => a.star)) return undefined;
    const key = e.args[0].value.id;
    const d = defs.get(key);
    if (!d || d.params.some((x) => x.kind !== 'normal')) return undefined;
    const pos = e.args.slice(1).filter((a) => !a.name).length;
    const bound = e.args.slice(1).map((a, i) => (a.name ? d.params.find((x) => x.name === a.name) : d.params[i]));
    const rest = d.params.filter((x, i) => i >= pos && !e.args.some((a) => a.name === x.name));
    return { key, bound, rest };
  };
  for (const s of module.body) {
    const t = s.k === 'assign' && s.targets.length === 1 ? s.targets[0] : undefined;
    const pp = t && s.k === 'assign' ? partialParams(s.value) : undefined;
    if (t?.k === 'name' && t.sym && pp) partialVars.set(t.sym.id, { key: pp.key, rest: pp.rest });
  }
  const paramEvidence = (key: string, p: AST.Param | undefined, value: AST.Expr) => {
    if (p) floats.note(p, value);
    if (!p || (p.annotation && !bareGeneric(p.annotation)) || p.kind !== 'normal') return;
    const k = `${key}#${p.name}`;
    evidence.set(k, [...(evidence.get(k) ?? []), literalType(value)]);
  };
  walkExprs(module.body, (e) => {
    if (e.k !== 'call') return;
    const pp = partialParams(e);
    if (pp) { e.args.slice(1).forEach((a, i) => paramEvidence(pp.key, pp.bound[i], a.value)); return; }
    // reduce(f, items[, initial]): f(acc, item) with acc the initial value or an item.
    if ((e.callee === 'functools.reduce' || e.callee === '_functools.reduce') && e.args[0]?.value.k === 'name' && defs.has(e.args[0].value.id) && e.args.length >= 2 && !e.args.some((a) => a.star || a.name)) {
      const d = defs.get(e.args[0].value.id)!;
      const items = literalType(e.args[1].value);
      const elem = items.k === 'list' || items.k === 'set' ? items.elem : undefined;
      if (elem && d.params.length === 2) {
        const itemExpr = { k: 'name', span: e.span, id: '_', type: elem } as AST.Expr;
        paramEvidence(e.args[0].value.id, d.params[1], itemExpr);
        paramEvidence(e.args[0].value.id, d.params[0], e.args[2] ? e.args[2].value : itemExpr);
      }
    }
    const pv = e.func.k === 'name' && e.func.sym ? partialVars.get(e.func.sym.id) : undefined;
    if (pv && !e.args.some((a) => a.star)) {
      const d = defs.get(pv.key)!;
      e.args.forEach((a, i) => paramEvidence(pv.key, a.name ? d.params.find((x) => x.name === a.name) : pv.rest[i], a.value));
      return;
    }
    let key: string | undefined;
    let offset = 0;
    if (e.func.k === 'name') key = e.func.sym && nestedBySym.has(e.func.sym.id) ? nestedBySym.get(e.func.sym.id) : defs.has(e.func.id) ? e.func.id : defs.has(`${e.func.id}.__init__`) ? `${e.func.id}.__init__` : undefined;
    // `acc = make_accumulator(); acc(v)`: a call of a returned nested function (`module.outer.add`).
    if (e.func.k === 'name' && !key && e.func.sym?.kind === 'variable' && e.func.type.k === 'func') {
      const path = (e.func.type.fullName ?? '').split('.').slice(1);
      const k = path.length >= 2 ? [path.join('.'), path[path.length - 1]].find((x) => defs.has(x)) : undefined;
      if (k && [...nestedBySym.values()].includes(k)) key = k;
    }
    // `cls(...)` inside a classmethod constructs the class.
    if (e.func.k === 'name' && !key && e.func.type.k === 'type' && e.func.type.of.k === 'class' && defs.has(`${e.func.type.of.name}.__init__`)) key = `${e.func.type.of.name}.__init__`;
    if (e.func.k === 'name' && key?.endsWith('.__init__')) offset = 1;
    if (e.func.k === 'attr' && (e.func.value.type.k === 'class' || e.func.value.type.k === 'type' && e.func.value.type.of.k === 'class')) {
      const vt = e.func.value.type;
      const cname = vt.k === 'class' ? vt.name : vt.k === 'type' && vt.of.k === 'class' ? vt.of.name : '';
      key = `${cname}.${e.func.attr}`;
      // self/cls is bound except for static methods (and plain methods called on the class).
      const m = defs.get(key);
      const deco = (m?.decorators ?? []).map((d) => (d.expr.k === 'name' ? d.expr.id : ''));
      offset = deco.includes('staticmethod') || (vt.k === 'type' && !deco.includes('classmethod')) ? 0 : 1;
    }
    if (!key || !defs.has(key)) return;
    const d = defs.get(key)!;
    // f(*t) with a tuple t: its element types are the positional arguments.
    const args: { name?: string; value: { type: PyType } }[] = [];
    for (const a of e.args) {
      if (a.star === '*' && a.value.type.k === 'tuple') args.push(...a.value.type.elems.map((t) => ({ value: { type: t } })));
      else if (a.star) return;
      else args.push(a);
    }
    const vi = d.params.findIndex((x) => x.kind === 'vararg');
    args.forEach((a, i) => {
      if (!a.name && vi >= 0 && i + offset >= vi && !d.params[vi].annotation) {
        // f(*cells) called with f("x", 1): the items of cells.
        const k = `${key}#*${d.params[vi].name}`;
        varEvidence.set(k, [...(varEvidence.get(k) ?? []), literalType(a.value as AST.Expr)]);
        return;
      }
      const p = a.name ? d.params.find((x) => x.name === a.name) : d.params[i + offset];
      if (p) floats.note(p, a.value as AST.Expr);
      if (!p || (p.annotation && !bareGeneric(p.annotation)) || p.kind !== 'normal') return;
      const k = `${key}#${p.name}`;
      evidence.set(k, [...(evidence.get(k) ?? []), literalType(a.value as AST.Expr)]);
      // (a recursive call's own arguments are no news: only outside callers can bring a float)
      if (literalType(a.value as AST.Expr).k === 'unknown' && (e.span.start < d.span.start || e.span.end > d.span.end)) undecided.add(k);
    });
  }, true);
  // Operator dunders: `a + b` / `a < b` / `x in a` on a user class are calls of its methods.
  const dunderEvidence = (cls: PyType, method: string, arg: PyType) => {
    if (cls.k !== 'class' || !defs.has(`${cls.name}.${method}`)) return;
    const p = defs.get(`${cls.name}.${method}`)!.params[1];
    if (p) floats.note(p, { type: arg } as AST.Expr);
    if (!p || p.annotation || p.kind !== 'normal') return;
    const k = `${cls.name}.${method}#${p.name}`;
    evidence.set(k, [...(evidence.get(k) ?? []), literalType({ type: arg } as AST.Expr)]);
  };
  const BIN_DUNDER: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '@': 'matmul', '**': 'pow', '&': 'and', '|': 'or', '^': 'xor' };
  const CMP_DUNDER: Record<string, string> = { '==': '__eq__', '!=': '__ne__', '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__' };
  walkExprs(module.body, (e) => {
    if (e.k === 'bin' && BIN_DUNDER[e.op]) {
      dunderEvidence(e.left.type, `__${BIN_DUNDER[e.op]}__`, e.right.type);
      if (e.left.type.k !== 'class') dunderEvidence(e.right.type, `__r${BIN_DUNDER[e.op]}__`, e.left.type);
    }
    if (e.k === 'cmp') {
      let left = e.left;
      e.ops.forEach((op, i) => {
        const right = e.comparators[i];
        if (CMP_DUNDER[op]) dunderEvidence(left.type, CMP_DUNDER[op], right.type);
        if (op === '!=') dunderEvidence(left.type, '__eq__', right.type);
        if (op === 'in' || op === 'not in') dunderEvidence(right.type, '__contains__', left.type);
        left = right;
      });
    }
  }, true);
  // Comparison dunders never seen in use (sorted(), min() call them): compare with the class.
  for (const [key, d] of defs) {
    const [cls, m] = key.split('.');
    const p = d.params[1];
    if (!m || !['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__'].includes(m) || !p || p.annotation || p.kind !== 'normal') continue;
    const k = `${key}#${p.name}`;
    if (!evidence.has(k)) evidence.set(k, [{ k: 'class', name: cls, fullName: cls, args: [] }]);
  }
  // A function passed as `key=` / to map()/filter(): its first parameter gets the element type.
  walkExprs(module.body, (e) => {
    if (e.k !== 'call') return;
    const fnArgs: { f: AST.Expr; seq?: AST.Expr }[] = [];
    const keyArg = e.args.find((a) => a.name === 'key')?.value;
    if (keyArg) {
      if (e.func.k === 'attr' && e.func.attr === 'sort') fnArgs.push({ f: keyArg, seq: e.func.value });
      else if (e.func.k === 'name' && ['sorted', 'min', 'max'].includes(e.func.id)) fnArgs.push({ f: keyArg, seq: e.args.filter((a) => !a.name).length === 1 ? e.args[0].value : undefined });
    }
    if (e.func.k === 'name' && (e.func.id === 'map' || e.func.id === 'filter') && e.args.length === 2) fnArgs.push({ f: e.args[0].value, seq: e.args[1].value });
    for (const { f, seq } of fnArgs) {
      if (f.k !== 'name' || !defs.has(f.id) || !seq) continue;
      const d = defs.get(f.id)!;
      const p = d.params[0];
      if (!p || (p.annotation && !bareGeneric(p.annotation)) || p.kind !== 'normal') continue;
      const st = seq.type;
      const el = st.k === 'list' || st.k === 'set' || st.k === 'tuplevar' || st.k === 'iter' || st.k === 'deque' ? st.elem : st.k === 'dict' ? st.key : st.k === 'str' ? T.str : undefined;
      if (!el) continue;
      const k = `${f.id}#${p.name}`;
      evidence.set(k, [...(evidence.get(k) ?? []), el]);
    }
  }, true);
  const out: Insertion[] = [];
  for (const [k, types] of varEvidence) {
    const [fn, star] = k.split('#');
    const d = defs.get(fn)!;
    const p = d.params.find((x) => x.name === star.slice(1))!;
    if (types.some(hasUnknown) || (p.type.k !== 'unknown' && !hasUnknown(p.type))) continue;
    // `f(*args)` forwarding keeps each position's own type: leave those to the call lowering.
    let forwarded = false;
    walkExprs(d.body, (x) => {
      if (x.k === 'starred' && x.value.k === 'name' && x.value.id === p.name) forwarded = true;
      if (x.k === 'call' && x.args.some((a) => a.star === '*' && a.value.k === 'name' && a.value.id === p.name)) forwarded = true;
    });
    if (forwarded) continue; // varargInsertions types a forwarded fixed shape (`*tuple[str, int]`)
    const distinct: PyType[] = [];
    for (const t of types) if (!distinct.some((x) => JSON.stringify(x) === JSON.stringify(t))) distinct.push(t);
    const t: PyType = distinct.length === 1 ? distinct[0] : { k: 'union', types: distinct };
    const text = annotationText(t);
    const at = module.text.indexOf(p.name, p.span.start);
    if (!text || at < 0) continue;
    out.push({ offset: at + p.name.length, text: `: ${text}`, why: `inferred *${p.name}: ${text} from call sites`, span: p.span });
  }
  for (const [k, types] of evidence) {
    const [fn, pname] = k.split('#');
    const d = defs.get(fn)!;
    const p = d.params.find((x) => x.name === pname)!;
    if (p.type.k !== 'unknown' && !hasUnknown(p.type)) continue;
    let t: PyType | undefined;
    for (const x of types) t = join(t, fillUnionUnknowns(x));
    if (p.default && p.default.k === 'const' && p.default.value === null && t) t = join(t, T.none);
    // `if node is None: ...` in the body: the parameter takes None too (recursive calls on children).
    let noneChecked = false;
    walkExprs(d.body, (x) => {
      if (x.k === 'cmp' && x.ops.length === 1 && (x.ops[0] === 'is' || x.ops[0] === 'is not') && x.left.k === 'name' && x.left.id === p.name && x.comparators[0].k === 'const' && x.comparators[0].value === null) noneChecked = true;
    });
    if (noneChecked && t && t.k !== 'optional' && t.k !== 'none') t = join(t, T.none);
    if (t) t = fillUnionUnknowns(t);
    // A dispatching function that recurses on the parts (`count(v) for v in value.values()`):
    // the parts' types come in too.
    if (t && (t.k === 'dict' || t.k === 'list' || t.k === 'tuplevar' || t.k === 'union') && dispatchesOn(d, p.name) && recursesOn(d)) t = withParts(t);
    if (!t || hasUnknown(t)) continue;
    // An int so far, with an argument still unknown: it may yet bring a float (`int | float`).
    if (t.k === 'int' && undecided.has(k)) continue;
    // Called with unrelated plain types and dispatched on (`match v:`, `isinstance(v, ...)`):
    // one tagged union; otherwise genericInsertions makes the function generic.
    if (conflicting(types) && !(t.k === 'union' && dispatchesOn(d, p.name))) continue;
    let text = annotationText(t);
    if (!text && t.k === 'func' && !p.annotation) {
      // A function value of known signature (`double`, beside untyped lambdas): its Callable.
      // (builtins' own signatures, like len's `Sized`, are not plain parameter types)
      const plainParam = (x: PyType): boolean => {
        switch (x.k) {
          case 'int': case 'float': case 'bool': case 'str': case 'bytes': case 'none': return true;
          case 'list': case 'set': return plainParam(x.elem);
          case 'dict': return plainParam(x.key) && plainParam(x.val);
          case 'tuple': return x.elems.every(plainParam);
          case 'optional': return plainParam(x.inner);
          case 'class': return classBases.has(x.name) && !x.args.length;
          default: return false;
        }
      };
      const known = types.find((x) => x.k === 'func' && !funcUnknown(x) && x.params.every(plainParam));
      if (known && known.k === 'func' && types.every((x) => x.k === 'func' && x.params.length === known.params.length)) {
        const ps = known.params.map(annotationText), r = annotationText(known.ret);
        if (ps.every((x) => x) && r) { text = `Callable[[${ps.join(', ')}], ${r}]`; needCallable = true; }
      }
    }
    if (!text && t.k === 'func' && !p.annotation) {
      // A function passed as an argument (`table(math.sqrt, ...)`): Callable typed from how the
      // body calls it and from the function's result.
      let argTs: PyType[] | undefined;
      let ok = true;
      walkExprs(d.body, (x) => {
        if (x.k !== 'call' || x.func.k !== 'name' || x.func.id !== p.name) return;
        const ts = x.args.map((a) => (a.name || a.star ? T.unknown : a.value.type));
        if (ts.some(hasUnknown) || (argTs && typeToString({ k: 'tuple', elems: ts }) !== typeToString({ k: 'tuple', elems: argTs }))) ok = false;
        argTs = argTs ?? ts;
      });
      const args = argTs?.map(annotationText);
      const rt = annotationText(t.ret);
      if (ok && args && args.every((x) => x) && rt) { text = `Callable[[${args.join(', ')}], ${rt}]`; needCallable = true; }
    }
    if (!text) continue;
    if (p.annotation) {
      // `x: list` → `x: list[int]`: complete the bare generic annotation.
      const bare = bareGeneric(p.annotation)!;
      if (!text.startsWith(bare + '[')) continue;
      out.push({ offset: p.annotation.span.end, text: text.slice(bare.length), why: `inferred ${text} from call sites`, span: p.span });
    } else out.push({ offset: p.span.start + p.name.length, text: `: ${text}`, why: `inferred ${text} from call sites`, span: p.span });
  }
  // `-> list` (bare generic return annotation): complete it from the returned values.
  for (const d of defs.values()) {
    if (!d.returns || !bareGeneric(d.returns) || d.isGenerator) continue;
    let t: PyType | undefined;
    let ok = true;
    walkReturns(d.body, (r) => { if (!r.value || hasUnknown(contextFreeType(r.value))) { if (r.value && !(r.value.k === 'list' && !r.value.elts.length || r.value.k === 'dict' && !r.value.items.length)) ok = false; return; } t = join(t, contextFreeType(r.value)); });
    if (!ok || !t || hasUnknown(t)) continue;
    const bare = bareGeneric(d.returns)!;
    const text = annotationText(t);
    if (!text || !text.startsWith(bare + '[')) continue;
    out.push({ offset: d.returns.span.end, text: text.slice(bare.length), why: `inferred return type ${text}`, span: d.returns.span });
  }
  if (needCallable && !importsFromTyping(module, 'Callable')) {
    const imp = typingImport(module, 'Callable');
    if (imp) out.push(imp);
  }
  // Generic and copied functions (one copy per signature, monomorph.ts) take their parameter
  // types from there, not from the joined call sites.
  const generic = genericInsertions(module, defs);
  const genericAt = new Set(generic.map((i) => i.offset));
  const rest = [...out, ...floats.insertions(), ...containerInsertions(module), ...iteratorInsertions(module, defs), ...calledParamInsertions(module, defs), ...callableInsertions(module, defs), ...recursiveReturnInsertions(module, defs), ...varargInsertions(module, defs), ...kwargInsertions(module, defs), ...namedtupleInsertions(module, contextFreeType, join, annotationText)];
  return [...rest.filter((i) => !genericAt.has(i.offset)), ...generic];
}

/** An unannotated `**kwargs` typed from its call sites: `**kwargs: int` when every extra keyword argument has one type. */
function kwargInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const sites = new Map<string, PyType[]>();
  const bad = new Set<string>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call' || e.func.k !== 'name' || !defs.has(e.func.id)) return;
    const key = e.func.id;
    const d = defs.get(key)!;
    const p = d.params.find((x) => x.kind === 'kwarg');
    if (!p || p.annotation) return;
    if (e.args.some((a) => a.star === '**')) { bad.add(key); return; }
    const named = new Set(d.params.filter((x) => x.kind === 'normal').map((x) => x.name));
    sites.set(key, [...(sites.get(key) ?? []), ...e.args.filter((a) => a.name && !named.has(a.name)).map((a) => literalType(a.value))]);
  }, true);
  const out: Insertion[] = [];
  for (const [key, all] of sites) {
    if (bad.has(key) || !all.length || all.some(hasUnknown)) continue;
    const p = defs.get(key)!.params.find((x) => x.kind === 'kwarg')!;
    let t: PyType | undefined;
    const scalar = (x: PyType) => ['int', 'float', 'bool', 'str', 'none'].includes(x.k);
    if (all.some((x) => x.k !== all[0].k) && all.every(scalar)) {
      // `tls=True, retries=3, user="admin"`: one tagged value type (`True` prints as True).
      const kinds = [...new Set(all.map((x) => x.k))];
      t = { k: 'union', types: kinds.map((k) => all.find((x) => x.k === k)!) };
    } else {
      // One kind only: `True` and `3` (or `1` and `2.5`) print differently from one Rust type.
      if (all.some((x) => x.k !== all[0].k) || conflicting(all)) continue;
      for (const x of all) t = join(t, x);
    }
    const text = t && annotationText(t);
    if (!text) continue;
    const nameAt = module.text.indexOf(p.name, p.span.start); // the span starts at the `**`
    if (nameAt < 0) continue;
    out.push({ offset: nameAt + p.name.length, text: `: ${text}`, why: `inferred **${p.name}: ${text} from call sites`, span: p.span });
  }
  return out;
}

/**
 * An unannotated `*args` typed from its call sites: `*args: int` when every extra argument has
 * one type, `*args: *tuple[str, str, int]` when every call passes the same fixed shape.
 */
function varargInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const sites = new Map<string, PyType[][]>();
  const bad = new Set<string>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call') return;
    let key: string | undefined;
    let offset = 0;
    if (e.func.k === 'name' && defs.has(e.func.id)) key = e.func.id;
    if (e.func.k === 'attr' && e.func.value.type.k === 'class') { key = `${e.func.value.type.name}.${e.func.attr}`; offset = 1; }
    if (!key || !defs.has(key)) return;
    const d = defs.get(key)!;
    const vi = d.params.findIndex((p) => p.kind === 'vararg');
    if (vi < 0 || d.params[vi].annotation) return;
    if (e.args.some((a) => a.star)) { bad.add(key); return; }
    const pos = e.args.filter((a) => !a.name);
    sites.set(key, [...(sites.get(key) ?? []), pos.slice(vi - offset).map((a) => literalType(a.value))]);
  }, true);
  const out: Insertion[] = [];
  for (const [key, ss] of sites) {
    if (bad.has(key)) continue;
    const d = defs.get(key)!;
    const p = d.params.find((x) => x.kind === 'vararg')!;
    // Only `*args` forwarded whole (`Book(*args)`); the others are typed in paramInsertions.
    let forwarded = false;
    walkExprs(d.body, (x) => { if (x.k === 'call' && x.args.some((a) => a.star === '*' && a.value.k === 'name' && a.value.id === p.name)) forwarded = true; });
    if (!forwarded) continue;
    const all = ss.flat();
    if (!all.length || all.some(hasUnknown)) continue;
    let text: string | undefined;
    if (!conflicting(all)) {
      let t: PyType | undefined;
      for (const x of all) t = join(t, x);
      text = t && annotationText(t);
    } else {
      const n = ss[0].length;
      if (!ss.every((s) => s.length === n)) continue;
      const cols: PyType[] = [];
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const col = ss.map((s) => s[i]);
        if (conflicting(col)) ok = false;
        let t: PyType | undefined;
        for (const x of col) t = join(t, x);
        if (!t) ok = false; else cols.push(t);
      }
      const parts = cols.map(annotationText);
      if (!ok || parts.some((x) => !x)) continue;
      text = `*tuple[${parts.join(', ')}]`;
    }
    if (!text) continue;
    const nameAt = module.text.indexOf(p.name, p.span.start); // the span starts at the `*`
    if (nameAt < 0) continue;
    out.push({ offset: nameAt + p.name.length, text: `: ${text}`, why: `inferred *args: ${text} from call sites`, span: p.span });
  }
  return out;
}

/**
 * A recursive function without a return annotation: inside its own body pyright types the
 * recursive calls Unknown (`left = f(xs[:mid])`), so annotate it from the returns it can type.
 */
function recursiveReturnInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const out: Insertion[] = [];
  for (const [key, d] of defs) {
    // A bare `-> list` is completed here only when some return is still Unknown (otherwise the
    // bare-annotation completion in paramInsertions does it).
    const bare = d.returns ? bareGeneric(d.returns) : undefined;
    if ((d.returns && (!bare || !hasUnknown(d.retType))) || d.isGenerator || d.isAsync || d.name === '__init__' || key.includes('.')) continue;
    // Recursive: returns typed Unknown (through the recursion) are taken to agree with the others.
    let recursive = false;
    walkExprs(d.body, (y) => { if (y.k === 'call' && y.func.k === 'name' && y.func.id === d.name) recursive = true; });
    // (or a return pyright could not type: `items[idx]` with a tagged `int | str` index)
    let taggedIndex = false;
    walkReturns(d.body, (r) => { if (r.value && r.value.type.k === 'unknown' && r.value.k === 'index' && r.value.index.type.k === 'union' && !hasUnknown(contextFreeType(r.value))) taggedIndex = true; });
    if (!recursive && !taggedIndex) continue;
    let t: PyType | undefined;
    let someUnknown = false;
    walkReturns(d.body, (r) => {
      if (!r.value) { t = join(t, T.none); return; }
      const ct = contextFreeType(r.value);
      if (!hasUnknown(ct)) t = join(t, ct);
      else if (!(r.value.k === 'list' && !r.value.elts.length || r.value.k === 'dict' && !r.value.items.length)) someUnknown = true;
    });
    if (!t || hasUnknown(t) || t.k === 'none') continue;
    const text = annotationText(t);
    if (!text) continue;
    if (d.returns && bare) {
      if (someUnknown && text.startsWith(bare + '[')) out.push({ offset: d.returns.span.end, text: text.slice(bare.length), why: `inferred return type ${text}`, span: d.returns.span });
      continue;
    }
    // Insert ` -> T` before the `:` that ends the signature (after the closing parenthesis).
    let i = d.nameSpan.end, depth = 0;
    for (; i < module.text.length; i++) {
      const ch = module.text[i];
      if (ch === '(') depth++;
      else if (ch === ')') { depth--; if (depth === 0) break; }
      else if (ch === '#' || ch === '"' || ch === "'") { i = -1; break; }
    }
    if (i < 0 || i >= module.text.length) continue;
    out.push({ offset: i + 1, text: ` -> ${text}`, why: `inferred return type ${text}`, span: d.nameSpan });
  }
  return out;
}

/**
 * An unannotated parameter that receives lambdas (`merge_sort_by(people, key=lambda p: p[1])`)
 * and is called in the body (`key(left[0])`): `key: Callable[[tuple[str, int]], int]`, the
 * lambda's result typed from its body with the argument types the function passes.
 */
function callableInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const lambdas = new Map<string, Extract<AST.Expr, { k: 'lambda' }>[]>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call' || e.func.k !== 'name' || !defs.has(e.func.id) || e.args.some((a) => a.star)) return;
    const d = defs.get(e.func.id)!;
    e.args.forEach((a, i) => {
      const p = a.name ? d.params.find((x) => x.name === a.name) : d.params[i];
      if (!p || p.annotation || p.kind !== 'normal' || a.value.k !== 'lambda') return;
      const k = `${e.func.k === 'name' ? e.func.id : ''}#${p.name}`;
      lambdas.set(k, [...(lambdas.get(k) ?? []), a.value]);
    });
  }, true);
  const classFields = new Map<string, { name: string; type: PyType }[]>();
  const collectClasses = (ss: AST.Stmt[]) => ss.forEach((s) => { if (s.k === 'class') { classFields.set(s.name, s.fields); collectClasses(s.body); } });
  collectClasses(module.body);
  const out: Insertion[] = [];
  for (const [k, ls] of lambdas) {
    const [fn, pname] = k.split('#');
    const d = defs.get(fn)!;
    const p = d.params.find((x) => x.name === pname)!;
    // Argument types of the calls `p(...)` inside the function.
    let argTs: PyType[] | undefined;
    let ok = true;
    walkExprs(d.body, (e) => {
      if (e.k !== 'call' || e.func.k !== 'name' || e.func.id !== pname) return;
      const ts = e.args.map((a) => (a.name || a.star ? T.unknown : a.value.type));
      if (ts.some(hasUnknown)) { ok = false; return; }
      if (!argTs) argTs = ts;
      else if (ts.length !== argTs.length || ts.some((t, i) => typeToString(t) !== typeToString(argTs![i]))) ok = false;
    });
    if (!ok || !argTs) continue;
    let ret: PyType | undefined;
    for (const l of ls) {
      if (l.params.length !== argTs.length || l.params.some((x) => x.kind !== 'normal')) { ok = false; break; }
      const env = new Map(l.params.map((x, i) => [x.name, argTs![i]] as [string, PyType]));
      const r = evalSimple(l.body, env, classFields);
      if (!r || hasUnknown(r)) { ok = false; break; }
      ret = join(ret, r);
    }
    if (!ok || !ret) continue;
    const args = argTs.map(annotationText), rt = annotationText(ret);
    if (args.some((a) => !a) || !rt) continue;
    const text = `Callable[[${args.join(', ')}], ${rt}]`;
    out.push({ offset: p.span.start + p.name.length, text: `: ${text}`, why: `inferred ${text} from the lambdas passed to it`, span: p.span });
  }
  if (out.length && !importsFromTyping(module, 'Callable')) {
    const imp = typingImport(module, 'Callable');
    if (!imp) return [];
    out.push(imp);
  }
  return out;
}

/** An unannotated parameter the body calls (`pred(item)`) and callers pass lambdas for:
 *  `Callable[[argument types at the call in the body], lambda result type]`. */
function calledParamInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const rets = new Map<string, PyType[]>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call' || e.func.k !== 'name' || !defs.has(e.func.id) || e.args.some((a) => a.star)) return;
    const d = defs.get(e.func.id)!;
    e.args.forEach((a, i) => {
      const p = a.name ? d.params.find((x) => x.name === a.name) : d.params[i];
      if (!p || p.annotation || p.kind !== 'normal' || !p.sym) return;
      const k = `${p.sym.id}`;
      // A predicate lambda (comparisons joined by and/or/not) returns bool even when the
      // checker does not know its parameter's type yet.
      const isPred = (x: AST.Expr): boolean => x.k === 'cmp' || x.k === 'unary' && x.op === 'not' || x.k === 'boolop' && isPred(x.left) && isPred(x.right);
      const rt = a.value.k === 'lambda' ? (a.value.body.type.k === 'unknown' && isPred(a.value.body) ? T.bool : a.value.body.type) : undefined;
      rets.set(k, [...(rets.get(k) ?? []), rt ?? T.unknown]);
    });
  }, true);
  const out: Insertion[] = [];
  for (const d of defs.values()) {
    for (const p of d.params) {
      if (p.annotation || !p.sym || !rets.has(`${p.sym.id}`)) continue;
      const calls: Extract<AST.Expr, { k: 'call' }>[] = [];
      walkExprs(d.body, (e) => { if (e.k === 'call' && e.func.k === 'name' && e.func.sym?.id === p.sym!.id) calls.push(e); });
      if (!calls.length) continue;
      const argTs = calls[0].args.map((a) => a.value.type);
      if (calls[0].args.some((a) => a.name || a.star) || argTs.some((t) => hasUnknown(t))) continue;
      let ret: PyType | undefined;
      for (const t of rets.get(`${p.sym.id}`)!) ret = ret && ret.k !== 'unknown' && t.k !== 'unknown' && ret.k !== t.k ? T.unknown : join(ret, t);
      if (!ret || hasUnknown(ret)) continue;
      const args = argTs.map(annotationText), rt = annotationText(ret);
      if (args.some((a) => !a) || !rt) continue;
      const text = `Callable[[${args.join(', ')}], ${rt}]`;
      out.push({ offset: p.span.start + p.name.length, text: `: ${text}`, why: `inferred ${text} from how the body calls it`, span: p.span });
    }
  }
  if (out.length && !importsFromTyping(module, 'Callable')) {
    const imp = typingImport(module, 'Callable');
    if (!imp) return [];
    out.push(imp);
  }
  return out;
}

/** Unannotated parameters that every call passes a generator/iterator: `gen: Iterator[int]`. */
function iteratorInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const evidence = new Map<string, { p: AST.Param; types: PyType[] }>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call' || e.func.k !== 'name' || !defs.has(e.func.id) || e.args.some((a) => a.star)) return;
    const d = defs.get(e.func.id)!;
    e.args.forEach((a, i) => {
      const p = a.name ? d.params.find((x) => x.name === a.name) : d.params[i];
      if (!p || p.annotation || p.kind !== 'normal') return;
      const k = `${d.name}@${d.span.start}#${p.name}`;
      const ev = evidence.get(k) ?? { p, types: [] };
      ev.types.push(a.value.type);
      evidence.set(k, ev);
    });
  }, true);
  const out: Insertion[] = [];
  for (const { p, types } of evidence.values()) {
    if (!types.every((t) => t.k === 'iter')) continue;
    let el: PyType | undefined;
    for (const t of types) el = join(el, (t as Extract<PyType, { k: 'iter' }>).elem);
    const et = el && annotationText(el);
    if (!et || hasUnknown(el!)) continue;
    const text = `Iterator[${et}]`;
    out.push({ offset: p.span.start + p.name.length, text: `: ${text}`, why: `inferred ${text} from the iterators passed to it`, span: p.span });
  }
  if (out.length && !importsFromTyping(module, 'Iterator')) {
    const imp = typingImport(module, 'Iterator');
    if (!imp) return [];
    out.push(imp);
  }
  return out;
}

/** The type of a simple expression (a lambda body) from its names' types, else undefined. */
function evalSimple(e: AST.Expr, env: Map<string, PyType>, classes: Map<string, { name: string; type: PyType }[]>): PyType | undefined {
  const ev = (x: AST.Expr) => evalSimple(x, env, classes);
  switch (e.k) {
    case 'name': return env.get(e.id) ?? (hasUnknown(e.type) ? undefined : e.type);
    case 'num': return e.isInt ? T.int : T.float;
    case 'str': return T.str;
    case 'const': return e.value === true || e.value === false ? T.bool : e.value === null ? T.none : undefined;
    case 'tuple': { const ts = e.elts.map(ev); return ts.every((t) => t) ? { k: 'tuple', elems: ts as PyType[] } : undefined; }
    case 'index': {
      const b = ev(e.value);
      if (!b) return undefined;
      if (b.k === 'tuple' && e.index.k === 'num' && e.index.isInt) { const i = Number(e.index.value); return b.elems[i < 0 ? b.elems.length + i : i]; }
      if (b.k === 'tuple' && e.index.k === 'unary' && e.index.op === '-' && e.index.operand.k === 'num') return b.elems[b.elems.length - Number(e.index.operand.value)];
      if (b.k === 'list' || b.k === 'tuplevar') return e.index.k === 'slice' ? b : b.elem;
      if (b.k === 'dict') return b.val;
      if (b.k === 'str') return T.str;
      return undefined;
    }
    case 'attr': {
      const b = ev(e.value);
      if (b?.k === 'class') return classes.get(b.name)?.find((f) => f.name === e.attr)?.type;
      return undefined;
    }
    case 'unary': { const t = ev(e.operand); return e.op === 'not' ? T.bool : t && (t.k === 'int' || t.k === 'float') ? t : e.op === '-' && t?.k === 'bool' ? T.int : undefined; }
    case 'bin': {
      const a = ev(e.left), b = ev(e.right);
      if (!a || !b) return undefined;
      if ((a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float')) return e.op === '/' ? T.float : join(a, b);
      if (a.k === 'str' && b.k === 'str' && e.op === '+') return T.str;
      return undefined;
    }
    case 'cmp': return T.bool;
    case 'call': {
      if (e.func.k === 'name' && e.func.id === 'len') return T.int;
      if (e.func.k === 'name' && e.func.id === 'str') return T.str;
      if (e.func.k === 'name' && e.func.id === 'abs' && e.args[0]) return ev(e.args[0].value);
      if (e.func.k === 'attr' && ['lower', 'upper', 'strip', 'casefold', 'title'].includes(e.func.attr) && ev(e.func.value)?.k === 'str') return T.str;
      return undefined;
    }
    default: return undefined;
  }
}

/** Known types that do not widen into one another (`list[int]` vs `list[str]`). */
/** A function type with a parameter or result still unknown (an unannotated lambda). */
function funcUnknown(t: PyType): boolean {
  return t.k === 'func' && (t.params.some((x) => hasUnknown(x) || x.k === 'typevar') || hasUnknown(t.ret) || t.ret.k === 'none');
}

function conflicting(types: PyType[]): boolean {
  const ks = types.filter((t) => !hasUnknown(t) && !funcUnknown(t));
  for (let i = 1; i < ks.length; i++) {
    const a = join(ks[0], ks[i]), b = join(ks[i], ks[0]);
    if (typeToString(a) !== typeToString(b)) return true;
  }
  return false;
}

/**
 * A top-level function called with unrelated argument types (`quicksort(list_of_ints)`,
 * `quicksort(list_of_strs)`) becomes generic: its varying parameters are annotated with one
 * TypeVar `_T` (`items: list[_T]`, `target: _T`) when every call site agrees on what `_T` is.
 */
function genericInsertions(module: AST.Module, defs: Map<string, Extract<AST.Stmt, { k: 'def' }>>): Insertion[] {
  const calls = new Map<string, Map<string, PyType>[]>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call' || e.func.k !== 'name' || !defs.has(e.func.id) || e.func.id.includes('.')) return;
    if (e.args.some((a) => a.star)) return;
    const d = defs.get(e.func.id)!;
    const m = new Map<string, PyType>();
    e.args.forEach((a, i) => {
      const p = a.name ? d.params.find((x) => x.name === a.name) : d.params[i];
      if (p) m.set(p.name, contextFreeType(a.value));
    });
    calls.set(e.func.id, [...(calls.get(e.func.id) ?? []), m]);
  }, true);
  const out: Insertion[] = [];
  const mono: Insertion[] = [];
  for (const [fn, sites] of calls) {
    const d = defs.get(fn)!;
    if (d.isGenerator) continue;
    const generic: { p: AST.Param; list: boolean }[] = [];
    for (const p of d.params) {
      if (p.kind !== 'normal' || p.default) continue;
      if (p.annotation && bareGeneric(p.annotation) !== 'list') continue;
      const types = sites.map((s) => s.get(p.name)).filter((t): t is PyType => !!t);
      if (!conflicting(types)) continue;
      // Tuples of one element type but different lengths (`(1, 5, 10)`, `(2, 4)`, `()`):
      // a variable-length `tuple[int, ...]`, not a type variable.
      const known = types.filter((t) => !hasUnknown(t));
      if (!p.annotation && known.length && known.every((t) => t.k === 'tuple')) {
        const elems = known.flatMap((t) => (t.k === 'tuple' ? t.elems : []));
        const et = elems.length && !conflicting(elems) ? elems.reduce<PyType | undefined>((a, b) => join(a, b), undefined) : undefined;
        const text = et && annotationText(et);
        if (text) out.push({ offset: p.span.start + p.name.length, text: `: tuple[${text}, ...]`, why: `called with tuples of several lengths: tuple[${text}, ...]`, span: p.span });
        continue;
      }
      // Only plain data (numbers, strings, containers of them): a generic `_T` supports
      // comparisons and printing, not calls or attributes.
      const plain = (t: PyType): boolean => ['int', 'float', 'bool', 'str', 'unknown'].includes(t.k) || (t.k === 'list' || t.k === 'set' || t.k === 'tuplevar') && plain(t.elem) || t.k === 'tuple' && t.elems.every(plain) || t.k === 'dict' && plain(t.key) && plain(t.val);
      if (!types.every(plain) || dispatchesOn(d, p.name)) continue;
      const list = types.filter((t) => t.k !== 'unknown').every((t) => t.k === 'list');
      if (p.annotation && !list) continue;
      generic.push({ p, list });
    }
    if (!generic.length) continue;
    // Every call site must bind _T to one type.
    const consistent = sites.every((s) => {
      const parts = generic.map((g) => { const t = s.get(g.p.name); return t && (g.list ? (t.k === 'list' ? t.elem : T.unknown) : t); }).filter((t): t is PyType => !!t && !hasUnknown(t));
      return parts.every((t) => typeToString(t) === typeToString(parts[0]));
    });
    // No one type variable fits: one copy of the function per argument signature.
    if (!consistent || generic.some((g) => !g.list && needsConcreteType(d, g.p.name) || g.list && itemsBesideOthers(d, g.p.name))) {
      const copies = monomorphInsertions(module, d, contextFreeType, annotationText);
      mono.push(...copies);
      if (copies.length || !consistent) continue;
    }
    // A list parameter searched for a generic one (`items: list` and `target`, called with `[]`
    // and "x"): its items are the same type variable when every call site agrees.
    const bindingAt = (s: Map<string, PyType>) => generic.map((g) => { const t = s.get(g.p.name); return t && (g.list ? (t.k === 'list' ? t.elem : T.unknown) : t); }).find((t) => t && !hasUnknown(t));
    for (const p of d.params) {
      if (p.kind !== 'normal' || p.default || generic.some((g) => g.p === p) || (p.annotation && bareGeneric(p.annotation) !== 'list')) continue;
      const elems = sites.map((s) => s.get(p.name)).map((t) => (t?.k === 'list' ? t.elem : undefined));
      if (!elems.every((t) => t) || !elems.some((t) => t!.k === 'unknown')) continue;
      if (sites.every((s, i) => { const b = bindingAt(s); return elems[i]!.k === 'unknown' || !b || typeToString(b) === typeToString(elems[i]!); })) generic.push({ p, list: true });
    }
    for (const g of generic) {
      const why = `called with several element types: made generic over _T`;
      if (g.p.annotation) out.push({ offset: g.p.annotation.span.end, text: '[_T]', why, span: g.p.span });
      else out.push({ offset: g.p.span.start + g.p.name.length, text: g.list ? ': list[_T]' : ': _T', why, span: g.p.span });
    }
    // `-> list` returning one of the generic lists: `-> list[_T]`.
    const listNames = new Set(generic.filter((g) => g.list).map((g) => g.p.name));
    let returnsParam = false;
    walkReturns(d.body, (r) => { if (r.value?.k === 'name' && listNames.has(r.value.id)) returnsParam = true; });
    if (d.returns && bareGeneric(d.returns) === 'list' && returnsParam) out.push({ offset: d.returns.span.end, text: '[_T]', why: 'returns a generic list', span: d.returns.span });
  }
  if (out.length && !module.body.some((s) => s.k === 'assign' && s.targets.some((t) => t.k === 'name' && t.id === '_T'))) {
    // Declare the TypeVar before the first top-level def/class (at the start of its line).
    const decl = preambleInsertion(module, 'from typing import TypeVar\n_T = TypeVar("_T")\n\n\n', 'type variable for generic functions');
    if (!decl) return mono;
    out.push(decl);
  }
  return [...out, ...mono];
}

/** The type of a returned expression without the return annotation's influence (pyright
 * types `[...]` / comprehensions bidirectionally, so under `-> list` they read list[Unknown]). */
function contextFreeType(e: AST.Expr): PyType {
  if (!hasUnknown(e.type)) return e.type;
  const elems = (xs: AST.Expr[]) => { let t: PyType | undefined; for (const x of xs) t = join(t, contextFreeType(x)); return t ?? T.unknown; };
  if (e.k === 'list' && e.elts.length && !e.elts.some((x) => x.k === 'starred')) return { k: 'list', elem: elems(e.elts) };
  if (e.k === 'set' && e.elts.length && !e.elts.some((x) => x.k === 'starred')) return { k: 'set', elem: elems(e.elts) };
  if (e.k === 'tuple' && !e.elts.some((x) => x.k === 'starred')) return { k: 'tuple', elems: e.elts.map(contextFreeType) };
  if (e.k === 'comp' && (e.kind === 'list' || e.kind === 'set')) return { k: e.kind, elem: contextFreeType(e.elt) };
  if (e.k === 'comp' && e.kind === 'dict' && e.value) return { k: 'dict', key: contextFreeType(e.elt), val: contextFreeType(e.value) };
  // `items[idx]` with a tagged index: an item (or a TypeError at run time).
  if (e.k === 'index' && e.index.k !== 'slice' && (e.value.type.k === 'list' || e.value.type.k === 'tuplevar') && !hasUnknown(e.value.type) && e.index.type.k === 'union') return e.value.type.elem;
  if (e.k === 'dict' && e.items.length && e.items.every((i) => i.key && !hasUnknown(contextFreeType(i.key)) && !hasUnknown(contextFreeType(i.value)))) {
    // `{"n": len(xs), "mean": m}`: the items' types (different value types make a tagged union).
    let kt: PyType | undefined, vt: PyType | undefined;
    for (const i of e.items) { kt = join(kt, contextFreeType(i.key!), true); vt = join(vt, contextFreeType(i.value), true); }
    return { k: 'dict', key: kt!, val: vt! };
  }
  if (e.k === 'bin' && e.op === '+') {
    // `[head] + rest` where rest is still Unknown (a recursive result): the known list's type.
    const l = contextFreeType(e.left), r = contextFreeType(e.right);
    if (l.k === 'list' && !hasUnknown(l) && (r.k === 'list' || r.k === 'unknown')) return l;
    if (r.k === 'list' && !hasUnknown(r) && (l.k === 'list' || l.k === 'unknown')) return r;
  }
  return e.type;
}

/**
 * An empty literal among a union's members (`{"tags": [], "n": 1}` → `list[Unknown] | int`):
 * it is one tagged value whatever its item type, so the unknown parts take the i64 fallback.
 */
function fillUnionUnknowns(t: PyType, inUnion = false): PyType {
  const f = (x: PyType) => fillUnionUnknowns(x, inUnion);
  switch (t.k) {
    case 'unknown': return inUnion ? T.int : t;
    case 'union': return { k: 'union', types: t.types.map((x) => fillUnionUnknowns(x, true)) };
    case 'list': case 'set': case 'tuplevar': return { ...t, elem: f(t.elem) };
    case 'dict': return { ...t, key: f(t.key), val: f(t.val) };
    case 'tuple': return { k: 'tuple', elems: t.elems.map(f) };
    case 'optional': return { k: 'optional', inner: f(t.inner) };
    default: return t;
  }
}

/** The handler catches `kind` by name (`except TypeError`, `except (IndexError, TypeError)`). */
function handlerCatches(h: { type?: AST.Expr }, kind: string): boolean {
  const t = h.type;
  if (!t) return true;
  if (t.k === 'name') return t.id === kind || t.id === 'Exception';
  if (t.k === 'tuple') return t.elts.some((x) => x.k === 'name' && (x.id === kind || x.id === 'Exception'));
  return false;
}

/** The function calls itself. */
function recursesOn(d: Extract<AST.Stmt, { k: 'def' }>): boolean {
  let found = false;
  walkExprs(d.body, (e) => { if (e.k === 'call' && e.func.k === 'name' && e.func.id === d.name) found = true; }, true);
  return found;
}

/** The union of a plain type and the types nested in it (a dict's values, a list's items). */
function withParts(t: PyType): PyType {
  const out: PyType[] = [];
  const add = (x: PyType, depth: number) => {
    if (x.k === 'union') { x.types.forEach((y) => add(y, depth)); return; }
    if (x.k === 'optional') { add(x.inner, depth); add(T.none, depth); return; }
    if (!out.some((y) => typeToString(y) === typeToString(x))) out.push(x);
    if (depth > 4) return;
    if (x.k === 'dict') add(x.val, depth + 1);
    if (x.k === 'list' || x.k === 'tuplevar' || x.k === 'set') add(x.elem, depth + 1);
    if (x.k === 'tuple') x.elems.forEach((y) => add(y, depth + 1));
  };
  add(t, 0);
  const u: PyType = { k: 'union', types: [...out.filter((x) => x.k !== 'none'), ...out.filter((x) => x.k === 'none')] };
  return out.length > 1 && !u.types.some((x) => !['int', 'float', 'bool', 'str', 'none', 'list', 'tuple', 'tuplevar', 'dict', 'set'].includes(x.k)) ? u : t;
}

/** The body tells the parameter's run-time types apart (`match v:`, `isinstance(v, T)`). */
function dispatchesOn(d: Extract<AST.Stmt, { k: 'def' }>, name: string): boolean {
  let found = false;
  const inTry = new Set<AST.Expr>();
  const stmts = (ss: AST.Stmt[]): void => ss.forEach((s) => {
    if (s.k === 'match' && s.subject.k === 'name' && s.subject.id === name) found = true;
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { stmts(s.body); stmts(s.orelse); }
    if (s.k === 'try') {
      if (s.handlers.some((h) => handlerCatches(h, 'TypeError'))) walkExprs(s.body, (e) => { inTry.add(e); }, true);
      stmts(s.body); s.handlers.forEach((h) => stmts(h.body));
    }
  });
  stmts(d.body);
  walkExprs(d.body, (e) => {
    if (e.k === 'call' && e.func.k === 'name' && e.func.id === 'isinstance' && e.args[0]?.value.k === 'name' && e.args[0].value.id === name) found = true;
    // (`items[idx]` inside a try: a str idx raises the TypeError the handler expects)
    if (e.k === 'index' && e.index.k === 'name' && e.index.id === name && inTry.has(e)) found = true;
  }, true);
  return found;
}

/**
 * `for v in values: runs.append([v, 1])`: the list parameter's items sit beside values of
 * other types in one container, whose type (a tagged union or not) depends on the call site.
 */
function itemsBesideOthers(d: Extract<AST.Stmt, { k: 'def' }>, name: string): boolean {
  const items = new Set<string>();
  const loops = (ss: AST.Stmt[]): void => ss.forEach((s) => {
    if (s.k === 'for' && s.iter.k === 'name' && s.iter.id === name && s.target.k === 'name') items.add(s.target.id);
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { loops(s.body); loops(s.orelse); }
  });
  loops(d.body);
  let found = false;
  walkExprs(d.body, (e) => {
    if ((e.k === 'list' || e.k === 'tuple') && e.elts.some((x) => x.k === 'name' && items.has(x.id)) && e.elts.some((x) => x.k === 'num' || x.k === 'str')) found = true;
  }, true);
  return found;
}

/** `list` / `dict` / `set` / `tuple` written without type arguments: the name, else undefined. */
function bareGeneric(a: AST.Expr): string | undefined {
  return a.k === 'name' && ['list', 'dict', 'set', 'tuple', 'List', 'Dict', 'Set', 'Tuple'].includes(a.id) ? a.id.toLowerCase() : undefined;
}

/** Applies insertions; returns the new text and a map from new offsets to original offsets. */
export function applyInsertions(text: string, ins: Insertion[]): { text: string; toOriginal: (o: number) => number } {
  const sorted = [...ins].sort((a, b) => a.offset - b.offset);
  let out = '';
  let last = 0;
  const marks: { newStart: number; len: number; removed: number }[] = [];
  for (const i of sorted) {
    if (i.offset < last) continue; // overlapping edit: keep the first
    out += text.slice(last, i.offset);
    marks.push({ newStart: out.length, len: i.text.length, removed: i.remove ?? 0 });
    out += i.text;
    last = i.offset + (i.remove ?? 0);
  }
  out += text.slice(last);
  return {
    text: out,
    toOriginal: (o: number) => {
      let shift = 0;
      for (const m of marks) {
        if (o >= m.newStart + m.len) shift += m.len - m.removed;
        else if (o > m.newStart) return m.newStart - shift;
      }
      return o - shift;
    },
  };
}
