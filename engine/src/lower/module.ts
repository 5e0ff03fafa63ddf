// Lowers a whole module: collects functions and classes, decides signatures (borrowing,
// Result), emits items, globals and `fn main()` for module-level statements.
import * as AST from '../ast';
import { PyType, T, hasUnknown, typeToString } from '../types';
import { RustWriter } from '../emit/writer';
import { FuncInfo, ParamInfo } from './context';
import { isCopy, rustIdent, rustStr } from './rtypes';
import { MUTATING_METHODS, elementAlias, rootName, scanVars, setCallMutations, walkExprs } from './scan';
import { BUILTIN_EXC_PARENT, Lowerer, ItemInfo } from './lowerer';
import { analyzeClassVars, analyzeSharing, collectClass, lowerClass } from './classes';
import { lowerGeneratorBody } from './generators';
import { analyzeRepeatedRows } from './rowalias';
import { canMemoize, emitMemoWrapper, isMemoized } from './memo';

export interface LowerOptions {
  /** Translate as a fragment: no fn main(), keep top-level statements in a function. */
  fragment?: boolean;
  /** Known definitions from the session context (Python source of other definitions). */
  contextNames?: string[];
}

export interface LowerResult {
  body: string; // Rust items + main, without runtime helpers
  runtime: Set<string>;
  lowerer: Lowerer;
  items: ItemInfo[];
  sourceMap: { rustLine: number; py: AST.Span }[];
}

export function makeFuncInfo(L: Lowerer, def: Extract<AST.Stmt, { k: 'def' }>, className?: string): FuncInfo {
  const decorators = def.decorators.map((d) => (d.expr.k === 'name' ? d.expr.id : d.expr.k === 'attr' ? d.expr.attr : d.expr.k === 'call' && d.expr.func.k === 'name' ? d.expr.func.id : ''));
  let selfMode: FuncInfo['selfMode'];
  let params = def.params;
  if (className) {
    if (decorators.includes('staticmethod')) selfMode = 'static';
    else if (decorators.includes('classmethod')) { selfMode = 'cls'; params = params.slice(1); }
    else { selfMode = 'ref'; params = params.slice(1); }
  }
  const uses = scanVars(def.body);
  const infos: ParamInfo[] = params.filter((p) => p.kind === 'normal' || p.kind === 'vararg' || p.kind === 'kwarg').map((p) => {
    let type: PyType = p.type;
    // `*args: *tuple[str, int]` (a fixed, mixed shape) stays a tuple; otherwise a homogeneous slice.
    const fixedShape = p.kind === 'vararg' && type.k === 'tuple' && type.elems.length > 1 && type.elems.some((x) => typeToString(x) !== typeToString(type.k === 'tuple' ? type.elems[0] : x));
    if (p.kind === 'vararg' && type.k !== 'tuplevar' && !fixedShape) type = { k: 'tuplevar', elem: type.k === 'tuple' ? type.elems[0] ?? T.unknown : type };
    const u = p.sym ? uses.get(p.sym.id) : undefined;
    const rebound = !!u && u.assigns > 0;
    let mode: ParamInfo['mode'] = 'value';
    if (!isCopy(type) && type.k !== 'unknown') mode = rebound ? 'value' : u?.mutated ? 'mut' : 'ref';
    if (type.k === 'class' && L.classes.get(type.name)?.isEnum) mode = 'value';
    if (p.kind === 'vararg') mode = 'ref';
    // Iterators are taken by value (`impl Iterator`); a generator owns its arguments (it runs later).
    // A function returning an iterator (a generator expression) also owns its arguments.
    if (type.k === 'iter' || def.isGenerator || !className && def.retType.k === 'iter') mode = 'value';
    // A closure factory (`compose(f, g)` returning a lambda) owns the functions it captures.
    if (type.k === 'func' && !className && def.retType.k === 'func') mode = 'value';
    // `seen=None` + `if seen is None: seen = []` + mutation: the caller's container is shared.
    const optMut = p.kind === 'normal' && p.default?.k === 'const' && p.default.value === null && type.k === 'optional' && ['list', 'dict', 'set'].includes(type.inner.k) && !!u?.mutated
      && def.body.some((s) => s.k === 'if' && !s.orelse.length && s.test.k === 'cmp' && s.test.ops[0] === 'is' && s.test.left.k === 'name' && s.test.left.sym?.id === p.sym?.id && s.body.length === 1 && s.body[0].k === 'assign' && isEmptyLiteral(s.body[0].value));
    return { name: p.name, type, mode, default: p.default, kind: p.kind, sym: p.sym, rebound, optMut: optMut || undefined };
  });
  const rust = className ? `${className}::${rustIdent(def.name)}` : rustIdent(def.name === 'main' ? 'main' : def.name);
  let ret = def.retType;
  if (def.isGenerator) ret = ret.k === 'iter' ? ret : { k: 'iter', elem: T.unknown };
  // `return self` everywhere (a fluent method): the caller's object is returned by reference.
  let returnsSelf: boolean | undefined;
  if (className && (selfMode === 'ref' || selfMode === 'mut') && !def.isGenerator) {
    const selfName = def.params[0]?.name ?? 'self';
    const rets: AST.Stmt[] = [];
    const visitR = (ss: AST.Stmt[]) => ss.forEach((s) => {
      if (s.k === 'return') rets.push(s);
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visitR(s.body); visitR(s.orelse); }
      if (s.k === 'try') { visitR(s.body); s.handlers.forEach((h) => visitR(h.body)); visitR(s.orelse); visitR(s.finalbody); }
      if (s.k === 'with') visitR(s.body);
      if (s.k === 'match') s.cases.forEach((c) => visitR(c.body));
    });
    visitR(def.body);
    if (rets.length && rets.every((r) => r.k === 'return' && r.value?.k === 'name' && r.value.id === selfName)) returnsSelf = true;
  }
  return { name: def.name, rust, params: infos, ret, raises: false, isGenerator: def.isGenerator, def, selfMode, className, catchContext: false, returnsSelf };
}

