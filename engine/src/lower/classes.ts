// Classes → struct + impl; dataclasses → derives; inheritance/ABCs → a trait implemented by
// every class of the hierarchy (inherited methods are lowered again for each subclass, whose
// struct holds the base fields too); enums → Rust enums; exception classes → PyErr kinds.
import * as AST from '../ast';
import { PyType, T } from '../types';
import { ClassInfo, ClassVarInfo, FuncInfo, PREC, RExpr } from './context';
import { isCopy, isObjUnion, rustIdent, rustStr } from './rtypes';
import type { Lowerer } from './lowerer';
import { emitFunction, declareHoisted } from './module';
import { scanVars, walkExprs } from './scan';
import { emitExceptionData, excInitOwner } from './excdata';

function decoratorNames(c: Extract<AST.Stmt, { k: 'class' }>): { name: string; kw: Map<string, AST.Expr> }[] {
  return c.decorators.map((d) => {
    const e = d.expr;
    if (e.k === 'call' && e.func.k === 'name') return { name: e.func.id, kw: new Map(e.args.filter((a) => a.name).map((a) => [a.name!, a.value])) };
    if (e.k === 'call' && e.func.k === 'attr') return { name: e.func.attr, kw: new Map(e.args.filter((a) => a.name).map((a) => [a.name!, a.value])) };
    return { name: e.k === 'name' ? e.id : e.k === 'attr' ? e.attr : '', kw: new Map() };
  });
}

const RUST_PRELUDE_TYPES = new Set(['Box', 'Vec', 'String', 'Option', 'Result', 'Some', 'None', 'Ok', 'Err', 'Rc', 'RefCell', 'Cell', 'Dict', 'PyErr', 'Self', 'Iterator', 'Fn', 'Clone', 'Copy', 'Default', 'Drop', 'Send', 'Sync', 'Sized', 'ToString', 'From', 'Into', 'PyStr', 'Obj']);

/** `@dataclass(frozen=True)`. */
export function isFrozenDataclass(info: ClassInfo): boolean {
  const dc = decoratorNames(info.node).find((d) => d.name === 'dataclass');
  const f = dc?.kw.get('frozen');
  return !!f && f.k === 'const' && f.value === true;
}

export function collectClass(L: Lowerer, c: Extract<AST.Stmt, { k: 'class' }>): ClassInfo {
  const decos = decoratorNames(c);
  const dc = decos.find((d) => d.name === 'dataclass');
  const baseNames = c.bases.map((b) => (b.k === 'name' ? b.id : b.k === 'attr' ? b.attr : b.k === 'index' && b.value.k === 'name' ? b.value.id : ''));
  const userBase = baseNames.find((b) => L.classes.has(b));
  const isException = baseNames.some((b) => /Exception$|Error$/.test(b) && !L.classes.has(b) || L.classes.get(b)?.isException);
  const isEnum = baseNames.some((b) => b === 'Enum' || b === 'IntEnum' || b === 'StrEnum');
  const isNamedTuple = baseNames.includes('NamedTuple');
  const isAbstract = baseNames.includes('ABC') || c.body.some((s) => s.k === 'def' && s.decorators.some((d) => (d.expr.k === 'name' && d.expr.id === 'abstractmethod') || (d.expr.k === 'attr' && d.expr.attr === 'abstractmethod')));
  const typeParams: string[] = [];
  for (const b of c.bases) if (b.k === 'index' && b.value.k === 'name' && b.value.id === 'Generic') {
    const idx = b.index;
    (idx.k === 'tuple' ? idx.elts : [idx]).forEach((x) => { if (x.k === 'name') typeParams.push(x.id); });
  }
  // Fields: dataclass/NamedTuple annotations in the class body, else `self.x = ...` in __init__.
  const fields: ClassInfo['fields'] = [];
  if (userBase) fields.push(...L.classes.get(userBase)!.fields.map((f) => ({ ...f })));
  const pyFields = new Map(c.fields.map((f) => [f.name, f.type]));
  if (dc || isNamedTuple) {
    for (const s of c.body) {
      if (s.k === 'annassign' && s.target.k === 'name' && !(s.annotation.k === 'index' && s.annotation.value.k === 'name' && s.annotation.value.id === 'ClassVar')) {
        let def = s.value;
        let noCompare = false;
        if (def && def.k === 'call' && def.func.k === 'name' && def.func.id === 'field') {
          const factory = def.args.find((a) => a.name === 'default_factory')?.value;
          const dflt = def.args.find((a) => a.name === 'default')?.value;
          const cmp = def.args.find((a) => a.name === 'compare')?.value;
          noCompare = !!cmp && cmp.k === 'const' && cmp.value === false;
          def = factory ? { k: 'call', span: factory.span, type: s.target.type, func: factory, args: [] } : dflt;
        }
        const type = pyFields.get(s.target.id) ?? s.target.sym?.declType ?? s.target.type;
        fields.push({ name: s.target.id, type, default: def, noCompare: noCompare || undefined });
      }
    }
  } else {
    const init = c.body.find((s): s is Extract<AST.Stmt, { k: 'def' }> => s.k === 'def' && s.name === '__init__');
    const order: string[] = [];
    const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
      const flat = (t: AST.Expr): AST.Expr[] => (t.k === 'tuple' || t.k === 'list' ? t.elts.flatMap(flat) : [t]);
      const targets = (s.k === 'assign' ? s.targets : s.k === 'annassign' ? [s.target] : []).flatMap(flat);
      for (const t of targets) if (t.k === 'attr' && t.value.k === 'name' && t.value.id === 'self' && !order.includes(t.attr)) order.push(t.attr);
      if (s.k === 'if' || s.k === 'for' || s.k === 'while') { visit(s.body); visit(s.orelse); }
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
      if (s.k === 'with') visit(s.body);
    });
    if (init) visit(init.body);
    // Attributes first created in other methods are fields too (Optional until then in Python).
    for (const s of c.body) if (s.k === 'def' && s.name !== '__init__') visit(s.body);
    for (const name of order) if (!fields.some((f) => f.name === name)) fields.push({ name, type: pyFields.get(name) ?? T.unknown });
  }
  const info: ClassInfo = {
    // (a class named like a Rust prelude type, `Box`, gets a `Py` prefix)
    name: c.name, rust: RUST_PRELUDE_TYPES.has(c.name.replace(/^_+/, '')) ? `Py${c.name.replace(/^_+/, '')}` : c.name.replace(/^_+/, ''), node: c, fields, methods: new Map(), base: userBase,
    isDataclass: !!dc || isNamedTuple, isNamedTuple: isNamedTuple || undefined, dataclassOrder: !!dc?.kw.get('order') && (dc!.kw.get('order') as any).value === true,
    isException, isAbstract, isEnum, hasSubclasses: false, typeParams,
  };
  L.classes.set(c.name, info);
  return info;
}

