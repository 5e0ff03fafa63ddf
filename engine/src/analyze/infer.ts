// Usage-based type inference for what pyright leaves Unknown by design: the element types of
// containers created empty (`[]`, `{}`, `set()`, `defaultdict(list)`) and unannotated
// parameters. Evidence from uses (`.append(x)`, `d[k] = v`, call sites) becomes annotations
// inserted into the text, which pyright then re-checks (DESIGN §2).
import * as AST from '../ast';
import { PyType, T, hasUnknown } from '../types';
import { walkExprs } from '../lower/scan';

export interface Insertion { offset: number; text: string; why: string; span: AST.Span }

function join(a: PyType | undefined, b: PyType): PyType {
  if (!a || a.k === 'unknown') return b;
  if (b.k === 'unknown') return a;
  if ((a.k === 'int' && b.k === 'float') || (a.k === 'float' && b.k === 'int')) return T.float;
  if (a.k === 'none' && b.k !== 'none') return { k: 'optional', inner: b };
  if (b.k === 'none' && a.k !== 'none') return a.k === 'optional' ? a : { k: 'optional', inner: a };
  if (a.k === 'list' && b.k === 'list') return { k: 'list', elem: join(a.elem, b.elem) };
  if (a.k === 'dict' && b.k === 'dict') return { ...a, key: join(a.key, b.key), val: join(a.val, b.val) };
  if (a.k === 'tuple' && b.k === 'tuple' && a.elems.length === b.elems.length) return { k: 'tuple', elems: a.elems.map((x, i) => join(x, b.elems[i])) };
  if (a.k === 'bool' && b.k === 'int' || a.k === 'int' && b.k === 'bool') return T.int;
  return a;
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
    case 'class': return t.args.length ? undefined : t.name;
    default: return undefined;
  }
}

interface Candidate { key: string; type: PyType; insertAt: number; span: AST.Span; evidence?: PyType }

