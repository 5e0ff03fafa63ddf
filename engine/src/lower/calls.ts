// Calls: builtins, user functions and constructors, methods of builtin types, stdlib modules.
import * as AST from '../ast';
import { PyType, T, sameType, typeToString } from '../types';
import { FuncInfo, PREC, RExpr } from './context';
import { walkExprs } from './scan';
import { elemType, isCopy, isNumeric, isObjUnion, rustChar, rustIdent, rustStr } from './rtypes';
import type { Lowerer } from './lowerer';
import { wrapIter, BUILTIN_EXC_PARENT, hasCall } from './lowerer';

let lockedCallCounter = 0;
import { buildFormat, displayArg, formatField, lowerPercentFormat, lowerStrFormat, staticRepr } from './format';
import { lowerMethodCall } from './methods';
import { binaryFn, lowerItertools } from './itertools';
import { cacheName, canMemoize, isMemoized } from './memo';

type Call = Extract<AST.Expr, { k: 'call' }>;

const v = (code: string, type: PyType, prec = PREC.atom): RExpr => ({ code, type, kind: 'value', prec });

export function lowerCall(L: Lowerer, e: Call, expected?: PyType): RExpr {
  const f = e.func;
  if (f.k === 'name') {
    if (f.sym?.scope === 'builtins' || (!f.sym && BUILTINS.has(f.id))) {
      const r = lowerBuiltin(L, f.id, e, expected);
      if (r) return r;
      if (DYNAMIC_BUILTINS.has(f.id)) {
        L.diag('PTR060', e.span, `${f.id}() is dynamic Python with no static Rust equivalent`, 'warning', { suggestion: 'replace it with explicit code' }, 0.6);
        return { code: `todo!(${JSON.stringify(`${f.id}()`)})`, type: e.type, kind: 'value', prec: PREC.atom };
      }
      if (f.sym?.scope === 'builtins' && !L.classes.has(f.id) && !(f.id in EXC_NAMES)) return L.todo(e.span, `builtin ${f.id}()`, e.type);
    }
    const fn = L.funcs.get(f.id);
    if (fn && (f.sym?.scope === 'module' || !f.sym)) return callUser(L, fn, e.args, fn.rust, e);
    // `Point(...)`, or `cls(...)` in a classmethod (a `type[Point]` value).
    const cls = L.classes.get(f.id) ?? (f.type.k === 'type' && f.type.of.k === 'class' && f.sym?.kind === 'parameter' ? L.classes.get(f.type.of.name) : undefined);
    if (cls) return callConstructor(L, cls.name, e);
    if (f.id in EXC_NAMES || L.exceptionKinds.has(f.id)) {
      L.useRuntime('exc');
      return v(L.exceptionValue(e), { k: 'class', name: f.id, fullName: `builtins.${f.id}`, args: [] });
    }
    // Calling a functools.partial object: the remaining parameters, defaults and keywords.
    const part = f.sym ? L.partials.get(f.sym.id) : undefined;
    if (part) {
      const args = bindArgs(L, part.rest, e.args, e.span);
      return v(`${rustIdent(f.id)}(${args.join(', ')})`, part.fn.ret.k !== 'unknown' ? part.fn.ret : e.type);
    }
    const imported = importedFunction(L, f, e, expected);
    if (imported) return imported;
    // A recursive local function (a nested `fn`): its captured variables are extra arguments.
    const local = f.sym ? L.localFns.get(f.sym.id) : undefined;
    if (local) {
      const args = e.args.map((a, i) => L.exprOwned(a.value, local.params[i]));
      return v(`${local.rust}(${[...args, ...L.capturedArgs(local, e.span)].join(', ')})`, local.ret);
    }
    // A local closure or function-typed variable.
    const callee = L.expr(f);
    const ft = callee.type.k === 'func' ? callee.type : undefined;
    const args = e.args.map((a, i) => L.exprOwned(a.value, ft?.params[i]));
    const ret = e.type.k !== 'unknown' ? e.type : ft?.ret ?? T.unknown;
    return v(`${L.paren(callee, PREC.unary)}(${args.join(', ')})`, ret);
  }
  if (f.k === 'attr') {
    const recv = f.value;
    if (recv.k === 'name' && recv.type.k === 'module') return lowerModuleCall(L, recv.type.name || recv.id, f.attr, e, expected);
    if (recv.k === 'call' && recv.func.k === 'name' && recv.func.id === 'super') return lowerSuperCall(L, f.attr, e);
    if (recv.k === 'attr' && recv.attr === 'stdin' && recv.value.k === 'name' && recv.value.type.k === 'module' && ['read', 'readline', 'readlines'].includes(f.attr)) {
      L.useRuntime('stdin');
      if (f.attr === 'read') return v('py_stdin_read()', T.str);
      if (f.attr === 'readline') return v('py_stdin_readline()', T.str);
      return v('py_stdin_lines().collect::<Vec<String>>()', { k: 'list', elem: T.str });
    }
    if ((f.attr === 'cache_info' || f.attr === 'cache_clear') && recv.k === 'name' && L.funcs.has(recv.id) && isMemoized(L.funcs.get(recv.id)!.def) && canMemoize(L.funcs.get(recv.id)!)) {
      const table = cacheName(rustIdent(recv.id));
      if (f.attr === 'cache_clear') return v(`${table}.with(|c| c.borrow_mut().clear())`, T.none);
      return v(`${table}.with(|c| c.borrow().info())`, e.type);
    }
    if (f.attr === 'from_iterable' && (recv.k === 'name' && recv.id === 'chain' || recv.k === 'attr' && recv.attr === 'chain')) return lowerItertools(L, 'from_iterable', e)!;
    if (recv.type.k === 'type' && recv.type.of.k === 'class') {
      const cls = L.classes.get(recv.type.of.name);
      const m = cls?.methods.get(f.attr);
      if (cls && m) return callUser(L, m, e.args, `${cls.rust}::${rustIdent(f.attr)}`, e);
    }
    if (recv.type.k === 'class' && L.classes.has(recv.type.name)) {
      const cls = L.classes.get(recv.type.name)!;
      const m = findMethod(L, cls.name, f.attr);
      if (!m && cls.isNamedTuple && f.attr === '_replace' && e.args.every((a) => a.name && cls.fields.some((x) => x.name === a.name))) {
        // p._replace(y=10): a copy with some fields changed.
        const sets = e.args.map((a) => `__r.${rustIdent(a.name!)} = ${L.exprOwned(a.value, cls.fields.find((x) => x.name === a.name)!.type)};`);
        return v(`{ let mut __r = ${L.own(L.expr(recv))}; ${sets.join(' ')} __r }`, recv.type);
      }
      if (!m && cls.isNamedTuple && f.attr === '_asdict' && !e.args.length && cls.fields.length) {
        // p._asdict(): field name → value, in field order (a tagged Obj when the types differ).
        const ft = cls.fields[0].type;
        const same = cls.fields.every((x) => typeToString(x.type) === typeToString(ft));
        const vt: PyType = same ? ft : { k: 'union', types: cls.fields.map((x) => x.type).filter((t, i, all) => all.findIndex((y) => typeToString(y) === typeToString(t)) === i) };
        if (same || isObjUnion(vt)) {
          L.useRuntime('dict');
          const val = (x: { name: string; type: PyType }) => { const code = isCopy(x.type) ? `__t.${rustIdent(x.name)}` : `__t.${rustIdent(x.name)}.clone()`; return same ? code : L.toObj(code, x.type); };
          return v(`{ let __t = ${L.borrow(L.expr(recv))}; Dict::from_iter([${cls.fields.map((x) => `(${rustStr(x.name)}.to_string(), ${val(x)})`).join(', ')}]) }`, { k: 'dict', key: T.str, val: vt });
        }
      }
      if (m) {
        const obj = L.expr(recv);
        const fieldFn = cls.fields.find((x) => x.name === f.attr);
        if (fieldFn) return v(`(${L.paren(obj, PREC.unary)}.${rustIdent(f.attr)})(${e.args.map((a) => L.exprOwned(a.value)).join(', ')})`, e.type);
        if (m.selfMode === 'static' || m.selfMode === 'cls') return callUser(L, m, e.args, `${cls.rust}::${rustIdent(f.attr)}`, e);
        if (cls.shared && !(recv.k === 'name' && recv.id === 'self' && L.scope.selfName)) {
          // A shared object: the method runs on the borrowed struct.
          return callUser(L, m, e.args, `${L.paren(obj, PREC.unary)}.${m.selfMode === 'mut' ? 'borrow_mut' : 'borrow'}().${rustIdent(f.attr)}`, e);
        }
        return callUser(L, m, e.args, `${L.paren(obj, PREC.unary)}.${rustIdent(f.attr)}`, e);
      }
      const field = cls.fields.find((x) => x.name === f.attr);
      if (field) {
        const obj = L.expr(recv);
        return v(`(${L.paren(obj, PREC.unary)}.${rustIdent(f.attr)})(${e.args.map((a) => L.exprOwned(a.value)).join(', ')})`, e.type);
      }
    }
    if (L.lockedGlobal(recv) && e.args.some((a) => !a.star && hasCall(a.value))) {
      // A method on a Mutex global whose arguments call code (that may lock it as well):
      // evaluate the arguments first, as Python does, then lock for the call.
      const lets: string[] = [];
      const args = e.args.map((a, i) => {
        if (a.star || !hasCall(a.value)) return a;
        const tmp = `__a${i}`;
        lets.push(`let ${tmp} = ${L.exprOwned(a.value)};`);
        const sym: AST.SymbolRef = { id: -6000 - i - 100 * (lockedCallCounter++), scope: 'function', declType: a.value.type, kind: 'variable' };
        L.scope.names.set(sym.id, { code: tmp, kind: 'value', type: a.value.type });
        return { ...a, value: { k: 'name', span: a.value.span, type: a.value.type, id: tmp, sym } as AST.Expr };
      });
      const r = lowerMethodCall(L, { ...e, args }, f as Extract<AST.Expr, { k: 'attr' }>, expected);
      return { ...r, code: `{ ${lets.join(' ')} ${r.code} }`, kind: r.kind === 'mutref' || r.kind === 'ref' ? 'value' : r.kind, prec: PREC.atom };
    }
    return lowerMethodCall(L, e, f as Extract<AST.Expr, { k: 'attr' }>, expected);
  }
  const callee = L.expr(f);
  return v(`(${callee.code})(${e.args.map((a) => L.exprOwned(a.value)).join(', ')})`, e.type);
}

export function findMethod(L: Lowerer, cls: string, name: string): FuncInfo | undefined {
  let c = L.classes.get(cls);
  while (c) {
    const m = c.methods.get(name);
    if (m) return m;
    c = c.base ? L.classes.get(c.base) : undefined;
  }
  return undefined;
}

/** Builtins that evaluate code or reach into namespaces at run time. */
const DYNAMIC_BUILTINS = new Set(['eval', 'exec', 'compile', 'getattr', 'setattr', 'delattr', 'hasattr', 'globals', 'locals', 'vars', '__import__', 'id', 'hash']);

const EXC_NAMES: Record<string, true> = {
  Exception: true, ValueError: true, KeyError: true, IndexError: true, TypeError: true, ZeroDivisionError: true,
  RuntimeError: true, NotImplementedError: true, AttributeError: true, ArithmeticError: true, LookupError: true,
  AssertionError: true, StopIteration: true, OverflowError: true, EOFError: true, SystemExit: true,
};

const BUILTINS = new Set(['print', 'format', 'len', 'range', 'str', 'int', 'float', 'bool', 'abs', 'min', 'max', 'sum', 'sorted', 'reversed', 'enumerate', 'zip', 'list', 'dict', 'set', 'tuple', 'any', 'all', 'map', 'filter', 'round', 'divmod', 'pow', 'ord', 'chr', 'isinstance', 'input', 'repr', 'hex', 'bin', 'oct', 'iter', 'next', 'frozenset']);