/** Which exception kinds a handler list catches (names). */
function caught(s: Extract<AST.Stmt, { k: 'try' }>): string[] {
  return s.handlers.flatMap((h) => {
    if (!h.type) return ['BaseException'];
    const ts = h.type.k === 'tuple' ? h.type.elts : [h.type];
    return ts.map((t) => (t.k === 'name' ? t.id : 'Exception'));
  });
}

function catchesKind(catches: string[], kind: string, parents: (k: string) => string | undefined): boolean {
  let k: string | undefined = kind;
  while (k) {
    if (catches.includes(k)) return true;
    k = parents(k);
  }
  return catches.includes('BaseException') || catches.includes('Exception') && kind !== 'SystemExit';
}

/** Fixpoint: a function returns Result when an exception can escape it. */
function analyseRaises(L: Lowerer, all: FuncInfo[], byName: (call: Extract<AST.Expr, { k: 'call' }>, owner: FuncInfo) => FuncInfo | undefined) {
  const parents = (k: string) => L.exceptionKinds.get(k) ?? BUILTIN_EXC_PARENT[k];
  const fallible = (f: FuncInfo) => {
    let found = false;
    walkExprs(f.def.body, (e) => {
      if (e.k === 'call' && e.func.k === 'name' && (e.func.id === 'int' || e.func.id === 'float') && e.args[0]?.value.type.k === 'str') found = true;
      if (e.k === 'index' && e.value.type.k === 'dict' && e.value.type.flavor === undefined) found = true;
      if (e.k === 'bin' && e.op === '+' && e.left.type.k === 'str' && ['int', 'float', 'bool', 'none', 'list', 'dict', 'tuple'].includes(e.right.type.k)) found = true;
      if (e.k === 'bin' && ['/', '//', '%'].includes(e.op) && (e.left.type.k === 'int' || e.left.type.k === 'float') && !(e.right.k === 'num' && Number(e.right.value) !== 0)) found = true;
    });
    return found;
  };
  // Which functions are called under a try somewhere (builtin errors must then propagate).
  const markCatch = () => {
    let changed = false;
    // Module-level code (owner undefined) counts too: `try: f()` at the top makes f catchable.
    for (const f of [...all, undefined]) {
      const visit = (stmts: AST.Stmt[], inTry: boolean) => {
        for (const s of stmts) {
          const exprs: AST.Expr[] = [];
          const collect = (ss: AST.Stmt[]) => walkExprs(ss, (e) => exprs.push(e));
          if (s.k === 'try') { visit(s.body, true); s.handlers.forEach((h) => visit(h.body, inTry)); visit(s.orelse, inTry); visit(s.finalbody, inTry); continue; }
          if (s.k === 'if' || s.k === 'while' || s.k === 'for') { collect([{ ...s, body: [], orelse: [] } as AST.Stmt]); visit(s.body, inTry); visit(s.orelse, inTry); }
          else if (s.k === 'with' || s.k === 'match') { visit(s.k === 'with' ? s.body : s.cases.flatMap((c) => c.body), inTry); }
          else collect([s]);
          for (const e of exprs) {
            if (e.k !== 'call') continue;
            const g = byName(e, f as FuncInfo);
            if (g && !g.catchContext && (inTry || f && f.catchContext && f.raises)) { g.catchContext = true; changed = true; }
          }
        }
      };
      visit(f ? f.def.body : L.module.body.filter((s) => s.k !== 'def' && s.k !== 'class'), false);
    }
    return changed;
  };
  for (let iter = 0; iter < 10; iter++) {
    let changed = markCatch();
    for (const f of all) {
      if (f.raises) continue;
      let raises = false;
      const visit = (stmts: AST.Stmt[], catches: string[]) => {
        for (const s of stmts) {
          if (raises) return;
          if (s.k === 'raise') {
            const kind = !s.exc ? 'Exception' : s.exc.k === 'call' && s.exc.func.k === 'name' ? s.exc.func.id : s.exc.k === 'name' ? s.exc.id : 'Exception';
            if (!catchesKind(catches, kind, parents) || !s.exc) { if (!s.exc && catches.length) continue; raises = true; }
            continue;
          }
          if (s.k === 'try') {
            visit(s.body, [...catches, ...caught(s)]);
            s.handlers.forEach((h) => visit(h.body, catches));
            visit(s.orelse, catches); visit(s.finalbody, catches);
            continue;
          }
          const exprs: AST.Expr[] = [];
          const sub: AST.Stmt[][] = [];
          if (s.k === 'if' || s.k === 'while' || s.k === 'for') { walkExprs([{ ...s, body: [], orelse: [] } as AST.Stmt], (e) => exprs.push(e)); sub.push(s.body, s.orelse); }
          else if (s.k === 'with') sub.push(s.body);
          else if (s.k === 'match') { walkExprs([{ ...s, cases: [] } as AST.Stmt], (e) => exprs.push(e)); s.cases.forEach((c) => sub.push(c.body)); }
          else if (s.k !== 'def' && s.k !== 'class') walkExprs([s], (e) => exprs.push(e));
          for (const e of exprs) {
            if (e.k === 'call') {
              const g = byName(e, f);
              if (g && g.raises && !catches.includes('Exception') && !catches.includes('BaseException')) raises = true;
              // sys.exit() raises SystemExit where some handler can catch it.
              if (L.exitCaught && e.callee === 'sys.exit' && !catchesKind(catches, 'SystemExit', parents)) raises = true;
            }
          }
          sub.forEach((b) => visit(b, catches));
        }
      };
      visit(f.def.body, []);
      if (!raises && f.catchContext && fallible(f)) raises = true;
      if (raises && f.name !== '__init__' || raises && f.className) { f.raises = true; changed = true; }
      if (f.isGenerator) f.raises = false;
    }
    if (!changed) break;
  }
}