/** Lowers one class; returns a signature line for the item table. */
export function lowerClass(L: Lowerer, c: Extract<AST.Stmt, { k: 'class' }>): string {
  const info = L.classes.get(c.name)!;
  const w = L.w;
  if (info.isException) {
    if (excInitOwner(L, info) === info) { emitExceptionData(L, info); return `exception ${c.name}`; }
    w.line(`// exception class ${c.name}(${info.base ?? 'Exception'}) is a PyErr kind`, c.span);
    return `exception ${c.name}`;
  }
  if (info.isEnum) return lowerEnum(L, info);
  L.useRuntime('pystr');
  emitClassVarCells(L, info);
  if (c.docstring) L.docComment(c.docstring, '///');
  const generics = info.typeParams.length ? `<${info.typeParams.join(', ')}>` : '';
  // Type parameters used as dict keys / set items need Hash + Eq.
  const keyVars = new Set<string>();
  const findKeys = (t: PyType) => {
    if (t.k === 'dict' && t.key.k === 'typevar') keyVars.add(t.key.name);
    if (t.k === 'set' && t.elem.k === 'typevar') keyVars.add(t.elem.name);
    if (t.k === 'dict') { findKeys(t.key); findKeys(t.val); }
    else if (t.k === 'list' || t.k === 'set' || t.k === 'deque' || t.k === 'tuplevar') findKeys(t.elem);
    else if (t.k === 'tuple') t.elems.forEach(findKeys);
    else if (t.k === 'optional') findKeys(t.inner);
  };
  info.fields.forEach((f) => findKeys(f.type));
  const bounds = info.typeParams.length ? `<${info.typeParams.map((t) => `${t}: Clone + PartialOrd + PyStr${keyVars.has(t) ? ' + std::hash::Hash + Eq' : ''}`).join(', ')}>` : '';
  const hasFloat = info.fields.some((f) => containsFloat(f.type));
  const derives = ['Clone', 'Debug'];
  const userEq = info.methods.has('__eq__');
  // field(compare=False): ==/< look at the other fields only (impls written out below).
  const partialCompare = info.isDataclass && !userEq && info.fields.some((f) => f.noCompare);
  if (!userEq && !partialCompare && (info.isDataclass || !info.hasSubclasses)) derives.push('PartialEq');
  if (info.isDataclass && !partialCompare && !hasFloat && !userEq && info.fields.every((f) => hashable(L, f.type))) derives.push('Eq', 'Hash');
  if (info.dataclassOrder && !partialCompare) derives.push('PartialOrd');
  if (info.dataclassOrder && derives.includes('Eq')) derives.push('Ord');
  // Hashable dataclasses go into sets (BTreeSet needs Ord; Python never orders them itself).
  if (!info.dataclassOrder && derives.includes('Eq') && !info.methods.has('__lt__')) derives.push('PartialOrd', 'Ord');
  w.line(`#[derive(${derives.join(', ')})]`, c.span);
  w.open(`struct ${info.rust}${bounds} {`, c.span);
  for (const f of info.fields) {
    if (f.type.k === 'unknown') L.diag('PTR020', c.nameSpan, `type of attribute '${f.name}' could not be inferred; annotate it in __init__`, 'warning', {}, 0.4);
    w.line(`${rustIdent(f.name)}: ${fieldType(L, info, f.type)},`);
  }
  w.close();
  w.blank();
  const implHead = `impl${bounds} ${info.rust}${generics}`;
  w.open(`${implHead} {`);
  // Constructor
  const init = findInit(L, info);
  if (init) { lowerInit(L, info, init); }
  else {
    w.open(`fn new(${info.fields.filter((f) => !f.override).map((f) => `${rustIdent(f.name)}: ${fieldType(L, info, f.type)}`).join(', ')}) -> Self {`);
    for (const f of info.fields.filter((x) => x.override)) w.line(`let ${rustIdent(f.name)} = None;`);
    const post = info.methods.get('__post_init__');
    if (post) {
      w.line(`let mut s = Self { ${info.fields.map((f) => rustIdent(f.name)).join(', ')} };`);
      w.line('s.__post_init__();');
      w.line('s');
    } else w.line(`Self { ${info.fields.map((f) => rustIdent(f.name)).join(', ')} }`);
    w.close();
  }
  // Class-level constants
  for (const cv of info.classVars?.values() ?? []) {
    if (cv.cell) continue;
    const value = cv.value;
    const cname = cv.rust.slice(cv.rust.lastIndexOf('::') + 2);
    L.scope = L.newScope({ isMain: false });
    if (cv.type.k === 'str' && value.k === 'str') w.line(`const ${cname}: &'static str = ${rustStr(value.value)};`);
    else w.line(`const ${cname}: ${L.rt(cv.type)} = ${L.exprOwned(value, cv.type)};`);
  }
  const methods = allMethods(L, info);
  for (const m of methods) {
    if (m.name === '__init__') continue;
    w.blank();
    if (m.def.body.length === 1 && m.def.decorators.some((d) => d.expr.k === 'name' && d.expr.id === 'abstractmethod') || isAbstractBody(m.def)) {
      if (info.isAbstract) continue;
    }
    emitFunction(L, m, 'self');
  }
  // Base-class versions of methods reached through `super().m()` (see calls.ts lowerSuperCall);
  // lowering one may ask for another (a chain of super() calls).
  const done = new Set<string>();
  for (;;) {
    const pending = [...((L as any).superHelpers?.get(info.rust) as Map<string, FuncInfo> | undefined ?? new Map<string, FuncInfo>()).entries()].filter(([n]) => !done.has(n));
    if (!pending.length) break;
    for (const [n, h] of pending) { done.add(n); w.blank(); emitFunction(L, h, 'self'); }
  }
  w.close();
  emitTraitImpls(L, info, generics, bounds);
  return `struct ${info.rust}`;
}