/** Binds call arguments (positional, keyword, defaults, *args) to a user function's params. */
export function bindArgs(L: Lowerer, fn: FuncInfo, args: AST.Arg[], span: AST.Span): string[] {
  const out: string[] = [];
  // f(*t) with a tuple-typed name t and no *args parameter: t's fields are positional arguments.
  if (!fn.params.some((p) => p.kind === 'vararg') && args.some((a) => a.star === '*')) {
    const expanded: AST.Arg[] = [];
    for (const a of args) {
      const st = a.star === '*' ? (a.value.k === 'name' ? L.varType(a.value) : a.value.type) : undefined;
      if (a.star === '*' && st?.k === 'tuple' && (a.value.k === 'name' || a.value.k === 'attr')) {
        st.elems.forEach((et, i) => expanded.push({ value: { k: 'index', span: a.value.span, type: et, value: a.value, index: { k: 'num', span: a.value.span, type: T.int, value: i, isInt: true, text: String(i) } }, span: a.span }));
      } else expanded.push(a);
    }
    args = expanded;
  }
  if (args.some((a) => a.star === '**')) {
    // f(**opts): the keywords of a dict whose keys are known (else no faithful binding).
    const expanded = expandKwargs(L, args);
    if (!expanded) return fn.params.filter((p) => p.kind !== 'kwonly_marker' && p.kind !== 'posonly_marker').map(() => L.todo(span, '**dict argument whose keys are not known statically').code);
    args = expanded;
  }
  const positional = args.filter((a) => !a.name && !a.star);
  const keywords = new Map(args.filter((a) => a.name).map((a) => [a.name!, a.value] as const));
  let pi = 0;
  for (const p of fn.params) {
    if (p.kind === 'vararg') {
      const rest = positional.slice(pi);
      pi = positional.length;
      const et = p.type.k === 'tuplevar' ? p.type.elem : elemType(p.type);
      const star = args.find((a) => a.star === '*');
      const unnamed = args.filter((a) => !a.name && a.star !== '**');
      const firstStar = unnamed.findIndex((a) => a.star === '*');
      if (star && (rest.length || unnamed.filter((a) => a.star === '*').length > 1)) {
        // f(1, *xs, 2): the extra arguments in order, each star part's items spliced in.
        const consumed = positional.length - rest.length; // bound to the parameters before *args
        let start = 0;
        for (let n = 0; n < consumed; start++) if (!unnamed[start].star) n++;
        if (firstStar < start) { out.push(L.todo(span, '*args unpacked into positional parameters').code); continue; }
        const parts = unnamed.slice(start).map((a) => (a.star === '*'
          ? `__v.extend(${wrapIter(L.ownedItems(L.iterate(a.value)))});`
          : `__v.push(${L.exprOwned(a.value, et)});`));
        const items = `{ let mut __v: Vec<${L.rt(et)}> = Vec::new(); ${parts.join(' ')} __v }`;
        out.push(p.mode === 'ref' ? `&${items}` : items);
        continue;
      }
      if (star && !['list', 'tuplevar'].includes(star.value.type.k) && star.value.type.k !== 'unknown' && star.value.type.k !== 'tuple') {
        // f(*range(10)) / f(*some_set): the items, collected for the `&[T]` parameter.
        const items = `${wrapIter(L.ownedItems(L.iterate(star.value)))}.collect::<Vec<${L.rt(et)}>>()`;
        out.push(p.mode === 'ref' ? `&${items}` : items);
      } else if (star) {
        const r = L.expr(star.value);
        out.push(p.mode === 'ref' ? L.borrow(r) : L.own(r));
      } else if (p.type.k === 'tuple') {
        // `*args: *tuple[A, B]`: the extra arguments form that tuple.
        const tt = p.type;
        const items = rest.map((a, i) => L.exprOwned(a.value, tt.elems[i]));
        out.push(`${p.mode === 'ref' ? '&' : ''}(${items.join(', ')}${items.length === 1 ? ',' : ''})`);
      } else out.push(`${p.mode === 'ref' ? '&' : ''}[${rest.map((a) => L.exprOwned(a.value, et)).join(', ')}]`);
      continue;
    }
    if (p.kind === 'kwarg') { out.push(kwargsArg(L, fn, p, args, span)); continue; }
    if (p.kind !== 'normal') continue;
    let a: AST.Expr | undefined;
    if (pi < positional.length) a = positional[pi++].value;
    else if (keywords.has(p.name)) a = keywords.get(p.name);
    if (!a) {
      if (p.default) {
        a = defaultAtDefinition(L, fn, p.default);
        if (!a) { out.push(L.todo(p.default.span, `default value of ${p.name}: a name rebound after the def (Python evaluates it once, at the def)`).code); continue; }
      }
      else { out.push(L.todo(span, `missing argument ${p.name}`).code); continue; }
      if (p.default.k === 'const' && p.default.value === null && p.type.k === 'optional') { out.push(p.mode === 'ref' ? '&None' : p.mode === 'mut' ? '&mut None' : 'None'); continue; }
    }
    if (p.optMut) {
      // `Option<&mut T>`: lend the argument (the callee mutates the caller's container).
      if (a.k === 'const' && a.value === null) { out.push('None'); continue; }
      const r = L.expr(a, p.type.k === 'optional' ? p.type.inner : p.type);
      if (r.type.k === 'optional') { out.push(r.kind === 'mutref' ? `${r.code}.as_deref_mut()` : `${L.paren(r, PREC.unary)}.as_mut()`); continue; }
      out.push(`Some(${r.kind === 'mutref' ? `&mut *${r.code}` : `&mut ${L.paren(r, PREC.unary)}`})`);
      continue;
    }
    // A callable parameter of a generic function (`key: Callable[[T], K]`): T as the other arguments bind it.
    const tb = typevarBindings(L, fn, positional, keywords);
    const r = L.expr(a, p.type.k === 'func' || tb.defaulted ? substTypevars(p.type, tb.map) : p.type);
    if (p.type.k === 'float' && (a.type.k === 'int' || a.type.k === 'bool') && keepsParam(fn, p.name)) {
      // Python keeps the int: `Vector(1, 2)` prints `Vector(1, 2)`; the f64 field prints `1.0`.
      L.diag('PTR021', a.span, `int argument for float parameter '${p.name}' is stored as is by Python (prints ${a.k === 'num' ? String(a.value) : 'as an int'}); the translation makes it a float`, 'warning', { suggestion: 'pass a float literal (e.g. `1.0`) if a float is meant' }, 0.3);
    }
    out.push(L.argFor(p, r));
  }
  return out;
}

/** What a call binds the function's type variables to, from its plainly typed arguments. */
function typevarBindings(L: Lowerer, fn: FuncInfo, positional: AST.Arg[], keywords: Map<string, AST.Expr>): { map: Map<string, PyType>; defaulted: boolean } {
  const out = new Map<string, PyType>();
  const unify = (pt: PyType, at: PyType) => {
    // (a protocol such as `Sized` solved from a builtin's signature binds nothing)
    if (pt.k === 'typevar') { if (at.k !== 'unknown' && !(at.k === 'class' && !L.classes.has(at.name)) && !out.has(pt.name)) out.set(pt.name, at); return; }
    if ((pt.k === 'list' || pt.k === 'set' || pt.k === 'tuplevar') && (at.k === 'list' || at.k === 'set' || at.k === 'tuplevar')) unify(pt.elem, at.elem);
    else if (pt.k === 'dict' && at.k === 'dict') { unify(pt.key, at.key); unify(pt.val, at.val); }
    else if (pt.k === 'optional') unify(pt.inner, at.k === 'optional' ? at.inner : at);
  };
  const normal = fn.params.filter((p) => p.kind === 'normal');
  const argOf = (p: FuncInfo['params'][number], i: number) => (i < positional.length ? positional[i].value : keywords.get(p.name));
  normal.forEach((p, i) => {
    const a = argOf(p, i);
    if (a && p.type.k !== 'func') unify(p.type, a.k === 'name' ? L.varType(a) : a.type);
  });
  // Only a builtin constrains it (`max_by([], len)`): a type the builtin accepts.
  let defaulted = false;
  normal.forEach((p, i) => {
    const a = argOf(p, i);
    const tv = p.type.k === 'func' ? p.type.params[0] : undefined;
    if (!a || a.k !== 'name' || a.sym?.scope !== 'builtins' || tv?.k !== 'typevar' || out.has(tv.name)) return;
    const t = ['len', 'sorted', 'reversed', 'list', 'set', 'tuple', 'str', 'repr'].includes(a.id) ? T.str : ['abs', 'int', 'float', 'bool', 'hex', 'bin', 'oct', 'chr'].includes(a.id) ? T.int : undefined;
    if (t) { out.set(tv.name, t); defaulted = true; }
  });
  return { map: out, defaulted };
}

function substTypevars(t: PyType, m: Map<string, PyType>): PyType {
  if (!m.size) return t;
  const s = (x: PyType) => substTypevars(x, m);
  switch (t.k) {
    case 'typevar': return m.get(t.name) ?? t;
    case 'list': case 'set': case 'tuplevar': case 'iter': case 'deque': return { ...t, elem: s(t.elem) } as PyType;
    case 'dict': return { ...t, key: s(t.key), val: s(t.val) };
    case 'tuple': return { k: 'tuple', elems: t.elems.map(s) };
    case 'optional': return { k: 'optional', inner: s(t.inner) };
    case 'func': return { ...t, params: t.params.map(s), ret: s(t.ret) };
    default: return t;
  }
}

/**
 * `f(**opts)` with `opts = {"exp": 3}` bound once and only ever splatted (or a dict literal in
 * place): the keyword arguments `exp=opts["exp"]`. Undefined when the keys are not known.
 */
function expandKwargs(L: Lowerer, args: AST.Arg[]): AST.Arg[] | undefined {
  const out: AST.Arg[] = [];
  for (const a of args) {
    if (a.star !== '**') { out.push(a); continue; }
    let lit: AST.Expr | undefined = a.value.k === 'dict' ? a.value : undefined;
    if (a.value.k === 'name' && a.value.sym) {
      const id = a.value.sym.id;
      let binding: AST.Expr | undefined, bindings = 0;
      const splats = new Set<AST.Expr>();
      walkExprs(L.module.body, (e) => { if (e.k === 'call') e.args.forEach((x) => { if (x.star === '**') splats.add(x.value); }); }, true);
      const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
        if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name' && s.targets[0].sym?.id === id) { bindings++; binding = s.value; }
        if (s.k === 'def' || s.k === 'class' || s.k === 'with') visit(s.body);
        if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
        if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
      });
      visit(L.module.body);
      let uses = 0, splatted = 0;
      walkExprs(L.module.body, (e) => { if (e.k === 'name' && e.sym?.id === id) { uses++; if (splats.has(e)) splatted++; } }, true);
      // (the one binding's target is the only other appearance: nothing changes the dict)
      if (bindings === 1 && uses === splatted + 1) lit = binding;
    }
    if (!lit || lit.k !== 'dict' || !lit.items.every((i) => i.key?.k === 'str')) return undefined;
    for (const i of lit.items) {
      const key = i.key as Extract<AST.Expr, { k: 'str' }>;
      out.push({ name: key.value, span: a.span, value: a.value.k === 'dict' ? i.value : { k: 'index', span: a.value.span, type: i.value.type, value: a.value, index: key } });
    }
  }
  return out;
}

/**
 * Python evaluates a default once, where the def runs. `rate=RATE` with RATE rebound later
 * keeps the value RATE had then: the literal of its last top-level binding before the def.
 * Undefined when that value is not known statically.
 */