export function lowerModule(module: AST.Module, options: LowerOptions = {}): LowerResult {
  const L = new Lowerer(module);
  const w = new RustWriter();
  L.w = w;
  L.declareHoistedHook = declareHoisted;
  L.scope = L.newScope({ isMain: true });
  const body = module.body;

  // 1. Classes first (function signatures mention them), then functions.
  const classDefs = body.filter((s): s is Extract<AST.Stmt, { k: 'class' }> => s.k === 'class');
  for (const c of classDefs) collectClass(L, c);
  for (const c of classDefs) {
    const info = L.classes.get(c.name)!;
    if (info.base && L.classes.has(info.base)) L.classes.get(info.base)!.hasSubclasses = true;
  }
  for (const c of classDefs) {
    const info = L.classes.get(c.name)!;
    for (const s of c.body) {
      if (s.k !== 'def') continue;
      // `@x.setter def x(...)` is stored as `__set_x` beside the getter `x`.
      const setter = s.decorators.some((d) => d.expr.k === 'attr' && d.expr.attr === 'setter');
      info.methods.set(setter ? `__set_${s.name}` : s.name, makeFuncInfo(L, setter ? { ...s, name: `set_${s.name}` } : s, info.rust));
    }
  }
  analyzeClassVars(L, body);
  analyzeSharing(L, body);
  L.repeatedRows = analyzeRepeatedRows(L.module);
  const defs = body.filter((s): s is Extract<AST.Stmt, { k: 'def' }> => s.k === 'def');
  const mainDef = defs.find((d) => d.name === 'main');
  for (const d of defs) L.funcs.set(d.name, makeFuncInfo(L, d));
  markFnMutParams(L, body);
  const topStmts = body.filter((s) => s.k !== 'def' && s.k !== 'class' && s.k !== 'import' && s.k !== 'importfrom' && !(s === body[0] && s.k === 'expr' && s.value.k === 'str'));
  // `main` conflicts with Rust's entry point unless the module's only code is calling it.
  const onlyCallsMain = mainDef && topStmts.every((s) => isMainGuardCallingMain(s) || isCallOf(s, 'main'));
  if (mainDef && !(onlyCallsMain && mainDef.params.length === 0 && (mainDef.retType.k === 'none' || mainDef.retType.k === 'unknown'))) {
    L.funcs.get('main')!.rust = 'py_main';
  }

  // 2. Mutation through calls: passing a variable to a `&mut` parameter mutates it.
  const allFuncs: FuncInfo[] = [...L.funcs.values(), ...[...L.classes.values()].flatMap((c) => [...c.methods.values()])];
  const resolve = (call: Extract<AST.Expr, { k: 'call' }>, owner?: FuncInfo): FuncInfo | undefined => {
    if (call.func.k === 'name') {
      const f = L.funcs.get(call.func.id);
      if (f) return f;
      const c = L.classes.get(call.func.id);
      if (c) return c.methods.get('__init__');
    }
    if (call.func.k === 'attr') {
      const t = call.func.value.type;
      const cname = t.k === 'class' ? t.name : t.k === 'type' && t.of.k === 'class' ? t.of.name : call.func.value.k === 'name' && call.func.value.id === 'self' ? owner?.className : undefined;
      let c = cname ? L.classes.get(cname) ?? [...L.classes.values()].find((x) => x.rust === cname) : undefined;
      while (c) {
        const m = c.methods.get(call.func.attr);
        if (m) return m;
        c = c.base ? L.classes.get(c.base) : undefined;
      }
    }
    return undefined;
  };
  const mutatedArgs = (call: Extract<AST.Expr, { k: 'call' }>, owner?: FuncInfo): number[] => {
    const g = resolve(call, owner);
    if (!g) return [];
    const idx = g.params.map((p, i) => (p.mode === 'mut' ? i : -2)).filter((i) => i >= 0);
    if (g.selfMode === 'mut' && call.func.k === 'attr') idx.push(-1);
    return idx;
  };
  setCallMutations((call) => mutatedArgs(call));
  for (let iter = 0; iter < 5; iter++) {
    let changed = false;
    for (const f of allFuncs) {
      const uses = scanVars(f.def.body, (call) => mutatedArgs(call, f));
      for (const p of f.params) {
        const u = p.sym ? uses.get(p.sym.id) : undefined;
        // (a shared object, Rc<RefCell<C>>, is changed through `&`: no `&mut` needed)
        const sharedP = p.type.k === 'class' && !!L.classes.get(p.type.name)?.shared;
        if (sharedP && p.mode === 'mut') { p.mode = 'ref'; changed = true; }
        if (u?.mutated && p.mode === 'ref' && !p.rebound && !sharedP) { p.mode = 'mut'; changed = true; }
      }
      // Methods that mutate self (directly or through other &mut self methods).
      if (f.selfMode === 'ref') {
        let mut = false;
        const selfParam = f.def.params[0];
        const isSelf = (e: AST.Expr | undefined) => !!e && e.k === 'name' && e.id === (selfParam?.name ?? 'self');
        const visitT = (t: AST.Expr) => { const r = rootName(t); if (r && isSelf(r) && t !== r) mut = true; };
        const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
          if (s.k === 'assign') s.targets.forEach(visitT);
          if (s.k === 'assign' && s.targets.length === 1) {
            // `m = self.members[k]; m.loans.append(x)`: mutates self through the element alias.
            const el = elementAlias(s.targets[0], s.value);
            const u = el && uses.get(el.sym.id);
            if (el && u && u.mutated && u.assigns <= 1 && isSelf(rootName(el.container))) mut = true;
          }
          if (s.k === 'augassign' || s.k === 'annassign') visitT(s.target);
          if (s.k === 'del') s.targets.forEach(visitT);
          if (s.k === 'if' || s.k === 'while' || s.k === 'for') { if (s.k === 'for') visitT(s.target); visit(s.body); visit(s.orelse); }
          if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
          if (s.k === 'with') visit(s.body);
          if (s.k === 'match') s.cases.forEach((c) => visit(c.body));
        });
        visit(f.def.body);
        walkExprs(f.def.body, (e) => {
          if (e.k === 'call' && e.func.k === 'attr') {
            const r = rootName(e.func.value);
            if (r && isSelf(r) && MUTATING_METHODS.has(e.func.attr) && e.func.value !== r) mut = true;
            if (r && isSelf(r) && e.func.value === r) { const g = resolve(e, f); if (g?.selfMode === 'mut') mut = true; }
            if (r && isSelf(r) && e.func.value !== r) { const g = resolve(e, f); if (g?.selfMode === 'mut') mut = true; }
          }
          if (e.k === 'call') {
            const g = resolve(e, f);
            if (g) g.params.forEach((p, i) => { const a = e.args[i]; if (p.mode === 'mut' && a) { const r = rootName(a.value); if (r && isSelf(r)) mut = true; } });
          }
        });
        if (mut) { f.selfMode = 'mut'; changed = true; }
      }
    }
    if (!changed) break;
  }

  // 3. Exceptions: custom exception classes and which functions return Result.
  for (const c of L.classes.values()) if (c.isException) L.exceptionKinds.set(c.name, c.base ?? 'Exception');
  analyseRaises(L, allFuncs, resolve);

  // 4. Module-level variables that functions use become consts/statics.
  collectGlobals(L, body, defs, classDefs);

  // 5. Emit.
  const docs = module.docstring;
  if (docs) { L.docComment(docs, '//!'); w.blank(); }
  for (const [name, g] of L.globals) emitGlobal(L, name, g);
  for (const c of classDefs) { w.blank(); itemStart(L, c.name, 'struct', c.span, () => lowerClass(L, c)); }
  for (const d of defs) {
    w.blank();
    itemStart(L, d.name, 'fn', d.span, () => emitFunction(L, L.funcs.get(d.name)!));
  }
  if (!options.fragment) {
    w.blank();
    // A global's initializer statement moved into its static; later assignments stay in main.
    const mainStmts = topStmts.filter((s) => !L.globals.has(globalNameOf(s) ?? '') || (L.globals.get(globalNameOf(s)!) as any).init !== s);
    const span = mainStmts.length ? { start: mainStmts[0].span.start, end: mainStmts[mainStmts.length - 1].span.end } : { start: 0, end: 0 };
    itemStart(L, 'main', 'main', span, () => emitMain(L, mainStmts, !!onlyCallsMain && L.funcs.get('main')?.rust === 'main'));
  } else if (topStmts.length) {
    w.blank();
    const span = { start: topStmts[0].span.start, end: topStmts[topStmts.length - 1].span.end };
    itemStart(L, 'main', 'main', span, () => emitMain(L, topStmts, false, true));
  }
  return { body: w.text(), runtime: L.runtime, lowerer: L, items: L.items, sourceMap: w.sourceMap() };
}