function isAbstractBody(d: Extract<AST.Stmt, { k: 'def' }>): boolean {
  const b = d.body.filter((s) => !(s.k === 'expr' && s.value.k === 'str'));
  return b.length === 1 && (b[0].k === 'pass' || b[0].k === 'raise' && b[0].exc?.k === 'name' && b[0].exc.id === 'NotImplementedError' || b[0].k === 'expr' && b[0].value.k === 'const');
}

/** Methods visible on a class: its own plus inherited ones (lowered again in its context). */
function allMethods(L: Lowerer, info: ClassInfo): FuncInfo[] {
  const out = new Map<string, FuncInfo>();
  const chain: ClassInfo[] = [];
  let c: ClassInfo | undefined = info;
  while (c) { chain.unshift(c); c = c.base ? L.classes.get(c.base) : undefined; }
  for (const k of chain) for (const [n, m] of k.methods) {
    out.set(n, k === info ? m : { ...m, className: info.rust, rust: `${info.rust}::${rustIdent(m.name)}` });
  }
  return [...out.values()];
}

function findInit(L: Lowerer, info: ClassInfo): FuncInfo | undefined {
  let c: ClassInfo | undefined = info;
  while (c) {
    const m = c.methods.get('__init__');
    if (m) return c === info ? m : { ...m, className: info.rust };
    if (c.isDataclass) return undefined;
    c = c.base ? L.classes.get(c.base) : undefined;
  }
  return undefined;
}

function fieldType(L: Lowerer, info: ClassInfo, t: PyType): string {
  // Recursive fields (Optional["Node"]) are `Option<Box<Node>>` (see Lowerer.boxedOptional).
  void info;
  return L.rt(t);
}

function containsFloat(t: PyType): boolean {
  if (t.k === 'float') return true;
  if (t.k === 'list' || t.k === 'set') return containsFloat(t.elem);
  if (t.k === 'tuple') return t.elems.some(containsFloat);
  if (t.k === 'optional') return containsFloat(t.inner);
  if (t.k === 'dict') return containsFloat(t.key) || containsFloat(t.val);
  return false;
}

function hashable(L: Lowerer, t: PyType, seen: Set<string> = new Set()): boolean {
  if (t.k === 'dict') return false;
  if (t.k === 'class') {
    // A dataclass derives Eq + Hash only when all its fields do (no floats, no custom __eq__).
    const c = L.classes.get(t.name);
    if (!c) return false;
    if (c.isEnum) return true;
    if (!c.isDataclass || c.shared || c.methods.has('__eq__') || c.fields.some((f) => f.noCompare)) return false;
    if (seen.has(c.name)) return true;
    seen.add(c.name);
    return c.fields.every((f) => !containsFloat(f.type) && hashable(L, f.type, seen));
  }
  if (t.k === 'tuple') return t.elems.every((x) => hashable(L, x, seen));
  if (t.k === 'list' || t.k === 'set') return hashable(L, t.elem, seen);
  if (t.k === 'optional') return hashable(L, t.inner, seen);
  return t.k !== 'unknown' && t.k !== 'func';
}

/** `__init__` becomes `fn new(...) -> Self`: `self.x = v` binds a local, then `Self { x, ... }`. */
function lowerInit(L: Lowerer, info: ClassInfo, init: FuncInfo) {
  const w = L.w;
  const def = init.def;
  const vars = scanVars(def.body);
  // Fields assigned more than once or changed in place inside __init__ are `let mut`.
  const counts = new Map<string, number>();
  const mutFields = new Set<string>();
  const selfAttr = (t: AST.Expr): string | undefined => (t.k === 'attr' && t.value.k === 'name' && t.value.id === 'self' ? t.attr : undefined);
  const under = (t: AST.Expr): string | undefined => { let x = t; while ((x.k === 'attr' || x.k === 'index') && !selfAttr(x)) x = x.value; return x !== t ? selfAttr(x) : undefined; };
  const visitT = (t: AST.Expr) => {
    if (t.k === 'tuple' || t.k === 'list') { t.elts.forEach(visitT); return; }
    const a = selfAttr(t);
    if (a) counts.set(a, (counts.get(a) ?? 0) + 1);
    const u = under(t);
    if (u) mutFields.add(u);
  };
  const visitS = (ss: AST.Stmt[], inLoop: boolean) => ss.forEach((s) => {
    if (s.k === 'assign') s.targets.forEach((t) => { visitT(t); if (inLoop && selfAttr(t)) mutFields.add(selfAttr(t)!); });
    if (s.k === 'annassign' && s.value) visitT(s.target);
    if (s.k === 'augassign') { const a = selfAttr(s.target) ?? under(s.target); if (a) mutFields.add(a); }
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visitS(s.body, inLoop || s.k !== 'if'); visitS(s.orelse, inLoop); }
    if (s.k === 'try') { visitS(s.body, inLoop); s.handlers.forEach((h) => visitS(h.body, inLoop)); visitS(s.orelse, inLoop); visitS(s.finalbody, inLoop); }
    if (s.k === 'with') visitS(s.body, inLoop);
  });
  visitS(def.body, false);
  walkExprs(def.body, (e) => {
    if (e.k !== 'call') return;
    if (e.func.k === 'attr') { const a = selfAttr(e.func.value) ?? under(e.func.value); if (a) mutFields.add(a); }
    e.args.forEach((x) => { const a = selfAttr(x.value); if (a) mutFields.add(a); });
  });
  for (const [a, n] of counts) if (n > 1) mutFields.add(a);
  L.scope = L.newScope({ info: { ...init, className: info.name }, vars, raises: init.raises, returnType: T.none, isMain: false, inInit: { fields: new Set(), mutFields } });
  const params = init.params.map((p) => {
    const name = rustIdent(p.name);
    if (p.sym) {
      L.scope.declared.add(p.sym.id);
      if (p.mode === 'ref') L.scope.names.set(p.sym.id, { code: name, kind: 'ref', type: p.type });
      else if (p.mode === 'mut') L.scope.names.set(p.sym.id, { code: name, kind: 'mutref', type: p.type });
    }
    const u = p.sym ? vars.get(p.sym.id) : undefined;
    if (p.mode === 'ref') return `${name}: ${p.type.k === 'str' ? '&str' : p.type.k === 'list' ? `&[${L.rt(p.type.elem)}]` : `&${L.rt(p.type)}`}`;
    if (p.mode === 'mut') return `${name}: &mut ${L.rt(p.type)}`;
    return `${u && (u.assigns > 0 || u.mutated) ? 'mut ' : ''}${name}: ${L.rt(p.type)}`;
  });
  const ret = init.raises ? 'Result<Self, PyErr>' : 'Self';
  if (def.docstring) L.docComment(def.docstring, '///');
  w.open(`fn new(${params.join(', ')}) -> ${ret} {`, def.span);
  (L as any).initClass = info;
  declareHoisted(L, def.body);
  for (const s of def.body) {
    if (s === def.body[0] && s.k === 'expr' && s.value.k === 'str') continue;
    // super().__init__(...) → construct the base and take its fields.
    if (s.k === 'expr' && s.value.k === 'call' && s.value.func.k === 'attr' && s.value.func.attr === '__init__' && s.value.func.value.k === 'call' && s.value.func.value.func.k === 'name' && s.value.func.value.func.id === 'super') {
      const base = info.base ? L.classes.get(info.base) : undefined;
      if (base) {
        const r = L.expr(s.value);
        w.line(`let __base = ${r.code};`, s.span);
        for (const f of base.fields) {
          // (the base fields are `mut` only when this __init__ changes them afterwards)
          const mut = counts.has(f.name) || mutFields.has(f.name) ? 'mut ' : '';
          w.line(`let ${mut}${rustIdent(f.name)} = __base.${rustIdent(f.name)};`, s.span);
          L.scope.inInit!.fields.add(f.name);
        }
        continue;
      }
    }
    L.stmt(s);
  }
  const missing = info.fields.filter((f) => !L.scope.inInit!.fields.has(f.name));
  for (const f of missing) {
    // An attribute first set by another method starts as the class attribute of that name.
    let cv: ClassVarInfo | undefined;
    for (let k: ClassInfo | undefined = info; k && !cv && !f.override; k = k.base ? L.classes.get(k.base) : undefined) cv = k.classVars?.get(f.name);
    const init = cv ? L.coerce(classVarRead(L, cv), f.type) : f.type.k === 'optional' ? 'None' : L.defaultValue(f.type);
    w.line(`let ${rustIdent(f.name)}: ${fieldType(L, info, f.type)} = ${init};`);
  }
  const build = `Self { ${info.fields.map((f) => rustIdent(f.name)).join(', ')} }`;
  const post = info.methods.get('__post_init__');
  if (post) { w.line(`let mut s = ${build};`); w.line('s.__post_init__();'); w.line(init.raises ? 'Ok(s)' : 's'); }
  else w.line(init.raises ? `Ok(${build})` : build);
  w.close();
  (L as any).initClass = undefined;
}