function defaultAtDefinition(L: Lowerer, fn: FuncInfo, dv: AST.Expr): AST.Expr | undefined {
  if (dv.k !== 'name' || dv.sym?.scope !== 'module') return dv;
  const id = dv.sym.id;
  let binds = 0;
  const isTarget = (t: AST.Expr): boolean => t.k === 'name' && t.sym?.id === id || (t.k === 'tuple' || t.k === 'list') && t.elts.some(isTarget);
  const count = (ss: AST.Stmt[]) => ss.forEach((s) => {
    if (s.k === 'assign' && s.targets.some(isTarget) || (s.k === 'annassign' || s.k === 'augassign') && isTarget(s.target) || s.k === 'for' && isTarget(s.target)) binds++;
    if (s.k === 'def' || s.k === 'class' || s.k === 'with') count(s.body);
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { count(s.body); count(s.orelse); }
    if (s.k === 'try') { count(s.body); s.handlers.forEach((h) => count(h.body)); count(s.orelse); count(s.finalbody); }
    if (s.k === 'match') s.cases.forEach((c) => count(c.body));
  });
  count(L.module.body);
  if (binds <= 1) return dv;
  // (a nested def runs whenever its enclosing function does: no statically known value)
  if (!L.module.body.some((s) => s === fn.def || s.k === 'class' && s.body.includes(fn.def))) return undefined;
  let last: AST.Expr | undefined;
  for (const s of L.module.body) {
    if (s.span.start >= fn.def.span.start) break;
    if (s.k === 'assign' && s.targets.length === 1 && isTarget(s.targets[0])) last = s.targets[0].k === 'name' ? s.value : undefined;
    else if (s.k === 'annassign' && isTarget(s.target)) last = s.value;
    else if (s.k !== 'def' && s.k !== 'class') {
      // (a rebinding inside a block, a loop: not known statically)
      const before = binds;
      count([s]);
      if (binds !== before) last = undefined;
    }
  }
  const literal = (e?: AST.Expr): boolean => !!e && (e.k === 'num' || e.k === 'str' || e.k === 'const' && e.value !== 'ellipsis' || e.k === 'unary' && e.op === '-' && literal(e.operand));
  return literal(last) ? last : undefined;
}

/** The `**kwargs` argument: the keywords no named parameter takes, as a `Dict<String, V>` when their types agree. */
function kwargsArg(L: Lowerer, fn: FuncInfo, p: FuncInfo['params'][number], args: AST.Arg[], span: AST.Span): string {
  const named = new Set(fn.params.filter((q) => q.kind === 'normal').map((q) => q.name));
  const extra = args.filter((a) => a.name && !named.has(a.name));
  const dt = p.type.k === 'dict' ? p.type : undefined;
  if (!dt || args.some((a) => a.star === '**') || dt.key.k !== 'str' && dt.key.k !== 'unknown') return L.todo(span, '**kwargs parameter').code;
  const fits = (t: PyType) => t.k === dt.val.k && (['int', 'float', 'str', 'bool'].includes(t.k) || sameType(t, dt.val)) || isObjUnion(dt.val) && t.k !== 'unknown';
  const bad = extra.find((a) => dt.val.k === 'unknown' || !fits(a.value.type));
  if (bad) {
    L.diag('PTR021', bad.value.span, `keyword argument '${bad.name}' (${typeToString(bad.value.type)}) for **${p.name} (${typeToString(dt.val)}): **kwargs values of mixed types have no Dict<String, T> equivalent`, 'warning', { suggestion: 'give the keyword arguments one value type, or pass an explicit dict' }, 0.3);
    return L.todo(span, '**kwargs with mixed value types').code;
  }
  L.useRuntime('dict');
  const pairs = extra.map((a) => `(${rustStr(a.name!)}.to_string(), ${L.exprOwned(a.value, dt.val)})`);
  const d = pairs.length ? `Dict::from_iter([${pairs.join(', ')}])` : 'Dict::new()';
  return p.mode === 'ref' ? `&${d}` : p.mode === 'mut' ? `&mut ${d}` : d;
}

/** The function stores or returns the parameter unchanged (`self.x = x`, `return x`). */
function keepsParam(fn: FuncInfo, name: string): boolean {
  let kept = false;
  const isP = (e: AST.Expr | undefined) => !!e && e.k === 'name' && e.id === name;
  const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
    if (s.k === 'return' && isP(s.value)) kept = true;
    if (s.k === 'assign' && isP(s.value) && s.targets.some((t) => t.k === 'attr')) kept = true;
    if (s.k === 'assign' && s.value.k === 'tuple' && s.targets.some((t) => t.k === 'tuple' && t.elts.some((x) => x.k === 'attr')) && s.value.elts.some(isP)) kept = true;
    if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
    if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
  });
  visit(fn.def.body);
  return kept;
}

export function callUser(L: Lowerer, fn: FuncInfo, args: AST.Arg[], path: string, e: Call): RExpr {
  const bound = bindArgs(L, fn, args, e.span);
  // A generic return type (`List[T]`) is the call's specialised type (`list[float]`).
  const generic = JSON.stringify(fn.ret).includes('"k":"typevar"') && e.type.k !== 'unknown' && !JSON.stringify(e.type).includes('"k":"typevar"');
  const ret = fn.isGenerator ? fn.ret : generic ? e.type : fn.ret.k !== 'unknown' ? fn.ret : e.type;
  let code = `${path}(${bound.join(', ')})`;
  if (fn.raises) code = L.propagate(code);
  // A fluent method returns the receiver itself (`&mut Self`).
  if (fn.returnsSelf) return { code, type: ret, kind: fn.selfMode === 'mut' ? 'mutref' : 'ref', prec: fn.raises ? PREC.unary : PREC.atom };
  return v(code, ret, fn.raises ? PREC.unary : PREC.atom);
}

/** The @abstractmethod methods a class leaves without an implementation. */
function abstractMethods(L: Lowerer, name: string): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  for (let c = L.classes.get(name); c; c = c.base ? L.classes.get(c.base) : undefined) {
    const body = c.node?.body ?? [];
    for (const s of body) {
      if (s.k !== 'def' || done.has(s.name)) continue;
      done.add(s.name);
      if (s.decorators.some((d) => d.expr.k === 'name' && d.expr.id === 'abstractmethod' || d.expr.k === 'attr' && d.expr.attr === 'abstractmethod')) out.push(s.name);
    }
  }
  return out;
}

function callConstructor(L: Lowerer, name: string, e: Call, raw = false): RExpr {
  const cls = L.classes.get(name)!;
  if (cls.isEnum && e.args.length === 1) {
    // `Color(3)`: the member with that value (ValueError otherwise).
    const a = L.expr(e.args[0].value);
    const arg = a.type.k === 'str' ? L.strRef(a) : L.val(a);
    L.useRuntime('exc');
    return v(L.propagateOrPanic(`${cls.rust}::from_value(${arg})`, 'ValueError'), { k: 'class', name, fullName: name, args: [] });
  }
  if (cls.shared && !raw) {
    // A shared object: `Rc::new(RefCell::new(C::new(..)))`.
    const r = callConstructor(L, name, e, true);
    return { ...r, code: `std::rc::Rc::new(std::cell::RefCell::new(${r.code}))`, kind: 'value', prec: PREC.atom, concrete: false };
  }
  const t: PyType = e.type.k === 'class' ? e.type : { k: 'class', name, fullName: name, args: [] };
  if (cls.isException) {
    return v(L.exceptionValue(e), t);
  }
  const abstract = abstractMethods(L, name);
  if (abstract.length) {
    // Python refuses to instantiate a class with abstract methods left (TypeError).
    L.useRuntime('exc');
    const msg = `Can't instantiate abstract class ${name} with abstract method${abstract.length > 1 ? 's' : ''} ${abstract.sort().join(', ')}`;
    return v(L.propagateOrPanic(`Err::<${cls.rust}, PyErr>(PyErr::new("TypeError", ${rustStr(msg)}))`, 'TypeError'), t, PREC.unary);
  }
  const init = findMethod(L, name, '__init__');
  // The result is the concrete struct (a hierarchy's `Box<dyn Trait>` only where coerced).
  if (init) return { ...callUser(L, init, e.args, `${cls.rust}::new`, e), type: t, concrete: true };
  if (cls.isDataclass || cls.fields.length) {
    const fake: FuncInfo = {
      name: '__init__', rust: `${cls.rust}::new`, ret: t, raises: false, isGenerator: false, catchContext: false, def: cls.node as any,
      params: cls.fields.filter((f) => !f.override).map((f) => ({ name: f.name, type: f.type, mode: 'value', default: f.default, kind: 'normal', rebound: false })),
    };
    return { ...callUser(L, fake, e.args, `${cls.rust}::new`, e), type: t, concrete: true };
  }
  return { ...v(`${cls.rust}::new()`, t), concrete: true };
}

function lowerSuperCall(L: Lowerer, method: string, e: Call): RExpr {
  const curName = L.scope.info?.className;
  const cls = curName ? L.classes.get(curName) ?? [...L.classes.values()].find((c) => c.rust === curName) : undefined;
  // super() is relative to the class that defines the method being lowered (an inherited
  // method is lowered again inside each subclass).
  const def = L.scope.info?.def;
  const definer = [...L.classes.values()].find((c) => [...c.methods.values()].some((m) => m.def === def || m.def.span === def?.span)) ?? cls;
  const base = definer?.base ? L.classes.get(definer.base) : undefined;
  if (!base || !cls) return L.todo(e.span, 'super() call');
  const m = findMethod(L, base.name, method);
  if (!m) return L.todo(e.span, `super().${method}`);
  if (method === '__init__') {
    // Handled by the constructor lowering: the base's fields are initialised inline.
    return v(`${base.rust}::new(${bindArgs(L, m, e.args, e.span).join(', ')})`, { k: 'class', name: base.name, fullName: base.name, args: [] });
  }
  if (m.selfMode === 'static' || m.selfMode === 'cls') return callUser(L, m, e.args, `${base.rust}::${rustIdent(method)}`, e);
  // The base's version of the method, lowered again for this class as `super_<base>_<m>`.
  const owner = [...L.classes.values()].find((c) => [...c.methods.values()].includes(m)) ?? base;
  const helper = `super_${owner.rust.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()}_${method.replace(/^_+|_+$/g, "")}`;
  const all: Map<string, Map<string, FuncInfo>> = (L as any).superHelpers ?? ((L as any).superHelpers = new Map());
  if (!all.has(cls.rust)) all.set(cls.rust, new Map());
  const mine = all.get(cls.rust)!;
  if (!mine.has(helper)) mine.set(helper, { ...m, className: cls.rust, rust: `${cls.rust}::${helper}`, def: { ...m.def, name: helper } });
  return callUser(L, mine.get(helper)!, e.args, `self.${helper}`, e);
}

function importedFunction(L: Lowerer, f: Extract<AST.Expr, { k: 'name' }>, e: Call, expected?: PyType): RExpr | undefined {
  // `from math import sqrt` → callee full name tells the module.
  const full = e.callee;
  if (!full) return undefined;
  const dot = full.lastIndexOf('.');
  if (dot < 0) return undefined;
  // typeshed implements some modules in C-accelerated twins (`_functools.reduce`).
  const mod = full.slice(0, dot).replace(/^_(functools|operator|collections|heapq|bisect)$/, '$1');
  const name = full.slice(dot + 1);
  // Calling a partial object held in a variable (`to_int(s)`), not building one: a closure call.
  if (mod === 'functools' && name === 'partial' && f.type.k === 'class') return undefined;
  if (['math', 'sys', 'functools', 'itertools', 'collections', 'copy', 'heapq', 'statistics', 'string', 'operator', 'bisect', 'dataclasses'].includes(mod) || mod.startsWith('collections.')) {
    return lowerModuleCall(L, mod.replace(/^collections\..*/, 'collections'), name, e, expected);
  }
  void f;
  return undefined;
}