function globalNameOf(s: AST.Stmt): string | undefined {
  if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name') return s.targets[0].id;
  if (s.k === 'annassign' && s.target.k === 'name') return s.target.id;
  return undefined;
}

function isCallOf(s: AST.Stmt, name: string): boolean {
  if (s.k === 'expr' && s.value.k === 'call' && s.value.func.k === 'name' && s.value.func.id === name) return true;
  return false;
}
function isMainGuardCallingMain(s: AST.Stmt): boolean {
  return isMainGuard(s) && (s as any).body.length === 1 && isCallOf((s as any).body[0], 'main');
}
export function isMainGuard(s: AST.Stmt): s is Extract<AST.Stmt, { k: 'if' }> {
  return s.k === 'if' && s.test.k === 'cmp' && s.test.left.k === 'name' && s.test.left.id === '__name__' && s.orelse.length === 0;
}

function itemStart(L: Lowerer, name: string, kind: ItemInfo['kind'], span: AST.Span, f: () => string | void) {
  const start = L.w.lineCount + 1;
  L.penalties = [];
  const sig = f() ?? '';
  const conf = Math.max(0.05, L.penalties.reduce((acc, p) => acc * (1 - p), 0.97));
  L.items.push({ name, kind, span, rustStart: start, rustEnd: L.w.lineCount, signature: sig, confidence: conf });
}

/** A module variable that functions use. `init`: the top-level statement that became its
 * initializer (dropped from main); without it, main assigns the variable where Python does. */
type GlobalInfo = { type: PyType; mutable: boolean; rust: string; kind: 'const' | 'static' | 'cell' | 'mutex'; value?: AST.Expr; init?: AST.Stmt };