function emitTraitImpls(L: Lowerer, info: ClassInfo, generics: string, bounds: string) {
  const w = L.w;
  const ty = `${info.rust}${generics}`;
  const has = (n: string) => allMethods(L, info).some((m) => m.name === n);
  if (has('__str__')) {
    w.blank();
    w.open(`impl${bounds} std::fmt::Display for ${ty} {`);
    w.open('fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {');
    w.line('write!(f, "{}", self.__str__())');
    w.close(); w.close();
  }
  if (info.shared) {
    // A shared object prints as the struct it holds.
    w.blank();
    w.open(`impl PyStr for std::rc::Rc<std::cell::RefCell<${info.rust}>> {`);
    w.line('fn py_str(&self) -> String { self.borrow().py_str() }');
    w.line('fn py_repr(&self) -> String { self.borrow().py_repr() }');
    w.close();
  }
  // repr(): __repr__, else the dataclass form, else the default object form.
  w.blank();
  w.open(`impl${bounds} PyStr for ${ty} {`);
  if (has('__str__')) { w.open('fn py_str(&self) -> String {'); w.line('self.__str__()'); w.close(); }
  w.open('fn py_repr(&self) -> String {');
  if (has('__repr__')) w.line('self.__repr__()');
  else if (info.isDataclass) {
    const parts = info.fields.map((f) => `${f.name}={}`).join(', ');
    const args = info.fields.map((f) => `self.${rustIdent(f.name)}.py_repr()`).join(', ');
    w.line(info.fields.length ? `format!("${info.name}(${parts})", ${args})` : `"${info.name}()".to_string()`);
  } else w.line(`"<__main__.${info.name} object>".to_string()`);
  w.close(); w.close();
  if (info.isDataclass && !has('__eq__') && info.fields.some((f) => f.noCompare)) {
    const keys = (s: string) => `(${info.fields.filter((f) => !f.noCompare).map((f) => `&${s}.${rustIdent(f.name)}`).join(', ')},)`;
    w.blank();
    w.open(`impl${bounds} PartialEq for ${ty} {`);
    w.line(`fn eq(&self, other: &Self) -> bool { ${keys('self')} == ${keys('other')} }`);
    w.close();
    if (info.dataclassOrder) {
      w.blank();
      w.open(`impl${bounds} PartialOrd for ${ty} {`);
      w.line(`fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> { ${keys('self')}.partial_cmp(&${keys('other')}) }`);
      w.close();
    }
  }
  // The dunders of a shared class take the shared handle (`&Rc<RefCell<C>>`): wrap a copy.
  const wrap = (x: string) => (info.shared ? `&std::rc::Rc::new(std::cell::RefCell::new(${x}.clone()))` : x);
  if (has('__eq__')) {
    w.blank();
    w.open(`impl${bounds} PartialEq for ${ty} {`);
    w.line('fn eq(&self, other: &Self) -> bool {');
    w.line(`    self.__eq__(${wrap('other')})`);
    w.line('}');
    w.close();
  }
  if (has('__lt__') && !info.dataclassOrder) {
    w.blank();
    w.open(`impl${bounds} PartialOrd for ${ty} {`);
    w.open('fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {');
    w.line(`Some(if self.__lt__(${wrap('other')}) { std::cmp::Ordering::Less } else if other.__lt__(${wrap('self')}) { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal })`);
    w.close(); w.close();
  }
  if (info.hasSubclasses || info.isAbstract) emitHierarchyTrait(L, info);
  else if (info.base) implBaseTraits(L, info);
}