function num(L: Lowerer, a: AST.Expr, t: PyType): string {
  return L.coerce(L.valE(L.expr(a, t)), t);
}

function lowerModuleCall(L: Lowerer, mod: string, name: string, e: Call, expected?: PyType): RExpr {
  const args = e.args.map((a) => a.value);
  const fl = (i: number) => num(L, args[i], T.float);
  const arg0 = () => L.valE(L.expr(args[0], T.float));
  if (mod === 'math') {
    const unary: Record<string, string> = { sqrt: 'sqrt', sin: 'sin', cos: 'cos', tan: 'tan', asin: 'asin', acos: 'acos', atan: 'atan', exp: 'exp', log10: 'log10', log2: 'log2', fabs: 'abs', sinh: 'sinh', cosh: 'cosh', tanh: 'tanh', degrees: 'to_degrees', radians: 'to_radians' };
    const domain: Record<string, string> = { sqrt: 'x >= 0.0', log10: 'x > 0.0', log2: 'x > 0.0', asin: '(-1.0..=1.0).contains(&x)', acos: '(-1.0..=1.0).contains(&x)' };
    if (domain[name] && L.inCatchingContext('ValueError')) {
      // Inside a handler for ValueError: CPython's "math domain error" must be catchable.
      L.useRuntime('math_domain');
      return v(L.propagate(`{ let x: f64 = ${fl(0)}; py_math_domain(${domain[name]}, x.${unary[name]}()) }`), T.float, PREC.unary);
    }
    if (unary[name]) return v(`${wrapNum(fl(0))}.${unary[name]}()`, T.float);
    if (name === 'log') return args.length === 2 ? v(`${wrapNum(fl(0))}.log(${fl(1)})`, T.float) : v(`${wrapNum(fl(0))}.ln()`, T.float);
    if (name === 'floor' || name === 'ceil' || name === 'trunc') {
      if (args[0].type.k === 'int') return L.valE(L.expr(args[0]));
      return v(`${wrapNum(fl(0))}.${name}() as i64`, T.int, PREC.cast);
    }
    if (name === 'pow') return v(`${wrapNum(fl(0))}.powf(${fl(1)})`, T.float);
    if (name === 'fmod') return v(`${wrapNum(fl(0))} % ${wrapNum(fl(1))}`, T.float, PREC.mul); // C fmod: Rust's % on f64
    if (name === 'atan2') return v(`${wrapNum(fl(0))}.atan2(${fl(1)})`, T.float);
    if (name === 'hypot') return v(`${wrapNum(fl(0))}.hypot(${fl(1)})`, T.float);
    if (name === 'isclose') {
      const rel = e.args.find((a) => a.name === 'rel_tol'), abs = e.args.find((a) => a.name === 'abs_tol');
      return v(`{ let (a, b): (f64, f64) = (${fl(0)}, ${fl(1)}); (a - b).abs() <= f64::max(${rel ? num(L, rel.value, T.float) : '1e-9'} * f64::max(a.abs(), b.abs()), ${abs ? num(L, abs.value, T.float) : '0.0'}) }`, T.bool);
    }
    if (name === 'isnan' || name === 'isinf' || name === 'isfinite') return v(`${wrapNum(fl(0))}.${name === 'isnan' ? 'is_nan' : name === 'isinf' ? 'is_infinite' : 'is_finite'}()`, T.bool);
    if (name === 'gcd' || name === 'lcm') {
      L.useRuntime('gcd');
      const ns = args.map((a) => num(L, a, T.int));
      if (!ns.length) return v(name === 'gcd' ? '0' : '1', T.int);
      if (ns.length === 1) return v(`${wrapNum(ns[0])}.abs()`, T.int);
      return v(ns.slice(1).reduce((acc, x) => `py_${name}(${acc}, ${x})`, ns[0]), T.int);
    }
    if (name === 'factorial') return v(`(1..=${num(L, args[0], T.int)}).product::<i64>()`, T.int);
    if (name === 'comb') return v(`{ let (n, k) = (${num(L, args[0], T.int)}, ${num(L, args[1], T.int)}); (0..k).fold(1_i64, |acc, i| acc * (n - i) / (i + 1)) }`, T.int);
    if (name === 'perm') return v(`{ let (n, k) = (${num(L, args[0], T.int)}, ${num(L, args[1], T.int)}); (0..k).fold(1_i64, |acc, i| acc * (n - i)) }`, T.int);
    if (name === 'copysign') return v(`${wrapNum(fl(0))}.copysign(${fl(1)})`, T.float);
    if (name === 'dist') {
      const a = L.expr(args[0]), b = L.expr(args[1]);
      return v(`${L.paren(a, PREC.unary)}.iter().zip(${L.paren(b, PREC.unary)}.iter()).map(|(x, y)| (x - y) * (x - y)).sum::<f64>().sqrt()`, T.float);
    }
    if (name === 'prod') return v(`${wrapIter(L.iterate(args[0]).code)}.product::<${L.rt(elemType(args[0].type))}>()`, elemType(args[0].type));
    if (name === 'fsum') {
      L.useRuntime('fsum');
      const it = L.iterate(args[0]);
      const items = it.itemKind === 'ref' ? `${wrapIter(it.code)}.copied()` : it.code;
      return v(`py_fsum(${it.item.k === 'int' ? `${wrapIter(items)}.map(|x| x as f64)` : items})`, T.float);
    }
    if (name === 'isqrt') { L.useRuntime('isqrt'); return v(`py_isqrt(${num(L, args[0], T.int)})`, T.int); }
    void arg0;
  }
  if (mod === 'sys' && name === 'exit') {
    const a = args[0];
    if (L.exitCaught && !L.closureDepth) {
      // A handler may catch it: raise SystemExit (its code kept for `e.code` and the status).
      L.useRuntime('sysexit');
      const code = a ? L.toObj(L.exprOwned(a), a.type) : 'Obj::None';
      return v(L.raiseExpr(`system_exit(&${code})`), T.none);
    }
    if (!a) return v('std::process::exit(0)', T.none);
    if (a.type.k === 'str') return v(`{ eprintln!("{}", ${L.strRef(L.expr(a))}); std::process::exit(1) }`, T.none);
    if (a.k === 'const' && a.value === null) return v('std::process::exit(0)', T.none);
    return v(`std::process::exit(${num(L, a, T.int)} as i32)`, T.none);
  }
  if (mod === 'string' && name === 'capwords' && args.length === 1) {
    // Split on whitespace runs, capitalize each word, join with single spaces.
    const s = L.strRef(L.expr(args[0]));
    return v(`${s}.split_whitespace().map(|w| { let mut cs = w.chars(); match cs.next() { Some(c) => c.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(), None => String::new() } }).collect::<Vec<_>>().join(" ")`, T.str);
  }
  if (mod === 'itertools') {
    const r = lowerItertools(L, name, e);
    if (r) return r;
  }
  if (mod === 'copy' && (name === 'deepcopy' || name === 'copy')) return v(L.own(L.expr(args[0])), args[0].type);
  if (mod === 'dataclasses' && name === 'replace' && args[0]?.type.k === 'class' && L.classes.has(args[0].type.name)) {
    // replace(obj, f=v): a copy with some fields changed.
    const cls = L.classes.get(args[0].type.name)!;
    const sets = e.args.filter((a) => a.name).map((a) => {
      const f = cls.fields.find((x) => x.name === a.name);
      return `__r.${rustIdent(a.name!)} = ${L.exprOwned(a.value, f?.type)};`;
    });
    return v(`{ let mut __r = ${L.own(L.expr(args[0]))}; ${sets.join(' ')} __r }`, args[0].type);
  }
  if (mod === 'functools' && name === 'partial') {
    const p = partialOf(L, e);
    if (!p) return partialOfBuiltin(L, e) ?? L.todo(e.span, 'functools.partial of this callable', e.type);
    // partial(f, a, k=v): the bound values are evaluated now; the closure takes the rest.
    const lets: string[] = [];
    const callArgs = p.fn.params.map((param, i) => {
      const bound = i < p.positional.length ? p.positional[i] : p.keywords.get(param.name);
      if (bound) {
        const tmp = `__${rustIdent(param.name).replace(/^r#/, '')}`;
        lets.push(`let ${tmp} = ${L.exprOwned(bound, param.type)};`);
        return L.argFor(param, { code: isCopy(param.type) ? tmp : `${tmp}.clone()`, type: param.type, kind: 'value', prec: PREC.atom });
      }
      return L.argFor(param, { code: rustIdent(param.name), type: param.type, kind: 'place', prec: PREC.atom });
    });
    const params = p.rest.params.map((param) => `${rustIdent(param.name)}: ${L.rt(param.type)}`);
    return v(`{ ${lets.join(' ')} move |${params.join(', ')}| ${p.fn.rust}(${callArgs.join(', ')}) }`, e.type);
  }
  if (mod === 'functools' && name === 'reduce') {
    const it = L.iterate(args[1]);
    const items = L.ownedItems(it);
    const accT = args[2] ? (e.type.k !== 'unknown' ? e.type : args[2].type) : it.item;
    const f = binaryFn(L, args[0], accT);
    if (args[2]) return v(`${wrapIter(items)}.fold(${L.exprOwned(args[2], accT)}, |acc, x| ${f('acc', 'x')})`, accT);
    // Without an initial value an empty input is a TypeError in Python.
    return v(`${wrapIter(items)}.reduce(|acc, x| ${f('acc', 'x')}).expect("TypeError: reduce() of empty iterable with no initial value")`, accT);
  }
  if (mod === 'collections' || mod === 'builtins') {
    if (name === 'deque') {
      const t = expected?.k === 'deque' ? expected : e.type;
      const src = e.args.find((a) => !a.name && !a.star)?.value;
      if (!src) return v('std::collections::VecDeque::new()', t);
      const it = L.iterate(src);
      // deque(items, maxlen): only the last maxlen items stay.
      const ml = e.args.find((a) => a.name === 'maxlen')?.value ?? e.args.filter((a) => !a.name)[1]?.value;
      const all = `${wrapIter(L.ownedItems(it))}.collect::<std::collections::VecDeque<_>>()`;
      if (ml && !(ml.k === 'const' && ml.value === null)) return v(`{ let mut d = ${all}; let n = ${L.val(L.expr(ml, T.int))} as usize; while d.len() > n { d.pop_front(); } d }`, t);
      return v(all, t);
    }
    if (name === 'Counter') {
      L.useRuntime('dict');
      const t = expected?.k === 'dict' ? expected : e.type;
      const named = e.args.filter((a) => a.name && !a.star);
      if (named.length === e.args.length && named.length) {
        // Counter(a=1, b=2): the keyword names are the keys.
        return v(`Dict::from_iter([${named.map((a) => `(${rustStr(a.name!)}.to_string(), ${L.exprOwned(a.value, T.int)})`).join(', ')}])`, t);
      }
      if (!args.length) return v('Dict::new()', t);
      if (args[0].type.k === 'dict') {
        // Counter(mapping): the counts as given.
        const m = L.expr(args[0]);
        return v(`${L.paren(m, PREC.unary)}.iter().map(|(k, n)| (k.clone(), *n)).collect::<Dict<_, _>>()`, t);
      }
      const it = L.iterate(args[0]);
      const item = it.itemKind === 'char' ? 'x.to_string()' : it.itemKind === 'ref' ? 'x.clone()' : 'x';
      return v(`{ let mut c = Dict::new(); for x in ${it.code} { *c.entry_or_insert_with(${item}, || 0) += 1; } c }`, t);
    }
    if (name === 'defaultdict' || name === 'OrderedDict') { L.useRuntime('dict'); return v('Dict::new()', expected?.k === 'dict' ? expected : e.type); }
  }
  if (mod === 'heapq') {
    if (name === 'heappush') {
      const h = L.expr(args[0]);
      return v(`{ let h = &mut ${L.paren(h, PREC.unary)}; h.push(${L.exprOwned(args[1], elemType(args[0].type))}); let mut i = h.len() - 1; while i > 0 { let p = (i - 1) / 2; if h[i] < h[p] { h.swap(i, p); i = p; } else { break; } } }`, T.none);
    }
    if (name === 'heappop') {
      const h = L.expr(args[0]);
      return v(`{ let h = &mut ${L.paren(h, PREC.unary)}; let last = h.len() - 1; h.swap(0, last); let top = h.pop().unwrap(); let n = h.len(); let mut i = 0; loop { let (l, r) = (2 * i + 1, 2 * i + 2); let mut m = i; if l < n && h[l] < h[m] { m = l; } if r < n && h[r] < h[m] { m = r; } if m == i { break; } h.swap(i, m); i = m; } top }`, elemType(args[0].type));
    }
    if (name === 'heapify') {
      const h = L.expr(args[0]);
      return v(`{ let h = &mut ${L.paren(h, PREC.unary)}; h.sort_by(|a, b| a.partial_cmp(b).unwrap()); }`, T.none);
    }
  }
  if (mod === 'statistics' && (name === 'median' || name === 'mean') && args.length === 1 && !e.args.some((a) => a.name || a.star)) {
    const it = L.iterate(args[0]);
    const et = it.item;
    const items = wrapIter(L.ownedItems(it));
    if (et.k === 'int') {
      // Python's result is an int when exact (odd-length median, divisible mean), else a float:
      // a run-time tagged Obj.
      L.useRuntime('obj');
      const empty = name === 'median' ? 'no median for empty data' : 'mean requires at least one data point';
      const body = name === 'median'
        ? 'v.sort(); let n = v.len(); if n % 2 == 1 { Obj::Int(v[n / 2]) } else { Obj::Float((v[n / 2 - 1] + v[n / 2]) as f64 / 2.0) }'
        : 'let s: i64 = v.iter().sum(); let n = v.len() as i64; if s % n == 0 { Obj::Int(s / n) } else { Obj::Float(s as f64 / n as f64) }';
      return v(`{ let ${name === 'median' ? 'mut ' : ''}v: Vec<i64> = ${items}.collect(); if v.is_empty() { panic!("StatisticsError: ${empty}"); } ${body} }`, { k: 'union', types: [T.int, T.float] });
    }
    if (et.k === 'float' && name === 'median') {
      return v(`{ let mut v: Vec<f64> = ${items}.collect(); if v.is_empty() { panic!("StatisticsError: no median for empty data"); } v.sort_by(|a, b| a.partial_cmp(b).unwrap()); let n = v.len(); if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 } }`, T.float);
    }
  }
  if (mod === 'bisect' && args.length === 2 && !e.args.some((a) => a.name)) {
    const seq = L.expr(args[0]);
    const x = L.exprOwned(args[1], elemType(args[0].type));
    const left = name === 'bisect_left' || name === 'insort_left';
    const cmp = left ? '*y < __x' : '*y <= __x';
    if (name === 'bisect_left' || name === 'bisect_right' || name === 'bisect') {
      return v(`{ let __x = ${x}; ${L.paren(seq, PREC.unary)}.partition_point(|y| ${cmp}) as i64 }`, T.int);
    }
    if (name === 'insort' || name === 'insort_left' || name === 'insort_right') {
      const s = seq.kind === 'mutref' ? seq.code : `${L.paren(seq, PREC.unary)}`;
      return v(`{ let __x = ${x}; let __i = ${s}.partition_point(|y| ${cmp}); ${s}.insert(__i, __x); }`, T.none);
    }
  }
  if (mod === 'heapq') {
    if ((name === 'nsmallest' || name === 'nlargest') && args.length === 2 && !e.args.some((a) => a.name)) {
      // == sorted(iterable)[:n] / sorted(iterable, reverse=True)[:n]
      const n = num(L, args[0], T.int);
      const it = L.iterate(args[1]);
      const cmp = name === 'nsmallest' ? 'a.partial_cmp(b).unwrap()' : 'b.partial_cmp(a).unwrap()';
      return v(`{ let mut v: Vec<_> = ${wrapIter(L.ownedItems(it))}.collect(); v.sort_by(|a, b| ${cmp}); v.truncate(${n}.max(0) as usize); v }`, { k: 'list', elem: it.item });
    }
    if (name === 'merge' && !e.args.some((a) => a.name) && args.length >= 1) {
      // Merging sorted inputs == a stable sort of their concatenation.
      const its = args.map((a) => L.ownedItems(L.iterate(a)));
      const chain = its.slice(1).reduce((acc, x) => `${acc}.chain(${x})`, wrapIter(its[0]));
      const et = elemType(args[0].type);
      return v(`{ let mut v: Vec<_> = ${chain}.collect(); v.sort_by(|a, b| a.partial_cmp(b).unwrap()); v.into_iter() }`, { k: 'iter', elem: et });
    }
  }
  return L.todo(e.span, `${mod}.${name}()`, e.type);
}