function collectGlobals(L: Lowerer, body: AST.Stmt[], defs: Extract<AST.Stmt, { k: 'def' }>[], classes: Extract<AST.Stmt, { k: 'class' }>[]) {
  const usedInFns = new Set<string>();
  const assignedInFns = new Set<string>();
  const scanBodies = [...defs.map((d) => d.body), ...classes.flatMap((c) => c.body.filter((s): s is Extract<AST.Stmt, { k: 'def' }> => s.k === 'def').map((d) => d.body))];
  for (const b of scanBodies) {
    walkExprs(b, (e) => { if (e.k === 'name' && e.sym?.scope === 'module' && e.sym.kind === 'variable') usedInFns.add(e.id); }, true);
    const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
      if (s.k === 'global') s.names.forEach((n) => assignedInFns.add(n));
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
    });
    visit(b);
  }
  const topAssigns = new Map<string, AST.Stmt[]>();
  for (const s of body) {
    const n = globalNameOf(s);
    if (n) topAssigns.set(n, [...(topAssigns.get(n) ?? []), s]);
  }
  const mutatedAtTop = scanVars(body.filter((s) => s.k !== 'def' && s.k !== 'class'));
  // In program order, so an initializer can read the globals defined before it.
  for (const name of [...topAssigns.keys()].filter((n) => usedInFns.has(n))) {
    const assigns = topAssigns.get(name);
    if (!assigns || !assigns.length) continue;
    const s = assigns[0] as Extract<AST.Stmt, { k: 'assign' | 'annassign' }>;
    const value = s.value!;
    const target = s.k === 'assign' ? s.targets[0] : s.target;
    const type = target.k === 'name' ? (target.sym?.declType.k !== 'unknown' ? target.sym!.declType : value.type) : value.type;
    const symUse = target.k === 'name' && target.sym ? mutatedAtTop.get(target.sym.id) : undefined;
    const mutatedInFns = target.k === 'name' && !!target.sym && scanBodies.some((b) => !!scanVars(b).get(target.sym!.id)?.mutated);
    const mutable = assignedInFns.has(name) || assigns.length > 1 || !!symUse?.mutated || !!symUse && symUse.assigns > 1 || mutatedInFns;
    // The initializer can run at first use (a static) only when it has no effects and reads
    // nothing but other hoisted globals; otherwise it runs where the program assigns it.
    const hoistable = staticSafe(value, L);
    const rname = constName(name);
    if (mutable || !hoistable) {
      // Shared mutable state: a Cell for Copy values, a Mutex otherwise (functions and main
      // both see the one variable).
      const kind = isCopy(type) ? 'cell' : 'mutex';
      const rust = kind === 'cell' ? `${rname}.get()` : `(*${rname}.lock().unwrap())`;
      L.globals.set(name, { type, mutable: true, rust, kind, value: hoistable ? value : undefined, init: hoistable ? s : undefined } as any);
      continue;
    }
    const literal = isLiteral(value) && !(type.k !== 'str' && /\bstr\b/.test(typeToString(type)));
    L.globals.set(name, { type, mutable: false, rust: literal ? rname : `(*${rname})`, kind: literal ? 'const' : 'static', value, init: s } as any);
  }
}

/** An initializer that can move into a static: no calls to user code, reads only globals. */
function staticSafe(e: AST.Expr, L: Lowerer): boolean {
  let ok = true;
  walkExprs([{ k: 'expr', span: e.span, value: e }], (x) => {
    if (x.k === 'call' && !(x.func.k === 'name' && x.func.sym?.scope === 'builtins') && !(x.func.k === 'attr')) ok = false;
    if (x.k === 'call' && x.func.k === 'attr' && x.func.value.k === 'name' && x.func.value.sym?.scope === 'module' && x.func.value.sym.kind !== 'module') ok = false;
    if (x.k === 'name' && x.sym && x.sym.scope === 'module' && x.sym.kind === 'variable' && !(L.globals.has(x.id) && ['const', 'static'].includes((L.globals.get(x.id) as any).kind))) ok = false;
    if (x.k === 'lambda' || x.k === 'yield' || x.k === 'walrus') ok = false;
  });
  return ok;
}

function constName(n: string): string { return n === n.toUpperCase() ? n : n.toUpperCase(); }

/** A nested function of this body updates variables it captured (`nonlocal count`, or
 * `history.append(v)` on an outer list): as a returned closure it is FnMut. */
/** A callable parameter given a lambda that advances or mutates what it captures
 *  (`retry(lambda: next(outcomes))`) is taken as `&mut dyn FnMut`. */
function markFnMutParams(L: Lowerer, body: AST.Stmt[]) {
  const mutates = (lam: Extract<AST.Expr, { k: 'lambda' }>) => {
    const own = new Set(lam.params.map((p) => p.sym?.id));
    const captured = (x: AST.Expr | undefined) => !!x && x.k === 'name' && !own.has(x.sym?.id) && x.sym?.kind === 'variable';
    let found = false;
    walkExprs([{ k: 'expr', span: lam.span, value: lam.body }], (x) => {
      if (x.k !== 'call') return;
      if (x.func.k === 'name' && x.func.id === 'next' && captured(x.args[0]?.value)) found = true;
      if (x.func.k === 'attr' && MUTATING_METHODS.has(x.func.attr) && captured(x.func.value)) found = true;
    });
    return found;
  };
  walkExprs(body, (e) => {
    if (e.k !== 'call' || e.func.k !== 'name') return;
    const f = L.funcs.get(e.func.id);
    if (!f || e.args.some((a) => a.star)) return;
    e.args.forEach((a, i) => {
      const p = a.name ? f.params.find((x) => x.name === a.name) : f.params[i];
      if (p && p.type.k === 'func' && p.mode === 'ref' && a.value.k === 'lambda' && mutates(a.value)) p.fnMut = true;
    });
  }, true);
}