/** Collects annotation insertions for a module (one round). */
export function inferAnnotations(module: AST.Module): Insertion[] {
  const cands = new Map<string, Candidate>();
  const keyOf = (e: AST.Expr): string | undefined => {
    if (e.k === 'name' && e.sym && e.sym.kind === 'variable') return `v${e.sym.id}`;
    if (e.k === 'attr' && e.value.k === 'name' && e.value.id === 'self' && e.value.type.k === 'class') return `a${e.value.type.name}.${e.attr}`;
    return undefined;
  };
  const typeOfTarget = (e: AST.Expr): PyType => (e.k === 'name' ? e.sym?.declType ?? e.type : e.type);
  // 1. Candidates: assignments of empty containers whose declared type is still unknown.
  const visitStmts = (stmts: AST.Stmt[]) => {
    for (const s of stmts) {
      if (s.k === 'assign' && s.targets.length === 1) {
        const t = s.targets[0];
        const k = keyOf(t);
        const declT = typeOfTarget(t);
        const init = emptyContainerType(s.value);
        if (k && init && hasUnknown(declT) && !cands.has(k)) cands.set(k, { key: k, type: init, insertAt: t.span.end, span: t.span });
      }
      if (s.k === 'def' || s.k === 'class') visitStmts(s.body);
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visitStmts(s.body); visitStmts(s.orelse); }
      if (s.k === 'try') { visitStmts(s.body); s.handlers.forEach((h) => visitStmts(h.body)); visitStmts(s.orelse); visitStmts(s.finalbody); }
      if (s.k === 'with') visitStmts(s.body);
      if (s.k === 'match') s.cases.forEach((c) => visitStmts(c.body));
    }
  };
  visitStmts(module.body);
  if (!cands.size) return paramInsertions(module);
  // 2. Evidence from uses anywhere in the module.
  const refine = (k: string | undefined, f: (t: PyType) => PyType) => {
    if (!k) return;
    const c = cands.get(k);
    if (c) c.type = f(c.type);
  };
  const known = (t: PyType) => t.k !== 'unknown';
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
        if (m === 'append' || m === 'add' || m === 'appendleft' || m === 'remove' || m === 'discard') refine(k, (c) => (c.k === 'list' || c.k === 'set' || c.k === 'deque') && known(a0.type) && !hasUnknown(a0.type) ? { ...c, elem: join(c.elem, a0.type) } : c);
        if (m === 'insert' && e.args[1]) refine(k, (c) => (c.k === 'list' && known(e.args[1].value.type) ? { k: 'list', elem: join(c.elem, e.args[1].value.type) } : c));
        if (m === 'extend' || m === 'update') refine(k, (c) => {
          const at = a0.type;
          const el = at.k === 'list' || at.k === 'set' || at.k === 'tuplevar' || at.k === 'iter' ? at.elem : at.k === 'str' ? T.str : T.unknown;
          if (c.k === 'dict' && at.k === 'dict') return { ...c, key: join(c.key, at.key), val: join(c.val, at.val) };
          return (c.k === 'list' || c.k === 'set' || c.k === 'deque') && known(el) ? { ...c, elem: join(c.elem, el) } : c;
        });
        if (m === 'get' || m === 'pop' || m === 'setdefault') refine(k, (c) => (c.k === 'dict' && known(a0.type) ? { ...c, key: join(c.key, a0.type), val: e.args[1] && known(e.args[1].value.type) && !hasUnknown(e.args[1].value.type) ? join(c.val, e.args[1].value.type) : c.val } : c));
      }
      // d[k].append(x) / d.setdefault(k, []).append(x): dict of lists
      if ((m === 'append' || m === 'add') && a0 && recv.k === 'index') {
        const kk = keyOf(recv.value);
        refine(kk, (c) => (c.k === 'dict' ? { ...c, key: join(c.key, recv.index.type), val: c.val.k === 'list' || c.val.k === 'unknown' ? { k: m === 'add' ? 'set' : 'list', elem: join(c.val.k === 'list' ? c.val.elem : undefined, a0.type) } as PyType : c.val } : c));
      }
      if ((m === 'append' || m === 'add') && a0 && recv.k === 'call' && recv.func.k === 'attr' && recv.func.attr === 'setdefault') {
        const kk = keyOf(recv.func.value);
        const keyArg = recv.args[0]?.value;
        refine(kk, (c) => (c.k === 'dict' ? { ...c, key: keyArg ? join(c.key, keyArg.type) : c.key, val: { k: m === 'add' ? 'set' : 'list', elem: a0.type } as PyType } : c));
      }
    }
    if (e.k === 'call' && e.func.k === 'name' && e.func.type.k === 'func') {
      // Passing the container to an annotated parameter.
      const ft = e.func.type;
      e.args.forEach((a, i) => { const k = keyOf(a.value); if (k && ft.params[i] && !hasUnknown(ft.params[i])) refine(k, (c) => join(c, ft.params[i])); });
    }
  });
  // Key reads: d[k] with a known k
  walkExprs(module.body, (e) => {
    if (e.k === 'index') { const k = keyOf(e.value); refine(k, (c) => (c.k === 'dict' && c.key.k === 'unknown' && known(e.index.type) ? { ...c, key: e.index.type } : c)); }
    if (e.k === 'cmp' && (e.ops[0] === 'in' || e.ops[0] === 'not in')) { const k = keyOf(e.comparators[0]); refine(k, (c) => (c.k === 'dict' && c.key.k === 'unknown' && known(e.left.type) ? { ...c, key: e.left.type } : (c.k === 'list' || c.k === 'set') && c.elem.k === 'unknown' && known(e.left.type) ? { ...c, elem: e.left.type } : c)); }
  });
  const out: Insertion[] = [];
  for (const c of cands.values()) {
    if (hasUnknown(c.type)) continue;
    const text = annotationText(c.type);
    if (text) out.push({ offset: c.insertAt, text: `: ${text}`, why: `inferred ${text} from its uses`, span: c.span });
  }
  return [...out, ...paramInsertions(module)];
}