/** `partial(operator.mul, 3)` and `partial(int, base=2)`: a one-parameter closure. */
function partialOfBuiltin(L: Lowerer, e: Call): RExpr | undefined {
  const target = e.args[0]?.value;
  if (!target || e.args.some((a) => a.star)) return undefined;
  const pos = e.args.slice(1).filter((a) => !a.name).map((a) => a.value);
  const kws = e.args.slice(1).filter((a) => a.name);
  const name = target.k === 'name' ? target.id : target.k === 'attr' ? target.attr : '';
  const isOperator = target.k === 'attr' && target.value.k === 'name' && target.value.type.k === 'module' && (target.value.type.name || target.value.id) === 'operator'
    || target.k === 'name' && target.type.k === 'func' && !!target.type.fullName?.startsWith('_operator.');
  if (isOperator && ['add', 'sub', 'mul', 'truediv', 'and_', 'or_', 'xor'].includes(name) && pos.length === 1 && !kws.length) {
    const bt = pos[0].type;
    if (!['int', 'float', 'str'].includes(bt.k) || name === 'truediv' && bt.k !== 'float' || bt.k === 'str' && name !== 'add') return undefined;
    const op = ({ add: '+', sub: '-', mul: '*', truediv: '/', and_: '&', or_: '|', xor: '^' } as Record<string, string>)[name];
    const body = bt.k === 'str' ? 'format!("{}{}", __a, x)' : `__a ${op} x`;
    return v(`{ let __a = ${L.exprOwned(pos[0], bt)}; move |x: ${L.rt(bt)}| ${body} }`, { k: 'func', params: [bt], ret: bt });
  }
  if (target.k === 'name' && target.sym?.scope === 'builtins' && name === 'int' && !pos.length && kws.length === 1 && kws[0].name === 'base') {
    L.useRuntime('parse_int');
    L.useRuntime('exc');
    return v(`{ let __base = ${num(L, kws[0].value, T.int)}; move |s: String| py_int_radix(&s, __base).unwrap_or_else(|e| py_uncaught(e)) }`, { k: 'func', params: [T.str], ret: T.int });
  }
  return undefined;
}

/** `partial(f, *bound, **kw)` of a module function: f, what is bound, and the rest. */
export function partialOf(L: Lowerer, e: Call): { fn: FuncInfo; positional: AST.Expr[]; keywords: Map<string, AST.Expr>; rest: FuncInfo } | undefined {
  const target = e.args[0]?.value;
  const fn = target && target.k === 'name' ? L.funcs.get(target.id) : undefined;
  if (!fn || e.args.some((a) => a.star) || fn.params.some((p) => p.kind !== 'normal')) return undefined;
  const positional = e.args.slice(1).filter((a) => !a.name).map((a) => a.value);
  const keywords = new Map(e.args.filter((a) => a.name).map((a) => [a.name!, a.value] as const));
  const restParams = fn.params.filter((p, i) => i >= positional.length && !keywords.has(p.name)).map((p) => ({ ...p, mode: 'value' as const }));
  return { fn, positional, keywords, rest: { ...fn, params: restParams } };
}

function wrapNum(code: string): string {
  // Float literals need a suffix before a method call (`2.5_f64.floor()`), negative ones parens too.
  if (/^-?\d+(\.\d+)?e[+-]?\d+$|^-?\d+\.\d+$/.test(code)) return code.startsWith('-') ? `(${code}_f64)` : `${code}_f64`;
  if (/^-?\d+$/.test(code)) return code.startsWith('-') ? `(${code}_i64)` : `${code}_i64`;
  return /^[\w.]+$/.test(code) ? code : `(${code})`;
}