/** Root of a hierarchy: a trait with every method; each class implements it. */
function emitHierarchyTrait(L: Lowerer, info: ClassInfo) {
  if (info.base) { implBaseTraits(L, info); return; }
  const w = L.w;
  w.blank();
  const methods = allMethods(L, info).filter((m) => m.name !== '__init__' && m.selfMode !== 'static' && m.selfMode !== 'cls');
  w.open(`trait ${info.rust}Trait: PyStr {`);
  for (const f of info.fields) w.line(`fn ${rustIdent(f.name)}(&self) -> ${L.rt(f.type)};`);
  for (const m of methods) w.line(`${traitSig(L, m)};`);
  w.line("fn class_name_chain(&self) -> &'static [&'static str];");
  w.line(`fn box_clone(&self) -> Box<dyn ${info.rust}Trait>;`);
  w.line('fn as_any(&self) -> &dyn std::any::Any;');
  w.close();
  // Boxed objects of the hierarchy can be cloned, debugged and compared (fields of other
  // structs, Vec items): == is the class's __eq__, else identity like Python's default.
  const dyn = `Box<dyn ${info.rust}Trait>`;
  w.blank();
  w.open(`impl Clone for ${dyn} {`);
  w.line('fn clone(&self) -> Self { self.box_clone() }');
  w.close();
  w.blank();
  w.open(`impl std::fmt::Debug for ${dyn} {`);
  w.line('fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { write!(f, "{}", self.py_repr()) }');
  w.close();
  w.blank();
  w.open(`impl PartialEq for ${dyn} {`);
  const eqM = allMethods(L, info).find((m) => m.name === '__eq__');
  w.line(eqM && methods.includes(eqM) ? 'fn eq(&self, other: &Self) -> bool { self.__eq__(other) }' : 'fn eq(&self, other: &Self) -> bool { std::ptr::addr_eq(&**self, &**other) }');
  w.close();
  implTraitFor(L, info, info);
  if (allMethods(L, info).some((m) => m.name === '__str__')) {
    w.blank();
    w.open(`impl std::fmt::Display for dyn ${info.rust}Trait {`);
    w.line('fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {');
    w.line('    write!(f, "{}", self.__str__())');
    w.line('}');
    w.close();
  }
  w.blank();
  w.open(`impl PyStr for Box<dyn ${info.rust}Trait> {`);
  w.line('fn py_str(&self) -> String {');
  w.line('    (**self).py_str()');
  w.line('}');
  w.line('fn py_repr(&self) -> String {');
  w.line('    (**self).py_repr()');
  w.line('}');
  w.close();
}

function rootOf(L: Lowerer, info: ClassInfo): ClassInfo {
  let c = info;
  while (c.base && L.classes.get(c.base)) c = L.classes.get(c.base)!;
  return c;
}

function implBaseTraits(L: Lowerer, info: ClassInfo) {
  const root = rootOf(L, info);
  if (root === info) return;
  implTraitFor(L, info, root);
}