function walkReturns(stmts: AST.Stmt[], f: (r: Extract<AST.Stmt, { k: 'return' }>) => void) {
  for (const s of stmts) {
    if (s.k === 'return') f(s);
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { walkReturns(s.body, f); walkReturns(s.orelse, f); }
    if (s.k === 'try') { walkReturns(s.body, f); s.handlers.forEach((h) => walkReturns(h.body, f)); }
  }
}

function emptyContainerType(v: AST.Expr): PyType | undefined {
  if (v.k === 'list' && !v.elts.length) return { k: 'list', elem: T.unknown };
  if (v.k === 'dict' && !v.items.length) return { k: 'dict', key: T.unknown, val: T.unknown };
  if (v.k === 'set' && !v.elts.length) return { k: 'set', elem: T.unknown };
  if (v.k === 'call' && v.func.k === 'name' && v.args.length === 0) {
    if (v.func.id === 'list') return { k: 'list', elem: T.unknown };
    if (v.func.id === 'dict') return { k: 'dict', key: T.unknown, val: T.unknown };
    if (v.func.id === 'set') return { k: 'set', elem: T.unknown };
    if (v.func.id === 'deque') return { k: 'deque', elem: T.unknown };
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
  const evidence = new Map<string, PyType[]>();
  walkExprs(module.body, (e) => {
    if (e.k !== 'call') return;
    let key: string | undefined;
    let offset = 0;
    if (e.func.k === 'name') key = defs.has(e.func.id) ? e.func.id : defs.has(`${e.func.id}.__init__`) ? `${e.func.id}.__init__` : undefined;
    if (e.func.k === 'name' && key?.endsWith('.__init__')) offset = 1;
    if (e.func.k === 'attr' && e.func.value.type.k === 'class') { key = `${e.func.value.type.name}.${e.func.attr}`; offset = 1; }
    if (!key || !defs.has(key)) return;
    const d = defs.get(key)!;
    e.args.forEach((a, i) => {
      const p = a.name ? d.params.find((x) => x.name === a.name) : d.params[i + offset];
      if (!p || p.annotation || p.kind !== 'normal') return;
      const k = `${key}#${p.name}`;
      evidence.set(k, [...(evidence.get(k) ?? []), a.value.type]);
    });
  }, true);
  const out: Insertion[] = [];
  for (const [k, types] of evidence) {
    const [fn, pname] = k.split('#');
    const d = defs.get(fn)!;
    const p = d.params.find((x) => x.name === pname)!;
    if (p.type.k !== 'unknown' && !hasUnknown(p.type)) continue;
    let t: PyType | undefined;
    for (const x of types) t = join(t, x);
    if (p.default && p.default.k === 'const' && p.default.value === null && t) t = join(t, T.none);
    if (!t || hasUnknown(t)) continue;
    const text = annotationText(t);
    if (text) out.push({ offset: p.span.start + p.name.length, text: `: ${text}`, why: `inferred ${text} from call sites`, span: p.span });
  }
  return out;
}

/** Applies insertions; returns the new text and a map from new offsets to original offsets. */
export function applyInsertions(text: string, ins: Insertion[]): { text: string; toOriginal: (o: number) => number } {
  const sorted = [...ins].sort((a, b) => a.offset - b.offset);
  let out = '';
  let last = 0;
  const marks: { newStart: number; len: number }[] = [];
  for (const i of sorted) {
    out += text.slice(last, i.offset);
    marks.push({ newStart: out.length, len: i.text.length });
    out += i.text;
    last = i.offset;
  }
  out += text.slice(last);
  return {
    text: out,
    toOriginal: (o: number) => {
      let shift = 0;
      for (const m of marks) {
        if (o >= m.newStart + m.len) shift += m.len;
        else if (o > m.newStart) return m.newStart - shift;
      }
      return o - shift;
    },
  };
}