export function lowerBuiltin(L: Lowerer, name: string, e: Call, expected?: PyType): RExpr | undefined {
  const args = e.args.filter((a) => !a.name).map((a) => a.value);
  const kw = (n: string) => e.args.find((a) => a.name === n)?.value;
  switch (name) {
    case 'print': return lowerPrint(L, e);
    case 'len': {
      const at = args[0].type;
      if (at.k === 'type' && at.of.k === 'class' && L.classes.get(at.of.name)?.isEnum) return v(`${L.classes.get(at.of.name)!.rust}::ALL.len() as i64`, T.int, PREC.cast);
      const a = L.expr(args[0]);
      if (a.type.k === 'str') return v(`${L.paren(a, PREC.unary)}.chars().count() as i64`, T.int, PREC.cast);
      if (a.type.k === 'tuple') return v(String(a.type.elems.length), T.int);
      if (a.type.k === 'class' && L.classes.get(a.type.name)?.methods.has('__len__')) return v(`${L.paren(a, PREC.unary)}.__len__()`, T.int);
      if (a.type.k === 'class' && L.classes.get(a.type.name)?.isNamedTuple) return v(String(L.classes.get(a.type.name)!.fields.length), T.int);
      return v(`${L.paren(a, PREC.unary)}.len() as i64`, T.int, PREC.cast);
    }
    case 'str': {
      if (!args.length) return v('String::new()', T.str);
      const a = L.expr(args[0]);
      if (a.type.k === 'str') return v(L.own(a), T.str);
      const shown = displayArg(L, a);
      return v(`${shown === a.code ? L.paren(a, PREC.unary) : shown}.to_string()`, T.str);
    }
    case 'repr': return v(L.reprOf(L.expr(args[0])), T.str);
    case 'format': {
      // format(value, spec) is f"{value:spec}".
      const spec = args[1] ?? kw('format_spec');
      const r = L.expr(args[0]);
      if (!spec || spec.k === 'str') return buildFormat([formatField(L, r, spec && spec.k === 'str' && spec.value ? spec.value : undefined)]);
      L.useRuntime('format');
      const sp = L.strRef(L.expr(spec));
      const t = r.type;
      if (t.k === 'int' || t.k === 'bool') return v(`fmt_int(${L.val(r)}${t.k === 'bool' ? ' as i64' : ''}, ${sp})`, T.str);
      if (t.k === 'float') return v(`fmt_f64(${L.val(r)}, ${sp})`, T.str);
      if (t.k === 'str') return v(`fmt_str(${L.strRef(r)}, ${sp})`, T.str);
      return v(`fmt_str(&${displayArg(L, r)}.to_string(), ${sp})`, T.str);
    }
    case 'int': {
      if (!args.length) return v('0', T.int);
      const a = L.expr(args[0]);
      if (a.type.k === 'str') {
        const base = args[1] ?? kw('base');
        if (base) { L.useRuntime('parse_int'); return v(L.propagateOrPanic(`py_int_radix(${L.strRef(a)}, ${num(L, base, T.int)})`, 'ValueError'), T.int, PREC.unary); }
        L.useRuntime('parse_int');
        return v(L.propagateOrPanic(`py_int(${L.strRef(a)})`, 'ValueError'), T.int, PREC.unary);
      }
      if (a.type.k === 'float') return v(`${L.paren(L.valE(a), PREC.cast)} as i64`, T.int, PREC.cast);
      if (isObjUnion(a.type)) return v(`${L.paren(a, PREC.unary)}.to_int()`, T.int);
      if (a.type.k === 'bool') return v(`${L.paren(L.valE(a), PREC.cast)} as i64`, T.int, PREC.cast);
      return L.valE(a);
    }
    case 'float': {
      if (!args.length) return v('0.0', T.float);
      const a = L.expr(args[0]);
      if (a.type.k === 'str') {
        if (a.kind === 'strlit' && a.code.startsWith('"')) {
          const s = JSON.parse(a.code).trim().toLowerCase();
          if (s === 'inf' || s === '+inf' || s === 'infinity') return v('f64::INFINITY', T.float);
          if (s === '-inf' || s === '-infinity') return v('f64::NEG_INFINITY', T.float);
          if (s === 'nan') return v('f64::NAN', T.float);
        }
        L.useRuntime('parse_float');
        return v(L.propagateOrPanic(`py_float(${L.strRef(a)})`, 'ValueError'), T.float, PREC.unary);
      }
      return v(L.coerce(L.valE(a), T.float), T.float, PREC.cast);
    }
    case 'bool': return v(args.length ? L.truthy(L.expr(args[0])) : 'false', T.bool);
    case 'abs': {
      const a = L.valE(L.expr(args[0]));
      if (a.type.k === 'bool') return v(`${L.paren(a, PREC.cast)} as i64`, T.int, PREC.cast);
      if (isObjUnion(a.type)) return v(`{ let x = ${a.code}; if x < Obj::Int(0) { obj_arith(&Obj::Int(0), &x, '-') } else { x } }`, a.type);
      if (a.type.k === 'class' && L.classes.get(a.type.name)?.methods.has('__abs__')) return v(`${L.paren(a, PREC.unary)}.__abs__()`, e.type);
      return v(`${L.numRecv(a)}.abs()`, a.type);
    }
    case 'round': {
      let a = L.valE(L.expr(args[0]));
      if (a.type.k === 'bool') a = v(`${L.paren(a, PREC.cast)} as i64`, T.int, PREC.cast);
      const nd = args[1] ?? kw('ndigits');
      if (nd && !(nd.k === 'const' && nd.value === null)) {
        L.useRuntime('round');
        if (isObjUnion(a.type)) {
          // round() keeps an int an int (for ndigits >= 0) and rounds a float.
          return v(`match ${a.code} { Obj::Float(f) => Obj::Float(py_round(f, ${num(L, nd, T.int)} as i32)), Obj::Int(i) => Obj::Int(py_round_int(i, ${num(L, nd, T.int)})), x => x }`, a.type);
        }
        if (a.type.k === 'int') {
          if (nd.k === 'num' && Number(nd.value) >= 0) return a;
          return v(`py_round_int(${a.code}, ${num(L, nd, T.int)})`, T.int);
        }
        return v(`py_round(${L.coerce(a, T.float)}, ${num(L, nd, T.int)} as i32)`, T.float);
      }
      if (a.type.k === 'int') return a;
      if (isObjUnion(a.type)) return v(`${L.paren(a, PREC.unary)}.as_f64().round_ties_even() as i64`, T.int, PREC.cast);
      return v(`${L.numRecv(a)}.round_ties_even() as i64`, T.int, PREC.cast);
    }
    case 'divmod': {
      const a = num(L, args[0], args[0].type.k === 'float' || args[1].type.k === 'float' ? T.float : T.int);
      const b = num(L, args[1], args[0].type.k === 'float' || args[1].type.k === 'float' ? T.float : T.int);
      if (args[0].type.k === 'float' || args[1].type.k === 'float') { L.useRuntime('fmod'); return v(`(py_ffloordiv(${a}, ${b}), py_fmod(${a}, ${b}))`, { k: 'tuple', elems: [T.float, T.float] }); }
      L.useRuntime('floordiv'); L.useRuntime('mod');
      return v(`(py_floordiv(${a}, ${b}), py_mod(${a}, ${b}))`, { k: 'tuple', elems: [T.int, T.int] });
    }
    case 'pow': {
      if (args[2]) {
        const [b, x, m] = args.map((a) => num(L, a, T.int));
        return v(`{ let (mut b, mut e, m) = (${b}, ${x}, ${m}); let mut r = 1_i64; b %= m; while e > 0 { if e & 1 == 1 { r = r * b % m; } b = b * b % m; e >>= 1; } r }`, T.int);
      }
      return L.binop({ k: 'bin', span: e.span, type: e.type, op: '**', left: args[0], right: args[1] });
    }
    case 'ord': {
      const a = L.expr(args[0]);
      if (a.kind === 'char') return v(`${a.code} as i64`, T.int, PREC.cast);
      if (a.kind === 'strlit' && a.code.startsWith('"')) return v(`${rustChar(JSON.parse(a.code))} as i64`, T.int, PREC.cast);
      return v(`${L.paren(a, PREC.unary)}.chars().next().unwrap() as i64`, T.int, PREC.cast);
    }
    case 'chr': {
      const a = L.valE(L.expr(args[0], T.int));
      const n = /^\d+$/.test(a.code) ? a.code : `${L.paren(a, PREC.cast)} as u32`;
      return v(`char::from_u32(${n}).expect("ValueError: chr() arg not in range(0x110000)").to_string()`, T.str);
    }
    case 'hex': case 'bin': case 'oct': {
      const a = num(L, args[0], T.int);
      const f = { hex: 'x', bin: 'b', oct: 'o' }[name];
      return v(`{ let n: i64 = ${a}; format!("{}0${f}{:${f}}", if n < 0 { "-" } else { "" }, n.unsigned_abs()) }`, T.str);
    }
    case 'isinstance': return lowerIsinstance(L, e);
    case 'issubclass': {
      // Both classes are static: decide at translation time.
      const [a, b] = args.map((x) => (x.k === 'name' ? x.id : ''));
      const parent = (k: string) => L.classes.get(k)?.base ?? L.exceptionKinds.get(k) ?? BUILTIN_EXC_PARENT[k] ?? (k !== 'object' && k ? 'object' : undefined);
      let k: string | undefined = a;
      while (k && k !== b) k = parent(k);
      return v(k === b && !!a ? 'true' : 'false', T.bool);
    }
    case 'input': {
      if (L.inCatchingContext('EOFError')) {
        L.useRuntime('input_r');
        return v(L.propagate(`py_input_r(${args[0] ? L.strRef(L.expr(args[0])) : '""'})`), T.str, PREC.unary);
      }
      L.useRuntime('input');
      return v(`py_input(${args[0] ? L.strRef(L.expr(args[0])) : '""'})`, T.str);
    }
    case 'min': case 'max': return lowerMinMax(L, name, e, expected);
    case 'sum': {
      const it = L.iterate(args[0]);
      const et = it.item.k === 'unknown' ? e.type : it.item;
      if ((et.k === 'list' || et.k === 'tuplevar') && args[1]) {
        // sum(lists, []): concatenation, starting from the given list.
        const start = L.exprOwned(args[1], et);
        const items = L.ownedItems(it);
        return v(`${wrapIter(items)}.fold(${start}, |mut acc: ${L.rt(et)}, x| { acc.extend(x); acc })`, et);
      }
      const ty = et.k === 'float' ? 'f64' : 'i64';
      const items = it.itemKind === 'ref' && isCopy(et) ? `${wrapIter(it.code)}.copied()` : L.ownedItems(it);
      if (et.k === 'union' && et.types.every((x) => x.k === 'int' || x.k === 'float')) {
        // int|float items: Python's sum stays an int until a float is added.
        const start = args[1] ? L.exprOwned(args[1], et) : 'Obj::Int(0)';
        return v(`${wrapIter(items)}.fold(${start}, |a, b| obj_arith(&a, &b, '+'))`, et);
      }
      const start = args[1] ? ` + ${num(L, args[1], et)}` : '';
      if (et.k === 'bool') return v(`${wrapIter(items)}.filter(|&b| b).count() as i64`, T.int);
      // Rust's f64 sum of nothing is -0.0; Python's sum starts at 0 (prints 0.0).
      if (ty === 'f64' && !start) return v(`${wrapIter(items)}.fold(0.0, |a: f64, b| a + b)`, T.float);
      return v(`${wrapIter(items)}.sum::<${ty}>()${start}`, et.k === 'float' ? T.float : T.int, start ? PREC.add : PREC.atom);
    }
    case 'any': case 'all': {
      if ((args[0].k === 'list' || args[0].k === 'tuple') && !args[0].elts.length) return v(name === 'all' ? 'true' : 'false', T.bool);
      const it = L.iterate(args[0]);
      const test = L.truthy({ code: it.itemKind === 'ref' && isCopy(it.item) ? '*x' : 'x', type: it.item, kind: it.itemKind === 'char' ? 'char' : it.itemKind === 'ref' ? 'ref' : 'value' });
      return v(`${wrapIter(it.parts ? L.ownedItems(it) : it.code)}.${name}(|x| ${test})`, T.bool);
    }
    case 'sorted': return lowerSorted(L, e, expected);
    case 'reversed': {
      const it = L.iterate(e);
      return v(it.code, { k: 'iter', elem: it.item });
    }
    case 'enumerate': case 'zip': case 'range': case 'map': case 'filter': case 'iter': {
      if (name === 'map' || name === 'filter') return lowerMapFilter(L, name, e);
      if (name === 'iter') {
        const it = L.iterate(args[0]);
        return v(L.ownedItems(it), { k: 'iter', elem: it.item });
      }
      if (name === 'range') {
        // A range kept as a value (stored, printed, indexed): a PyRange (iterating a range()
        // call directly stays a Rust range, see Lowerer.iterate).
        L.useRuntime('pyrange');
        const vals = args.map((a) => L.val(L.expr(a, T.int)));
        const [a, b, s] = vals.length === 1 ? ['0', vals[0], '1'] : [vals[0], vals[1], vals[2] ?? '1'];
        return v(`PyRange::new(${a}, ${b}, ${s})`, { k: 'class', name: 'range', fullName: 'builtins.range', args: [] });
      }
      const it = L.iterate(e);
      return v(it.code, { k: 'iter', elem: it.item });
    }
    case 'next': {
      // next(iter([]), d) is d.
      const src = args[0];
      if (args[1] && src.k === 'call' && src.func.k === 'name' && src.func.id === 'iter' && src.args[0]?.value.k === 'list' && !src.args[0].value.elts.length) return L.expr(args[1], expected);
      const a = L.expr(args[0]);
      if (args[1] && isObjUnion(e.type) && a.type.k === 'iter' && a.type.elem.k !== 'unknown') {
        // next(it, default) with a default of another type: a tagged value either way.
        const d = L.expr(args[1]);
        return v(`${L.paren(a, PREC.unary)}.next().map(|x| ${L.toObj('x', a.type.elem)}).unwrap_or_else(|| ${L.toObj(L.own(d), d.type)})`, e.type);
      }
      if (args[1]) return v(`${L.paren(a, PREC.unary)}.next().unwrap_or(${L.exprOwned(args[1])})`, e.type);
      if (L.inCatchingContext('StopIteration') || L.scope.tryLabels.length) {
        L.useRuntime('exc');
        return v(L.propagate(`${L.paren(a, PREC.unary)}.next().ok_or_else(|| PyErr::new("StopIteration", ""))`), e.type, PREC.unary);
      }
      return v(`${L.paren(a, PREC.unary)}.next().expect("StopIteration")`, e.type);
    }
    case 'list': case 'tuple': case 'set': case 'frozenset': {
      const target: PyType = expected && expected.k !== 'unknown' && !isObjUnion(expected) ? expected : e.type;
      if (!args.length) return v(name === 'set' || name === 'frozenset' ? 'std::collections::BTreeSet::new()' : 'Vec::new()', target);
      const nt = name === 'tuple' && args[0].type.k === 'class' ? L.classes.get(args[0].type.name) : undefined;
      if (nt?.isNamedTuple && nt.fields.length) {
        // tuple(p) of a NamedTuple: its fields, in order.
        const fs = nt.fields.map((f) => (isCopy(f.type) ? `__t.${rustIdent(f.name)}` : `__t.${rustIdent(f.name)}.clone()`));
        return v(`{ let __t = ${L.borrow(L.expr(args[0]))}; (${fs.join(', ')}${fs.length === 1 ? ',' : ''}) }`, { k: 'tuple', elems: nt.fields.map((f) => f.type) });
      }
      const it = L.iterate(args[0]);
      const items = L.ownedItems(it);
      const coll = name === 'set' || name === 'frozenset' ? 'std::collections::BTreeSet<_>' : 'Vec<_>';
      // (the items' own shape wins: permutations of a literal are fixed-size Rust tuples where
      // pyright says tuple[int, ...])
      const fixed = (target.k === 'list' || target.k === 'set') && target.elem.k === 'tuplevar' && it.item.k === 'tuple';
      return v(`${wrapIter(items)}.collect::<${coll}>()`, target.k === 'unknown' || fixed ? { k: name === 'set' || name === 'frozenset' ? 'set' : 'list', elem: it.item } as PyType : target);
    }
    case 'dict': {
      L.useRuntime('dict');
      const target = expected?.k === 'dict' ? expected : e.type;
      if (!args.length && !e.args.length) return v('Dict::new()', target);
      if (!args.length) {
        const pairs = e.args.map((a) => `(${rustStr(a.name!)}.to_string(), ${L.exprOwned(a.value, target.k === 'dict' ? target.val : undefined)})`);
        return v(`Dict::from_iter([${pairs.join(', ')}])`, target);
      }
      if (args[0].type.k === 'dict' && args.length === 1 && e.args.length === 1) {
        // dict(d): a copy (iterating a dict yields only its keys).
        const d = L.expr(args[0]);
        return v(`${L.paren(d, PREC.unary)}.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Dict<_, _>>()`, target);
      }
      const it = L.iterate(args[0]);
      const items = it.itemKind === 'ref' ? `${wrapIter(it.code)}.map(|(k, v)| (k.clone(), v.clone()))` : L.ownedItems(it);
      return v(`${wrapIter(items)}.collect::<Dict<_, _>>()`, target);
    }
  }
  return undefined;
}