function closureMutatesState(body: AST.Stmt[]): boolean {
  return body.some((s) => {
    if (s.k !== 'def') return false;
    if (s.body.some((x) => x.k === 'nonlocal')) return true;
    const own = new Set(s.params.map((p) => p.sym?.id));
    for (const [id, u] of scanVars(s.body)) if (u.mutated && !own.has(id) && u.assigns === 0) return true;
    return false;
  });
}

/** `[]`, `{}`, `set()`, `list()`, `dict()`. */
function isEmptyLiteral(e: AST.Expr): boolean {
  if ((e.k === 'list' || e.k === 'set') && !e.elts.length) return true;
  if (e.k === 'dict' && !e.items.length) return true;
  return e.k === 'call' && e.func.k === 'name' && ['list', 'dict', 'set'].includes(e.func.id) && !e.args.length;
}

function isLiteral(e: AST.Expr): boolean {
  if (e.k === 'num' || e.k === 'str' || e.k === 'const') return true;
  if (e.k === 'unary' && e.operand.k === 'num') return true;
  if (e.k === 'tuple') return e.elts.every(isLiteral);
  if (e.k === 'bin' && isLiteral(e.left) && isLiteral(e.right) && e.left.type.k !== 'str' && ['+', '-', '*'].includes(e.op)) return true;
  return false;
}

function emitGlobal(L: Lowerer, name: string, g0: { type: PyType; mutable: boolean; rust: string }) {
  const g = g0 as GlobalInfo;
  const w = L.w;
  const rname = constName(name);
  const value = g.value;
  if (g.kind === 'mutex' || g.kind === 'cell') {
    const init = value ? L.exprOwned(value, g.type) : L.defaultValue(g.type);
    const span = value?.span ?? (g.init ? g.init.span : { start: 0, end: 0 });
    L.w.withSpan(span, () => {
      if (g.kind === 'cell') {
        w.line(`thread_local! {`);
        const isConst = /^-?[\d.]+(e[-+]?\d+)?(_i64|_f64)?$|^(true|false|None)$/.test(init);
        w.line(`    static ${rname}: std::cell::Cell<${L.rt(g.type)}> = ${isConst ? `const { std::cell::Cell::new(${init}) }` : `std::cell::Cell::new(${init})`};`);
        w.line(`}`);
      } else {
        w.line(`static ${rname}: std::sync::LazyLock<std::sync::Mutex<${L.rt(g.type)}>> = std::sync::LazyLock::new(|| std::sync::Mutex::new(${init}));`);
      }
    });
    return;
  }
  L.w.withSpan(value!.span, () => {
    if (g.kind === 'const') {
      if (g.type.k === 'str') {
        w.line(`const ${rname}: &str = ${rustStr((value as any).value ?? '')};`);
        g.rust = rname;
        (g as any).isStr = true;
        return;
      }
      w.line(`const ${rname}: ${L.rt(g.type)} = ${L.exprOwned(value!, g.type)};`);
    } else {
      w.line(`static ${rname}: std::sync::LazyLock<${L.rt(g.type)}> = std::sync::LazyLock::new(|| ${L.exprOwned(value!, g.type)});`);
    }
  });
}