function traitSig(L: Lowerer, m: FuncInfo): string {
  const params = m.params.map((p) => {
    const t = L.rt(p.type);
    if (p.mode === 'ref') return `${rustIdent(p.name)}: ${p.type.k === 'str' ? '&str' : p.type.k === 'list' ? `&[${L.rt((p.type as any).elem)}]` : `&${t}`}`;
    if (p.mode === 'mut') return `${rustIdent(p.name)}: &mut ${t}`;
    return `${rustIdent(p.name)}: ${t}`;
  });
  params.unshift(m.selfMode === 'mut' ? '&mut self' : '&self');
  let ret = m.ret.k !== 'none' && m.ret.k !== 'unknown' ? ` -> ${L.rt(m.ret)}` : '';
  if (m.raises) ret = ` -> Result<${ret ? ret.slice(4) : '()'}, PyErr>`;
  return `fn ${rustIdent(m.name)}_dyn(${params.join(', ')})${ret}`.replace(/_dyn\(/, '(').replace(/^fn (\w+)\(/, (_m, n) => `fn ${n}(`);
}

/** impl RootTrait for Class: delegates to the inherent methods lowered for this class. */
function implTraitFor(L: Lowerer, info: ClassInfo, root: ClassInfo) {
  const w = L.w;
  const rootMethods = allMethods(L, root).filter((m) => m.name !== '__init__' && m.selfMode !== 'static' && m.selfMode !== 'cls');
  const own = new Map(allMethods(L, info).map((m) => [m.name, m] as const));
  w.blank();
  w.open(`impl ${root.rust}Trait for ${info.rust} {`);
  for (const f of root.fields) w.line(`fn ${rustIdent(f.name)}(&self) -> ${L.rt(f.type)} { self.${rustIdent(f.name)}${isCopy(f.type) ? '' : '.clone()'} }`);
  for (const m of rootMethods) {
    const impl = own.get(m.name) ?? m;
    const sig = traitSig(L, m);
    const args = m.params.map((p) => rustIdent(p.name)).join(', ');
    if (isAbstractBody(impl.def) && info.isAbstract) { w.line(`${sig} { unimplemented!("abstract method ${m.name}") }`); continue; }
    // An override returning int where the base method says float (`w * h` vs `-> float`).
    const widen = m.ret.k === 'float' && impl.ret.k === 'int' && !m.raises && !impl.raises ? ' as f64' : '';
    const call = `${info.rust}::${rustIdent(m.name)}(self${args ? ', ' + args : ''})`;
    // An override returning a plain int or float where the base says `int | float`: tag it.
    if (isObjUnion(m.ret) && !isObjUnion(impl.ret) && impl.ret.k !== 'unknown' && impl.ret.k !== 'none' && !m.raises && !impl.raises) { w.line(`${sig} { ${L.toObj(call, impl.ret)} }`); continue; }
    w.line(`${sig} { ${call}${widen} }`);
  }
  const chain: string[] = [];
  let c: ClassInfo | undefined = info;
  while (c) { chain.push(c.name); c = c.base ? L.classes.get(c.base) : undefined; }
  w.line(`fn class_name_chain(&self) -> &'static [&'static str] { &[${chain.map(rustStr).join(', ')}] }`);
  w.line(`fn box_clone(&self) -> Box<dyn ${root.rust}Trait> { Box::new(self.clone()) }`);
  w.line('fn as_any(&self) -> &dyn std::any::Any { self }');
  w.close();
}

function lowerEnum(L: Lowerer, info: ClassInfo): string {
  const w = L.w;
  const c = info.node;
  const members: { name: string; value?: AST.Expr }[] = [];
  for (const s of c.body) if (s.k === 'assign' && s.targets[0].k === 'name') members.push({ name: s.targets[0].id, value: s.value });
  L.useRuntime('pystr');
  w.line('#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]', c.span);
  w.open(`enum ${info.rust} {`);
  for (const m of members) w.line(`${m.name},`);
  w.close();
  w.blank();
  const isAuto = (e?: AST.Expr) => !!e && e.k === 'call' && ((e.func.k === 'name' && e.func.id === 'auto') || (e.func.k === 'attr' && e.func.attr === 'auto'));
  const valueType = isAuto(members[0]?.value) ? T.int : members[0]?.value?.type ?? T.int;
  L.scope = L.newScope({ isMain: false });
  w.open(`impl ${info.rust} {`);
  w.open("fn name(&self) -> &'static str {");
  w.open('match self {');
  for (const m of members) w.line(`${info.rust}::${m.name} => ${rustStr(m.name)},`);
  w.close(); w.close();
  const vt = valueType.k === 'str' ? "&'static str" : L.rt(valueType);
  // Values: literals, `auto()` counts on from the previous int (starting at 1).
  const values: string[] = [];
  let lastInt = 0;
  for (const m of members) {
    let v: string;
    if (isAuto(m.value)) v = String(++lastInt);
    else if (m.value && m.value.k === 'str') v = rustStr(m.value.value);
    else if (m.value && m.value.k === 'num' && m.value.isInt) { lastInt = Number(m.value.value); v = String(lastInt); }
    else v = m.value && m.value.k !== 'call' ? L.exprOwned(m.value, valueType) : '0';
    values.push(v);
  }
  w.open(`fn value(&self) -> ${vt} {`);
  w.open('match self {');
  members.forEach((m, i) => w.line(`${info.rust}::${m.name} => ${values[i]},`));
  w.close(); w.close();
  // Iteration order (`for c in Color`, `list(Color)`, `len(Color)`).
  w.line(`const ALL: [${info.rust}; ${members.length}] = [${members.map((m) => `${info.rust}::${m.name}`).join(', ')}];`);
  // `Color(3)`: lookup by value (ValueError when none matches); `Color["RED"]`: by name.
  if (valueType.k === 'str' || valueType.k === 'int') {
    L.useRuntime('exc');
    w.open(`fn from_value(v: ${valueType.k === 'str' ? '&str' : 'i64'}) -> Result<Self, PyErr> {`);
    w.open('match v {');
    members.forEach((m, i) => w.line(`${values[i]} => Ok(${info.rust}::${m.name}),`));
    w.line(`_ => Err(PyErr::new("ValueError", format!("${valueType.k === 'str' ? "'{}'" : '{}'} is not a valid ${info.name}", v))),`);
    w.close(); w.close();
  }
  w.open('fn from_name(n: &str) -> Self {');
  w.open('match n {');
  for (const m of members) w.line(`${rustStr(m.name)} => ${info.rust}::${m.name},`);
  w.line(`_ => panic!("KeyError: '{}'", n),`);
  w.close(); w.close();
  for (const s of c.body) if (s.k === 'def') { const mi = info.methods.get(s.name); if (mi) { w.blank(); mi.params.forEach(() => 0); emitFunction(L, { ...mi, selfMode: mi.selfMode === 'mut' ? 'ref' : mi.selfMode }, 'self'); } }
  w.close();
  w.blank();
  w.open(`impl std::fmt::Display for ${info.rust} {`);
  w.line('fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {');
  w.line(`    write!(f, "${info.name}.{}", self.name())`);
  w.line('}');
  w.close();
  w.blank();
  w.open(`impl PyStr for ${info.rust} {`);
  w.line('fn py_str(&self) -> String {');
  w.line(`    format!("${info.name}.{}", self.name())`);
  w.line('}');
  w.line('fn py_repr(&self) -> String {');
  w.line(`    format!("<${info.name}.{}: {}>", self.name(), self.value().py_repr())`);
  w.line('}');
  w.close();
  void walkExprs; void isCopy;
  return `enum ${info.rust}`;
}

// ---------- class attributes ----------

function isConstLiteral(e: AST.Expr): boolean {
  if (e.k === 'num' || e.k === 'const' && (e.value === true || e.value === false)) return true;
  if (e.k === 'unary' && e.op === '-' && e.operand.k === 'num') return true;
  if (e.k === 'tuple') return e.elts.every(isConstLiteral);
  return false;
}

function upperSnake(s: string): string {
  return s.replace(/^_+/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function isSubclassOf(L: Lowerer, c: ClassInfo, base: ClassInfo): boolean {
  let k: ClassInfo | undefined = c;
  while (k) { if (k === base) return true; k = k.base ? L.classes.get(k.base) : undefined; }
  return false;
}

/** The class attribute `attr` of class `cls` (or of one of its bases). */
export function findClassVar(L: Lowerer, cls: string, attr: string): ClassVarInfo | undefined {
  let c = L.classes.get(cls) ?? [...L.classes.values()].find((x) => x.rust === cls);
  while (c) {
    const cv = c.classVars?.get(attr);
    if (cv) return cv;
    if (c.fields.some((f) => f.name === attr && !f.override)) return undefined;
    c = c.base ? L.classes.get(c.base) : undefined;
  }
  return undefined;
}

/**
 * Decides how each class attribute is stored: a `const` when it is a literal never assigned
 * again, else a thread-local cell; `obj.attr = v` on an instance adds an Option field that
 * shadows the class value (Python's instance-attribute lookup).
 */
export function analyzeClassVars(L: Lowerer, body: AST.Stmt[]) {
  for (const info of L.classes.values()) {
    info.classVars = new Map();
    if (info.isEnum || info.isException) continue;
    for (const cv of info.node.classVars) {
      if (info.fields.some((f) => f.name === cv.name)) continue;
      const s = info.node.body.find((x) => (x.k === 'assign' && x.targets.length === 1 && x.targets[0].k === 'name' && x.targets[0].id === cv.name) || (x.k === 'annassign' && x.target.k === 'name' && x.target.id === cv.name && !!x.value)) as Extract<AST.Stmt, { k: 'assign' | 'annassign' }> | undefined;
      const value = s?.value;
      if (!value) continue;
      const type = cv.type.k !== 'unknown' ? cv.type : value.type;
      const constOk = (type.k === 'str' && value.k === 'str') || (isCopy(type) && isConstLiteral(value));
      info.classVars.set(cv.name, {
        name: cv.name, owner: info, type, value, cell: !constOk,
        rust: constOk ? `${info.rust}::${upperSnake(cv.name)}` : `${upperSnake(info.rust)}_${upperSnake(cv.name)}`,
      });
    }
  }
  const targets: AST.Expr[] = [];
  const flat = (t: AST.Expr) => { if (t.k === 'tuple' || t.k === 'list') t.elts.forEach(flat); else targets.push(t); };
  const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
    if (s.k === 'assign') s.targets.forEach(flat);
    if (s.k === 'augassign' || s.k === 'annassign' && s.value) flat(s.target);
    if (s.k === 'for') flat(s.target);
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
    if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
    if (s.k === 'with' || s.k === 'def' || s.k === 'class') visit(s.body);
    if (s.k === 'match') s.cases.forEach((c) => visit(c.body));
  });
  visit(body);
  for (const t of targets) {
    if (t.k !== 'attr') continue;
    const vt = t.value.type;
    if (vt.k === 'type' && vt.of.k === 'class') {
      const cv = findClassVar(L, vt.of.name, t.attr);
      if (cv && !cv.cell) { cv.cell = true; cv.rust = `${upperSnake(cv.owner.rust)}_${upperSnake(cv.name)}`; }
      continue;
    }
    if (vt.k !== 'class' || !L.classes.has(vt.name)) continue;
    const c = L.classes.get(vt.name)!;
    if (c.isDataclass || c.fields.some((f) => f.name === t.attr) || c.methods.has(`__set_${t.attr}`)) continue;
    if (t.value.k === 'name' && t.value.id === 'self') continue;
    const cv = findClassVar(L, c.name, t.attr);
    if (!cv) continue;
    for (const k of L.classes.values()) {
      if (isSubclassOf(L, k, c) && !k.fields.some((f) => f.name === t.attr)) k.fields.push({ name: t.attr, type: { k: 'optional', inner: cv.type }, override: true });
    }
  }
}

/** Reads a class attribute's current value. */
export function classVarRead(L: Lowerer, cv: ClassVarInfo): RExpr {
  if (!cv.cell) {
    if (cv.type.k === 'str') return { code: cv.rust, type: T.str, kind: 'ref', prec: PREC.atom };
    return { code: cv.rust, type: cv.type, kind: 'value', prec: PREC.atom };
  }
  return { code: isCopy(cv.type) ? `${cv.rust}.with(|c| c.get())` : `${cv.rust}.with(|c| c.borrow().clone())`, type: cv.type, kind: 'value', prec: PREC.atom };
}

/** A statement storing `value` (owned Rust code) into a class attribute. */
export function classVarWrite(cv: ClassVarInfo, value: string): string {
  return isCopy(cv.type) ? `${cv.rust}.with(|c| c.set(${value}));` : `${cv.rust}.with(|c| *c.borrow_mut() = ${value});`;
}

/**
 * `C.attr` / `cls.attr` / `obj.attr` (no instance field) as a class attribute, if it is one.
 * Inside methods lowered for a subclass, `self.attr` starts the lookup at that subclass.
 */
export function classVarOfAttr(L: Lowerer, e: Extract<AST.Expr, { k: 'attr' }>): ClassVarInfo | undefined {
  const vt = e.value.type;
  let cls: string | undefined;
  if (vt.k === 'type' && vt.of.k === 'class') cls = vt.of.name;
  else if (vt.k === 'class' && L.classes.has(vt.name)) {
    const c = L.classes.get(vt.name)!;
    if (c.fields.some((f) => f.name === e.attr && !f.override)) return undefined;
    cls = vt.name;
    if (e.value.k === 'name' && e.value.id === 'self' && L.scope.info?.className) cls = L.scope.info.className;
  }
  return cls ? findClassVar(L, cls, e.attr) : undefined;
}

/** Thread-local cells for the class attributes that are reassigned (emitted before the struct). */
function emitClassVarCells(L: Lowerer, info: ClassInfo) {
  const cells = [...(info.classVars?.values() ?? [])].filter((cv) => cv.cell);
  if (!cells.length) return;
  const w = L.w;
  L.scope = L.newScope({ isMain: false });
  w.open('thread_local! {');
  for (const cv of cells) {
    const t = L.rt(cv.type);
    const v = L.exprOwned(cv.value, cv.type);
    w.line(isCopy(cv.type) ? `static ${cv.rust}: std::cell::Cell<${t}> = const { std::cell::Cell::new(${v}) };` : `static ${cv.rust}: std::cell::RefCell<${t}> = std::cell::RefCell::new(${v});`);
  }
  w.close();
  w.blank();
}

// ---------- shared objects (Rc<RefCell<C>>) ----------

/**
 * Python objects are references. Most programs never observe it and get plain structs; a class
 * becomes `Rc<RefCell<C>>` when the program mutates an instance through a second name: a
 * cursor over a self-referential structure (`cur = cur.next; cur.next = node`), an alias
 * (`b = a`, `first = items[0]`, `x = d.get(k)`) that is then mutated, or a container built from
 * existing objects whose elements are mutated in a loop. `clone()` is then Python's aliasing.
 */
export function analyzeSharing(L: Lowerer, body: AST.Stmt[]) {
  const eligible = (name: string | undefined) => {
    const c = name ? L.classes.get(name) : undefined;
    return c && !c.isEnum && !c.isException && !c.isAbstract && !c.hasSubclasses && !c.base && !isFrozenDataclass(c) && !c.typeParams.length ? c : undefined;
  };
  const classOf = (t: PyType): ClassInfo | undefined => (t.k === 'class' ? eligible(t.name) : t.k === 'optional' && t.inner.k === 'class' ? eligible(t.inner.name) : undefined);
  const mutatesSelf = (c: ClassInfo, m: string): boolean => {
    const def = c.node.body.find((s): s is Extract<AST.Stmt, { k: 'def' }> => s.k === 'def' && s.name === m);
    if (!def) return false;
    let mut = false;
    const selfName = def.params[0]?.name ?? 'self';
    const isSelfPath = (e: AST.Expr): boolean => { let x = e; while (x.k === 'attr' || x.k === 'index') x = x.value; return x.k === 'name' && x.id === selfName && x !== e; };
    const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
      if (s.k === 'assign' && s.targets.some(isSelfPath) || (s.k === 'augassign' || s.k === 'annassign') && isSelfPath(s.target)) mut = true;
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
    });
    visit(def.body);
    walkExprs(def.body, (e) => { if (e.k === 'call' && e.func.k === 'attr' && isSelfPath(e.func.value) && /^(append|extend|insert|pop|remove|clear|sort|reverse|add|discard|update|setdefault|popleft|appendleft)$/.test(e.func.attr)) mut = true; });
    return mut;
  };
  /** Names whose object is changed in place in these statements: `n.attr = v`, `n.mutating()`. */
  const mutatedNames = (stmts: AST.Stmt[]): Set<number> => {
    const out = new Set<number>();
    const root = (e: AST.Expr) => { let x = e; while (x.k === 'attr' || x.k === 'index') x = x.value; return x.k === 'name' && x !== e && x.id !== 'self' ? x : undefined; };
    const target = (t: AST.Expr) => { if (t.k === 'tuple' || t.k === 'list') t.elts.forEach(target); else { const r = t.k === 'attr' ? root(t) : undefined; if (r?.sym) out.add(r.sym.id); } };
    const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
      if (s.k === 'assign') s.targets.forEach(target);
      if (s.k === 'augassign') target(s.target);
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
      if (s.k === 'with') visit(s.body);
    });
    visit(stmts);
    walkExprs(stmts, (e) => {
      if (e.k !== 'call' || e.func.k !== 'attr' || e.func.value.k !== 'name' || !e.func.value.sym || e.func.value.id === 'self') return;
      const c = classOf(e.func.value.type);
      if (c && mutatesSelf(c, e.func.attr)) out.add(e.func.value.sym.id);
    });
    return out;
  };
  const mark = (c: ClassInfo | undefined) => { if (c) c.shared = true; };
  const selfRef = (c: ClassInfo) => c.fields.some((f) => (f.type.k === 'optional' && f.type.inner.k === 'class' && f.type.inner.name === c.name) || (f.type.k === 'list' && f.type.elem.k === 'class' && f.type.elem.name === c.name));
  // (a call may return an existing object, `task = self.find(id)`; a constructor never does)
  const isPlace = (e: AST.Expr): boolean => e.k === 'name' || e.k === 'attr' || e.k === 'index' || (e.k === 'call' && !(e.func.k === 'name' && L.classes.has(e.func.id)) && !(e.func.k === 'name' && e.func.type.k === 'type'));
  // Every function body (and the module's statements) is examined on its own.
  const bodies: AST.Stmt[][] = [body.filter((s) => s.k !== 'def' && s.k !== 'class')];
  const collect = (ss: AST.Stmt[]) => ss.forEach((s) => { if (s.k === 'def') { bodies.push(s.body); collect(s.body); } if (s.k === 'class') collect(s.body); });
  collect(body);
  for (const b of bodies) {
    const mutated = mutatedNames(b);
    const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
      // Aliases: `b = a`, `cur = cur.next`, `first = boxes[0]`, `m = d.get(k)`, then mutated.
      if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name' && s.targets[0].sym && isPlace(s.value)) {
        const t = s.targets[0] as Extract<AST.Expr, { k: 'name' }>;
        const c = classOf(s.value.type) ?? classOf(t.sym!.declType);
        if (c && mutated.has(t.sym!.id) && (s.value.k !== 'name' || s.value.id !== 'self')) mark(c);
      }
      // Loops over containers built from existing objects, mutating the loop variable.
      if (s.k === 'for') {
        const names = (t: AST.Expr): AST.Expr[] => (t.k === 'tuple' || t.k === 'list' ? t.elts.flatMap(names) : [t]);
        const loopVars = names(s.target).filter((x): x is Extract<AST.Expr, { k: 'name' }> => x.k === 'name' && !!x.sym && mutated.has(x.sym.id));
        for (const v of loopVars) {
          const c = classOf(v.type) ?? classOf(v.sym!.declType);
          if (c && builtFromNames(s.iter, c.name, b)) mark(c);
        }
      }
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
      if (s.k === 'with') visit(s.body);
    });
    visit(b);
  }
  // Self-referential classes only need sharing when they are mutated through such a cursor.
  for (const c of L.classes.values()) if (c.shared && !selfRef(c) && !c.fields.length) c.shared = false;
}