function lowerPrint(L: Lowerer, e: Call): RExpr {
  const pos = e.args.filter((a) => !a.name);
  const sepArg = e.args.find((a) => a.name === 'sep')?.value;
  const endArg = e.args.find((a) => a.name === 'end')?.value;
  const fileArg = e.args.find((a) => a.name === 'file')?.value;
  const toStderr = fileArg && fileArg.k === 'attr' && fileArg.attr === 'stderr';
  const sepLit = !sepArg ? ' ' : sepArg.k === 'str' ? sepArg.value : undefined;
  const endLit = !endArg ? '\n' : endArg.k === 'str' ? endArg.value : undefined;
  if (pos.some((a) => a.star)) {
    // print(a, *xs, b): one iterator of the displayed items, joined with sep.
    const sep = sepLit !== undefined ? rustStr(sepLit) : L.strRef(L.expr(sepArg!));
    const parts = pos.map((a) => {
      if (!a.star) return `std::iter::once(${displayArg(L, L.expr(a.value))}.to_string())`;
      const it = L.iterate(a.value);
      const kind: RExpr['kind'] = it.itemKind === 'ref' ? 'ref' : it.itemKind === 'char' ? 'char' : 'value';
      const items = it.parts ? L.ownedItems(it) : it.code;
      return `${wrapIter(items)}.map(|x| ${displayArg(L, { code: 'x', type: it.item, kind: it.parts ? 'value' : kind, prec: PREC.atom })}.to_string())`;
    });
    const items = `${parts.slice(1).reduce((acc, p) => `${acc}.chain(${p})`, wrapIter(parts[0]))}.collect::<Vec<String>>().join(${sep})`;
    const macro = toStderr ? 'eprint' : 'print';
    if (endLit === '\n') return v(`${macro}ln!("{}", ${items})`, T.none);
    if (endLit !== undefined) return v(`${macro}!(${rustStr('{}' + escapeFmt(endLit))}, ${items})`, T.none);
    return v(`${macro}!("{}{}", ${items}, ${L.strRef(L.expr(endArg!))})`, T.none);
  }
  const fmtArgs: string[] = [];
  const pieces: string[] = [];
  pos.forEach((a) => {
    // A container literal of constants (`[]`, `(1,)`, `{"a": None}`) prints as known text.
    const known = a.value.k === 'list' || a.value.k === 'tuple' || a.value.k === 'dict' || a.value.k === 'set' || a.value.k === 'call' ? staticRepr(a.value) : undefined;
    if (known !== undefined) { pieces.push(escapeFmt(known)); return; }
    const r = L.expr(a.value);
    if (r.kind === 'strlit' && r.code.startsWith('"')) { pieces.push(escapeFmt(JSON.parse(r.code))); return; }
    pieces.push('{}');
    fmtArgs.push(displayArg(L, r));
  });
  let sep: string;
  if (sepLit !== undefined) sep = escapeFmt(sepLit);
  else { sep = '{}'; }
  let fmt = '';
  const args: string[] = [];
  let ai = 0;
  pieces.forEach((p, i) => {
    if (i > 0) { fmt += sep; if (sepLit === undefined) args.push(L.strRef(L.expr(sepArg!))); }
    fmt += p;
    if (p === '{}') args.push(fmtArgs[ai++]);
  });
  const macro = toStderr ? 'eprint' : 'print';
  if (endLit === '\n') return v(`${macro}ln!(${rustStr(fmt).replace(/^"|"$/g, (m) => m)}${args.length ? ', ' + args.join(', ') : ''})`.replace(`${macro}ln!("")`, `${macro}ln!()`), T.none);
  if (endLit === '' && !fmt && !args.length) return v('()', T.none); // print("", end=""): prints nothing
  if (endLit !== undefined) return v(`${macro}!(${rustStr(fmt + escapeFmt(endLit)).replace(/\\\\/g, '\\\\')}${args.length ? ', ' + args.join(', ') : ''})`, T.none);
  return v(`${macro}!(${rustStr(fmt + '{}')}${args.length ? ', ' + args.join(', ') : ''}, ${L.strRef(L.expr(endArg!))})`, T.none);
}

/** Escapes text for a Rust format string (braces doubled). */
export function escapeFmt(s: string): string { return s.replace(/\{/g, '{{').replace(/\}/g, '}}'); }

function lowerIsinstance(L: Lowerer, e: Call): RExpr {
  const [obj, cls] = e.args.map((a) => a.value);
  const names = cls.k === 'tuple' ? cls.elts : [cls];
  const t = obj.type;
  const checks = names.map((n) => {
    const id = n.k === 'name' ? n.id : '';
    const map: Record<string, (t: PyType) => boolean> = {
      int: (t) => t.k === 'int' || t.k === 'bool', float: (t) => t.k === 'float', str: (t) => t.k === 'str', bool: (t) => t.k === 'bool',
      list: (t) => t.k === 'list', dict: (t) => t.k === 'dict', tuple: (t) => t.k === 'tuple' || t.k === 'tuplevar', set: (t) => t.k === 'set',
    };
    const objVariant: Record<string, string> = { int: 'Obj::Int(_) | Obj::Bool(_)', float: 'Obj::Float(_)', str: 'Obj::Str(_)', bool: 'Obj::Bool(_)', list: 'Obj::List(_)', dict: 'Obj::Dict(_)', tuple: 'Obj::Tuple(_)', set: 'Obj::Set(_)' };
    if (objVariant[id] && isObjUnion(obj.k === 'name' ? L.varType(obj) : t)) return `matches!(${L.expr(obj).code}, ${objVariant[id]})`;
    if (map[id]) return map[id](t) ? 'true' : 'false';
    // Exceptions are PyErr values: check the runtime kind against the class hierarchy.
    if (t.k === 'class' && L.rt(t) === 'PyErr' && (id in EXC_NAMES || L.exceptionKinds.has(id) || L.classes.get(id)?.isException || id === 'BaseException')) {
      const r = L.expr(obj);
      return `${L.paren(r, PREC.unary)}.is(${rustStr(id)})`;
    }
    if (t.k === 'class' && L.classes.has(id)) {
      let c = L.classes.get(t.name);
      while (c) { if (c.name === id) return 'true'; c = c.base ? L.classes.get(c.base) : undefined; }
      const target = L.classes.get(id)!;
      if (L.classes.get(t.name)?.hasSubclasses || L.classes.get(t.name)?.isAbstract) {
        const r = L.expr(obj);
        return `${L.paren(r, PREC.unary)}.class_name_chain().contains(&${rustStr(target.name)})`;
      }
      return 'false';
    }
    if (t.k === 'class' && t.name === 'Exception' && (id in EXC_NAMES || L.exceptionKinds.has(id))) {
      const r = L.expr(obj);
      return `${L.paren(r, PREC.unary)}.is(${rustStr(id)})`;
    }
    return L.todo(n.span, `isinstance with ${id}`).code;
  });
  return v(checks.length === 1 ? checks[0] : checks.join(' || '), T.bool, checks.length === 1 ? PREC.atom : PREC.or);
}