export function emitFunction(L: Lowerer, f: FuncInfo, selfParam?: string): string {
  const def = f.def;
  const w = L.w;
  if (def.docstring) L.docComment(def.docstring, '///');
  const isInit = def.name === '__init__';
  const vars = scanVars(def.body);
  L.scope = L.newScope({ info: f, vars, raises: f.raises, returnType: f.ret, isMain: false, selfName: selfParam });
  const params = f.params.map((p) => {
    const name = rustIdent(p.name);
    const t = L.rt(p.type);
    if (p.sym) {
      L.scope.declared.add(p.sym.id);
      if (p.mode === 'ref') L.scope.names.set(p.sym.id, { code: name, kind: 'ref', type: p.type });
      else if (p.mode === 'mut') L.scope.names.set(p.sym.id, { code: name, kind: 'mutref', type: p.type });
    }
    const u = p.sym ? vars.get(p.sym.id) : undefined;
    // `if p is None: p = default` rebinds through a new `let` (Lowerer.defaultIfNone).
    const defaulted = !!p.sym && u?.assigns === 1 && p.type.k === 'optional' && def.body.some((s) => s.k === 'if' && !s.orelse.length && s.body.length === 1 && s.test.k === 'cmp' && s.test.ops.length === 1 && s.test.ops[0] === 'is' && s.test.left.k === 'name' && s.test.left.sym?.id === p.sym!.id);
    const mut = p.mode === 'value' && u && (u.assigns > 0 || u.mutated) && !p.optMut && !(defaulted && !u.mutated) ? 'mut ' : '';
    if (p.mode === 'ref') {
      if (p.type.k === 'str') return `${name}: &str`;
      if (p.type.k === 'list' || p.type.k === 'tuplevar') return `${name}: &[${L.rt((p.type as any).elem)}]`;
      if (p.type.k === 'func') return `${name}: &${p.fnMut ? 'mut dyn FnMut' : 'dyn Fn'}(${p.type.params.map((x) => L.rt(x)).join(', ')}) -> ${L.rt(p.type.ret)}`;
      return `${name}: &${t}`;
    }
    if (p.mode === 'mut') return `${name}: &mut ${t}`;
    if (p.optMut && p.type.k === 'optional') return `${name}: Option<&mut ${L.rt(p.type.inner)}>`;
    if (p.type.k === 'iter') return `mut ${name}: impl Iterator<Item = ${L.rt(p.type.elem)}>`;
    if (p.type.k === 'func') return `${mut}${name}: impl Fn(${p.type.params.map((x) => L.rt(x)).join(', ')}) -> ${L.rt(p.type.ret)}`;
    return `${mut}${name}: ${t}`;
  });
  if (f.params.some((p) => hasUnknown(p.type))) {
    for (const p of f.params.filter((x) => hasUnknown(x.type))) {
      const pp = def.params.find((x) => x.name === p.name)!;
      L.diag('PTR020', pp.span, `type of parameter '${p.name}' could not be inferred (${typeToString(p.type)}); add a type hint`, 'warning', { suggestion: 'annotate the parameter, e.g. `x: int`' }, 0.4);
    }
  }
  if (f.selfMode === 'ref') params.unshift('&self');
  if (f.selfMode === 'mut') params.unshift('&mut self');
  let ret = f.ret;
  if (isInit) ret = { k: 'class', name: f.className ?? 'Self', fullName: '', args: [] };
  let retCode = '';
  if (f.isGenerator) {
    const elem = ret.k === 'iter' ? ret.elem : T.unknown;
    retCode = ` -> impl Iterator<Item = ${L.rt(elem)}>${f.selfMode === 'ref' || f.selfMode === 'mut' ? ' + \'_' : ''}`;
  } else if (isInit) retCode = ' -> Self';
  else if (f.returnsSelf) retCode = f.selfMode === 'mut' ? ' -> &mut Self' : ' -> &Self';
  else if (ret.k === 'iter' && (f.selfMode === 'ref' || f.selfMode === 'mut')) retCode = ` -> impl Iterator<Item = ${L.rt(ret.elem)}> + '_`;
  else if (ret.k === 'iter' && !f.className) {
    // Returns a lazy iterator over its (owned) arguments: closures move what they capture.
    retCode = ` -> impl Iterator<Item = ${L.rt(ret.elem)}>`;
    L.scope.moveClosures = true;
  }
  else if (ret.k === 'func' && !f.className) {
    // Returning a closure (a factory): `impl Fn`, or `impl FnMut` when it updates captured state.
    const fnMut = closureMutatesState(def.body);
    if (fnMut) L.fnMutFns.add(def.name);
    // (Clone when it captures only plain values: callers may store copies of it)
    const cloneable = !fnMut && f.params.every((p) => p.type.k !== 'func' && p.type.k !== 'iter' && p.type.k !== 'unknown');
    retCode = ` -> impl ${fnMut ? 'FnMut' : 'Fn'}(${ret.params.map((p) => L.rt(p)).join(', ')})${ret.ret.k !== 'none' && ret.ret.k !== 'unknown' ? ` -> ${L.rt(ret.ret)}` : ''}${cloneable ? ' + Clone' : ''}`;
  }
  else if (ret.k !== 'none' && ret.k !== 'unknown') retCode = ` -> ${L.rt(ret)}`;
  else if (ret.k === 'unknown' && def.body.some(function hasRet(s: AST.Stmt): boolean { return s.k === 'return' && !!s.value; })) {
    L.diag('PTR020', def.nameSpan, `return type of '${def.name}' could not be inferred; add a return annotation`, 'warning', {}, 0.4);
    retCode = ' -> i64';
  }
  if (f.raises) { L.useRuntime('exc'); retCode = ` -> Result<${retCode ? retCode.slice(4) : '()'}, PyErr>`; }
  const name = isInit ? 'new' : rustIdent(def.name === 'main' && f.rust === 'py_main' ? 'py_main' : def.name);
  const vis = f.className ? '' : '';
  // TypeVars in the signature (not the class's own) make a generic fn.
  const classParams = new Set(f.className ? L.classes.get(f.className)?.typeParams ?? [] : []);
  const tvars: string[] = [];
  const keyVars = new Set<string>();
  const findVars = (t: PyType, asKey = false) => {
    switch (t.k) {
      case 'typevar': if (!classParams.has(t.name) && !tvars.includes(t.name)) tvars.push(t.name); if (asKey) keyVars.add(t.name); break;
      case 'list': case 'deque': case 'tuplevar': case 'iter': findVars(t.elem); break;
      case 'set': findVars(t.elem, true); break;
      case 'dict': findVars(t.key, true); findVars(t.val); break;
      case 'tuple': t.elems.forEach((x) => findVars(x)); break;
      case 'optional': findVars(t.inner); break;
      case 'func': t.params.forEach((x) => findVars(x)); findVars(t.ret); break;
      case 'class': t.args.forEach((x) => findVars(x)); break;
      default: break;
    }
  };
  f.params.forEach((p) => findVars(p.type));
  findVars(f.ret);
  let generics = '';
  if (tvars.length) {
    L.useRuntime('pystr');
    generics = `<${tvars.map((t) => `${t}: Clone + PartialOrd + PyStr${keyVars.has(t) ? ' + std::hash::Hash + Eq' : ''}`).join(', ')}>`;
  }
  // @lru_cache / @cache: this body becomes NAME_uncached behind a memoizing wrapper.
  const memo = isMemoized(def) && canMemoize(f);
  const sig = `${vis}fn ${memo ? `${name}_uncached` : name}${generics}(${params.join(', ')})${retCode}`;
  if (memo) {
    const valueType = ret.k === 'none' || ret.k === 'unknown' ? (retCode ? retCode.replace(/^ -> (Result<)?/, '').replace(/, PyErr>$/, '') : '()') : L.rt(ret);
    const wrapper = emitMemoWrapper(L, f, name, generics, params, retCode, valueType);
    w.blank();
    w.line(`/// The body of \`${def.name}\` (called through the memo table).`);
    w.open(`${sig} {`, def.span);
    declareHoisted(L, def.body);
    L.functionBody(def.body, ret);
    w.close();
    return wrapper;
  }
  w.open(`${sig} {`, def.span);
  if (def.isAsync) {
    // Coroutines have no std-only equivalent; keep the signature so callers still type-check.
    w.line(`${L.todo(def.span, `async def ${def.name} (coroutines are not supported)`).code}`);
    w.close();
    return sig;
  }
  if (f.isGenerator) {
    lowerGeneratorBody(L, f);
    w.close();
    return sig;
  }
  declareHoisted(L, def.body);
  if (isInit && f.className) (L as any).initBody?.(f, def);
  else L.functionBody(def.body, ret);
  w.close();
  return sig;
}