/** The iterated container is (or is a variable set to) a literal holding existing objects by name. */
function builtFromNames(iter: AST.Expr, cls: string, body: AST.Stmt[]): boolean {
  const holdsNames = (e: AST.Expr | undefined): boolean => {
    if (!e) return false;
    if (e.k === 'list' || e.k === 'tuple' || e.k === 'set') return e.elts.some((x) => (x.k === 'name' && x.type.k === 'class' && x.type.name === cls) || holdsNames(x));
    if (e.k === 'dict') return e.items.some((i) => i.value.k === 'name' && i.value.type.k === 'class' && i.value.type.name === cls);
    return false;
  };
  if (holdsNames(iter)) return true;
  if (iter.k === 'call' && iter.func.k === 'name' && (iter.func.id === 'enumerate' || iter.func.id === 'reversed') && iter.args[0]) return builtFromNames(iter.args[0].value, cls, body);
  if (iter.k !== 'name' || !iter.sym) return false;
  let found = false;
  walkExprs(body, () => undefined);
  const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
    if (s.k === 'assign' && s.targets.some((t) => t.k === 'name' && t.sym?.id === iter.sym!.id) && holdsNames(s.value)) found = true;
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
  });
  visit(body);
  return found;
}

/** `Rc::new(RefCell::new(x))` for a shared class. */
export function shareValue(code: string): string {
  return `std::rc::Rc::new(std::cell::RefCell::new(${code}))`;
}