function keyClosure(L: Lowerer, key: AST.Expr, itemT: PyType): { code: string; type: PyType } {
  // key=lambda x: ... or key=len / key=str.lower / a named function
  if (key.k === 'lambda') {
    const p = key.params[0];
    const saved = new Map(L.scope.names);
    if (p?.sym) L.scope.names.set(p.sym.id, { code: rustIdent(p.name), kind: 'ref', type: itemT });
    const body = L.expr(key.body);
    L.scope.names = saved;
    return { code: `|${p ? rustIdent(p.name) : '_'}: &${L.rt(itemT)}| ${L.own(body)}`, type: body.type };
  }
  if (key.k === 'name' && key.id === 'len') return { code: `|x: &${L.rt(itemT)}| x.${itemT.k === 'str' ? 'chars().count()' : 'len()'} as i64`, type: T.int };
  if (key.k === 'attr' && key.value.k === 'name' && key.value.id === 'str' && key.attr === 'lower') return { code: `|x: &${L.rt(itemT)}| x.to_lowercase()`, type: T.str };
  if (key.k === 'name' && (key.id === 'abs')) return { code: `|x: &${L.rt(itemT)}| x.abs()`, type: itemT };
  if (key.k === 'name' && L.funcs.has(key.id)) {
    const fn = L.funcs.get(key.id)!;
    const p = fn.params[0];
    const arg = p && p.mode !== 'value' ? 'x' : isCopy(itemT) ? '*x' : 'x.clone()';
    return { code: `|x: &${L.rt(itemT)}| ${fn.rust}(${arg})`, type: fn.ret };
  }
  if (key.k === 'attr' && key.attr === '__getitem__' && (key.value.type.k === 'list' || key.value.type.k === 'dict')) {
    // key=xs.__getitem__: look the item up in the container.
    const c = L.expr(key.value);
    const ct = key.value.type;
    const vt = ct.k === 'list' ? ct.elem : ct.k === 'dict' ? ct.val : T.unknown;
    const idx = ct.k === 'list' ? `[*x as usize]` : `[x]`;
    return { code: `|x: &${L.rt(itemT)}| ${L.paren(c, PREC.unary)}${idx}${isCopy(vt) ? '' : '.clone()'}`, type: vt };
  }
  if (key.k === 'attr' && key.attr === 'get' && key.value.type.k === 'dict') {
    const d = L.expr(key.value);
    return { code: `|x: &${L.rt(itemT)}| ${L.paren(d, PREC.unary)}[x].clone()`, type: key.value.type.val };
  }
  if (key.k === 'call' && (key.func.k === 'attr' && key.func.attr === 'itemgetter' || key.func.k === 'name' && key.func.id === 'itemgetter')) {
    const i = key.args[0].value;
    return { code: `|x: &${L.rt(itemT)}| x.${(i as any).value}.clone()`, type: itemT.k === 'tuple' ? itemT.elems[Number((i as any).value)] : T.unknown };
  }
  if (key.k === 'attr' && key.value.k === 'name' && key.value.sym?.scope === 'builtins' && ['str', 'int', 'float', 'list', 'dict', 'set', 'tuple'].includes(key.value.id)) {
    // An unbound method as a function value (key=str.casefold): lower the call `x.method()`.
    const sym: AST.SymbolRef = { id: -7000 - (builtinArgCounter++), scope: 'function', declType: itemT, kind: 'parameter' };
    const recv: AST.Expr = { k: 'name', span: key.span, type: itemT, id: '__x', sym };
    const saved = new Map(L.scope.names);
    L.scope.names.set(sym.id, { code: 'x', kind: 'ref', type: itemT });
    const body = lowerMethodCall(L, { k: 'call', span: key.span, type: T.unknown, func: { ...key, value: recv }, args: [] }, { ...key, value: recv });
    L.scope.names = saved;
    if (!body.code.includes('todo!(')) return { code: `|x: &${L.rt(itemT)}| ${L.own(body)}`, type: body.type };
  }
  if (key.k === 'name' && key.sym?.scope === 'builtins') {
    // A builtin used as a function value (map(sum, rows), key=str): lower the call `f(x)`.
    const ret = builtinResultType(key.id, itemT);
    if (ret) {
      const sym: AST.SymbolRef = { id: -7000 - (builtinArgCounter++), scope: 'function', declType: itemT, kind: 'parameter' };
      const arg: AST.Expr = { k: 'name', span: key.span, type: itemT, id: '__x', sym };
      const saved = new Map(L.scope.names);
      L.scope.names.set(sym.id, { code: 'x', kind: 'ref', type: itemT });
      const body = lowerCall(L, { k: 'call', span: key.span, type: ret, func: key, args: [{ value: arg, span: key.span }] });
      L.scope.names = saved;
      return { code: `|x: &${L.rt(itemT)}| ${L.own(body)}`, type: ret };
    }
  }
  const f = L.expr(key);
  return { code: `|x: &${L.rt(itemT)}| (${f.code})(x.clone())`, type: T.unknown };
}

let builtinArgCounter = 0;

/** The result type of builtin `name` applied to one argument of type t (undefined: unknown). */
function builtinResultType(name: string, t: PyType): PyType | undefined {
  const el = elemType(t);
  switch (name) {
    case 'len': case 'int': case 'ord': return T.int;
    case 'str': case 'repr': case 'chr': case 'hex': case 'bin': case 'oct': return T.str;
    case 'float': return T.float;
    case 'bool': case 'any': case 'all': return T.bool;
    case 'abs': return t;
    case 'sum': case 'max': case 'min': return el.k === 'unknown' ? undefined : el.k === 'bool' ? T.int : el;
    case 'list': case 'sorted': return el.k === 'unknown' ? undefined : { k: 'list', elem: el };
    case 'set': case 'frozenset': return el.k === 'unknown' ? undefined : { k: 'set', elem: el };
    case 'tuple': return t.k === 'tuple' ? t : el.k === 'unknown' ? undefined : { k: 'tuplevar', elem: el };
    default: return undefined;
  }
}

function lowerSorted(L: Lowerer, e: Call, expected?: PyType): RExpr {
  const src = e.args[0].value;
  const key = e.args.find((a) => a.name === 'key')?.value;
  const rev = e.args.find((a) => a.name === 'reverse')?.value;
  const it = L.iterate(src);
  const itemT = it.item.k !== 'unknown' ? it.item : elemType(e.type);
  const items = L.ownedItems(it);
  const revCode = rev ? L.truthy(L.expr(rev)) : 'false';
  const body = sortStatements(L, 'v', itemT, key, revCode);
  const t: PyType = { k: 'list', elem: itemT };
  void expected;
  return v(`{ let mut v: Vec<${L.rt(itemT)}> = ${wrapIter(items)}.collect(); ${body} v }`, t);
}

/** Statements sorting Vec `name` in place like list.sort(key=..., reverse=...) (stable). */
export function sortStatements(L: Lowerer, name: string, itemT: PyType, key: AST.Expr | undefined, revCode: string): string {
  const needsPartial = hasFloat(itemT) || hasUserClass(L, itemT);
  if (!key) {
    if (revCode === 'false') return needsPartial ? `${name}.sort_by(|a, b| a.partial_cmp(b).unwrap());` : `${name}.sort();`;
    if (revCode === 'true') return needsPartial ? `${name}.sort_by(|a, b| b.partial_cmp(a).unwrap());` : `${name}.sort_by(|a, b| b.cmp(a));`;
    return `${name}.sort_by(|a, b| if ${revCode} { b.partial_cmp(a).unwrap() } else { a.partial_cmp(b).unwrap() });`;
  }
  const k = keyClosure(L, key, itemT);
  const cmp = hasFloat(k.type) || hasUserClass(L, k.type) || k.type.k === 'unknown' ? 'partial_cmp' : 'cmp';
  const unwrap = cmp === 'partial_cmp' ? '.unwrap()' : '';
  if (revCode === 'false') return `let key = ${k.code}; ${name}.sort_by(|a, b| key(a).${cmp}(&key(b))${unwrap});`;
  // reverse=True keeps equal keys in their original order (Python reverses the comparison).
  return `let key = ${k.code}; ${name}.sort_by(|a, b| key(b).${cmp}(&key(a))${unwrap});`;
}

/** A user class (ordered by `__lt__` or derived PartialOrd) in t: compare with partial_cmp. */
function hasUserClass(L: Lowerer, t: PyType): boolean {
  if (t.k === 'class') return L.classes.has(t.name) && !L.classes.get(t.name)!.isEnum;
  if (t.k === 'tuple') return t.elems.some((x) => hasUserClass(L, x));
  if (t.k === 'list' || t.k === 'tuplevar') return hasUserClass(L, t.elem);
  if (t.k === 'optional') return hasUserClass(L, t.inner);
  return false;
}

function hasFloat(t: PyType): boolean {
  if (t.k === 'float') return true;
  if (t.k === 'tuple') return t.elems.some(hasFloat);
  if (t.k === 'list') return hasFloat(t.elem);
  if (t.k === 'optional') return hasFloat(t.inner);
  return false;
}

function lowerMinMax(L: Lowerer, name: 'min' | 'max' | string, e: Call, expected?: PyType): RExpr {
  const pos = e.args.filter((a) => !a.name).map((a) => a.value);
  const key = e.args.find((a) => a.name === 'key')?.value;
  const def = e.args.find((a) => a.name === 'default')?.value;
  if (pos.length >= 2) {
    let t = pos.some((p) => p.type.k === 'float') ? T.float : pos[0].type;
    // `min(math.inf, 7)` is the int 7: ints and floats together keep their own types.
    const intFloat = (x: PyType) => x.k === 'union' && x.types.length === 2 && x.types.every((y) => y.k === 'int' || y.k === 'float');
    if (!key && pos.every((p) => isNumeric(p.type) || intFloat(p.type)) && (pos.some((p) => intFloat(p.type)) || t.k === 'float' && pos.some((p) => p.type.k === 'int'))) {
      t = { k: 'union', types: [T.int, T.float] };
    }
    if (!key && isNumeric(t)) {
      const vals = pos.map((p) => num(L, p, t));
      if (t.k === 'float') return v(vals.slice(1).reduce((acc, x) => `${acc}.${name}(${x})`, wrapNum(vals[0])), T.float);
      return v(vals.slice(1).reduce((acc, x) => `${acc}.${name}(${x})`, `${/^-?\d+$/.test(vals[0]) ? vals[0] + '_i64' : wrapNum(vals[0])}`), t);
    }
    const items = pos.map((p) => L.exprOwned(p, t));
    return minMaxOfIter(L, name, `[${items.join(', ')}].into_iter()`, t, key, undefined, expected);
  }
  const it = L.iterate(pos[0]);
  const items = L.ownedItems(it);
  return minMaxOfIter(L, name, items, it.item, key, def, expected);
}

function minMaxOfIter(L: Lowerer, name: string, items: string, t: PyType, key: AST.Expr | undefined, def: AST.Expr | undefined, _expected?: PyType): RExpr {
  // Python returns the FIRST extreme item; Rust's max_by returns the last: use a fold.
  const cmpOp = name === 'min' ? '<' : '>';
  let body: string;
  if (key) {
    const k = keyClosure(L, key, t);
    body = `{ let key = ${k.code}; ${wrapIter(items)}.fold(None, |best: Option<${L.rt(t)}>, x| match best { Some(b) if !(key(&x) ${cmpOp} key(&b)) => Some(b), _ => Some(x) }) }`;
  } else if (hasFloat(t) || hasUserClass(L, t) || isObjUnion(t)) {
    // Floats (also inside tuples) and user classes (`__lt__`) are only PartialOrd.
    body = `${wrapIter(items)}.fold(None, |best: Option<${L.rt(t)}>, x| match best { Some(b) if !(x ${cmpOp} b) => Some(b), _ => Some(x) })`;
  } else body = `${wrapIter(items)}.${name}()`;
  // default=None: the Option itself is the result (None for an empty iterable).
  if (def && def.k === 'const' && def.value === null) return v(body, { k: 'optional', inner: t });
  if (def) return v(`${body}.unwrap_or(${L.exprOwned(def, t)})`, t);
  return v(`${body}.expect("ValueError: ${name}() arg is an empty sequence")`, t);
}

function lowerMapFilter(L: Lowerer, name: string, e: Call): RExpr {
  const [fn, src] = e.args.map((a) => a.value);
  const it = L.iterate(src);
  const items = L.ownedItems(it);
  if (name === 'filter') {
    if (fn.k === 'const' && fn.value === null) return v(`${wrapIter(items)}.filter(|x| ${L.truthy({ code: '(*x)', type: it.item, kind: 'value' })})`, { k: 'iter', elem: it.item });
    const k = keyClosure(L, fn, it.item);
    return v(`{ let f = ${k.code}; ${wrapIter(items)}.filter(move |x| f(x)) }`, { k: 'iter', elem: it.item });
  }
  if (fn.k === 'name' && (fn.id === 'int' || fn.id === 'float' || fn.id === 'str') && fn.sym?.scope === 'builtins') {
    if (fn.id === 'int' && it.item.k === 'str') { L.useRuntime('parse_int'); return v(`${wrapIter(items)}.map(|x| py_int(&x).unwrap())`, { k: 'iter', elem: T.int }); }
    if (fn.id === 'float' && it.item.k === 'str') { L.useRuntime('parse_float'); return v(`${wrapIter(items)}.map(|x| py_float(&x).unwrap())`, { k: 'iter', elem: T.float }); }
    if (fn.id === 'float') return v(`${wrapIter(items)}.map(|x| x as f64)`, { k: 'iter', elem: T.float });
    if (fn.id === 'str') { return v(`${wrapIter(items)}.map(|x| ${displayArg(L, { code: 'x', type: it.item, kind: 'value' })}.to_string())`, { k: 'iter', elem: T.str }); }
  }
  const k = keyClosure(L, fn, it.item);
  const ret = k.type.k !== 'unknown' || e.type.k !== 'iter' ? k.type : e.type.elem;
  return v(`{ let f = ${k.code}; ${wrapIter(items)}.map(move |x| f(&x)) }`, { k: 'iter', elem: ret });
}

export { lowerPercentFormat, lowerStrFormat, typeToString };