/** Predeclare variables first assigned in a nested block but used after it. */
export function declareHoisted(L: Lowerer, body: AST.Stmt[]) {
  // Find, for each variable symbol, the statements (at this block level) that touch it.
  const firstTop = new Map<number, { index: number; direct: boolean; name: string; type: PyType }>();
  const touches = new Map<number, number[]>();
  body.forEach((s, i) => {
    const direct = s.k === 'assign' && s.targets.some((t) => t.k === 'name') || s.k === 'annassign' && s.target.k === 'name' && !!s.value;
    const ids: { id: number; name: string; type: PyType }[] = [];
    const scanStmt = [s];
    walkExprs(scanStmt, (e) => { if (e.k === 'name' && e.sym && (e.sym.scope === 'function' || e.sym.scope === 'module' && !L.globals.has(e.id)) && e.sym.kind === 'variable') ids.push({ id: e.sym.id, name: e.id, type: e.sym.declType }); });
    for (const x of ids) {
      if (!touches.has(x.id)) touches.set(x.id, []);
      const arr = touches.get(x.id)!;
      if (arr[arr.length - 1] !== i) arr.push(i);
      if (!firstTop.has(x.id)) {
        const assignsHere = direct && (s as any).targets ? (s as any).targets.some((t: AST.Expr) => t.k === 'name' && t.sym?.id === x.id || t.k === 'tuple' && t.elts.some((u) => u.k === 'name' && u.sym?.id === x.id)) : s.k === 'annassign' && s.target.k === 'name' && s.target.sym?.id === x.id;
        firstTop.set(x.id, { index: i, direct: !!assignsHere, name: x.name, type: x.type });
      }
    }
  });
  for (const [id, first] of firstTop) {
    const t = touches.get(id)!;
    const s = body[first.index];
    const nested = s.k === 'if' || s.k === 'while' || s.k === 'for' || s.k === 'try' || s.k === 'with' || s.k === 'match';
    if (first.direct || !nested) continue;
    // Used again after the block it's first assigned in, or first touched inside a loop: hoist.
    const usedAfter = t.length > 1;
    if (!usedAfter) continue;
    if (s.k === 'for' && s.target.k === 'name' && s.target.sym?.id === id) continue;
    if (first.type.k === 'unknown') continue;
    if (L.scope.names.has(id)) continue; // bound already (loop variable, parameter)
    (L as any).predeclTypes.set(id, { name: first.name, type: first.type });
    // Assigned inside a try block: Rust cannot see that the handlers leave or re-raise, so
    // start from a placeholder value to satisfy definite initialisation.
    // A loop variable read after its loop: Rust cannot prove the loop ran, so initialise it.
    let loopTarget = false;
    const visitFor = (ss: AST.Stmt[]) => ss.forEach((x) => {
      const binds = (t: AST.Expr): boolean => (t.k === 'name' ? t.sym?.id === id : t.k === 'tuple' || t.k === 'list' ? t.elts.some(binds) : false);
      if (x.k === 'for' && binds(x.target)) loopTarget = true;
      if (x.k === 'if' || x.k === 'while' || x.k === 'for') { visitFor(x.body); visitFor(x.orelse); }
      if (x.k === 'try') { visitFor(x.body); x.handlers.forEach((h) => visitFor(h.body)); visitFor(x.orelse); visitFor(x.finalbody); }
      if (x.k === 'with') visitFor(x.body);
    });
    visitFor([s]);
    L.emitPredeclare(id, s.k === 'try' || loopTarget);
  }
}

function emitMain(L: Lowerer, stmts: AST.Stmt[], pythonMainIsEntry: boolean, fragment = false) {
  const w = L.w;
  const mainFn = L.funcs.get('main');
  const vars = scanVars(stmts);
  L.scope = L.newScope({ vars, isMain: true, returnType: T.none });
  if (pythonMainIsEntry && mainFn) {
    L.useRuntime('panic_hook');
    // The Python main() is the entry point: emit its body as Rust's main.
    const def = mainFn.def;
    if (def.docstring) L.docComment(def.docstring, '///');
    L.scope = L.newScope({ info: mainFn, vars: scanVars(def.body), isMain: true, returnType: T.none, raises: false });
    w.open('fn main() {', def.span);
    w.line('install_panic_hook();');
    declareHoisted(L, def.body);
    L.functionBody(def.body, T.none);
    w.close();
    return 'fn main()';
  }
  w.open(fragment ? 'fn run() {' : 'fn main() {');
  if (!fragment) { L.useRuntime('panic_hook'); w.line('install_panic_hook();'); }
  for (const [name, g] of L.globals) {
    void name; void g;
  }
  declareHoisted(L, stmts);
  const flat: AST.Stmt[] = [];
  for (const s of stmts) {
    if (isMainGuard(s)) flat.push(...s.body);
    else flat.push(s);
  }
  if (flat !== stmts) {
    const pre = L.scope.predeclare.get(stmts);
    if (pre) L.scope.predeclare.set(flat, pre);
  }
  flat.forEach((s) => {
    if (s.k === 'expr' && s.value.k === 'call' && s.value.func.k === 'name' && s.value.func.id === 'main' && L.funcs.get('main')?.rust === 'main') return;
    L.stmt(s);
  });
  w.close();
  return fragment ? 'fn run()' : 'fn main()';
}
