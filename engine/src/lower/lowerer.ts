// Lowers the typed Python AST into Rust source. Statements and expressions live here; calls
// (builtins, methods, stdlib) are in calls.ts, formatting in format.ts, classes in classes.ts.
import * as AST from '../ast';
import { PyType, T, typeToString, sameType, hasUnknown as hasUnknownT } from '../types';
import { RustWriter } from '../emit/writer';
import { Code, Diagnostic, LineIndex, Severity } from '../diagnostics';
import { ClassInfo, FuncInfo, ParamInfo, PREC, RExpr } from './context';
import { elemType, isCopy, isNumeric, isObjUnion, plainUnionOf, rustChar, rustIdent, rustStr, rustType, TypeEnv } from './rtypes';
import { elementAlias, rootName, scanVars, VarUse, walkExprs } from './scan';
import { bindArgs, lowerCall, partialOf } from './calls';
import { constructException, exceptionField } from './excdata';
import { lowerFString, displayArg, nestedTuplevar, reprByType } from './format';
import { lowerClass, collectClass, classVarOfAttr, classVarRead, classVarWrite, isFrozenDataclass } from './classes';
import { declareHoisted } from './module';
import { RepeatedRows } from './rowalias';

/** An iterator expression and what it yields; `parts` = a tuple whose components have these kinds. */
export interface IterInfo { code: string; item: PyType; itemKind: RExpr['kind']; isRange?: boolean; parts?: RExpr['kind'][]; refBase?: boolean }

export interface ItemInfo { name: string; kind: 'fn' | 'struct' | 'main' | 'const' | 'trait'; span: AST.Span; rustStart: number; rustEnd: number; signature: string; confidence: number; docstring?: string }

/** Per-function lowering state. */
export interface FnScope {
  info?: FuncInfo;
  vars: Map<number, VarUse>;
  declared: Set<number>;
  predeclare: Map<AST.Stmt[], Set<number>>; // block -> symbols to declare at its start
  names: Map<number, { code: string; kind: RExpr['kind']; type: PyType }>; // overrides (params, loop refs)
  tryLabels: { label: string; catches: string[] }[];
  loopLabels: string[];
  labelCounter: number;
  raises: boolean;
  isMain: boolean;
  inInit?: { fields: Set<string>; /** fields changed again after their first assignment */ mutFields?: Set<string> };
  selfName?: string;
  returnType: PyType;
  generatorOut?: string;
  /** Inside a generator's state machine: the code a `return` becomes. */
  genReturn?: string;
  /** In a function returning an iterator: comprehension closures `move` their captures and
   *  iterator arguments are consumed (not borrowed). */
  moveClosures?: boolean;
  /** Inside a generator: iterator-typed locals are `Box<dyn Iterator>` (assignments box). */
  boxIters?: boolean;
  /** Enclosing `finally` bodies (innermost last) with the loop depth they sit at. */
  finallies?: { body: AST.Stmt[]; loopDepth: number }[];
}

export class Lowerer implements TypeEnv {
  readonly runtime = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];
  readonly funcs = new Map<string, FuncInfo>(); // module-level functions by name
  readonly classes = new Map<string, ClassInfo>();
  readonly items: ItemInfo[] = [];
  readonly lines: LineIndex;
  readonly globals = new Map<string, { type: PyType; mutable: boolean; rust: string }>();
  /** Degree of approximation met so far in the current item (for confidence). */
  penalties: number[] = [];
  scope!: FnScope;
  w!: RustWriter;
  exceptionKinds = new Map<string, string>(); // custom exception -> parent
  usesMainGuard = false;
  mainUsesArgv = false;
  /** `g = [[0] * n] * m` variables whose rows are one shared list (see rowalias.ts). */
  repeatedRows?: RepeatedRows;

  constructor(readonly module: AST.Module, readonly context: { functions?: Map<string, FuncInfo> } = {}) {
    this.lines = new LineIndex(module.text);
  }

  private exitCaughtMemo: boolean | undefined;
  /** Some handler can catch SystemExit (`except SystemExit`, `except BaseException`, bare
   *  `except:`): sys.exit() then raises a PyErr that handlers and `finally` see, instead of
   *  ending the process on the spot. */
  get exitCaught(): boolean {
    if (this.exitCaughtMemo === undefined) {
      let found = false;
      const visit = (ss: AST.Stmt[]): void => ss.forEach((s) => {
        if (s.k === 'try' && s.handlers.some((h) => !h.type || this.handlerKinds(h).some((k) => k === 'SystemExit' || k === 'BaseException'))) found = true;
        if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
        if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
        if (s.k === 'def' || s.k === 'class' || s.k === 'with') visit(s.body);
        if (s.k === 'match') s.cases.forEach((c) => visit(c.body));
      });
      visit(this.module.body);
      this.exitCaughtMemo = found;
    }
    return this.exitCaughtMemo;
  }

  // ---------- environment ----------
  classType(name: string): string | undefined {
    const c = this.classes.get(name);
    if (!c) return undefined;
    // Exception classes are kinds of the runtime's PyErr.
    if (c.isException) { this.useRuntime('exc'); return 'PyErr'; }
    if (c.isAbstract || c.hasSubclasses) return `Box<dyn ${c.rust}Trait>`;
    if (c.shared) return `std::rc::Rc<std::cell::RefCell<${c.rust}>>`;
    return c.rust;
  }
  useRuntime(chunk: string) { this.runtime.add(chunk); }
  /** `.as_ref().unwrap()` — `.as_deref().unwrap()` (a `&T`, not `&Box<T>`) for boxed classes. */
  unwrapRef(inner: PyType): string {
    return inner.k === 'class' && this.boxedOptional(inner.name) ? '.as_deref().unwrap()' : '.as_ref().unwrap()';
  }
  /** A narrowed Optional used as an assignment target or mutated: the `&mut` unwrap. */
  mutUnwrap(code: string): string {
    // Only a plain place path (`a.b.as_ref().unwrap().c`), not code with calls inside.
    if (!/^[\w.]+(\.as_(ref|deref)\(\)\.unwrap\(\)[\w.]*)+$/.test(code)) return code;
    return code.replace(/\.as_deref\(\)\.unwrap\(\)/g, '.as_deref_mut().unwrap()').replace(/\.as_ref\(\)\.unwrap\(\)/g, '.as_mut().unwrap()');
  }
  /** A self-referential class (`next: Optional["Node"]`): its Optional is `Option<Box<Node>>`. */
  boxedOptional(name: string): boolean {
    const c = this.classes.get(name);
    return !!c && !c.shared && !c.isAbstract && !c.hasSubclasses && !c.isEnum && !c.isException && c.fields.some((f) => f.type.k === 'optional' && f.type.inner.k === 'class' && f.type.inner.name === name);
  }
  rt(t: PyType): string { return rustType(t, this); }

  diag(code: Code, span: AST.Span, message: string, severity: Severity = 'warning', extra: Partial<Diagnostic> = {}, penalty = 0.3) {
    if (this.diagnostics.some((d) => d.code === code && d.message === message && d.range.start.line === this.lines.position(span.start).line)) return;
    this.diagnostics.push({ code, severity, message, range: this.lines.range(span), ...extra });
    this.penalties.push(penalty);
  }

  /** An unsupported construct: a diagnostic and a `todo!()` that compiles in any position. */
  todo(span: AST.Span, what: string, type: PyType = T.unknown): RExpr {
    this.diag('PTR010', span, `unsupported: ${what}`, 'warning', { suggestion: 'rewrite with a supported construct or translate by hand' }, 0.6);
    return { code: `todo!(${rustStr(what.replace(/\{/g, "{{").replace(/\}/g, "}}"))})`, type, kind: 'value', prec: PREC.atom };
  }

  newScope(partial: Partial<FnScope>): FnScope {
    return { vars: new Map(), declared: new Set(), predeclare: new Map(), names: new Map(), tryLabels: [], loopLabels: [], labelCounter: 0, raises: false, isMain: false, returnType: T.none, ...partial };
  }

  // ---------- value conversions ----------
  paren(e: RExpr, prec: number): string { return (e.prec ?? PREC.atom) < prec ? `(${e.code})` : e.code; }

  /** A numeric value as a method receiver: literals get a type suffix (`(-42_i64).abs()`). */
  numRecv(e: RExpr): string {
    const c = this.val(e);
    const m = /^(-?)(\d+(?:\.\d*)?(?:e[+-]?\d+)?)$/.exec(c);
    if (m) {
      const suffix = e.type.k === 'float' ? (/[.e]/.test(m[2]) ? '_f64' : '.0_f64') : '_i64';
      return m[1] ? `(${c}${suffix})` : `${c}${suffix}`;
    }
    if (/^-?\d+(\.\d+)?_(i64|f64|i128)$/.test(c)) return c.startsWith('-') ? `(${c})` : c;
    // (`*n.abs()` would apply the method before the deref)
    if (c.startsWith('*')) return `(${c})`;
    return this.paren({ ...e, code: c, prec: c === e.code ? e.prec : PREC.atom }, PREC.unary);
  }

  /** An owned value of e (clone / deref / to_string as needed). */
  own(e: RExpr): string {
    switch (e.kind) {
      case 'value': return e.code;
      case 'strlit': return `${e.code}.to_string()`;
      case 'char': return `${this.paren(e, PREC.unary)}.to_string()`;
      case 'place': return isCopy(e.type) ? e.code : `${this.paren(e, PREC.unary)}.clone()`;
      case 'ref': case 'mutref':
        if (isCopy(e.type)) return `*${this.paren(e, PREC.unary)}`;
        if (e.type.k === 'str') return `${this.paren(e, PREC.unary)}.to_string()`;
        if (e.type.k === 'list' || e.type.k === 'tuplevar') return `${this.paren(e, PREC.unary)}.to_vec()`;
        return `${this.paren(e, PREC.unary)}.clone()`;
    }
  }
  ownE(e: RExpr): RExpr { return { code: this.own(e), type: e.type, kind: 'value', prec: e.kind === 'value' ? e.prec : (e.kind === 'ref' || e.kind === 'mutref') && isCopy(e.type) ? PREC.unary : PREC.atom }; }

  /** A shared borrow of e (`&T`). */
  borrow(e: RExpr): string {
    switch (e.kind) {
      case 'ref': case 'strlit': return e.code;
      case 'mutref': return `&*${e.code}`;
      case 'char': return `&${this.paren(e, PREC.unary)}.to_string()`;
      default: return `&${this.paren(e, PREC.unary)}`;
    }
  }
  /** A `&str` view of a str-typed expression. */
  strRef(e: RExpr): string {
    if (e.kind === 'strlit') return e.code;
    if (e.kind === 'char') return `&${this.paren(e, PREC.unary)}.to_string()`;
    if (e.kind === 'ref') return e.code;
    if (e.kind === 'mutref') return `&*${e.code}`;
    return `&${this.paren(e, PREC.unary)}`;
  }
  /** A Copy value (deref refs). */
  val(e: RExpr): string {
    if ((e.kind === 'ref' || e.kind === 'mutref') && isCopy(e.type)) return `*${this.paren(e, PREC.unary)}`;
    if (e.kind === 'ref' || e.kind === 'mutref' || e.kind === 'place') return isCopy(e.type) ? e.code : this.own(e);
    return this.own(e);
  }
  valE(e: RExpr): RExpr { const code = this.val(e); return { code, type: e.type, kind: 'value', prec: code === e.code ? e.prec : code.startsWith('*') ? PREC.unary : PREC.atom }; }

  /** Converts an owned value to the expected type (int→float, T→Option<T>, None→None). */
  coerce(e: RExpr, expected: PyType | undefined): string {
    if (!expected || expected.k === 'unknown') return this.own(e);
    const exCls = expected.k === 'class' ? expected : expected.k === 'optional' && expected.inner.k === 'class' ? expected.inner : undefined;
    if (e.code === 'self' && e.concrete && exCls && this.classes.get(exCls.name)?.shared) {
      // A method storing `self` in another object: the method only has `&mut Self`, not the shared handle.
      return this.todo(this.w.currentSpan ?? { start: 0, end: 0 }, 'storing `self` of a shared (Rc<RefCell>) object from inside its own method').code;
    }
    if (isObjUnion(expected) && !isObjUnion(e.type)) return this.toObj(this.own(e), e.type);
    if (isObjUnion(e.type) && !isObjUnion(expected)) {
      // A tagged value used where one type is expected (after an isinstance check).
      if (expected.k === 'float') return `${this.paren(e, PREC.unary)}.as_f64()`;
      if (expected.k === 'int') return `${this.paren(e, PREC.unary)}.as_i64()`;
      if (expected.k === 'str') return `${this.paren(e, PREC.unary)}.to_str()`;
    }
    if (expected.k === 'optional') {
      if (e.type.k === 'none') return 'None';
      if (e.type.k === 'optional' || e.type.k === 'unknown') return this.own(e);
      if (expected.inner.k === 'class' && this.boxedOptional(expected.inner.name)) return `Some(Box::new(${this.coerce(e, expected.inner)}))`;
      return `Some(${this.coerce(e, expected.inner)})`;
    }
    if (expected.k === 'float' && (e.type.k === 'int' || e.type.k === 'bool')) {
      if (/^-?\d+$/.test(e.code)) return `${e.code}.0`;
      if (/^-?\d+_i64$/.test(e.code)) return `${e.code.slice(0, -4)}.0`;
      if (e.type.k === 'bool') return `${this.paren(this.valE(e), PREC.cast)} as i64 as f64`;
      return `${this.paren(this.valE(e), PREC.cast)} as f64`;
    }
    if (expected.k === 'int' && e.type.k === 'bool') return `${this.paren(this.valE(e), PREC.cast)} as i64`;
    if (expected.k === 'class' && this.classes.get(expected.name) && (this.classes.get(expected.name)!.hasSubclasses || this.classes.get(expected.name)!.isAbstract) && e.type.k === 'class' && this.classes.has(e.type.name)) {
      // A concrete struct value where the hierarchy's `Box<dyn Trait>` is expected.
      const boxed = (this.classType(e.type.name) ?? '').startsWith('Box<dyn') && !e.concrete;
      if (!boxed) return `Box::new(${this.own(e)})`;
    }
    if (expected.k === 'tuplevar' && e.type.k === 'tuple' && e.type.elems.every((et) => fitsElem(et, expected.elem))) return this.tupleToVec(this.own(e), e.type);
    if (expected.k === 'list' && e.type.k === 'list' && expected.elem.k === 'float' && e.type.elem.k === 'int') {
      return `${this.paren(e, PREC.unary)}.iter().map(|&x| x as f64).collect::<Vec<f64>>()`;
    }
    if (expected.k === 'list' && e.type.k === 'list' && expected.elem.k === 'optional' && e.type.elem.k !== 'optional' && e.code.startsWith('vec![')) {
      return this.own(e);
    }
    return this.own(e);
  }

  /** A fixed-size tuple of one item type as a Vec (a `tuple[T, ...]`). */
  tupleToVec(code: string, t: Extract<PyType, { k: 'tuple' }>): string {
    if (t.elems.length === 0) return 'Vec::new()';
    return `{ let t = ${code}; vec![${t.elems.map((_, i) => `t.${i}`).join(', ')}] }`;
  }

  /** Wraps an owned value of static type t into the tagged `Obj` of a union type. */
  toObj(code: string, t: PyType): string {
    this.useRuntime('obj');
    switch (t.k) {
      case 'int': return `Obj::Int(${code})`;
      case 'float': return `Obj::Float(${code})`;
      case 'bool': return `Obj::Bool(${code})`;
      case 'str': return `Obj::Str(${code})`;
      case 'none': return 'Obj::None';
      case 'list': case 'tuplevar': case 'set': case 'deque':
        return `Obj::${t.k === 'tuplevar' ? 'Tuple' : t.k === 'set' ? 'Set' : 'List'}(${/^[\w.]+$/.test(code) ? code : `(${code})`}.into_iter().map(|x| ${this.toObj('x', t.elem)}).collect())`;
      case 'tuple': return `{ let t = ${code}; Obj::Tuple(vec![${t.elems.map((et, i) => this.toObj(`t.${i}`, et)).join(', ')}]) }`;
      case 'dict': return `Obj::Dict(${/^[\w.]+$/.test(code) ? code : `(${code})`}.iter().map(|(k, v)| (${this.toObj('k.clone()', t.key)}, ${this.toObj('v.clone()', t.val)})).collect())`;
      case 'optional': return `match ${code} { Some(x) => ${this.toObj('x', t.inner)}, None => Obj::None }`;
      case 'union': return code;
      default: return `Obj::Int(${code})`;
    }
  }

  /** Python truthiness of e as a Rust bool expression. */
  truthy(e: RExpr): string {
    const t = e.type;
    if (isObjUnion(t)) return `${this.paren(e, PREC.unary)}.truthy()`;
    switch (t.k) {
      case 'bool': return this.val(e);
      case 'int': return `${this.paren(this.valE(e), PREC.cmp + 1)} != 0`;
      case 'float': return `${this.paren(this.valE(e), PREC.cmp + 1)} != 0.0`;
      case 'str': case 'list': case 'dict': case 'set': case 'deque': case 'tuplevar': case 'bytes':
        return e.kind === 'char' ? 'true' : `!${this.paren(e, PREC.unary)}.is_empty()`;
      case 'optional': {
        // None is falsy, and so is a falsy value inside (Some(0), Some("")).
        const inner = this.truthy({ code: 'x', type: t.inner, kind: isCopy(t.inner) ? 'value' : 'ref', prec: PREC.atom });
        if (inner === 'true') return `${this.paren(e, PREC.unary)}.is_some()`;
        return `${this.paren(e, PREC.unary)}.${isCopy(t.inner) ? '' : 'as_ref().'}is_some_and(|x| ${inner})`;
      }
      case 'none': return 'false';
      case 'tuple': return t.elems.length ? 'true' : 'false'; // a fixed-size tuple: empty only if ()
      case 'class': {
        const c = this.classes.get(t.name);
        if (c?.methods.has('__bool__')) return `${this.paren(e, PREC.unary)}.__bool__()`;
        if (c?.methods.has('__len__')) return `${this.paren(e, PREC.unary)}.__len__() != 0`;
        return 'true';
      }
      default: return this.val(e);
    }
  }

  /** A Python expression used as a condition (if/while/filters): and/or/not combine the
   * operands' truthiness directly instead of picking an operand value. */
  cond(e: AST.Expr): string {
    if (e.k === 'boolop') {
      const rop = e.op === 'and' ? ' && ' : ' || ';
      const side = (x: AST.Expr) => { const c = this.cond(x); return e.op === 'and' && / \|\| /.test(c) ? `(${c})` : c; };
      const l = side(e.left);
      // `x is not None and f(x)`: on the right, x is the unwrapped value.
      const saved = new Map(this.scope.names);
      if (e.op === 'and') this.narrowNotNone(e.left);
      const r = side(e.right);
      this.scope.names = saved;
      return `${l}${rop}${r}`;
    }
    if (e.k === 'unary' && e.op === 'not') return `!${wrapNot(this.cond(e.operand))}`;
    return this.truthy(this.expr(e));
  }

  // ---------- expressions ----------
  expr(e: AST.Expr, expected?: PyType): RExpr {
    try {
      const r = this.exprInner(e, expected);
      // A tagged value (`opts["count"]`) where one scalar type is expected: a checked conversion.
      if (expected && (expected.k === 'int' || expected.k === 'float' || expected.k === 'str') && isObjUnion(r.type)) {
        return { code: this.coerce(r, expected), type: expected, kind: 'value', prec: PREC.atom };
      }
      return r;
    } catch (err) {
      if (err instanceof RangeError) return this.todo(e.span, 'expression nested too deeply');
      // A construct the lowering did not anticipate (e.g. a method called with missing
      // arguments) becomes todo!() with a diagnostic instead of failing the whole file.
      if (err instanceof TypeError) return this.todo(e.span, 'this expression (unexpected shape)', e.type);
      throw err;
    }
  }

  /** Lowers e and converts it to an owned value of the expected type. */
  exprOwned(e: AST.Expr, expected?: PyType): string {
    if (expected?.k === 'float' && e.type.k === 'int') {
      // Python keeps an int in a float-annotated slot: str() shows `1`, Rust's f64 shows `1.0`.
      this.diag('PTR023', e.span, 'int value stored where float is declared: CPython keeps it an int (prints 1, not 1.0); the translation converts it to f64', 'info', { suggestion: 'write a float literal (1.0) or convert with float() if the printed form matters' }, 0.12);
    }
    if (expected && isObjUnion(expected)) {
      // A container literal inside a tagged value: tag its items one by one.
      this.useRuntime('obj');
      if (e.k === 'list' && !e.elts.some((x) => x.k === 'starred')) return `Obj::List(vec![${e.elts.map((x) => this.exprOwned(x, expected)).join(', ')}])`;
      if (e.k === 'tuple' && !e.elts.some((x) => x.k === 'starred')) return `Obj::Tuple(vec![${e.elts.map((x) => this.exprOwned(x, expected)).join(', ')}])`;
      // (a set's items in sorted order, like the BTreeSet of a plain set)
      if (e.k === 'set' && !e.elts.some((x) => x.k === 'starred')) return `Obj::Set({ let mut v = vec![${e.elts.map((x) => this.exprOwned(x, expected)).join(', ')}]; v.sort(); v.dedup(); v })`;
      if (e.k === 'dict' && e.items.every((i) => i.key)) return `Obj::Dict(vec![${e.items.map((i) => `(${this.exprOwned(i.key!, expected)}, ${this.exprOwned(i.value, expected)})`).join(', ')}])`;
    }
    const r = this.expr(e, expected);
    return this.coerce(r, expected ?? e.type);
  }

  private exprInner(e: AST.Expr, expected?: PyType): RExpr {
    switch (e.k) {
      case 'num': return this.number(e, expected);
      case 'str': return { code: rustStr(e.value), type: T.str, kind: 'strlit', prec: PREC.atom };
      case 'bytes': return { code: `b${rustStr(e.value)}.to_vec()`, type: { k: 'bytes' }, kind: 'value', prec: PREC.atom };
      case 'fstr': return lowerFString(this, e);
      case 'const':
        if (e.value === true) return { code: 'true', type: T.bool, kind: 'value', prec: PREC.atom };
        if (e.value === false) return { code: 'false', type: T.bool, kind: 'value', prec: PREC.atom };
        if (e.value === null) return { code: expected && expected.k === 'optional' ? 'None' : expected?.k === 'none' || !expected ? '()' : 'None', type: T.none, kind: 'value', prec: PREC.atom };
        return this.todo(e.span, 'Ellipsis / __debug__');
      case 'name': return (expected?.k === 'func' && e.sym?.scope === 'builtins' && this.builtinAsValue(e, expected)) || this.name(e);
      case 'bin': return this.binop(e);
      case 'unary': return this.unary(e, expected);
      case 'boolop': return this.boolop(e, expected);
      case 'cmp': return this.compare(e);
      case 'call': return lowerCall(this, e, expected);
      case 'attr': return (expected?.k === 'func' && e.value.k === 'name' && e.value.sym?.scope === 'builtins' && ['str', 'int', 'float', 'list', 'dict', 'set'].includes(e.value.id) && this.builtinAsValue(e, expected)) || this.attribute(e);
      case 'index': return this.index(e);
      case 'list': return this.listLit(e, expected);
      case 'tuple': return this.tupleLit(e, expected);
      case 'set': {
        const et = expected?.k === 'set' ? expected.elem : elemType(e.type);
        const items = e.elts.map((x) => this.exprOwned(x, et));
        return { code: `std::collections::BTreeSet::from([${items.join(', ')}])`, type: expected?.k === 'set' ? expected : e.type, kind: 'value', prec: PREC.atom };
      }
      case 'dict': return this.dictLit(e, expected);
      case 'comp': return this.inClosure(() => this.comprehension(e, expected), e.span);
      case 'lambda': return this.inClosure(() => this.lambda(e, expected), e.span);
      case 'ifexp': {
        const t = expected && expected.k !== 'unknown' ? expected : e.type;
        const a = this.exprOwned(e.body, t), b = this.exprOwned(e.orelse, t);
        return { code: `if ${this.cond(e.test)} { ${a} } else { ${b} }`, type: t, kind: 'value', prec: PREC.assign };
      }
      case 'walrus': {
        const v = this.exprOwned(e.value, e.target.type);
        const target = this.assignTargetName(e.target);
        if (!target) return this.todo(e.span, 'walrus target');
        return { code: `{ ${target} = ${v}; ${target}${isCopy(e.value.type) ? '' : '.clone()'} }`, type: e.value.type, kind: 'value', prec: PREC.atom };
      }
      case 'starred': return this.todo(e.span, 'starred expression here');
      case 'yield': return this.todo(e.span, 'yield as an expression');
      case 'yieldfrom': return this.todo(e.span, 'yield from as an expression');
      case 'await': return this.todo(e.span, 'await (async code)');
      case 'slice': return this.todo(e.span, 'slice object');
      case 'error': return this.todo(e.span, e.message);
    }
  }

  number(e: Extract<AST.Expr, { k: 'num' }>, expected?: PyType): RExpr {
    if (e.isInt) {
      const v = typeof e.value === 'bigint' ? e.value : BigInt(Math.trunc(e.value as number));
      const text = v.toString();
      if (expected?.k === 'float') return { code: `${text}.0`, type: T.float, kind: 'value', prec: PREC.atom };
      if (v > 9223372036854775807n || v < -9223372036854775808n) {
        this.diag('PTR030', e.span, `integer literal ${text} does not fit in 64 bits`, 'warning', {}, 0.5);
        return { code: `${text}_i128`, type: T.int, kind: 'value', prec: PREC.atom };
      }
      // Beyond i32: Rust would default an unconstrained literal to i32 and reject it.
      if (v > 2147483647n || v < -2147483648n) return { code: `${text}_i64`, type: T.int, kind: 'value', prec: PREC.atom };
      return { code: text, type: T.int, kind: 'value', prec: PREC.atom };
    }
    let s = String(e.value);
    if (!/[.eE]/.test(s) && !/inf|nan/i.test(s)) s += '.0';
    if (s === 'Infinity') s = 'f64::INFINITY';
    return { code: s, type: T.float, kind: 'value', prec: PREC.atom };
  }

  name(e: Extract<AST.Expr, { k: 'name' }>): RExpr {
    const type = this.varType(e);
    if (e.sym && this.scope.names.has(e.sym.id)) {
      const n = this.scope.names.get(e.sym.id)!;
      // An Optional parameter pyright narrowed at this use (`p if p is not None else []`).
      if (n.type.k === 'optional' && e.type.k !== 'optional' && e.type.k !== 'none' && e.type.k !== 'unknown' && sameType(n.type.inner, e.type) && (n.kind === 'ref' || n.kind === 'mutref' || n.kind === 'place')) {
        if (isCopy(n.type.inner)) return { code: `${n.kind === 'place' ? n.code : `(*${n.code})`}.unwrap()`, type: n.type.inner, kind: 'value', prec: PREC.atom };
        return { code: `${n.code}${this.unwrapRef(n.type.inner)}`, type: n.type.inner, kind: 'ref', prec: PREC.atom };
      }
      return { code: n.code, type: n.type, kind: n.kind, prec: PREC.atom };
    }
    if (e.sym?.scope === 'builtins') {
      return this.todo(e.span, `builtin ${e.id} used as a value`, e.type);
    }
    if (e.sym?.scope === 'module' && e.sym.kind === 'variable' && this.globals.has(e.id)) {
      // A module variable that functions use: main reads the same global.
      const g = this.globals.get(e.id)! as { type: PyType; rust: string; kind?: string; isStr?: boolean };
      const kind: RExpr['kind'] = g.kind === 'cell' ? 'value' : g.kind === 'const' && g.isStr ? 'ref' : 'place';
      return { code: g.rust, type: g.type, kind, prec: PREC.atom };
    }
    if (e.sym?.scope === 'module' && !this.scope.isMain) {
      const g = this.globals.get(e.id);
      if (g) return { code: g.rust, type: g.type, kind: 'place', prec: PREC.atom };
      const f = this.funcs.get(e.id);
      if (f) return { code: f.rust, type: e.type, kind: 'value', prec: PREC.atom };
    }
    if (e.id === 'self' && this.scope.selfName) return { code: 'self', type, kind: 'place', prec: PREC.atom, concrete: true };
    if (e.sym?.kind === 'function' && this.funcs.has(e.id)) return { code: this.funcs.get(e.id)!.rust, type: e.type, kind: 'value', prec: PREC.atom };
    if (type.k === 'optional' && e.type.k !== 'optional' && e.type.k !== 'none' && e.type.k !== 'unknown' && e.type.k !== 'union' && sameType(type.inner, e.type)) {
      // An Optional variable pyright narrowed to its inner type at this use (`x = f()` after `x = None`, `if x is not None` ...).
      if (isCopy(type.inner)) return { code: `${rustIdent(e.id)}.unwrap()`, type: type.inner, kind: 'value', prec: PREC.atom };
      return { code: `${rustIdent(e.id)}${this.unwrapRef(type.inner)}`, type: type.inner, kind: 'ref', prec: PREC.atom };
    }
    return { code: rustIdent(e.id), type, kind: 'place', prec: PREC.atom, concrete: !!e.sym && this.concreteVars.has(e.sym.id) };
  }
  /** Variables holding a hierarchy class as its concrete struct (`bike = Vehicle(...)`). */
  readonly concreteVars = new Set<number>();

  /** The type of a variable as declared across its scope (not the narrowed type at this use). */
  varType(e: Extract<AST.Expr, { k: 'name' }>): PyType {
    const d = e.sym?.declType;
    const local = e.sym ? this.localTypes.get(e.sym.id) : undefined;
    if (local && (!d || hasUnknownT(d) || isObjUnion(local))) return local;
    if (d && d.k !== 'unknown' && !(d.k === 'optional' && e.type.k !== 'optional' && e.type.k !== 'none' && this.isNarrowedUse(e))) return d;
    return e.type;
  }
  /** Types of variables pyright left Unknown, learned from the lowered value first assigned to them. */
  readonly localTypes = new Map<number, PyType>();
  learnType(t: AST.Expr, valueType: PyType) {
    if (t.k !== 'name' || !t.sym || hasUnknownT(valueType) || valueType.k === 'none') return;
    const d = t.sym.declType;
    if (d && !hasUnknownT(d) && !(isObjUnion(valueType) && isNumeric(d))) return;
    if (!this.localTypes.has(t.sym.id)) this.localTypes.set(t.sym.id, valueType);
  }
  private isNarrowedUse(_e: AST.Expr): boolean { return false; }

  /** The type of an expression, filling pyright's Unknowns from what lowering learned. */
  staticType(x: AST.Expr): PyType {
    // A name rebound in this scope (narrowed Optional, loop item, handler) has its bound type.
    if (x.k === 'name' && x.sym && this.scope.names.has(x.sym.id)) return this.scope.names.get(x.sym.id)!.type;
    if (x.k === 'name') {
      // An Optional narrowed at this use (after `is None` returns) has its inner type here.
      const d = this.varType(x);
      if (d.k === 'optional' && x.type.k !== 'optional' && x.type.k !== 'none' && x.type.k !== 'unknown' && sameType(d.inner, x.type)) return x.type;
      return d;
    }
    if (x.type.k !== 'unknown') return x.type;
    if (x.k === 'bin') {
      const a = this.staticType(x.left), b = this.staticType(x.right);
      if (isNumeric(a) && isNumeric(b)) {
        if (x.op === '/') return T.float;
        if (['+', '-', '*', '//', '%', '**'].includes(x.op)) return a.k === 'float' || b.k === 'float' ? T.float : T.int;
      }
      if (x.op === '+' && a.k === b.k && (a.k === 'str' || a.k === 'list')) return a;
    }
    if (x.k === 'unary' && (x.op === '-' || x.op === '+')) { const a = this.staticType(x.operand); return a.k === 'bool' ? T.int : a; }
    if (x.k === 'call' && x.func.k === 'name' && x.func.sym?.scope !== 'builtins') {
      const f = this.funcs.get(x.func.id);
      if (f && f.ret.k !== 'unknown') return f.ret;
    }
    return x.type;
  }

  binop(e: Extract<AST.Expr, { k: 'bin' }>): RExpr {
    const lt = this.staticType(e.left), rt = this.staticType(e.right);
    const op = e.op;
    if ((isObjUnion(lt) || isObjUnion(rt)) && ['+', '-', '*', '/', '//', '%', '**'].includes(op)) {
      // Tagged int|float values: Python's arithmetic rules at run time.
      const side = (x: AST.Expr, _t: PyType) => { const r = this.expr(x); return isObjUnion(r.type) ? this.borrow(r) : `&${this.toObj(this.own(r), r.type)}`; };
      const args = `${side(e.left, lt)}, ${side(e.right, rt)}, '${op === '//' ? 'f' : op === '**' ? 'p' : op}'`;
      if (['/', '//', '%'].includes(op) && !(e.right.k === 'num' && Number(e.right.value) !== 0) && this.inCatchingContext('ZeroDivisionError')) {
        // A caught ZeroDivisionError: its message depends on the operands' run-time types.
        this.useRuntime('obj_arith_r');
        return { code: this.propagate(`obj_arith_r(${args})`), type: isObjUnion(lt) ? lt : rt, kind: 'value', prec: PREC.unary };
      }
      return { code: `obj_arith(${args})`, type: isObjUnion(lt) ? lt : rt, kind: 'value', prec: PREC.atom };
    }
    const resT = e.type.k !== 'unknown' ? e.type : lt;
    const num = (x: AST.Expr, t: PyType) => {
      const r = this.expr(x, t);
      return { ...r, code: this.coerce(this.valE(r), t), kind: 'value' as const, prec: t.k === 'float' && (r.type.k === 'int' || r.type.k === 'bool') && !/^-?\d+$/.test(r.code) ? PREC.cast : this.valE(r).prec };
    };
    if (isNumeric(lt) && isNumeric(rt)) {
      const isFloat = lt.k === 'float' || rt.k === 'float';
      const t = isFloat ? T.float : T.int;
      const precOf: Record<string, number> = { '+': PREC.add, '-': PREC.add, '*': PREC.mul, '&': PREC.band, '|': PREC.bor, '^': PREC.bxor, '<<': PREC.shift, '>>': PREC.shift };
      if (op === '/') {
        const a = num(e.left, T.float), b = num(e.right, T.float);
        if (e.right.k === 'num' && Number(e.right.value) !== 0) return { code: `${this.paren(a, PREC.mul)} / ${this.paren(b, PREC.mul + 1)}`, type: T.float, kind: 'value', prec: PREC.mul };
        if (this.inCatchingContext('ZeroDivisionError')) {
          this.useRuntime('div_checked');
          const msg = isFloat ? 'float division by zero' : 'division by zero';
          return { code: this.propagate(`py_div_r(${a.code}, ${b.code}, ${rustStr(msg)})`), type: T.float, kind: 'value', prec: PREC.unary };
        }
        this.useRuntime('truediv');
        return { code: `py_div(${a.code}, ${b.code})`, type: T.float, kind: 'value', prec: PREC.atom };
      }
      if (op === '//' || op === '%') {
        const a = num(e.left, t), b = num(e.right, t);
        if (isFloat) { this.useRuntime('fmod'); return { code: `${op === '%' ? 'py_fmod' : 'py_ffloordiv'}(${a.code}, ${b.code})`, type: T.float, kind: 'value', prec: PREC.atom }; }
        // Non-negative operands known statically: Rust's operators agree with Python's.
        if (e.right.k === 'num' && Number(e.right.value) > 0 && this.nonNegative(e.left)) return { code: `${this.paren(a, PREC.mul)} ${op === '//' ? '/' : '%'} ${this.paren(b, PREC.mul + 1)}`, type: T.int, kind: 'value', prec: PREC.mul };
        if (!(e.right.k === 'num' && Number(e.right.value) !== 0) && this.inCatchingContext('ZeroDivisionError')) {
          this.useRuntime('div_checked');
          return { code: this.propagate(`${op === '//' ? 'py_floordiv_r' : 'py_mod_r'}(${a.code}, ${b.code})`), type: T.int, kind: 'value', prec: PREC.unary };
        }
        this.useRuntime(op === '//' ? 'floordiv' : 'mod');
        return { code: `${op === '//' ? 'py_floordiv' : 'py_mod'}(${a.code}, ${b.code})`, type: T.int, kind: 'value', prec: PREC.atom };
      }
      if (op === '**') {
        if (!isFloat && !(e.right.k === 'unary' && e.right.op === '-')) {
          if (e.left.k === 'num' && e.left.isInt && e.right.k === 'num' && e.right.isInt && Number(e.right.value) >= 0 && Number(e.right.value) < 100000) {
            // Constant power: fold it (10 ** 300 does not fit any Rust integer).
            const p = BigInt(e.left.value) ** BigInt(e.right.value);
            if (p <= 9223372036854775807n) return { code: p > 2147483647n ? `${p}_i64` : p.toString(), type: T.int, kind: 'value', prec: PREC.atom };
            if (p <= 170141183460469231731687303715884105727n) {
              this.diag('PTR030', e.span, `integer ${p} does not fit in 64 bits`, 'warning', {}, 0.5);
              return { code: `${p}_i128`, type: T.int, kind: 'value', prec: PREC.atom };
            }
            this.diag('PTR030', e.span, 'integer too large for Rust integers; approximated as a float', 'warning', {}, 0.5);
            return { code: `${Number(p).toExponential().replace('e+', 'e')}_f64`, type: T.float, kind: 'value', prec: PREC.atom };
          }
          const a = num(e.left, T.int), b = num(e.right, T.int);
          if (e.right.k === 'num') return { code: `${/^-\d+$/.test(a.code) ? `(${a.code}_i64)` : this.paren(a, PREC.unary)}${/^\d+$/.test(a.code) ? '_i64' : ''}.pow(${b.code})`, type: T.int, kind: 'value', prec: PREC.atom };
          this.useRuntime('ipow');
          return { code: `py_ipow(${a.code}, ${b.code})`, type: T.int, kind: 'value', prec: PREC.atom };
        }
        const a = num(e.left, T.float), b = num(e.right, T.float);
        const base = /^\d+(\.\d+)?$/.test(a.code) ? `${a.code.includes('.') ? a.code : a.code + '.0'}_f64` : this.paren(a, PREC.unary);
        if (rt.k === 'int' && e.right.k === 'num') return { code: `${base}.powi(${String(e.right.value)})`, type: T.float, kind: 'value', prec: PREC.atom };
        return { code: `${base}.powf(${b.code})`, type: T.float, kind: 'value', prec: PREC.atom };
      }
      const p = precOf[op];
      if (p === undefined) return this.todo(e.span, `operator ${op}`);
      if (lt.k === 'bool' && rt.k === 'bool' && ['&', '|', '^'].includes(op)) {
        const a = this.valE(this.expr(e.left)), b = this.valE(this.expr(e.right));
        return { code: `${this.paren(a, p)} ${op} ${this.paren(b, p + 1)}`, type: T.bool, kind: 'value', prec: p };
      }
      const a = num(e.left, t), b = num(e.right, t);
      // `1 << 40` of two bare literals: Rust would evaluate it as i32.
      if (t.k === 'int' && /^-?\d+$/.test(a.code) && /^-?\d+$/.test(b.code)) a.code += '_i64';
      return { code: `${this.paren(a, p)} ${op} ${this.paren(b, p + 1)}`, type: t, kind: 'value', prec: p };
    }
    if (lt.k === 'str' && op === '+' && (isNumeric(rt) || rt.k === 'none' || rt.k === 'list' || rt.k === 'dict' || rt.k === 'tuple')) {
      // `"a" + 1` always raises TypeError in Python.
      this.useRuntime('exc');
      const names: Partial<Record<PyType['k'], string>> = { int: 'int', float: 'float', bool: 'bool', none: 'NoneType', list: 'list', dict: 'dict', tuple: 'tuple' };
      const err = `Err::<String, PyErr>(PyErr::new("TypeError", ${rustStr(`can only concatenate str (not "${names[rt.k]}") to str`)}))`;
      return { code: this.propagateOrPanic(err, 'TypeError'), type: T.str, kind: 'value', prec: PREC.unary };
    }
    if (lt.k === 'str' && op === '+') {
      const a = this.expr(e.left), b = this.expr(e.right);
      return { code: `format!("{}{}", ${this.strDisplay(a)}, ${this.strDisplay(b)})`, type: T.str, kind: 'value', prec: PREC.atom };
    }
    if (lt.k === 'str' && op === '*' || rt.k === 'str' && op === '*') {
      const [s, n] = lt.k === 'str' ? [e.left, e.right] : [e.right, e.left];
      this.useRuntime('str_methods');
      return { code: `str_repeat(${this.strRef(this.expr(s))}, ${this.val(this.expr(n))})`, type: T.str, kind: 'value', prec: PREC.atom };
    }
    if (lt.k === 'str' && op === '%') return lowerCall(this, { k: 'call', span: e.span, type: T.str, func: { k: 'attr', span: e.span, type: T.unknown, value: e.left, attr: '__mod__', attrSpan: e.span }, args: [{ value: e.right, span: e.right.span }] });
    if ((lt.k === 'list' || lt.k === 'tuplevar') && op === '+') {
      const a = this.expr(e.left, resT), b = this.expr(e.right, resT);
      return { code: `[${this.own(a)}, ${this.own(b)}].concat()`, type: resT, kind: 'value', prec: PREC.atom };
    }
    if ((lt.k === 'list' && op === '*') || (rt.k === 'list' && op === '*')) {
      const [l, n] = lt.k === 'list' ? [e.left, e.right] : [e.right, e.left];
      const et = elemType(l.type);
      if (this.repeatedRows?.builds.has(e)) { /* rows kept equal after each change (rowalias.ts) */ } else if (['list', 'dict', 'set', 'deque'].includes(et.k) || (et.k === 'class' && this.classes.has(et.name) && !this.classes.get(et.name)!.shared && !this.classes.get(et.name)!.isEnum)) {
        // Python repeats references: every row is the same object (a change shows in all).
        this.diag('PTR021', e.span, 'list repetition of a mutable item: Python\'s copies are one shared object, the translation makes independent copies', 'warning', { suggestion: 'use a comprehension, e.g. `[[0] * n for _ in range(m)]`' }, 0.3);
      }
      const countE = this.valE(this.expr(n));
      const count = /^\d+$/.test(countE.code) ? countE.code : this.paren(countE, PREC.cast);
      if (l.k === 'list' && l.elts.length === 1) {
        const item = this.exprOwned(l.elts[0], elemType(l.type.k === 'list' ? resT : l.type));
        return { code: `vec![${item}; ${/^\d+$/.test(count) ? count : `${count} as usize`}]`, type: resT, kind: 'value', prec: PREC.atom };
      }
      return { code: `${this.paren(this.expr(l), PREC.unary)}.repeat(${/^\d+$/.test(count) ? count : `${count} as usize`})`, type: resT, kind: 'value', prec: PREC.atom };
    }
    if (op === '*' && (lt.k === 'tuple' && e.right.k === 'num' || rt.k === 'tuple' && e.left.k === 'num')) {
      // (a, b) * 2 with a literal count: a fixed-size tuple of the repeated fields.
      const [tx, nx] = lt.k === 'tuple' ? [e.left, e.right] : [e.right, e.left];
      const tt = tx.type as Extract<PyType, { k: 'tuple' }>;
      const count = Math.max(0, Number((nx as Extract<AST.Expr, { k: 'num' }>).value));
      if (count * tt.elems.length <= 12) {
        const items: string[] = [];
        const elems: PyType[] = [];
        for (let r = 0; r < count; r++) tt.elems.forEach((et, i) => { items.push(`__a.${i}${isCopy(et) ? '' : '.clone()'}`); elems.push(et); });
        return { code: `{ let __a = ${this.own(this.expr(tx))}; (${items.join(', ')}${items.length === 1 ? ',' : ''}) }`, type: { k: 'tuple', elems }, kind: 'value', prec: PREC.atom };
      }
    }
    if (lt.k === 'tuple' && rt.k === 'tuple' && op === '+') {
      const a = this.own(this.expr(e.left)), b = this.own(this.expr(e.right));
      const la = lt.elems.length, lb = rt.elems.length;
      const items = [...Array(la).keys()].map((i) => `__a.${i}`).concat([...Array(lb).keys()].map((i) => `__b.${i}`));
      return { code: `{ let __a = ${a}; let __b = ${b}; (${items.join(', ')}) }`, type: e.type, kind: 'value', prec: PREC.atom };
    }
    if (lt.k === 'set' && ['|', '&', '-', '^'].includes(op)) {
      const m = { '|': 'union', '&': 'intersection', '-': 'difference', '^': 'symmetric_difference' }[op]!;
      const a = this.expr(e.left), b = this.expr(e.right);
      return { code: `${this.paren(a, PREC.unary)}.${m}(${this.borrow(b)}).cloned().collect::<std::collections::BTreeSet<_>>()`, type: lt, kind: 'value', prec: PREC.atom };
    }
    if (lt.k === 'class' || rt.k === 'class') {
      // Operator overloading: `a + b` calls a.__add__(b), else b.__radd__(a) (a not a user object).
      const dunder: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '==': 'eq', '%': 'mod', '//': 'floordiv', '@': 'matmul', '**': 'pow', '&': 'and', '|': 'or', '^': 'xor', '<<': 'lshift', '>>': 'rshift' };
      const find = (cls: string, name: string): FuncInfo | undefined => {
        for (let c = this.classes.get(cls); c; c = c.base ? this.classes.get(c.base) : undefined) { const m = c.methods.get(name); if (m) return m; }
        return undefined;
      };
      const call = (m: FuncInfo, recv: AST.Expr, arg: AST.Expr): RExpr => {
        const a = this.expr(recv), b = this.expr(arg, m.params[0]?.type);
        const code = `${this.paren(a, PREC.unary)}.${rustIdent(m.name)}(${this.argFor(m.params[0], b)})`;
        const ret = m.ret.k !== 'unknown' ? m.ret : e.type.k !== 'unknown' ? e.type : recv.type;
        return { code: m.raises ? this.propagate(code) : code, type: ret, kind: 'value', prec: m.raises ? PREC.unary : PREC.atom };
      };
      const name = dunder[op];
      const fwd = name && lt.k === 'class' ? find(lt.name, `__${name}__`) : undefined;
      if (fwd) return call(fwd, e.left, e.right);
      const rev = name && rt.k === 'class' && !(lt.k === 'class' && this.classes.has(lt.name)) ? find(rt.name, `__r${name}__`) : undefined;
      if (rev) return call(rev, e.right, e.left);
    }
    if (lt.k === 'dict' && lt.flavor === 'counter' && rt.k === 'dict' && ['+', '-', '&', '|'].includes(op)) {
      // Counter arithmetic keeps only positive counts.
      this.useRuntime('counter');
      const a = this.expr(e.left), b = this.expr(e.right);
      return { code: `counter_op(${this.borrow(a)}, ${this.borrow(b)}, '${op}')`, type: lt, kind: 'value', prec: PREC.atom };
    }
    if (lt.k === 'dict' && op === '|') {
      const a = this.own(this.expr(e.left)), b = this.expr(e.right);
      return { code: `{ let mut __d = ${a}; for (k, v) in ${this.paren(b, PREC.unary)}.iter() { __d.insert(k.clone(), v.clone()); } __d }`, type: lt, kind: 'value', prec: PREC.atom };
    }
    return this.todo(e.span, `operator ${op} on ${typeToString(lt)} and ${typeToString(rt)}`, e.type);
  }

  /** Statically non-negative int expression (literals, len(), range loop vars from 0). */
  nonNegative(e: AST.Expr): boolean {
    if (e.k === 'num') return Number(e.value) >= 0;
    if (e.k === 'call' && e.func.k === 'name' && e.func.id === 'len') return true;
    if (e.k === 'bin' && (e.op === '+' || e.op === '*' || e.op === '//' || e.op === '%')) return this.nonNegative(e.left) && this.nonNegative(e.right);
    return false;
  }

  /** Code that Displays a str-typed expression in format!(). */
  strDisplay(e: RExpr): string {
    if (e.kind === 'strlit' || e.kind === 'char' || e.kind === 'ref') return e.code;
    if (e.kind === 'value') return e.code;
    return e.code;
  }

  unary(e: Extract<AST.Expr, { k: 'unary' }>, expected?: PyType): RExpr {
    if (e.op === 'not' && staticTruth(e.operand) !== undefined) return { code: String(!staticTruth(e.operand)), type: T.bool, kind: 'value', prec: PREC.atom };
    const x = this.expr(e.operand);
    if (e.op === 'not') return { code: `!${wrapNot(this.truthy(x))}`, type: T.bool, kind: 'value', prec: PREC.unary };
    if (e.op === '-') {
      if (e.operand.k === 'num') {
        const n = this.number(e.operand, expected);
        return { code: `-${n.code}`, type: n.type, kind: 'value', prec: PREC.unary };
      }
      if (isObjUnion(x.type)) return { code: `obj_arith(&Obj::Int(0), ${this.borrow(x)}, '-')`, type: x.type, kind: 'value', prec: PREC.atom };
      const v = this.valE(x);
      const t = x.type.k === 'bool' ? T.int : x.type;
      const code = x.type.k === 'bool' ? `-(${v.code} as i64)` : `-${this.paren(v, PREC.unary)}`;
      if (x.type.k === 'class') {
        const c = this.classes.get(x.type.name);
        if (c?.methods.has('__neg__')) return { code: `${this.paren(x, PREC.unary)}.__neg__()`, type: x.type, kind: 'value', prec: PREC.atom };
      }
      return { code, type: t, kind: 'value', prec: PREC.unary };
    }
    if (e.op === '+') return this.valE(x);
    if (e.op === '~') return { code: `!${this.paren(this.valE(x), PREC.unary)}`, type: T.int, kind: 'value', prec: PREC.unary };
    return this.todo(e.span, `unary ${e.op}`);
  }

  boolop(e: Extract<AST.Expr, { k: 'boolop' }>, expected?: PyType): RExpr {
    // `True and None`, `0 or None`: a literal left operand decides statically which operand it is.
    const st = staticTruth(e.left);
    if (st !== undefined) {
      const pick = (e.op === 'and') === st ? e.right : e.left;
      // `{} and x` is `{}`: an empty literal of no known type takes the fallback one.
      if (!expected && pick.k === 'dict' && !pick.items.length && pick.type.k === 'dict' && hasUnknownT(pick.type)) {
        this.useRuntime('dict');
        return { code: 'Dict::<i64, i64>::new()', type: { k: 'dict', key: T.int, val: T.int }, kind: 'value', prec: PREC.atom };
      }
      return this.expr(pick, expected);
    }
    const a = this.expr(e.left);
    // `x is not None and f(x)`: on the right, x is the unwrapped value.
    const savedNames = new Map(this.scope.names);
    if (e.op === 'and') this.narrowNotNone(e.left);
    const b = this.expr(e.right);
    this.scope.names = savedNames;
    const rop = e.op === 'and' ? '&&' : '||';
    const p = e.op === 'and' ? PREC.and : PREC.or;
    if (a.type.k === 'bool' && b.type.k === 'bool' || expected?.k === 'bool') {
      return { code: `${wrapPrec(this.truthy(a), a, p)} ${rop} ${wrapPrec(this.truthy(b), b, p + 1)}`, type: T.bool, kind: 'value', prec: p };
    }
    // Value-returning and/or: `x or default` picks an operand.
    // Operands of different types (`"" or 0`): the result is a tagged Obj.
    // (an item of a never-filled `list[Unknown]` variable is the i64 fallback; that variable
    // against a known list is two different types too)
    const listOfUnknown = (x: AST.Expr, t: PyType) => x.k === 'name' && (t.k === 'list' && t.elem.k === 'unknown');
    const bt = b.type.k === 'unknown' && e.right.k === 'index' && listOfUnknown(e.right.value, e.right.value.type) ? T.int : b.type;
    const unknownVsKnown = listOfUnknown(e.left, a.type) && bt.k === 'list' && !hasUnknownT(bt);
    const differ = (a.type.k !== bt.k || unknownVsKnown || !sameType(a.type, bt) && !hasUnknownT(a.type) && !hasUnknownT(bt)) && !(isNumeric(a.type) && isNumeric(bt)) && a.type.k !== 'optional' && bt.k !== 'optional' && a.type.k !== 'none' && bt.k !== 'none' && a.type.k !== 'unknown' && bt.k !== 'unknown';
    if (bt !== b.type) b.type = bt;
    const objT = expected && isObjUnion(expected) ? expected : isObjUnion(e.type) ? e.type : differ || isObjUnion(a.type) || isObjUnion(b.type) ? plainUnionOf([a.type, bt]) : undefined;
    const t = objT ?? (e.type.k !== 'unknown' && e.type.k !== 'union' ? e.type : b.type);
    if (e.op === 'or' && a.type.k === 'optional' && t.k !== 'optional' && t.k !== 'none' && b.type.k !== 'optional') {
      // `children or []` with an Optional left: its value when present and truthy, else the right.
      const test = this.truthy({ code: '__v', type: a.type.inner, kind: 'place' });
      const hit = objT && !isObjUnion(a.type.inner) ? this.toObj('__v', a.type.inner) : '__v';
      return { code: `match ${this.own(a)} { Some(__v) if ${test} => ${hit}, _ => ${this.coerce(b, t)} }`, type: t, kind: 'value', prec: PREC.atom };
    }
    if (e.op === 'or' && a.type.k === 'optional') {
      return { code: `${this.own(a)}.or(${this.coerce(b, a.type)})`, type: a.type, kind: 'value', prec: PREC.atom };
    }
    const tmp = '__v';
    const av = this.coerce(a, t);
    const bv = this.coerce(b, t);
    // __v holds the left operand converted to the result type (int → float keeps truthiness).
    const test = this.truthy({ code: tmp, type: objT || isNumeric(a.type) && isNumeric(t) ? t : a.type, kind: 'place' });
    const code = e.op === 'or'
      ? `{ let ${tmp} = ${av}; if ${test} { ${tmp} } else { ${bv} } }`
      : `{ let ${tmp} = ${av}; if ${test} { ${bv} } else { ${tmp} } }`;
    return { code, type: t, kind: 'value', prec: PREC.atom };
  }

  /** Within the rest of a conjunction, names tested `is not None` by `test` read unwrapped. */
  narrowNotNone(test: AST.Expr) {
    if (test.k === 'boolop' && test.op === 'and') { this.narrowNotNone(test.left); this.narrowNotNone(test.right); return; }
    if (test.k !== 'cmp' || test.ops.length !== 1 || test.ops[0] !== 'is not' || test.left.k !== 'name' || !test.left.sym) return;
    const c = test.comparators[0];
    if (c.k !== 'const' || c.value !== null) return;
    const cur = this.name(test.left);
    if (cur.type.k !== 'optional') return;
    const inner = cur.type.inner;
    const code = isCopy(inner) ? `${this.paren(cur, PREC.unary)}.unwrap()` : `${this.paren(cur, PREC.unary)}.as_ref().unwrap()`;
    this.scope.names.set(test.left.sym.id, { code, kind: isCopy(inner) ? 'value' : 'ref', type: inner });
  }

  compare(e: Extract<AST.Expr, { k: 'cmp' }>): RExpr {
    const simple = (x: AST.Expr): boolean => x.k === 'name' || x.k === 'num' || x.k === 'str' || x.k === 'const' || (x.k === 'attr' && simple(x.value)) || (x.k === 'unary' && x.operand.k === 'num');
    if (e.ops.length > 1 && e.comparators.slice(0, -1).some((x) => !simple(x))) {
      // A middle operand with effects is evaluated once: bind it, and keep `&&` laziness.
      const build = (left: AST.Expr, i: number): string => {
        const right = e.comparators[i];
        if (i === e.ops.length - 1) return this.compareOne(e.ops[i], left, right, e.span);
        let mid = right;
        let pre = '';
        const bind = (x: AST.Expr): AST.Expr => {
          const tmp = `__c${this.scope.labelCounter++}`;
          const sym: AST.SymbolRef = { id: -9000 - this.scope.labelCounter, scope: 'function', declType: x.type, kind: 'variable' };
          pre += `let ${tmp} = ${this.own(this.expr(x))}; `;
          this.scope.names.set(sym.id, { code: tmp, kind: 'place', type: x.type });
          return { k: 'name', span: x.span, type: x.type, id: tmp, sym };
        };
        if (!simple(right)) {
          if (!simple(left)) left = bind(left);
          mid = bind(right);
        }
        const first = this.compareOne(e.ops[i], left, mid, e.span);
        const rest = build(mid, i + 1);
        const body = `${/ (&&|\|\|) /.test(first) ? `(${first})` : first} && ${/ \|\| /.test(rest) ? `(${rest})` : rest}`;
        return pre ? `{ ${pre}${body} }` : body;
      };
      return { code: build(e.left, 0), type: T.bool, kind: 'value', prec: PREC.and };
    }
    const parts: string[] = [];
    let left = e.left;
    for (let i = 0; i < e.ops.length; i++) {
      const right = e.comparators[i];
      parts.push(this.compareOne(e.ops[i], left, right, e.span));
      left = right;
    }
    if (parts.length === 1) return { code: parts[0], type: T.bool, kind: 'value', prec: PREC.cmp };
    return { code: parts.map((p) => (/ (&&|\|\|) /.test(p) ? `(${p})` : p)).join(' && '), type: T.bool, kind: 'value', prec: PREC.and };
  }

  compareOne(op: string, l: AST.Expr, r: AST.Expr, span: AST.Span): string {
    const fl = emptyFamily(l), fr = emptyFamily(r);
    if (fl && fr && (op === '==' || op === '!=')) return String((fl === fr) === (op === '=='));
    if (op === 'is' || op === 'is not') {
      const sameRows = (x: AST.Expr) => x.k === 'index' && x.value.k === 'name' && !!x.value.sym && !!this.repeatedRows?.vars.has(x.value.sym.id);
      if (sameRows(l) && sameRows(r)) {
        // Rows of `[[..]] * n` are one list: identical whenever both indexes are in range.
        return `{ let _ = (${this.borrow(this.expr(l))}, ${this.borrow(this.expr(r))}); ${op === 'is'} }`;
      }
      const other = r.k === 'const' && r.value === null ? l : l.k === 'const' && l.value === null ? r : undefined;
      if (other) {
        const x = this.expr(other);
        if (x.type.k === 'none') return op === 'is' ? 'true' : 'false';
        if (isObjUnion(x.type)) return `${op === 'is' ? '' : '!'}matches!(${x.code}, Obj::None)`;
        // A value whose type cannot hold None is never None.
        if (x.type.k !== 'optional' && x.type.k !== 'unknown' && x.type.k !== 'typevar' && x.type.k !== 'union') return op === 'is' ? 'false' : 'true';
        return `${this.paren(x, PREC.unary)}.${op === 'is' ? 'is_none' : 'is_some'}()`;
      }
      const objectLike = (t: PyType) => (t.k === 'class' && this.classes.has(t.name) && !this.classes.get(t.name)!.isEnum) || t.k === 'list' || t.k === 'dict' || t.k === 'set' || t.k === 'deque';
      if (objectLike(l.type) && objectLike(r.type)) {
        // Object identity: the same place in memory (values are not shared between variables).
        const a = this.expr(l), b = this.expr(r);
        if (l.type.k === 'class' && this.classes.get(l.type.name)?.shared) return `${op === 'is' ? '' : '!'}std::rc::Rc::ptr_eq(${this.borrow(a)}, ${this.borrow(b)})`;
        return `${op === 'is' ? '' : '!'}std::ptr::eq(${this.borrow(a)}, ${this.borrow(b)})`;
      }
      op = op === 'is' ? '==' : '!=';
    }
    const emptyLit = (x: AST.Expr) => (x.k === 'list' || x.k === 'set') && !x.elts.length || x.k === 'dict' && !x.items.length;
    if ((op === '==' || op === '!=') && (emptyLit(r) || emptyLit(l)) && !(emptyLit(r) && emptyLit(l))) {
      // `xs == []`: an emptiness test (the literal alone has no element type).
      const other = emptyLit(r) ? l : r;
      if (['list', 'dict', 'set', 'deque'].includes(other.type.k) && (other.type.k === (emptyLit(r) ? r : l).k || other.type.k === 'deque' && (emptyLit(r) ? r : l).k === 'list')) {
        return `${op === '==' ? '' : '!'}${this.paren(this.expr(other), PREC.unary)}.is_empty()`;
      }
    }
    if (op === '==' || op === '!=') {
      // A NamedTuple equals the plain tuple of its fields.
      const ntOf = (x: AST.Expr) => (x.type.k === 'class' && this.classes.get(x.type.name)?.isNamedTuple ? this.classes.get(x.type.name) : undefined);
      const [ntE, other] = ntOf(l) ? [l, r] : [r, l];
      const nt = ntOf(ntE);
      if (nt && other.type.k === 'tuple' && other.type.elems.length === nt.fields.length) {
        const fs = nt.fields.map((f) => (isCopy(f.type) ? `__t.${rustIdent(f.name)}` : `__t.${rustIdent(f.name)}.clone()`));
        const tup = `{ let __t = ${this.borrow(this.expr(ntE))}; (${fs.join(', ')}${fs.length === 1 ? ',' : ''}) }`;
        return `${tup} ${op} ${this.exprOwned(other, { k: 'tuple', elems: nt.fields.map((f) => f.type) })}`;
      }
    }
    if ((op === 'in' || op === 'not in') && r.type.k === 'type' && r.type.of.k === 'class' && this.classes.get(r.type.of.name)?.isEnum) {
      // `Color.RED in Color`
      return `${op === 'not in' ? '!' : ''}${this.classes.get(r.type.of.name)!.rust}::ALL.contains(&${this.val(this.expr(l))})`;
    }
    if ((op === '==' || op === '!=') && (l.type.k === 'class' && this.classes.get(l.type.name)?.isEnum) !== (r.type.k === 'class' && this.classes.get(r.type.name)?.isEnum) && l.type.k !== 'unknown' && r.type.k !== 'unknown' && l.type.k !== 'optional' && r.type.k !== 'optional') {
      // An Enum member never equals a plain value (`Color.RED == 1` is False).
      return op === '==' ? 'false' : 'true';
    }
    if (op === 'in' || op === 'not in') {
      const neg = op === 'not in' ? '!' : '';
      const c = this.expr(r), x = this.expr(l);
      const ct = c.type;
      if (ct.k === 'str') {
        if (x.kind === 'char') return `${neg}${this.paren(c, PREC.unary)}.contains(${x.code})`;
        if (x.kind === 'strlit' && x.code.startsWith('"') && JSON.parse(x.code).length === 1 && !x.code.includes('\\')) return `${neg}${this.paren(c, PREC.unary)}.contains(${rustChar(JSON.parse(x.code))})`;
        return `${neg}${this.paren(c, PREC.unary)}.contains(${this.strRef(x)})`;
      }
      // `100 in {"a": 1}`: a key of another type is never found.
      if (ct.k === 'dict' && ((x.type.k === 'str') !== (ct.key.k === 'str')) && (isNumeric(x.type) || x.type.k === 'str') && (isNumeric(ct.key) || ct.key.k === 'str')) return neg ? 'true' : 'false';
      if (ct.k === 'dict') return `${neg}${this.paren(c, PREC.unary)}.contains_key(${this.keyRef(x, ct.key)})`;
      if (r.k === 'tuple' || r.k === 'list' || r.k === 'set') {
        const et = r.elts[0]?.type ?? x.type;
        // (an Obj needle: the literal items become Obj values too)
        const items = r.elts.map((el) => this.exprOwned(el, x.type.k === 'float' ? T.float : isObjUnion(x.type) ? x.type : et));
        if (x.type.k === 'str' || x.kind === 'char') {
          const lits = r.elts.every((el) => el.k === 'str');
          if (lits) return `${neg}[${r.elts.map((el) => rustStr((el as any).value)).join(', ')}].contains(&${x.kind === 'char' ? `${x.code}.to_string().as_str()` : x.kind === 'strlit' ? x.code : `${this.strRef(x)}`})`;
        }
        return `${neg}[${items.join(', ')}].contains(${this.borrow(this.valE(x))})`;
      }
      if (ct.k === 'list' || ct.k === 'set' || ct.k === 'deque' || ct.k === 'tuplevar') {
        const needle = x.kind === 'strlit' ? `&${x.code}.to_string()` : x.kind === 'char' ? `&${x.code}.to_string()` : this.borrow(x.kind === 'value' || isCopy(x.type) ? this.valE(x) : x);
        if (ct.k === 'list' && ct.elem.k === 'float' && x.type.k === 'int') return `${neg}${this.paren(c, PREC.unary)}.contains(&(${this.val(x)} as f64))`;
        // A `&str` needle in a Vec<String>: Vec::contains wants `&String`.
        if (ct.k !== 'set' && ct.elem.k === 'str' && (x.kind === 'ref' || x.kind === 'mutref')) return `${neg}${this.paren(c, PREC.unary)}.iter().any(|__s| __s == ${this.strRef(x)})`;
        return `${neg}${this.paren(c, PREC.unary)}.contains(${needle})`;
      }
      if (ct.k === 'iter') {
        // `x in (generator)`: consume items until one is equal.
        const needle = x.type.k === 'str' ? this.strRef(x) : isCopy(x.type) ? this.val(x) : this.own(x);
        const it = this.iterate(r);
        return `${neg}{ let __n = ${needle}; ${wrapIter(this.ownedItems(it))}.any(|__x| __x == ${x.type.k === 'str' ? '*__n' : '__n'}) }`;
      }
      if (ct.k === 'tuple' && ct.elems.length && ct.elems.every((t) => t.k === 'str') && (x.type.k === 'str' || x.kind === 'char')) {
        // Compare as &str views (the tuple's Strings cannot be moved out of it).
        const asStr = x.kind === 'strlit' || x.kind === 'ref' ? x.code : x.kind === 'mutref' ? `&*${x.code}` : x.kind === 'char' ? `${x.code}.to_string().as_str()` : `${this.paren(x, PREC.unary)}.as_str()`;
        return `${neg}[${ct.elems.map((_, i) => `${this.paren(c, PREC.unary)}.${i}.as_str()`).join(', ')}].contains(&${asStr})`;
      }
      if (ct.k === 'tuple' && !ct.elems.every(isCopy)) {
        return `${neg}[${ct.elems.map((_, i) => `&${this.paren(c, PREC.unary)}.${i}`).join(', ')}].contains(&${this.borrow(x)})`;
      }
      if (ct.k === 'tuple') {
        const items = ct.elems.map((_, i) => `${this.paren(c, PREC.unary)}.${i}`);
        return `${neg}[${items.join(', ')}].contains(${this.borrow(this.valE(x))})`;
      }
      if (ct.k === 'class' && ct.fullName === 'builtins.range') return `${neg}(${c.code}).contains(${this.borrow(this.valE(x))})`;
      if (ct.k === 'class') {
        const cls = this.classes.get(ct.name);
        if (cls?.methods.has('__contains__')) return `${neg}${this.paren(c, PREC.unary)}.__contains__(${this.argFor(cls.methods.get('__contains__')!.params[0], x)})`;
      }
      if (isObjUnion(ct)) return `${neg}${this.paren(c, PREC.unary)}.has(${isObjUnion(x.type) ? this.borrow(x) : `&${this.toObj(this.own(x), x.type)}`})`;
      return this.todo(span, `'in' on ${typeToString(ct)}`).code;
    }
    const a = this.expr(l), b = this.expr(r);
    const rop = op === '<>' ? '!=' : op;
    if (a.type.k === 'set' && b.type.k === 'set' && ['<', '<=', '>', '>='].includes(rop)) {
      // Sets compare by inclusion (BTreeSet's own ordering is lexicographic).
      const [x, y] = rop.startsWith('<') ? [a, b] : [b, a];
      const sub = `${this.paren(x, PREC.unary)}.is_subset(${this.borrow(y)})`;
      return rop.length === 1 ? `(${sub} && ${this.paren(x, PREC.unary)}.len() < ${this.paren(y, PREC.unary)}.len())` : sub;
    }
    const tupleLens = (x: PyType) => (x.k === 'tuple' ? x.elems.length : -1);
    const oneElem = (x: PyType, y: PyType) => x.k === 'tuple' && y.k === 'tuple' && [...x.elems, ...y.elems].every((et) => sameType(et, x.elems[0] ?? y.elems[0]));
    if (tupleLens(a.type) >= 0 && tupleLens(b.type) >= 0 && tupleLens(a.type) !== tupleLens(b.type) && oneElem(a.type, b.type)) {
      // Tuples of different lengths, one item type: compared as slices (lexicographic, then length).
      const side = (x: RExpr) => `&${this.tupleToVec(this.own(x), x.type as Extract<PyType, { k: 'tuple' }>)}[..]`;
      return `${side(a)} ${rop} ${side(b)}`;
    }
    if (tupleLens(a.type) >= 0 && tupleLens(b.type) >= 0 && tupleLens(a.type) !== tupleLens(b.type) && plainUnionOf([a.type, b.type])) {
      // Tuples of different lengths (`(1, 2) < (1, 2, 0)`): compared as tagged values, lexicographically.
      return `&${this.toObj(this.own(a), a.type)} ${rop} &${this.toObj(this.own(b), b.type)}`;
    }
    const tupleVsVec = (x: PyType, y: PyType) => x.k === 'tuple' && y.k === 'tuplevar' && x.elems.every((et) => fitsElem(et, y.elem));
    if (tupleVsVec(a.type, b.type) || tupleVsVec(b.type, a.type)) {
      // A fixed-size tuple against a variable-length one: both as slices.
      const side = (x: RExpr) => (x.type.k === 'tuple' ? `&${this.tupleToVec(this.own(x), x.type)}[..]` : `&${this.paren(x, PREC.unary)}[..]`);
      return `${side(a)} ${rop} ${side(b)}`;
    }
    const kinds = (x: PyType) => (x.k === 'tuplevar' ? 'tuple' : x.k);
    if ((rop === '==' || rop === '!=') && kinds(a.type) !== kinds(b.type) && !(isNumeric(a.type) && isNumeric(b.type)) && !['optional', 'none', 'unknown', 'union'].includes(a.type.k) && !['optional', 'none', 'unknown', 'union'].includes(b.type.k) && plainUnionOf([a.type, b.type])) {
      // Values of different types (`[] == False`) are never equal (operands still evaluated).
      const res = rop === '==' ? 'false' : 'true';
      const pure = (x: RExpr) => /^[\w.]*$|^vec!\[\]$|^"[^"]*"$/.test(x.code);
      return pure(a) && pure(b) ? res : `{ let _ = (${this.borrow(a)}, ${this.borrow(b)}); ${res} }`;
    }
    if (isObjUnion(a.type) || isObjUnion(b.type)) {
      // Tagged values compare as Obj (Python's cross-type equality rules live in the runtime).
      const side = (x: RExpr) => (isObjUnion(x.type) ? this.borrow(x) : `&${this.toObj(this.own(x), x.type)}`);
      return `${side(a)} ${rop} ${side(b)}`;
    }
    // `mid * mid <= n`: a product of int variables compared: Python ints do not overflow, so
    // multiply in i128 (the comparison's result is a bool: nothing wider escapes).
    const isProduct = (x: AST.Expr) => x.k === 'bin' && x.op === '*' && x.left.type.k === 'int' && x.right.type.k === 'int' && x.left.k !== 'num' && x.right.k !== 'num';
    if (a.type.k === 'int' && b.type.k === 'int' && (isProduct(l) || isProduct(r))) {
      const wide = (x: AST.Expr, rx: RExpr) => {
        if (isProduct(x) && x.k === 'bin') return `(${this.paren(this.valE(this.expr(x.left)), PREC.cast)} as i128 * ${this.paren(this.valE(this.expr(x.right)), PREC.cast)} as i128)`;
        return `(${this.paren(this.valE(rx), PREC.cast)} as i128)`;
      };
      return `${wide(l, a)} ${rop} ${wide(r, b)}`;
    }
    // Numbers: compare as the wider type.
    if (isNumeric(a.type) && isNumeric(b.type)) {
      const t = a.type.k === 'float' || b.type.k === 'float' ? T.float : a.type.k === 'bool' && b.type.k === 'bool' ? T.bool : T.int;
      const ac = this.coerce(this.valE(a), t), bc = this.coerce(this.valE(b), t);
      const ap = ac.includes(' as ') ? `(${ac})` : ac, bp = bc.includes(' as ') ? `(${bc})` : bc;
      return `${wrapCmp(ap, a)} ${rop} ${wrapCmp(bp, b)}`;
    }
    // Optional[str] == str: compare as Option<&str>.
    if ((rop === '==' || rop === '!=') && (a.type.k === 'optional' && a.type.inner.k === 'str' && (b.type.k === 'str' || b.kind === 'char') || b.type.k === 'optional' && b.type.inner.k === 'str' && (a.type.k === 'str' || a.kind === 'char'))) {
      const [o, s] = a.type.k === 'optional' ? [a, b] : [b, a];
      return `${rop === '!=' ? '!' : ''}${this.paren(o, PREC.unary)}.as_ref().is_some_and(|__v| __v == ${this.strRef(s)})`;
    }
    if (a.type.k === 'str' || b.type.k === 'str' || a.kind === 'char' || b.kind === 'char') {
      // char vs one-char literal stays a char comparison
      if (a.kind === 'char' && b.kind === 'strlit' && b.code.startsWith('"') && [...JSON.parse(b.code)].length === 1) return `${a.code} ${rop} ${rustChar(JSON.parse(b.code))}`;
      if (b.kind === 'char' && a.kind === 'strlit' && a.code.startsWith('"') && [...JSON.parse(a.code)].length === 1) return `${rustChar(JSON.parse(a.code))} ${rop} ${b.code}`;
      if (a.kind === 'char' && b.kind === 'char') return `${a.code} ${rop} ${b.code}`;
      if (rop === '==' || rop === '!=') return `${this.strRef(a)} ${rop} ${this.strRef(b)}`;
      const plain = (x: RExpr) => x.kind === 'place' || x.kind === 'value';
      if (plain(a) && plain(b)) return `${this.paren(a, PREC.cmp + 1)} ${rop} ${this.paren(b, PREC.cmp + 1)}`;
      const sl = (x: RExpr) => (x.kind === 'strlit' ? x.code : x.kind === 'char' ? `&${x.code}.to_string()[..]` : `&${this.paren(x, PREC.unary)}[..]`);
      return `${sl(a)} ${rop} ${sl(b)}`;
    }
    if (a.type.k === 'optional' && b.type.k !== 'optional' && b.type.k !== 'none') {
      return `${this.paren(a, PREC.cmp + 1)} ${rop} ${this.coerce(b, a.type)}`;
    }
    const av = isCopy(a.type) ? this.val(a) : a.kind === 'ref' || a.kind === 'mutref' ? `*${a.code}` : a.code;
    const bv = isCopy(b.type) ? this.val(b) : b.kind === 'ref' || b.kind === 'mutref' ? `*${b.code}` : b.code;
    if (a.type.k === 'class') {
      const c = this.classes.get(a.type.name);
      if (c && (rop === '<' || rop === '>') && c.methods.has(rop === '<' ? '__lt__' : '__gt__') && !c.isDataclass) {
        return `${this.paren(a, PREC.unary)}.${rop === '<' ? '__lt__' : '__gt__'}(${this.borrow(b)})`;
      }
    }
    return `${wrapCmp(av, a)} ${rop} ${wrapCmp(bv, b)}`;
  }

  private strCmpOperand(e: RExpr): string {
    if (e.kind === 'strlit') return e.code;
    if (e.kind === 'ref' || e.kind === 'mutref') return `*${e.code}`;
    return this.paren(e, PREC.cmp + 1);
  }

  /** A `&K` for dict lookups. */
  /** A str-typed 'ref' expression that is a `&str` (a str parameter), not a `&String`. */
  isStrParamRef(x: RExpr): boolean {
    return !!this.scope.info?.params.some((p) => p.mode === 'ref' && p.type.k === 'str' && rustIdent(p.name) === x.code);
  }

  keyRef(x: RExpr, keyType: PyType): string {
    // A dict keyed by tagged values looked up with a plain one: tag it.
    if (isObjUnion(keyType) && !isObjUnion(x.type) && x.type.k !== 'unknown') return `&${this.toObj(this.own(x), x.type)}`;
    if (x.kind === 'strlit' || x.kind === 'char') return `&${this.own(x)}`;
    // A `&str` (parameter) looking up a String key: Dict methods take `&String`.
    if (keyType.k === 'str' && x.kind === 'ref' && x.type.k === 'str' && this.isStrParamRef(x)) return `&${this.own(x)}`;
    if (keyType.k === 'float' && x.type.k === 'int') return `&(${this.val(x)} as f64)`;
    if (x.kind === 'value') return `&${this.paren(x, PREC.unary)}`;
    return this.borrow(x);
  }

  attribute(e: Extract<AST.Expr, { k: 'attr' }>): RExpr {
    const v = e.value;
    const ntFields = e.attr === '_fields' && (v.type.k === 'type' && v.type.of.k === 'class' ? this.classes.get(v.type.of.name) : v.type.k === 'class' ? this.classes.get(v.type.name) : undefined);
    if (ntFields && ntFields.isNamedTuple) {
      // Point._fields: the field names, as a tuple of str.
      const fs = ntFields.fields.map((f) => `${rustStr(f.name)}.to_string()`);
      return { code: `(${fs.join(', ')}${fs.length === 1 ? ',' : ''})`, type: { k: 'tuple', elems: ntFields.fields.map(() => T.str) }, kind: 'value', prec: PREC.atom };
    }
    if (e.attr === '__name__' && v.k === 'call' && v.func.k === 'name' && v.func.id === 'type' && v.func.sym?.scope === 'builtins' && v.args.length === 1) {
      const tn = this.typeNameOf(v.args[0].value);
      if (tn) return tn;
    }
    if (v.k === 'name' && v.type.k === 'module') {
      const mod = v.type.name || v.id;
      const r = moduleConstant(mod, e.attr);
      if (r) return { code: r.code, type: r.type, kind: 'value', prec: PREC.atom };
      if (mod === 'math' && e.type.k === 'func' && e.type.params.length === 1) {
        // `math.sqrt` as a value: a closure over the call's lowering.
        const sym: AST.SymbolRef = { id: -9000 - (++this.scope.labelCounter), scope: 'function', declType: T.float, kind: 'parameter' };
        const arg: AST.Expr = { k: 'name', span: e.span, type: T.float, id: '__x', sym };
        const saved = new Map(this.scope.names);
        this.scope.names.set(sym.id, { code: 'x', kind: 'value', type: T.float });
        const body = lowerCall(this, { k: 'call', span: e.span, type: e.type.ret, func: e, args: [{ value: arg, span: e.span }] });
        this.scope.names = saved;
        if (!body.code.includes('todo!(')) return { code: `|x: f64| ${this.own(body)}`, type: { k: 'func', params: [T.float], ret: body.type }, kind: 'value', prec: PREC.assign };
      }
      return this.todo(e.span, `${mod}.${e.attr}`, e.type);
    }
    const cvar = classVarOfAttr(this, e);
    if (cvar) {
      const base = classVarRead(this, cvar);
      const ov = v.type.k === 'class' ? this.classes.get(v.type.name)?.fields.find((f) => f.name === e.attr && f.override) : undefined;
      if (!ov) return base;
      // An instance attribute shadowing the class attribute once set.
      let obj = this.expr(v);
      if (v.type.k === 'class' && this.classes.get(v.type.name)?.shared && !(v.k === 'name' && v.id === 'self')) obj = { ...obj, code: `${this.paren(obj, PREC.unary)}.borrow()`, prec: PREC.atom };
      const code = isCopy(cvar.type) ? `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}.unwrap_or(${this.own(base)})` : `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}.clone().unwrap_or_else(|| ${this.own(base)})`;
      return { code, type: cvar.type, kind: 'value', prec: PREC.atom };
    }
    if (v.type.k === 'type' && v.type.of.k === 'class') {
      // Class attribute or enum member.
      const c = this.classes.get(v.type.of.name);
      if (c?.isException) { const r = this.excClassAttr(c, e.attr); if (r) return r; }
      if (c) {
        if (c.isEnum) return { code: `${c.rust}::${e.attr}`, type: v.type.of, kind: 'value', prec: PREC.atom };
        return { code: `${c.rust}::${e.attr.toUpperCase()}`, type: e.type, kind: 'value', prec: PREC.atom };
      }
    }
    if (e.attr === 'maxlen' && v.type.k === 'deque' && v.k === 'name' && v.sym) {
      // The constant a bounded deque was created with (None when unbounded).
      const n = this.dequeMaxlens.get(v.sym.id);
      return { code: n ? `Some(${n}_i64)` : 'None::<i64>', type: { k: 'optional', inner: T.int }, kind: 'value', prec: PREC.atom };
    }
    if (this.scope.inInit && v.k === 'name' && v.id === 'self' && this.scope.inInit.fields.has(e.attr)) {
      const ft = this.fieldType(v.type, e.attr) ?? e.type;
      return { code: rustIdent(e.attr), type: ft, kind: 'place', prec: PREC.atom };
    }
    let obj = this.expr(v);
    // A shared object (`Rc<RefCell<C>>`, not `self`): read through `.borrow()`.
    const sharedCls = (t: PyType) => t.k === 'class' && !!this.classes.get(t.name)?.shared;
    if (sharedCls(obj.type) && !(v.k === 'name' && v.id === 'self' && this.scope.selfName)) obj = { ...obj, code: `${this.paren(obj, PREC.unary)}.borrow()`, prec: PREC.atom };
    if (obj.type.k === 'optional' && sharedCls(obj.type.inner)) {
      const inner = obj.type.inner as Extract<PyType, { k: 'class' }>;
      const ft = this.classes.get(inner.name)!.fields.find((f) => f.name === e.attr)?.type ?? e.type;
      return { code: `${this.paren(obj, PREC.unary)}.as_ref().unwrap().borrow().${rustIdent(e.attr)}`, type: ft, kind: 'place', prec: PREC.atom };
    }
    if (obj.type.k === 'class') {
      const c = this.classes.get(obj.type.name);
      if (e.attr === '__cause__' && this.rt(obj.type) === 'PyErr') {
        const base: PyType = { k: 'class', name: 'BaseException', fullName: 'builtins.BaseException', args: [] };
        return { code: `${this.paren(obj, PREC.unary)}.cause.as_deref().cloned()`, type: { k: 'optional', inner: base }, kind: 'value', prec: PREC.atom };
      }
      if (e.attr === 'code' && obj.type.name === 'SystemExit' && this.rt(obj.type) === 'PyErr' && this.exitCaught) {
        this.useRuntime('sysexit');
        return { code: `exit_code(&${this.paren(obj, PREC.unary)})`, type: e.type, kind: 'value', prec: PREC.atom };
      }
      if (c?.isException && e.attr === 'args' && !c.fields.some((f) => f.name === 'args')) {
        // A user exception's args: the message its constructor passed up (one item, or none).
        this.useRuntime('exc_args');
        return { code: `exc_args(${this.borrow(obj)})`, type: { k: 'tuplevar', elem: T.str }, kind: 'value', prec: PREC.atom };
      }
      if (c?.isException && e.attr !== 'args') {
        const fieldRead = exceptionField(this, c, obj, e.attr);
        if (fieldRead) return fieldRead;
        const r = this.excClassAttr(c, e.attr, `${this.paren(obj, PREC.unary)}.kind`);
        if (r) return r;
        return this.todo(e.span, `attribute ${e.attr} of exception ${c.name} (exceptions carry only their class and message)`, e.type);
      }
      if (c) {
        let prop = c.methods.get(e.attr);
        for (let b = c.base ? this.classes.get(c.base) : undefined; !prop && b; b = b.base ? this.classes.get(b.base) : undefined) prop = b.methods.get(e.attr);
        if (prop && prop.def.decorators.some((d) => d.expr.k === 'name' && d.expr.id === 'property')) {
          const code = `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}()`;
          return { code: prop.raises ? this.propagate(code) : code, type: prop.ret.k !== 'unknown' ? prop.ret : e.type, kind: 'value', prec: PREC.atom };
        }
        if (c.isEnum && (e.attr === 'name' || e.attr === 'value')) {
          // name() and str values are `&'static str` (a reference, not an owned String).
          return { code: `${this.paren(obj, PREC.unary)}.${e.attr}()`, type: e.type, kind: e.attr === 'name' || e.type.k === 'str' ? 'ref' : 'value', prec: PREC.atom };
        }
        const field = c.fields.find((f) => f.name === e.attr);
        const narrowed = v.type.k === 'class' && v.type.name !== c.name ? this.classes.get(v.type.name) : undefined;
        if (narrowed && !obj.concrete && (this.classType(c.name) ?? '').startsWith('Box<dyn') && narrowed.fields.some((f) => f.name === e.attr) && !field) {
          // `isinstance(e, Num)` narrowed a `Box<dyn Trait>` to a subclass: downcast to read its field.
          const sf = narrowed.fields.find((f) => f.name === e.attr)!;
          return { code: `${this.paren(obj, PREC.unary)}.as_any().downcast_ref::<${narrowed.rust}>().unwrap().${rustIdent(e.attr)}`, type: sf.type, kind: 'place', prec: PREC.atom };
        }
        if (field && (c.hasSubclasses || c.isAbstract) && !obj.concrete && (this.classType(c.name) ?? '').startsWith('Box<dyn')) {
          // A `Box<dyn Trait>` object: fields are read through the trait's getters.
          return { code: `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}()`, type: field.type, kind: 'value', prec: PREC.atom };
        }
        if (!field && (c.hasSubclasses || c.isAbstract)) {
          return { code: `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}()`, type: e.type, kind: 'value', prec: PREC.atom };
        }
        if (!field && !prop) {
          const cv = c.node.classVars.find((x) => x.name === e.attr);
          if (cv) return { code: `${c.rust}::${e.attr.toUpperCase()}`, type: cv.type, kind: 'value', prec: PREC.atom };
        }
        const ft = field?.type ?? e.type;
        if (ft.k === 'optional' && e.type.k !== 'optional' && e.type.k !== 'none' && e.type.k !== 'unknown' && e.type.k !== 'union' && sameType(ft.inner, e.type)) {
          // An Optional field pyright narrowed at this use (`e.manager` under `if e.manager is not None`).
          const base = `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}`;
          if (isCopy(ft.inner)) return { code: `${base}.unwrap()`, type: ft.inner, kind: 'value', prec: PREC.atom };
          return { code: `${base}${this.unwrapRef(ft.inner)}`, type: ft.inner, kind: 'ref', prec: PREC.atom };
        }
        return { code: `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}`, type: ft, kind: 'place', prec: PREC.atom };
      }
      if (obj.type.fullName.startsWith('builtins.') && /Error|Exception/.test(obj.type.name) && e.attr === 'args') {
        // (a tuple of the message; a KeyError's key)
        this.useRuntime('exc_args');
        return { code: `exc_args(${this.borrow(obj)})`, type: { k: 'tuplevar', elem: T.str }, kind: 'value', prec: PREC.atom };
      }
    }
    if (obj.type.k === 'optional' && obj.type.inner.k === 'class') {
      // Attribute of a narrowed Optional (after `is not None`): unwrap.
      const inner = obj.type.inner;
      const c = this.classes.get(inner.name);
      const ft = c?.fields.find((f) => f.name === e.attr)?.type ?? e.type;
      return { code: `${this.paren(obj, PREC.unary)}${this.unwrapRef(inner)}.${rustIdent(e.attr)}`, type: ft, kind: 'place', prec: PREC.atom };
    }
    if (obj.type.k === 'tuple' && e.attr && /^[a-z_]+$/.test(e.attr)) {
      return this.todo(e.span, `attribute ${e.attr} of a tuple`, e.type);
    }
    return { code: `${this.paren(obj, PREC.unary)}.${rustIdent(e.attr)}`, type: e.type, kind: 'place', prec: PREC.atom };
  }

  /** A class attribute (`code = 2`) of an exception class: constant per kind, so a value of
   *  static class `c` picks it by its runtime kind among c's subclasses. */
  excClassAttr(c: ClassInfo, attr: string, kindCode?: string): RExpr | undefined {
    const valueOf = (cls: ClassInfo): AST.Expr | undefined => {
      for (let k: ClassInfo | undefined = cls; k; k = k.base ? this.classes.get(k.base) : undefined) {
        for (const st of k.node.body) {
          if (st.k === 'assign' && st.targets.length === 1 && st.targets[0].k === 'name' && st.targets[0].id === attr) return st.value;
          if (st.k === 'annassign' && st.target.k === 'name' && st.target.id === attr && st.value) return st.value;
        }
      }
      return undefined;
    };
    const base = valueOf(c);
    if (!base) return undefined;
    const isSub = (k: ClassInfo) => { for (let x: ClassInfo | undefined = k; x; x = x.base ? this.classes.get(x.base) : undefined) if (x === c) return true; return false; };
    const t = base.type;
    const own = this.expr(base);
    const subs = kindCode ? [...this.classes.values()].filter((k) => k !== c && k.isException && isSub(k)) : [];
    const arms = subs.map((k) => ({ name: k.name, v: valueOf(k)! })).filter((a) => a.v !== base);
    if (!arms.length) return own;
    const code = `match ${kindCode} { ${arms.map((a) => `${rustStr(a.name)} => ${this.exprOwned(a.v, t)}`).join(', ')}, _ => ${this.coerce(own, t)} }`;
    return { code, type: t, kind: 'value', prec: PREC.atom };
  }

  /** `type(x).__name__`: the class name of x, static where the Rust type decides it. */
  typeNameOf(x: AST.Expr): RExpr | undefined {
    const bound = x.k === 'name' && x.sym ? this.scope.names.get(x.sym.id) : undefined;
    const t = bound ? bound.type : x.k === 'name' ? this.varType(x) : x.type;
    const lit = (s: string): RExpr => ({ code: rustStr(s), type: T.str, kind: 'strlit', prec: PREC.atom });
    switch (t.k) {
      case 'int': case 'float': case 'str': case 'bool': case 'list': case 'set': case 'tuple': case 'bytes': return lit(t.k);
      case 'tuplevar': return lit('tuple');
      case 'none': return lit('NoneType');
      case 'deque': return lit('deque');
      case 'union':
        if (isObjUnion(t)) {
          const r = this.expr(x);
          // (a folded `0 or 0.0` lowers to a plain number)
          if (['int', 'float', 'str', 'bool'].includes(r.type.k)) return lit(r.type.k);
          return { code: `${this.paren(r, PREC.unary)}.type_name()`, type: T.str, kind: 'ref', prec: PREC.atom };
        }
        return undefined;
      case 'dict': return lit(t.flavor === 'counter' ? 'Counter' : t.flavor === 'defaultdict' ? 'defaultdict' : 'dict');
      case 'class': {
        const c = this.classes.get(t.name);
        // An exception value is a PyErr: its class is the kind it was raised with.
        if (c?.isException || !c && (t.name === 'Exception' || t.name === 'BaseException' || BUILTIN_EXC_PARENT[t.name] !== undefined)) {
          const r = this.expr(x);
          if (this.rt(r.type) === 'PyErr') return { code: `${this.paren(r, PREC.unary)}.kind`, type: T.str, kind: 'strlit', prec: PREC.atom };
        }
        if (c && (c.hasSubclasses || c.isAbstract)) {
          const r = this.expr(x);
          return { code: `${this.paren(r, PREC.unary)}.class_name_chain()[0]`, type: T.str, kind: 'ref', prec: PREC.atom };
        }
        if (c) return lit(c.name);
        if (t.fullName === 'builtins.range') return lit('range');
        if (t.fullName.startsWith('builtins.') && !/Error|Exception/.test(t.name)) return lit(t.name);
        return undefined;
      }
    }
    return undefined;
  }

  index(e: Extract<AST.Expr, { k: 'index' }>): RExpr {
    const vt = e.value.type;
    if (vt.k === 'type' && vt.of.k === 'class' && this.classes.get(vt.of.name)?.isEnum) {
      // `Color["RED"]`: the member by name.
      return { code: `${this.classes.get(vt.of.name)!.rust}::from_name(${this.strRef(this.expr(e.index))})`, type: vt.of, kind: 'value', prec: PREC.atom };
    }
    let c = this.expr(e.value);
    let ct = c.type;
    let idx = e.index;
    if (idx.k === 'call' && idx.func.k === 'name' && idx.func.id === 'slice' && idx.func.sym?.scope === 'builtins' && idx.args.length >= 1 && idx.args.length <= 3 && !idx.args.some((a) => a.name || a.star)) {
      // s[slice(a, b, c)] is s[a:b:c]; None arguments are omitted bounds.
      const xs = idx.args.map((a) => (a.value.k === 'const' && a.value.value === null ? undefined : a.value));
      const [lower, upper, step] = xs.length === 1 ? [undefined, xs[0], undefined] : xs;
      idx = { k: 'slice', span: idx.span, type: T.unknown, lower, upper, step };
    }
    if (ct.k === 'class' && ct.fullName === 'builtins.range') {
      // A PyRange: r[i] and r[a:b:c] (a range again).
      if (idx.k === 'slice') {
        const opt = (x?: AST.Expr) => (x ? `Some(${this.val(this.expr(x, T.int))})` : 'None');
        return { code: `${this.paren(c, PREC.unary)}.slice(${opt(idx.lower)}, ${opt(idx.upper)}, ${idx.step ? this.val(this.expr(idx.step, T.int)) : '1'})`, type: ct, kind: 'value', prec: PREC.atom };
      }
      return { code: `${this.paren(c, PREC.unary)}.get(${this.val(this.expr(idx, T.int))})`, type: T.int, kind: 'value', prec: PREC.atom };
    }
    if (isObjUnion(ct) && idx.k !== 'slice') {
      // Indexing a tagged value: list/tuple/str by position, dict by key, checked at run time.
      const k = this.expr(idx);
      const r: RExpr = { code: `${this.paren(c, PREC.unary)}.get_item(${isObjUnion(k.type) ? this.borrow(k) : `&${this.toObj(this.own(k), k.type)}`})`, type: ct, kind: 'value', prec: PREC.atom };
      if (isObjUnion(e.type) || !['int', 'float', 'str'].includes(e.type.k)) return r;
      return { code: this.coerce(r, e.type), type: e.type, kind: 'value', prec: PREC.atom };
    }
    if (idx.k === 'slice') return this.slice(c, idx, e);
    if (ct.k === 'tuple') {
      const lit = idx.k === 'num' ? Number(idx.value) : idx.k === 'unary' && idx.op === '-' && idx.operand.k === 'num' ? -Number(idx.operand.value) : undefined;
      if (lit !== undefined && (lit >= ct.elems.length || lit < -ct.elems.length)) {
        // A constant index past a fixed-size tuple: always IndexError.
        this.useRuntime('exc');
        const t = e.type.k !== 'unknown' ? e.type : ct.elems[0] ?? T.int;
        return { code: this.propagateOrPanic(`Err::<${this.rt(t)}, PyErr>(PyErr::new("IndexError", "tuple index out of range"))`, 'IndexError'), type: t, kind: 'value', prec: PREC.atom };
      }
      if (idx.k === 'num') return { code: `${this.paren(c, PREC.unary)}.${idx.value}`, type: ct.elems[Number(idx.value)] ?? e.type, kind: c.kind === 'value' ? 'value' : c.kind === 'ref' ? 'place' : 'place', prec: PREC.atom };
      if (idx.k === 'unary' && idx.op === '-' && idx.operand.k === 'num') {
        const i = ct.elems.length - Number(idx.operand.value);
        return { code: `${this.paren(c, PREC.unary)}.${i}`, type: ct.elems[i] ?? e.type, kind: 'place', prec: PREC.atom };
      }
      return this.todo(e.span, 'tuple index that is not a constant', e.type);
    }
    if (ct.k === 'dict') {
      const k = this.expr(idx);
      if (e.value.k === 'dict' && !e.value.items.length && hasUnknownT(ct)) {
        // `{}[k]`: an empty literal only raises KeyError; its value type is immaterial.
        const kt = ct.key.k === 'unknown' ? k.type : ct.key;
        ct = { k: 'dict', key: kt, val: ct.val.k === 'unknown' ? T.none : ct.val };
        c = { code: `Dict::<${this.rt(ct.key)}, ${this.rt(ct.val)}>::new()`, type: ct, kind: 'value', prec: PREC.atom };
      }
      if (ct.flavor === 'counter') return { code: `${this.paren(c, PREC.unary)}.get(${this.keyRef(k, ct.key)}).copied().unwrap_or(0)`, type: T.int, kind: 'value', prec: PREC.atom };
      if (ct.flavor === 'defaultdict' && ct.val.k !== 'unknown') {
        // defaultdict[k] inserts the factory's value for a missing key (reads included).
        this.useRuntime('dict');
        return { code: `(*${this.paren(c, PREC.unary)}.entry_or_insert_with(${this.coerce(k, ct.key)}, || ${this.defaultValue(ct.val)}))`, type: ct.val, kind: 'place', prec: PREC.atom };
      }
      this.useRuntime('dict');
      if (this.inCatchingContext('KeyError')) {
        this.useRuntime('exc');
        if (/\?|\bbreak\b|\breturn\b/.test(k.code)) {
          // The key can itself raise: evaluate it once, outside the error closure.
          const key: RExpr = { code: '__k', type: k.type, kind: 'place', prec: PREC.atom };
          return { code: this.propagate(`{ let __k = ${this.coerce(k, ct.key)}; ${this.paren(c, PREC.unary)}.get(&__k).ok_or_else(|| PyErr::new("KeyError", ${this.reprOf(key)})) }`), type: ct.val, kind: 'ref', prec: PREC.unary };
        }
        return { code: this.propagate(`${this.paren(c, PREC.unary)}.get(${this.keyRef(k, ct.key)}).ok_or_else(|| PyErr::new("KeyError", ${this.reprOf(k)}))`), type: ct.val, kind: 'ref', prec: PREC.unary };
      }
      this.useRuntime('pystr');
      return { code: `${this.paren(c, PREC.unary)}[${this.keyRef(k, ct.key)}]`, type: ct.val, kind: 'place', prec: PREC.atom };
    }
    if (ct.k === 'str') {
      const i = this.expr(idx, T.int);
      this.useRuntime('str_index');
      if (this.inCatchingContext('IndexError')) {
        this.useRuntime('exc');
        return { code: this.propagate(`str_get(${this.strRef(c)}, ${this.val(i)}).ok_or_else(|| PyErr::new("IndexError", "string index out of range"))`), type: T.str, kind: 'value', prec: PREC.unary };
      }
      return { code: `str_at(${this.strRef(c)}, ${this.val(i)})`, type: T.str, kind: 'value', prec: PREC.atom };
    }
    if ((ct.k === 'list' || ct.k === 'tuplevar') && idx.k === 'name' && idx.sym && isObjUnion(this.staticType(idx))) {
      // A tagged index: an int (or bool) at run time, else TypeError like CPython.
      this.useRuntime('exc');
      const what = ct.k === 'list' ? 'list' : 'tuple';
      const conv = this.propagateOrPanic(`match ${this.borrow(this.expr(idx))} { Obj::Int(i) => Ok::<i64, PyErr>(*i), Obj::Bool(b) => Ok(*b as i64), x => Err(PyErr::new("TypeError", format!("${what} indices must be integers or slices, not {}", x.type_name()))) }`, 'TypeError');
      const saved = new Map(this.scope.names);
      this.scope.names.set(idx.sym.id, { code: `(${conv})`, kind: 'value', type: T.int });
      try {
        return this.index({ ...e, index: { ...idx, type: T.int } });
      } finally {
        this.scope.names = saved;
      }
    }
    if (ct.k === 'list' || ct.k === 'tuplevar' || ct.k === 'deque' || ct.k === 'bytes') {
      const elem = ct.k === 'bytes' ? T.int : ct.elem;
      if ((ct.k === 'list' || ct.k === 'tuplevar') && this.inCatchingContext('IndexError')) {
        // Under a handler for IndexError: an out-of-range index raises instead of panicking.
        this.useRuntime('exc');
        const recv = this.paren(c, PREC.unary);
        let pos: string;
        // (a plain name may hold a negative index here: the handler shows the difference)
        if (idx.k === 'num' || this.nonNegative(idx)) pos = `${this.paren(this.valE(this.expr(idx, T.int)), PREC.cast)} as usize`;
        else pos = `{ let __i = ${this.val(this.expr(idx, T.int))}; usize::try_from(if __i < 0 { __i + ${recv}.len() as i64 } else { __i }).unwrap_or(usize::MAX) }`;
        const got = this.propagate(`${recv}.get(${pos}).ok_or_else(|| PyErr::new("IndexError", "list index out of range"))`);
        return { code: `(*${got})`, type: elem, kind: 'place', prec: PREC.atom };
      }
      const code = `${this.paren(c, PREC.unary)}[${this.indexCode(c, idx)}]`;
      if (ct.k === 'bytes') return { code: `(${code} as i64)`, type: T.int, kind: 'value', prec: PREC.atom };
      return { code, type: elem, kind: 'place', prec: PREC.atom };
    }
    if (ct.k === 'class') {
      const cls = this.classes.get(ct.name);
      if (cls?.methods.has('__getitem__')) {
        const m = cls.methods.get('__getitem__')!;
        return { code: `${this.paren(c, PREC.unary)}.__getitem__(${this.argFor(m.params[0], this.expr(idx))})`, type: m.ret, kind: 'value', prec: PREC.atom };
      }
      // NamedTuple `p[1]` / `p[-1]` with a constant index: the field at that position.
      const pos = idx.k === 'num' && idx.isInt ? Number(idx.value) : idx.k === 'unary' && idx.op === '-' && idx.operand.k === 'num' && idx.operand.isInt ? -Number(idx.operand.value) : undefined;
      if (cls?.isNamedTuple && pos !== undefined) {
        const f = cls.fields[pos < 0 ? cls.fields.length + pos : pos];
        if (f) return { code: `${this.paren(c, PREC.unary)}.${rustIdent(f.name)}`, type: f.type, kind: 'place', prec: PREC.atom };
      }
    }
    return this.todo(e.span, `indexing ${typeToString(ct)}`, e.type);
  }

  /** A usize index expression for a sequence, honouring negative Python indices. */
  indexCode(c: RExpr, idx: AST.Expr): string {
    if (idx.k === 'num') return String(idx.value);
    if (idx.k === 'unary' && idx.op === '-' && idx.operand.k === 'num') return `${this.paren(c, PREC.unary)}.len() - ${idx.operand.value}`;
    const i = this.expr(idx, T.int);
    if (i.type.k === 'bool' || this.nonNegativeIndex(idx)) return `${this.paren(this.valE(i), PREC.cast)} as usize`;
    this.useRuntime('list_index');
    return `py_index(${this.paren(c, PREC.unary)}.len(), ${this.val(i)})`;
  }

  nonNegativeIndex(idx: AST.Expr): boolean {
    if (idx.k === 'name') return true; // loop counters and computed positions are non-negative in practice
    if (idx.k === 'bin' && idx.op === '+') return this.nonNegativeIndex(idx.left) && this.nonNegativeIndex(idx.right);
    if (idx.k === 'bin' && (idx.op === '*' || idx.op === '//' || idx.op === '%')) return this.nonNegativeIndex(idx.left);
    if (idx.k === 'num') return Number(idx.value) >= 0;
    if (idx.k === 'attr') return true;
    if (idx.k === 'index') return true;
    if (idx.k === 'call') return true;
    return false;
  }

  slice(c: RExpr, s: Extract<AST.Expr, { k: 'slice' }>, e: AST.Expr): RExpr {
    const opt = (x?: AST.Expr) => (x ? `Some(${this.val(this.expr(x, T.int))})` : 'None');
    const step = s.step ? this.val(this.expr(s.step, T.int)) : '1';
    this.useRuntime('slice');
    if (c.type.k === 'str') return { code: `str_slice(${this.strRef(c)}, ${opt(s.lower)}, ${opt(s.upper)}, ${step})`, type: T.str, kind: 'value', prec: PREC.atom };
    if (c.type.k === 'list' || c.type.k === 'tuplevar' || c.type.k === 'bytes') {
      // Idiomatic form for the common non-negative literal bounds.
      const simple = (x?: AST.Expr) => !x || (x.k === 'num' && Number(x.value) >= 0);
      if (!s.step && simple(s.lower) && simple(s.upper) && (s.lower || s.upper) && !s.upper) {
        // xs[n:] clamps like Python (no panic past the end).
        return { code: `${this.paren(c, PREC.unary)}.iter().skip(${(s.lower as any).value}).cloned().collect::<Vec<_>>()`, type: c.type, kind: 'value', prec: PREC.atom };
      }
      return { code: `list_slice(${this.borrow(c)}, ${opt(s.lower)}, ${opt(s.upper)}, ${step})`, type: c.type, kind: 'value', prec: PREC.atom };
    }
    if (c.type.k === 'tuple') {
      // A fixed-size tuple sliced with literal bounds: pick the fields statically.
      const lit = (x?: AST.Expr): number | undefined | null => (!x ? undefined : x.k === 'num' ? Number(x.value) : x.k === 'unary' && x.op === '-' && x.operand.k === 'num' ? -Number(x.operand.value) : null);
      const lo = lit(s.lower), hi = lit(s.upper), st = lit(s.step);
      if (lo !== null && hi !== null && st !== null && st !== 0) {
        const n = c.type.elems.length;
        const stepN = st ?? 1;
        const norm = (v: number, min: number, max: number) => Math.min(Math.max(v < 0 ? v + n : v, min), max);
        const idx: number[] = [];
        if (stepN > 0) { for (let i = lo === undefined ? 0 : norm(lo, 0, n); i < (hi === undefined ? n : norm(hi, 0, n)); i += stepN) idx.push(i); }
        else { for (let i = lo === undefined ? n - 1 : norm(lo, -1, n - 1); i > (hi === undefined ? -1 : norm(hi, -1, n - 1)); i += stepN) idx.push(i); }
        const tt = c.type;
        const base = /^[\w.]+$/.test(c.code) ? c.code : '__t';
        const items = idx.map((i) => `${base}.${i}${isCopy(tt.elems[i]) ? '' : '.clone()'}`);
        const tup = items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
        return { code: base === '__t' ? `{ let __t = ${this.own(c)}; ${tup} }` : tup, type: { k: 'tuple', elems: idx.map((i) => tt.elems[i]) }, kind: 'value', prec: PREC.atom };
      }
    }
    return this.todo(e.span, `slicing ${typeToString(c.type)}`, e.type);
  }

  reprOf(x: RExpr): string {
    if (x.type.k === 'class' && this.rt(x.type) === 'PyErr') { this.useRuntime('exc_repr'); return `exc_repr(${this.borrow(x)})`; }
    if (x.type.k === 'optional' && x.type.inner.k === 'class' && this.rt(x.type.inner) === 'PyErr') {
      this.useRuntime('exc_repr');
      return `${this.paren(x, PREC.unary)}.as_ref().map_or("None".to_string(), exc_repr)`;
    }
    if (nestedTuplevar(x.type)) return reprByType(this, `&${this.paren(x, PREC.unary)}`, x.type, 0);
    this.useRuntime('pystr');
    if (x.kind === 'strlit') return `repr_str(${x.code})`;
    return `${this.paren(x, PREC.unary)}.py_repr()`;
  }

  listLit(e: Extract<AST.Expr, { k: 'list' }>, expected?: PyType): RExpr {
    let t = expected && (expected.k === 'list') && !(e.type.k === 'list' && e.type.elem.k !== 'unknown' && (expected.elem.k === 'unknown' || expected.elem.k === 'typevar')) ? expected : e.type;
    // `[1, 2.5]`: the checker leaves the element type open; ints widen to float.
    if ((t.k === 'list' && t.elem.k === 'unknown' || t.k === 'unknown') && e.elts.length && e.elts.every((x) => isNumeric(x.type)) && e.elts.some((x) => x.type.k === 'float')) {
      t = { k: 'list', elem: T.float };
      this.diag('PTR021', e.span, 'mixed int/float list: its ints become floats (they print as 1.0, not 1)', 'warning', {}, 0.4);
    }
    const et = t.k === 'list' ? t.elem : T.unknown;
    if (e.elts.some((x) => x.k === 'starred')) return { code: this.spliced(e.elts, et), type: t, kind: 'value', prec: PREC.atom };
    // `[[]]`: an inner empty list nothing ever fills has no element type for Rust to infer.
    const emptyInner = (x: AST.Expr) => x.k === 'list' && !x.elts.length && et.k === 'list' && et.elem.k === 'unknown';
    const items = e.elts.map((x) => (emptyInner(x) ? 'Vec::<i64>::new()' : this.boxedFn(this.exprOwned(x, et), et)));
    // `vec![Box::new(a), Box::new(b)]` of a hierarchy: the first item fixes the element type.
    if (items.length && items[0].startsWith('Box::new(') && et.k === 'class' && (this.classType(et.name) ?? '').startsWith('Box<dyn')) items[0] = `${items[0]} as ${this.rt(et)}`;
    if (!items.length && et.k === 'typevar') {
      // `f([])` for a generic `f`: any element type prints the same; pick one unless the type
      // variable is the current function's own.
      const cls = this.scope.info?.className ? this.classes.get(this.scope.info.className) : undefined;
      const own = cls?.typeParams.includes(et.name) || this.scope.info && JSON.stringify([this.scope.info.params.map((p) => p.type), this.scope.info.ret]).includes(`"name":${JSON.stringify(et.name)}`);
      if (!own) return { code: 'Vec::<i64>::new()', type: { k: 'list', elem: T.int }, kind: 'value', prec: PREC.atom };
    }
    suffixLiterals(items, et);
    if (!items.length && et.k === 'unknown') this.diag('PTR020', e.span, 'element type of empty list unknown; add an annotation like list[int]', 'warning', {}, 0.3);
    return { code: `vec![${items.join(', ')}]`, type: t, kind: 'value', prec: PREC.atom };
  }

  /** `[*xs, 1, *"ab"]`: a Vec of the items in order, each starred part's items spliced in. */
  spliced(elts: AST.Expr[], et: PyType): string {
    const parts = elts.map((x) => {
      if (x.k !== 'starred') return `__v.push(${this.exprOwned(x, et)});`;
      const it = this.iterate(x.value);
      const items = wrapIter(this.ownedItems(it));
      return `__v.extend(${isObjUnion(et) && !isObjUnion(it.item) ? `${items}.map(|__x| ${this.toObj('__x', it.item)})` : items});`;
    });
    return `{ let mut __v: Vec<${et.k === 'unknown' ? '_' : this.rt(et)}> = Vec::new(); ${parts.join(' ')} __v }`;
  }

  tupleLit(e: Extract<AST.Expr, { k: 'tuple' }>, expected?: PyType): RExpr {
    if (e.elts.some((x) => x.k === 'starred')) {
      // `(*xs, 99)`: a tuple of a length known at run time.
      const t = expected?.k === 'tuplevar' ? expected : e.type.k === 'tuplevar' ? e.type : undefined;
      if (t?.k === 'tuplevar' && t.elem.k !== 'unknown') return { code: this.spliced(e.elts, t.elem), type: t, kind: 'value', prec: PREC.atom };
    }
    const ets = expected?.k === 'tuple' ? expected.elems : e.type.k === 'tuple' ? e.type.elems : [];
    if (expected?.k === 'tuplevar' || expected?.k === 'list') {
      const items = e.elts.map((x) => this.exprOwned(x, expected.elem));
      return { code: `vec![${items.join(', ')}]`, type: expected, kind: 'value', prec: PREC.atom };
    }
    const items = e.elts.map((x, i) => this.exprOwned(x, ets[i]));
    // Without an expected type Rust would make a bare int literal i32 (`(4,).py_str()`).
    if (!expected) items.forEach((c, i) => { if (/^-?\d+$/.test(c) && (ets[i]?.k ?? e.elts[i].type.k) === 'int') items[i] = `${c}_i64`; });
    const type: PyType = { k: 'tuple', elems: e.elts.map((x, i) => (ets[i] && ets[i].k !== 'unknown' ? ets[i] : x.type)) };
    return { code: items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`, type, kind: 'value', prec: PREC.atom };
  }

  dictLit(e: Extract<AST.Expr, { k: 'dict' }>, expected?: PyType): RExpr {
    this.useRuntime('dict');
    const t = expected?.k === 'dict' ? expected : e.type;
    const kt = t.k === 'dict' ? t.key : T.unknown, vt = t.k === 'dict' ? t.val : T.unknown;
    if (!e.items.length) return { code: 'Dict::new()', type: t, kind: 'value', prec: PREC.atom };
    if (e.items.some((i) => !i.key)) {
      const parts = e.items.map((i) => i.key ? `std::iter::once((${this.exprOwned(i.key, kt)}, ${this.exprOwned(i.value, vt)}))` : `${this.paren(this.expr(i.value), PREC.unary)}.iter().map(|(k, v)| (k.clone(), v.clone()))`);
      const chain = parts.slice(1).reduce((acc, p) => `${acc}.chain(${p})`, parts[0].startsWith('std::iter::once') ? parts[0] : `${parts[0]}.collect::<Vec<_>>().into_iter()`);
      return { code: `${chain}.collect::<Dict<_, _>>()`, type: t, kind: 'value', prec: PREC.atom };
    }
    const pairs = e.items.map((i) => `(${this.exprOwned(i.key!, kt)}, ${this.boxedFn(this.exprOwned(i.value, vt), vt)})`);
    return { code: `Dict::from_iter([${pairs.join(', ')}])`, type: t, kind: 'value', prec: PREC.atom };
  }

  /** A function value stored in a container of `Box<dyn Fn>` (closures differ in type). */
  boxedFn(code: string, t: PyType): string {
    if (t.k !== 'func' || code.startsWith('Box::new(') || code.startsWith('todo!(')) return code;
    return `Box::new(${code}) as ${this.rt(t)}`;
  }

  /** A builtin function or method (`len`, `abs`, `str.upper`) passed where a one-argument
   *  callable of known type is expected: a closure over the call's lowering. */
  builtinAsValue(e: AST.Expr, ft: Extract<PyType, { k: 'func' }>): RExpr | undefined {
    const pt = ft.params[0];
    if (ft.params.length !== 1 || hasUnknownT(pt) || JSON.stringify(pt).includes('"typevar"')) return undefined;
    if (e.k !== 'name' && e.k !== 'attr') return undefined;
    const sym: AST.SymbolRef = { id: -9000 - (++this.scope.labelCounter), scope: 'function', declType: pt, kind: 'parameter' };
    const arg: AST.Expr = { k: 'name', span: e.span, type: pt, id: '__x', sym };
    // (a generic result type `K` is whatever the builtin returns)
    if (ft.ret.k === 'typevar') ft = { ...ft, ret: T.unknown };
    const ret = ft.ret.k !== 'unknown' ? ft.ret : e.type.k === 'func' ? e.type.ret : T.unknown;
    const call: AST.Expr = e.k === 'name'
      ? { k: 'call', span: e.span, type: ret, func: e, args: [{ value: arg, span: e.span }] }
      : { k: 'call', span: e.span, type: ret, func: { k: 'attr', span: e.span, type: T.unknown, value: arg, attr: e.attr, attrSpan: e.attrSpan }, args: [] };
    const saved = new Map(this.scope.names);
    const diags = this.diagnostics.length, pens = this.penalties.length;
    this.scope.names.set(sym.id, { code: '__x', kind: 'place', type: pt });
    let body: RExpr;
    try { body = this.expr(call, ft.ret); } finally { this.scope.names = saved; }
    if (body.code.includes('todo!(')) { this.diagnostics.length = diags; this.penalties.length = pens; return undefined; }
    const rt = ft.ret.k !== 'unknown' ? ft.ret : body.type;
    return { code: `|__x: ${this.rt(pt)}| ${this.coerce(body, rt)}`, type: { k: 'func', params: [pt], ret: rt }, kind: 'value', prec: PREC.assign };
  }

  lambda(e: Extract<AST.Expr, { k: 'lambda' }>, expected?: PyType): RExpr {
    const ft = expected?.k === 'func' ? expected : e.type.k === 'func' ? e.type : undefined;
    const saved = new Map(this.scope.names);
    const params = e.params.map((p, i) => {
      const pt = p.type.k !== 'unknown' ? p.type : ft?.params[i] ?? T.unknown;
      if (p.sym) this.scope.names.set(p.sym.id, { code: rustIdent(p.name), kind: 'place', type: pt });
      return `${rustIdent(p.name)}: ${this.rt(pt)}`;
    });
    const body = this.expr(e.body, ft?.ret);
    const rt = ft?.ret && ft.ret.k !== 'unknown' ? ft.ret : body.type;
    const code = `|${params.join(', ')}| ${this.coerce(body, rt)}`;
    this.scope.names = saved;
    return { code, type: { k: 'func', params: e.params.map((p) => p.type), ret: rt }, kind: 'value', prec: PREC.assign };
  }

  // ---------- iteration ----------
  /** Lowers an iterable to a Rust iterator expression and says what its items are. */
  iterate(e: AST.Expr): IterInfo {
    if ((e.k === 'list' || e.k === 'tuple') && e.elts.length && e.elts.every((x) => x.type.k === 'int' || x.type.k === 'float' || x.type.k === 'bool')
      && e.elts.some((x) => x.type.k === 'float') && e.elts.some((x) => x.type.k !== 'float')) {
      // `for r in [0, 0.5, 1]`: ints stay ints (they print as 0, not 0.0): tagged int|float items.
      const u: PyType = { k: 'union', types: [T.int, T.float] };
      return { code: `[${e.elts.map((x) => this.exprOwned(x, u)).join(', ')}].into_iter()`, item: u, itemKind: 'value' };
    }
    if ((e.k === 'list' || e.k === 'tuple') && e.elts.length && e.elts.every((x) => x.k === 'tuple' && x.elts.length === (e.elts[0] as any).elts.length)) {
      // `for a, b in [(7.5, 2), (5.0, 0.5)]`: a position mixing ints and floats is tagged int|float.
      const rows = e.elts as Extract<AST.Expr, { k: 'tuple' }>[];
      const n = rows[0].elts.length;
      const cols: PyType[] = [];
      let mixed = false;
      for (let i = 0; i < n; i++) {
        const ks = rows.map((r) => r.elts[i].type.k);
        if (ks.every((k) => k === 'int' || k === 'float' || k === 'bool') && ks.includes('float') && ks.some((k) => k !== 'float')) { cols.push({ k: 'union', types: [T.int, T.float] }); mixed = true; }
        else cols.push(rows.every((r) => JSON.stringify(r.elts[i].type) === JSON.stringify(rows[0].elts[i].type)) ? rows[0].elts[i].type : T.unknown);
      }
      if (mixed && !cols.some((c) => c.k === 'unknown')) {
        const item: PyType = { k: 'tuple', elems: cols };
        return { code: `[${rows.map((r) => `(${r.elts.map((x, i) => this.exprOwned(x, cols[i])).join(', ')}${n === 1 ? ',' : ''})`).join(', ')}].into_iter()`, item, itemKind: 'value' };
      }
    }
    if (e.k === 'call' && e.func.k === 'name' && e.func.sym?.scope === 'builtins') {
      const name = e.func.id;
      const args = e.args.map((a) => a.value);
      if (name === 'range') {
        const vals = args.map((a) => this.val(this.expr(a, T.int)));
        if (args.length === 1) return { code: `0..${this.rangeBound(vals[0])}`, item: T.int, itemKind: 'value', isRange: true };
        if (args.length === 2) return { code: `${this.rangeBound(vals[0])}..${this.rangeBound(vals[1])}`, item: T.int, itemKind: 'value', isRange: true };
        const step = args[2];
        if (step.k === 'unary' && step.op === '-' && step.operand.k === 'num') {
          const s = Number(step.operand.value);
          const code = `(${vals[1]} + 1..=${vals[0]}).rev()`;
          return { code: s === 1 ? code : `${code}.step_by(${s})`, item: T.int, itemKind: 'value', isRange: true };
        }
        if (step.k === 'num') return { code: `(${vals[0]}..${vals[1]}).step_by(${vals[2]})`, item: T.int, itemKind: 'value', isRange: true };
        return { code: `{ let (__a, __b, __s) = (${vals[0]}, ${vals[1]}, ${vals[2]}); std::iter::successors(Some(__a), move |&i| Some(i + __s)).take_while(move |&i| if __s > 0 { i < __b } else { i > __b }) }`, item: T.int, itemKind: 'value', isRange: true };
      }
      if (name === 'enumerate') {
        const inner = this.iterate(args[0]);
        const start = e.args.find((a) => a.name === 'start')?.value ?? args[1];
        const s = start ? this.val(this.expr(start, T.int)) : '0';
        return { code: `(${/^\d+$/.test(s) ? s + '_i64' : s}..).zip(${inner.code})`, item: { k: 'tuple', elems: [T.int, inner.item] }, itemKind: 'value', parts: ['value', inner.itemKind] };
      }
      if (name === 'zip' && e.args.length === 1 && e.args[0].star === '*') {
        // zip(*rows): the transpose, as rows of the shortest length.
        const rows = this.expr(args[0]);
        const rt = rows.type;
        const inner = rt.k === 'list' || rt.k === 'tuplevar' ? rt.elem : T.unknown;
        const et = inner.k === 'list' || inner.k === 'tuplevar' ? inner.elem : inner.k === 'str' ? T.str : T.unknown;
        if (et.k !== 'unknown' && inner.k !== 'str') {
          const get = isCopy(et) ? 'r[i]' : 'r[i].clone()';
          return { code: `{ let __rows = ${this.borrow(rows)}; (0..__rows.iter().map(|r| r.len()).min().unwrap_or(0)).map(move |i| __rows.iter().map(|r| ${get}).collect::<Vec<_>>()) }`, item: { k: 'tuplevar', elem: et }, itemKind: 'value' };
        }
      }
      if (name === 'zip') {
        const its = args.map((a) => this.iterate(a));
        let code = wrapIter(its[0].code);
        for (const it of its.slice(1)) code = `${code}.zip(${it.code})`;
        const kind = 'value';
        if (its.length > 2) {
          // flatten ((a, b), c) into (a, b, c)
          const names = its.map((_, i) => `__z${i}`);
          let pat = names[0];
          for (const n of names.slice(1)) pat = `(${pat}, ${n})`;
          code = `${code}.map(|${pat}| (${names.join(', ')}))`;
        }
        return { code, item: { k: 'tuple', elems: its.map((i) => i.item) }, itemKind: kind, parts: its.map((i) => i.itemKind) };
      }
      if (name === 'reversed') {
        const inner = this.iterate(args[0]);
        // Dict views are forward-only iterators: collect the keys/values first.
        const viaDict = args[0].type.k === 'dict' || args[0].k === 'call' && args[0].func.k === 'attr' && args[0].func.value.type.k === 'dict';
        if (viaDict) return { code: `${wrapIter(this.ownedItems(inner))}.collect::<Vec<_>>().into_iter().rev()`, item: inner.item, itemKind: 'value' };
        return { code: `${wrapIter(inner.code)}.rev()`, item: inner.item, itemKind: inner.itemKind, isRange: inner.isRange };
      }
      if (name === 'sorted' || name === 'list' || name === 'set' || name === 'tuple') {
        const r = this.expr(e);
        return { code: `${this.paren(r, PREC.unary)}.into_iter()`, item: elemType(r.type), itemKind: 'value' };
      }
    }
    if (e.k === 'attr' && e.attr === 'stdin' && e.value.k === 'name' && e.value.type.k === 'module') {
      this.useRuntime('stdin');
      return { code: 'py_stdin_lines()', item: T.str, itemKind: 'value' };
    }
    if (e.k === 'call' && e.func.k === 'attr') {
      const recvT = e.func.value.type;
      const m = e.func.attr;
      // (a tagged value narrowed to a dict by isinstance is still an Obj: its method lowering)
      const taggedRecv = e.func.value.k === 'name' && isObjUnion(this.staticType(e.func.value));
      if (recvT.k === 'dict' && (m === 'items' || m === 'keys' || m === 'values') && !taggedRecv) {
        const d = this.expr(e.func.value);
        const base = this.paren(d, PREC.unary);
        if (m === 'items') return { code: `${base}.iter()`, item: { k: 'tuple', elems: [recvT.key, recvT.val] }, itemKind: 'value', parts: ['ref', 'ref'], refBase: d.kind === 'ref' || d.kind === 'mutref' };
        if (m === 'keys') return { code: `${base}.keys()`, item: recvT.key, itemKind: 'ref' };
        return { code: `${base}.values()`, item: recvT.val, itemKind: 'ref' };
      }
    }
    if (e.type.k === 'type' && e.type.of.k === 'class' && this.classes.get(e.type.of.name)?.isEnum) {
      // `for c in Color`: the members in definition order.
      return { code: `${this.classes.get(e.type.of.name)!.rust}::ALL.into_iter()`, item: e.type.of, itemKind: 'value' };
    }
    const r = this.expr(e);
    const t = r.type;
    if (t.k === 'str') {
      if (r.kind === 'value') return { code: `${this.paren(r, PREC.unary)}.chars().collect::<Vec<char>>().into_iter()`, item: T.str, itemKind: 'char' };
      return { code: `${this.paren(r, PREC.unary)}.chars()`, item: T.str, itemKind: 'char' };
    }
    if (t.k === 'list' || t.k === 'set' || t.k === 'deque' || t.k === 'tuplevar') {
      if (r.code === 'vec![]') return { code: `std::iter::empty::<${this.rt(t.elem)}>()`, item: t.elem, itemKind: 'value' };
      // `for x in [1, 2, 3]`: an array literal iterates by value without allocating a Vec.
      if (r.kind === 'value' && e.k === 'list' && /^vec!\[[^;]*\]$/.test(r.code) && !r.code.includes('vec![', 1)) return { code: `[${r.code.slice(5, -1)}].into_iter()`, item: t.elem, itemKind: 'value' };
      if (r.kind === 'value') return { code: `${this.paren(r, PREC.unary)}.into_iter()`, item: t.elem, itemKind: 'value' };
      return { code: `${this.paren(r, PREC.unary)}.iter()`, item: t.elem, itemKind: 'ref', refBase: r.kind === 'ref' || r.kind === 'mutref' };
    }
    if (t.k === 'dict') {
      if (r.kind === 'value') return { code: `${this.paren(r, PREC.unary)}.keys().cloned().collect::<Vec<_>>().into_iter()`, item: t.key, itemKind: 'value' };
      return { code: `${this.paren(r, PREC.unary)}.keys()`, item: t.key, itemKind: 'ref' };
    }
    // A tagged value iterates over its run-time items (tagged too).
    if (isObjUnion(t)) return { code: `${this.paren(r, PREC.unary)}.items().into_iter()`, item: t, itemKind: 'value' };
    // A generator/iterator held in a variable is advanced in place (single pass, like Python).
    if (t.k === 'iter') return { code: (r.kind === 'place' || r.kind === 'mutref') && !this.scope.moveClosures ? `${r.code}.by_ref()` : r.code, item: t.elem, itemKind: 'value' };
    if (t.k === 'bytes') return { code: `${this.paren(r, PREC.unary)}.iter().map(|&b| b as i64)`, item: T.int, itemKind: 'value' };
    if (t.k === 'tuple') {
      const et = t.elems[0] ?? T.unknown;
      const u = plainUnionOf(t.elems);
      if (u) {
        // A tuple of mixed item types iterates as tagged values.
        const get = (x: PyType, i: number) => `${this.paren(r, PREC.unary)}.${i}${isCopy(x) ? '' : '.clone()'}`;
        return { code: `[${t.elems.map((x, i) => (isObjUnion(x) ? get(x, i) : this.toObj(get(x, i), x))).join(', ')}].into_iter()`, item: u, itemKind: 'value' };
      }
      return { code: `[${t.elems.map((_, i) => `${this.paren(r, PREC.unary)}.${i}${isCopy(et) ? '' : '.clone()'}`).join(', ')}].into_iter()`, item: et, itemKind: 'value' };
    }
    // (refBase: keep `r.iter()`; a PyRange is not iterable by reference)
    if (t.k === 'class' && t.fullName === 'builtins.range') return { code: `${this.paren(r, PREC.unary)}.iter()`, item: T.int, itemKind: 'value', refBase: true };
    if (t.k === 'class') {
      const c = this.classes.get(t.name);
      if (c?.methods.has('__iter__')) {
        const m = c.methods.get('__iter__')!;
        return { code: `${this.paren(r, PREC.unary)}.__iter__()`, item: elemType(m.ret), itemKind: 'value' };
      }
    }
    return { code: this.todo(e.span, `iterating over ${typeToString(t)}`).code, item: elemType(t), itemKind: 'value' };
  }

  rangeBound(v: string): string { return v; }

  /** `for c, n in rows` where each row is a list: unpack each row's items into a tuple. */
  unpackSeqItems(it: IterInfo, target: AST.Expr): IterInfo {
    if ((target.k !== 'tuple' && target.k !== 'list') || it.parts || (it.item.k !== 'list' && it.item.k !== 'tuplevar')) return it;
    if (target.elts.some((x) => x.k === 'starred')) return it;
    const et = it.item.elem;
    const n = target.elts.length;
    const src = it.itemKind === 'ref' ? it.code : `${wrapIter(it.code)}`;
    const get = (i: number) => `__v[${i}]${isCopy(et) ? '' : '.clone()'}`;
    const check = `assert!(__v.len() == ${n}, "ValueError: not enough values to unpack");`;
    return { code: `${wrapIter(src)}.map(|__v| { ${check} (${[...Array(n).keys()].map(get).join(', ')}) })`, item: { k: 'tuple', elems: target.elts.map(() => et) }, itemKind: 'value' };
  }

  /** An iterator of owned items (clones refs, chars to String, tuple parts cloned). */
  ownedItems(it: IterInfo): string {
    if (it.parts && it.parts.some((p) => p !== 'value')) {
      const names = it.parts.map((_, i) => `__p${i}`);
      const conv = it.parts.map((p, i) => (p === 'ref' ? `${names[i]}.clone()` : p === 'char' ? `${names[i]}.to_string()` : names[i]));
      return `${wrapIter(it.code)}.map(|(${names.join(', ')})| (${conv.join(', ')}))`;
    }
    if (it.itemKind === 'ref') return `${wrapIter(it.code)}.cloned()`;
    if (it.itemKind === 'char') return `${wrapIter(it.code)}.map(|c| c.to_string())`;
    return it.code;
  }

  /** Binds a for-target pattern; returns the Rust pattern and records name kinds. */
  bindTarget(target: AST.Expr, item: PyType, itemKind: RExpr['kind'], forLoop: boolean, parts?: RExpr['kind'][], underRef = false): string {
    if (parts && (target.k === 'tuple' || target.k === 'list')) {
      const elems = item.k === 'tuple' ? item.elems : target.elts.map(() => elemType(item));
      const inner = target.elts.map((x, i) => this.bindTarget(x, elems[i] ?? T.unknown, parts[i] ?? 'value', forLoop));
      return `(${inner.join(', ')})`;
    }
    if (parts && target.k === 'name') {
      // The whole tuple bound to one name: own its parts.
      return this.bindTarget(target, item, 'value', forLoop);
    }
    if (target.k === 'name') {
      const t = item.k !== 'unknown' ? item : this.varType(target);
      this.learnType(target, t);
      if (itemKind === 'ref' && isCopy(t) && t.k !== 'tuple') {
        if (target.sym) this.scope.names.set(target.sym.id, { code: rustIdent(target.id), kind: 'value', type: t });
        return `&${rustIdent(target.id)}`;
      }
      if (target.sym) {
        if (itemKind === 'ref' || itemKind === 'char' || itemKind === 'mutref') this.scope.names.set(target.sym.id, { code: rustIdent(target.id), kind: itemKind, type: t });
        else if (this.scope.names.has(target.sym.id) && this.scope.names.get(target.sym.id)!.kind !== 'place') this.scope.names.delete(target.sym.id);
        // The item's Rust type differs from the checker's view (e.g. a fixed-size tuple): use it.
        if (itemKind === 'value' && item.k !== 'unknown' && !sameType(item, this.varType(target))) this.scope.names.set(target.sym.id, { code: rustIdent(target.id), kind: 'place', type: item });
        this.scope.declared.add(target.sym.id);
      }
      const mutated = target.sym && this.scope.vars.get(target.sym.id)?.mutated;
      void forLoop;
      return (mutated && itemKind !== 'ref' && itemKind !== 'mutref' ? 'mut ' : '') + rustIdent(target.id);
    }
    const nt = (target.k === 'tuple' || target.k === 'list') && item.k === 'class' ? this.classes.get(item.name) : undefined;
    if (nt?.isNamedTuple && (target.k === 'tuple' || target.k === 'list') && nt.fields.length === target.elts.length) {
      // `for name, dept, pay in staff` over NamedTuples: a struct pattern, field by field.
      const kind: RExpr['kind'] = itemKind === 'ref' ? 'ref' : 'value';
      const inner = target.elts.map((x, i) => {
        const f = nt.fields[i];
        const p = this.bindTarget(x, f.type, kind, forLoop, undefined, kind === 'ref');
        if (kind === 'ref' && x.k === 'name' && p.startsWith('&') && x.sym) {
          this.scope.names.set(x.sym.id, { code: rustIdent(x.id), kind: 'ref', type: f.type });
          return `${rustIdent(f.name)}: ${p.slice(1)}`;
        }
        return `${rustIdent(f.name)}: ${p}`;
      });
      return `${nt.rust} { ${inner.join(', ')} }`;
    }
    if (target.k === 'tuple' || target.k === 'list') {
      const elems = item.k === 'tuple' ? item.elems : target.elts.map(() => elemType(item));
      if (itemKind === 'ref' && !underRef && elems.every((t) => isCopy(t) && t.k !== 'tuple') && target.elts.every((x) => x.k === 'name')) {
        const inner = target.elts.map((x, i) => this.bindTarget(x, elems[i] ?? T.unknown, 'value', forLoop));
        return `&(${inner.join(', ')})`;
      }
      const kind: RExpr['kind'] = itemKind === 'ref' ? 'ref' : 'value';
      const inner = target.elts.map((x, i) => {
        const p = this.bindTarget(x, elems[i] ?? T.unknown, kind, forLoop, undefined, kind === 'ref');
        // Under a `&(A, B)` item, default binding makes each name a reference: no `&x` sub-patterns.
        if (kind === 'ref' && x.k === 'name' && p.startsWith('&') && x.sym) {
          this.scope.names.set(x.sym.id, { code: rustIdent(x.id), kind: 'ref', type: elems[i] ?? T.unknown });
          return p.slice(1);
        }
        return p;
      });
      return `(${inner.join(', ')})`;
    }
    return '_';
  }

  comprehension(e: Extract<AST.Expr, { k: 'comp' }>, expected?: PyType): RExpr {
    const saved = new Map(this.scope.names);
    const t = expected && expected.k !== 'unknown' && e.kind !== 'gen' ? expected : e.type;
    let chain = '';
    const gens = e.gens;
    const closures: string[] = [];
    for (let gi = 0; gi < gens.length; gi++) {
      const g = gens[gi];
      const it = this.unpackSeqItems(this.iterate(g.iter), g.target);
      // Items pass through closures by value: copy refs to Copy values up front.
      let itemKind = it.itemKind;
      let code = it.code;
      // `(100..200)` of literals would default to i32 inside a collected chain.
      if (it.isRange) code = code.replace(/^(\(?-?\d+)(\.\.)/, '$1_i64$2');
      if (itemKind === 'ref' && isCopy(it.item)) { code = `${wrapIter(code)}.copied()`; itemKind = 'value'; }
      if (it.parts && g.target.k === 'name') { code = this.ownedItems(it); }
      const pat = this.bindTarget(g.target, it.item, itemKind, false, g.target.k === 'name' ? undefined : it.parts);
      let filters: string;
      if (itemKind === 'value' && !it.parts && !isCopy(it.item) && (g.target.k === 'name' || g.target.k === 'tuple') && !pat.startsWith('&')) {
        // Owned non-Copy items: `.filter(|&w| ..)` would move out of the reference; bind the
        // names as references inside the filter instead.
        const inFilter = new Map(this.scope.names);
        const names = g.target.k === 'name' ? [g.target] : g.target.elts;
        const elemTs = g.target.k === 'tuple' && it.item.k === 'tuple' ? it.item.elems : [it.item];
        names.forEach((x, i) => { if (x.k === 'name' && x.sym) this.scope.names.set(x.sym.id, { code: rustIdent(x.id), kind: 'ref', type: elemTs[i] ?? T.unknown }); });
        filters = g.ifs.map((c) => `.filter(${this.scope.moveClosures ? 'move ' : ''}|${pat.replace(/\bmut /g, '')}| ${this.cond(c)})`).join('');
        const after = this.scope.names;
        this.scope.names = inFilter;
        void after;
      } else filters = g.ifs.map((c) => `.filter(${this.scope.moveClosures ? 'move ' : ''}|${filterPat(pat)}| ${this.cond(c)})`).join('');
      if (gi === 0) chain = `${wrapIter(code)}${filters}`;
      // Inner generators' filters live inside flat_map closures: they capture by move.
      else closures.push(filters ? `${wrapIter(code)}${filters.replace(/\.filter\(\|/g, '.filter(move |')}` : code);
      (g as any)._pat = pat;
    }
    let mapped: string;
    const et = t.k === 'list' || t.k === 'set' || t.k === 'iter' ? t.elem : T.unknown;
    if (e.kind === 'dict') {
      const kt = t.k === 'dict' ? t.key : T.unknown, vt = t.k === 'dict' ? t.val : T.unknown;
      mapped = `(${this.exprOwned(e.elt, kt)}, ${this.exprOwned(e.value!, vt)})`;
    } else mapped = this.exprOwned(e.elt, et.k !== 'unknown' ? et : undefined);
    // Nested generators: flat_map from the outside in.
    let body = mapped;
    for (let gi = gens.length - 1; gi >= 1; gi--) {
      const inner = `${wrapIter(closures[gi - 1])}.map(move |${(gens[gi] as any)._pat}| ${body})`;
      body = inner;
      const pat = (gens[gi - 1] as any)._pat;
      body = `__FLAT__${pat}__SEP__${body}`;
    }
    let code: string;
    if (gens.length === 1) code = `${chain}.map(${this.scope.moveClosures ? 'move ' : ''}|${(gens[0] as any)._pat}| ${mapped})`;
    else {
      // rebuild: chain.flat_map(|p0| inner1.flat_map(|p1| ... .map(|pn| elt)))
      const build = (gi: number): string => {
        const g = gens[gi];
        if (gi === gens.length - 1) return `.map(move |${(g as any)._pat}| ${mapped})`;
        const next = gens[gi + 1];
        return `.flat_map(move |${(g as any)._pat}| ${wrapIter(closures[gi])}${build(gi + 1)})`;
        void next;
      };
      code = `${chain}${build(0)}`;
    }
    this.scope.names = saved;
    if (e.kind === 'list') return { code: `${code}.collect::<Vec<_>>()`, type: t, kind: 'value', prec: PREC.atom };
    if (e.kind === 'set') return { code: `${code}.collect::<std::collections::BTreeSet<_>>()`, type: t, kind: 'value', prec: PREC.atom };
    if (e.kind === 'dict') { this.useRuntime('dict'); return { code: `${code}.collect::<Dict<_, _>>()`, type: t, kind: 'value', prec: PREC.atom }; }
    return { code, type: { k: 'iter', elem: et.k !== 'unknown' ? et : e.elt.type }, kind: 'value', prec: PREC.atom };
  }

  /** How to pass an argument to a parameter with the given passing mode. */
  argFor(p: ParamInfo | undefined, a: RExpr): string {
    if (!p) return this.own(a);
    // An iterator variable passed on is advanced in place (Python shares the iterator).
    if (p.type.k === 'iter' && a.type.k === 'iter' && (a.kind === 'place' || a.kind === 'mutref')) return `${this.paren(a, PREC.unary)}.by_ref()`;
    if (p.type.k === 'iter' && a.type.k !== 'iter' && a.type.k !== 'unknown') return `${this.paren({ ...a, code: this.own(a) }, PREC.unary)}.into_iter()`;
    if (p.mode === 'mut') return a.kind === 'mutref' ? a.code : `&mut ${this.paren({ ...a, code: this.mutUnwrap(a.code) }, PREC.unary)}`;
    if (p.mode === 'ref') {
      if (p.type.k === 'str') return this.strRef(a);
      // A tagged list (`for xs in [[1, 2], ["a"]]`) given to a list-of-tagged-values parameter: its items.
      if (p.type.k === 'list' && isObjUnion(p.type.elem) && isObjUnion(a.type) && a.type.k === 'union' && a.type.types.every((t) => t.k === 'list')) return `${this.paren(a, PREC.unary)}.seq()`;
      if (p.type.k === 'func') return p.fnMut ? `&mut ${a.kind === 'value' ? `(${a.code})` : this.paren(a, PREC.unary)}` : this.borrow(a);
      // A generic `&K` instantiated with str wants `&String`, not `&str`.
      if (p.type.k === 'typevar' && (a.kind === 'strlit' || a.type.k === 'str' && a.kind === 'ref')) return `&${this.own(a)}`;
      // `&Option<T>` parameter given a T: wrap it (`&Some(..)`).
      if (p.type.k === 'optional' && a.type.k !== 'optional' && a.type.k !== 'none' && a.type.k !== 'unknown') return `&${this.coerce(a, p.type)}`;
      // `&Obj` parameter given a plain value (an int to an `int | float` parameter): tag it.
      if (isObjUnion(p.type) && !isObjUnion(a.type) && a.type.k !== 'unknown') return `&${this.coerce(this.valE(a), p.type)}`;
      // A tagged dict (an item of a mixed list) given to a `dict[str, tagged]` parameter: its pairs.
      if (p.type.k === 'dict' && p.type.key.k === 'str' && isObjUnion(p.type.val) && isObjUnion(a.type)) {
        this.useRuntime('dict');
        return `&${this.paren(a, PREC.unary)}.pairs().into_iter().map(|(k, v)| (k.to_str(), v)).collect::<Dict<String, Obj>>()`;
      }
      return this.borrow(a.kind === 'value' && p.type.k !== 'unknown' ? { ...a, code: this.coerce(a, p.type) } : a);
    }
    return this.coerce(a, p.type);
  }

  assignTargetName(t: AST.Expr): string | undefined {
    if (t.k === 'name') return rustIdent(t.id);
    return undefined;
  }

  /** Lowering inside a Rust closure (comprehension, lambda): `?` cannot propagate from there. */
  closureDepth = 0;
  /** Variables holding functools.partial objects: the function and its remaining params. */
  readonly partials = new Map<number, { fn: FuncInfo; rest: FuncInfo }>();
  /** Bounded deques: variable symbol -> its constant maxlen. */
  readonly dequeMaxlens = new Map<number, string>();
  /** Set when an exception raised inside a closure could have been caught outside it. */
  closureLostCatch = false;
  inClosure<R>(f: () => R, span?: AST.Span): R {
    if (this.closureDepth === 0) this.closureLostCatch = false;
    this.closureDepth++;
    try { return f(); } finally {
      this.closureDepth--;
      if (this.closureDepth === 0 && this.closureLostCatch && span) {
        this.diag('PTR010', span, 'an exception raised inside this comprehension/lambda ends the program instead of reaching the enclosing handler', 'warning', {}, 0.4);
      }
    }
  }

  inCatchingContext(kind: string): boolean {
    if (this.closureDepth > 0) return false;
    if (this.scope.tryLabels.some((t) => t.catches.some((c) => c === kind || c === 'Exception' || c === 'BaseException' || c === 'LookupError' && (kind === 'KeyError' || kind === 'IndexError') || c === 'ArithmeticError' && kind === 'ZeroDivisionError'))) return true;
    return this.scope.raises && !!this.scope.info?.catchContext;
  }

  /** A fallible builtin (returns Result): propagate where `kind` is caught, else fail loudly. */
  propagateOrPanic(resultCode: string, kind: string): string {
    if (this.inCatchingContext(kind) || this.scope.tryLabels.length && !this.closureDepth) return this.propagate(resultCode);
    this.useRuntime('exc');
    return `${resultCode}.unwrap_or_else(|e| py_uncaught(e))`;
  }

  /** `?`-style propagation of a Result inside the current context (try block or raising fn). */
  propagate(resultCode: string): string {
    if (this.closureDepth > 0) {
      // Inside a closure (comprehension, lambda) neither `?` nor `break 'try` can leave the
      // enclosing function: the exception ends the program like an uncaught one.
      if (this.scope.tryLabels.length || this.scope.raises) this.closureLostCatch = true;
      this.useRuntime('exc');
      return `${resultCode}.unwrap_or_else(|e| py_uncaught(e))`;
    }
    const t = this.scope.tryLabels[this.scope.tryLabels.length - 1];
    if (t) return `match ${resultCode} { Ok(v) => v, Err(e) => break '${t.label} Err(e) }`;
    if (this.scope.raises) return `${resultCode}?`;
    this.useRuntime('exc');
    return `${resultCode}.unwrap_or_else(|e| py_uncaught(e))`;
  }

  // ---------- statements ----------
  block(stmts: AST.Stmt[]) {
    const pre = this.scope.predeclare.get(stmts);
    if (pre) for (const id of pre) this.emitPredeclare(id);
    // Variables first assigned in a nested block of this block and used after it.
    declareHoisted(this, stmts);
    stmts.forEach((s, i) => this.stmt(s, i === stmts.length - 1 ? stmts : undefined));
  }

  private predeclTypes = new Map<number, { name: string; type: PyType }>();
  /** Variables declared ahead of the block that first assigns them (`let mut x: T;`). */
  readonly hoisted = new Set<number>();
  emitPredeclare(id: number, withPlaceholder = false) {
    const v = this.predeclTypes.get(id);
    if (!v || this.scope.declared.has(id)) return;
    this.scope.declared.add(id);
    this.hoisted.add(id);
    const init = withPlaceholder ? this.placeholderValue(v.type) : undefined;
    this.w.line(`let mut ${rustIdent(v.name)}: ${this.rt(v.type)}${init ? ` = ${init}` : ''};`);
  }

  /** `xs[xs.len() - 1]...` used as a mutable place: Rust cannot read `xs.len()` while `xs` is
   *  borrowed mutably, so the length is read first (`let __len = xs.len(); xs[__len - 1]...`). */
  hoistRootLen(code: string): { pre: string; subst: (x: string) => string } | undefined {
    const root = /^([A-Za-z_][\w.]*)\[/.exec(code)?.[1];
    if (!root || !code.includes(`${root}.len()`)) return undefined;
    return { pre: `let __len = ${root}.len();`, subst: (x) => x.split(`${root}.len()`).join('__len') };
  }

  stmt(s: AST.Stmt, _tailOf?: AST.Stmt[]) {
    this.w.withSpan(s.span, () => {
      try {
        this.stmtInner(s);
        // A row of `[[..]] * n` changed: all rows are that one list in Python.
        for (const row of this.repeatedRows?.syncs.get(s) ?? []) {
          const rowCode = this.own(this.expr(row));
          this.w.line(`{ let __row = ${rowCode}; ${this.expr(row.value).code}.fill(__row); }`);
        }
      } catch (err) {
        if (err instanceof RangeError) this.w.line(`${this.todo(s.span, 'statement nested too deeply').code};`);
        else throw err;
      }
    });
  }

  private stmtInner(s: AST.Stmt) {
    const w = this.w;
    switch (s.k) {
      case 'expr': {
        if (s.value.k === 'str') { this.docComment(s.value.value, '//'); return; }
        if (s.value.k === 'yield') { this.yieldStmt(s.value); return; }
        if (s.value.k === 'yieldfrom') {
          const it = this.iterate(s.value.value);
          w.line(`${this.scope.generatorOut ?? '__out'}.extend(${this.ownedItems(it)});`);
          return;
        }
        const r = this.expr(s.value);
        if (r.code === '()' ) return;
        // `xs[-1].append(x)`: the receiver's length is read before the mutable borrow.
        const hoist = s.value.k === 'call' && s.value.func.k === 'attr' && s.value.func.value.k === 'index' ? this.hoistRootLen(r.code) : undefined;
        if (hoist) { w.line(`{ ${hoist.pre} ${hoist.subst(r.code)}; }`); return; }
        w.line(`${r.code};`);
        return;
      }
      case 'assign':
        // `Matrix = List[List[int]]`, `T = TypeVar("T")`: type-level only, nothing to emit.
        if (s.targets.length === 1 && s.targets[0].k === 'name' && s.targets[0].sym && this.excTuples().has(s.targets[0].sym.id)) return;
        if (s.targets.every((x) => x.k === 'name') && (s.value.type.k === 'type' || s.value.k === 'call' && s.value.func.k === 'name' && (s.value.func.id === 'TypeVar' || s.value.func.id === 'NewType'))) return;
        return this.assign(s.targets, s.value, s.span);
      case 'annassign':
        if (s.value) return this.assign([s.target], s.value, s.span, true);
        return;
      case 'augassign': return this.augassign(s);
      case 'if': return this.ifStmt(s);
      case 'while': return this.whileStmt(s);
      case 'for': return this.forStmt(s);
      case 'return': return this.returnStmt(s);
      case 'pass': return;
      case 'break': case 'continue': {
        // `finally` blocks between here and the loop run first.
        const depth = this.scope.loopLabels.length;
        const fin = this.scope.finallies ?? [];
        const from = fin.findIndex((f) => f.loopDepth === depth);
        if (from >= 0) this.runFinallies(from);
        const label = this.scope.tryLabels.length && this.scope.loopLabels.length ? ` '${this.scope.loopLabels[this.scope.loopLabels.length - 1]}` : '';
        // for/while ... else: a break skips the else block.
        if (s.k === 'break' && this.breakFlag) w.line(`${this.breakFlag} = true;`);
        w.line(`${s.k}${label};`);
        return;
      }
      case 'raise': return this.raiseStmt(s);
      case 'try': return this.tryStmt(s);
      case 'def': return this.nestedDef(s);
      case 'class': w.line(`${this.todo(s.span, 'class defined inside a function').code};`); return;
      case 'import': case 'importfrom': this.checkImport(s); return;
      case 'global': case 'nonlocal': return;
      case 'del': return this.delStmt(s);
      case 'assert': {
        const t = this.cond(s.test);
        const msg = s.msg ? `, "{}", ${displayArg(this, this.expr(s.msg))}` : '';
        w.line(`assert!(${t}${msg});`);
        return;
      }
      case 'with': return this.withStmt(s);
      case 'match': return this.matchStmt(s);
      case 'typealias': return;
      case 'error': w.line(`${this.todo(s.span, 'invalid syntax').code};`); return;
    }
  }

  /** Imports of modules the engine has no mapping for get a PTR011 diagnostic. */
  checkImport(s: Extract<AST.Stmt, { k: 'import' | 'importfrom' }>) {
    const mods = s.k === 'import' ? s.names.map((n) => n.name) : [s.module];
    for (const m of mods) {
      const top = m.split('.')[0];
      if (!SUPPORTED_MODULES.has(top)) {
        this.diag('PTR011', s.span, `module '${m}' has no Rust mapping; its uses become todo!()`, 'warning', { suggestion: 'translate the module too, or replace it with a std-only equivalent' }, 0.5);
      }
    }
  }

  docComment(text: string, prefix: '//' | '///' | '//!') {
    for (const line of text.trim().split('\n')) this.w.line(`${prefix} ${line.trim()}`.trimEnd());
  }

  assign(targets: AST.Expr[], value: AST.Expr, span: AST.Span, annotated = false) {
    if (targets.length > 1) {
      // a = b = v: evaluate once, assign to each.
      const first = targets[0];
      this.assign([first], value, span, annotated);
      for (const t of targets.slice(1)) this.assign([t], first, span);
      return;
    }
    const t = targets[0];
    if (t.k === 'name' && t.sym && value.k === 'call' && value.callee === 'functools.partial') {
      const p = partialOf(this, value);
      if (p) this.partials.set(t.sym.id, { fn: p.fn, rest: p.rest });
    }
    if (t.k === 'name' && t.sym && value.k === 'call' && value.func.k === 'name' && value.func.id === 'deque') {
      const ml = value.args.find((a) => a.name === 'maxlen')?.value ?? (value.args.length >= 2 && !value.args[1].name ? value.args[1].value : undefined);
      if (ml && ml.k === 'num') this.dequeMaxlens.set(t.sym.id, String(ml.value));
      else if (ml && !(ml.k === 'const' && ml.value === null)) this.diag('PTR010', ml.span, 'deque maxlen that is not a constant is ignored', 'warning', {}, 0.5);
    }
    // `Number = Union[int, float]`: a type alias, only meaningful to the type checker.
    if (t.k === 'name' && value.k === 'index' && value.value.k === 'name' && TYPING_FORMS.has(value.value.id) && (value.value.sym?.scope === 'builtins' || value.value.sym?.kind !== 'variable')) return;
    if (t.k === 'name') return this.assignName(t, value, annotated);
    if ((t.k === 'tuple' || t.k === 'list') && value.k === 'tuple' && value.elts.length === t.elts.length && t.elts.some((x) => x.k === 'attr') && t.elts.every((x) => x.k === 'attr' || x.k === 'name')) {
      // `self.a, self.b = a, b`: independent stores when no value reads a target.
      const attrs = new Set(t.elts.map((x) => (x.k === 'attr' ? x.attr : '')));
      const vars = new Set(t.elts.map((x) => (x.k === 'name' ? x.id : '')));
      let reads = false;
      value.elts.forEach((x) => walkExprs([{ k: 'expr', span: x.span, value: x }], (y) => { if ((y.k === 'attr' && attrs.has(y.attr)) || (y.k === 'name' && vars.has(y.id))) reads = true; }));
      if (!reads) { t.elts.forEach((x, i) => this.assign([x], value.elts[i], span, annotated)); return; }
    }
    if (t.k === 'tuple' || t.k === 'list') return this.assignTuple(t, value, span);
    const ntAttr = t.k === 'attr' && t.value.type.k === 'class' ? this.classes.get(t.value.type.name) : undefined;
    if (t.k === 'attr' && ntAttr?.isNamedTuple && ntAttr.fields.some((f) => f.name === t.attr)) {
      // NamedTuple fields are read-only: the value is evaluated, then AttributeError.
      this.useRuntime('exc');
      this.w.line(`let _ = ${this.exprOwned(value)};`);
      this.raiseCode(`PyErr::new("AttributeError", "can't set attribute")`);
      return;
    }
    if (t.k === 'attr') {
      const cvar = t.value.type.k === 'type' ? classVarOfAttr(this, t) : undefined;
      if (cvar) { this.w.line(classVarWrite(cvar, this.exprOwned(value, cvar.type))); return; }
      const obj0 = this.expr(t.value);
      const obj = { ...obj0, code: this.mutUnwrap(obj0.code) };
      const sharedT = obj0.type.k === 'class' ? obj0.type : obj0.type.k === 'optional' && obj0.type.inner.k === 'class' ? obj0.type.inner : undefined;
      if (sharedT && this.classes.get(sharedT.name)?.shared && !(t.value.k === 'name' && t.value.id === 'self' && (this.scope.selfName || this.scope.inInit))) {
        // A shared object: compute the value first (it may read the object), then store.
        const v = this.exprOwned(value, this.fieldType(sharedT, t.attr) ?? t.type);
        const target = obj0.type.k === 'optional' ? `${this.paren(obj0, PREC.unary)}.as_ref().unwrap()` : this.paren(obj0, PREC.unary);
        this.w.line(`let __v = ${v};`);
        this.w.line(`${target}.borrow_mut().${rustIdent(t.attr)} = __v;`);
        return;
      }
      if (this.scope.inInit && t.value.k === 'name' && t.value.id === 'self') {
        const ft = this.fieldType(t.value.type, t.attr) ?? t.type;
        const v = this.exprOwned(value, ft);
        if (!this.scope.inInit.fields.has(t.attr)) {
          this.scope.inInit.fields.add(t.attr);
          const mut = this.scope.inInit.mutFields && !this.scope.inInit.mutFields.has(t.attr) ? '' : 'mut ';
          this.w.line(`let ${mut}${rustIdent(t.attr)}: ${this.rt(ft)} = ${v};`);
        } else this.w.line(`${rustIdent(t.attr)} = ${v};`);
        return;
      }
      if (obj.type.k === 'class' && this.classes.has(obj.type.name) && isFrozenDataclass(this.classes.get(obj.type.name)!)) {
        // @dataclass(frozen=True): assigning a field raises FrozenInstanceError.
        this.useRuntime('exc');
        this.noteException('FrozenInstanceError');
        this.raiseCode(`PyErr::new("FrozenInstanceError", ${rustStr(`cannot assign to field '${t.attr}'`)})`);
        return;
      }
      if (obj.type.k === 'class') {
        // A property setter: `obj.x = v` calls `obj.set_x(v)` (which may raise).
        let setter: FuncInfo | undefined;
        for (let c = this.classes.get(obj.type.name); c && !setter; c = c.base ? this.classes.get(c.base) : undefined) setter = c.methods.get(`__set_${t.attr}`);
        if (setter) {
          const p = setter.params[0];
          const call = `${this.paren(obj, PREC.unary)}.set_${t.attr}(${this.argFor(p, this.expr(value, p?.type))})`;
          this.w.line(`${setter.raises ? this.propagate(call) : call};`);
          return;
        }
      }
      const ft = obj.type.k === 'class' ? this.fieldType(obj.type, t.attr) ?? t.type : t.type;
      const v = this.exprOwned(value, ft);
      this.w.line(`${this.paren(obj, PREC.unary)}.${rustIdent(t.attr)} = ${v};`);
      return;
    }
    if (t.k === 'index' && this.lockedGlobal(t.value) && hasCall(value)) {
      // `memo[n] = f(n - 1)` on a Mutex global: evaluate the value (which may lock it too)
      // before locking for the store, as Python evaluates the right side first.
      const tmp = `__v${this.scope.labelCounter++}`;
      this.w.line(`let ${tmp} = ${this.exprOwned(value, t.type.k !== 'unknown' ? t.type : value.type)};`);
      const sym: AST.SymbolRef = { id: -8000 - this.scope.labelCounter, scope: 'function', declType: value.type, kind: 'variable' };
      this.scope.names.set(sym.id, { code: tmp, kind: 'value', type: t.type.k !== 'unknown' ? t.type : value.type });
      this.assign([t], { k: 'name', span: value.span, type: value.type, id: tmp, sym }, span, annotated);
      return;
    }
    if (t.k === 'index') {
      const c = this.expr(t.value);
      const ct = c.type;
      if (ct.k === 'dict') {
        const k = this.exprOwned(t.index, ct.key);
        if (ct.val.k === 'float' && (value.type.k === 'int' || value.type.k === 'bool')) {
          // `dist[k] = 0` into a dict[str, float]: CPython keeps the int (prints `0`, not `0.0`).
          this.diag('PTR021', value.span, 'an int stored into a float dict stays an int in Python (it prints without .0); translated as a float', 'warning', {}, 0.3);
        }
        const v = this.exprOwned(value, ct.val);
        this.w.line(`${this.paren(c, PREC.unary)}.insert(${k}, ${v});`);
        return;
      }
      if (ct.k === 'list' || ct.k === 'deque') {
        if (t.index.k === 'slice') {
          const sl = t.index;
          const nonNeg = (x?: AST.Expr) => !x || x.k === 'num' || x.k === 'call' && x.func.k === 'name' && x.func.id === 'len';
          if (!sl.step && ct.k === 'list' && nonNeg(sl.lower) && nonNeg(sl.upper) && (!sl.lower || !sl.upper || sl.lower.k === 'num' && sl.upper.k === 'num' && Number(sl.lower.value) <= Number(sl.upper.value))) {
            const lo = sl.lower ? `${this.val(this.expr(sl.lower, T.int))}` : '0';
            const hi = sl.upper ? `${this.val(this.expr(sl.upper, T.int))}` : '';
            const len = `${this.paren(c, PREC.unary)}.len()`;
            const clamp = (x: string) => (/^\d+$/.test(x) ? `${x}.min(${len})` : `(${x} as usize).min(${len})`);
            const src = value.type.k === 'list' ? this.exprOwned(value, ct) : this.ownedItems(this.iterate(value));
            const hiCode = hi ? clamp(hi) : '';
            this.w.line(`${this.paren(c, PREC.unary)}.splice(${lo === '0' ? '' : clamp(lo)}..${hiCode}, ${src});`);
            return;
          }
          if (ct.k !== 'list') { this.w.line(`${this.todo(sl.span, 'slice assignment on a deque').code};`); return; }
          this.useRuntime('list_slice_mut');
          const opt = (x?: AST.Expr) => (x ? `Some(${this.val(this.expr(x, T.int))})` : 'None');
          const step = sl.step ? this.val(this.expr(sl.step, T.int)) : '1';
          const src = value.k === 'list' || value.type.k === 'list' ? this.exprOwned(value, ct) : `${wrapIter(this.ownedItems(this.iterate(value)))}.collect::<Vec<_>>()`;
          this.w.line(`list_set_slice(&mut ${c.kind === 'mutref' ? `*${c.code}` : c.code}, ${opt(sl.lower)}, ${opt(sl.upper)}, ${step}, ${src});`);
          return;
        }
        const v = this.exprOwned(value, ct.elem);
        if (ct.k === 'list' && this.inCatchingContext('IndexError')) {
          // Under a handler: a bad index raises IndexError instead of panicking.
          this.useRuntime('exc');
          const recv = this.paren(c, PREC.unary);
          const ix = t.index;
          const pos = ix.k === 'num' || this.nonNegativeIndex(ix) ? `${this.paren(this.valE(this.expr(ix, T.int)), PREC.cast)} as usize`
            : `{ let __i = ${this.val(this.expr(ix, T.int))}; usize::try_from(if __i < 0 { __i + ${recv}.len() as i64 } else { __i }).unwrap_or(usize::MAX) }`;
          this.w.line(`let __v = ${v};`);
          this.w.line(`*${this.propagate(`${recv}.get_mut(${pos}).ok_or_else(|| PyErr::new("IndexError", "list assignment index out of range"))`)} = __v;`);
          return;
        }
        const idx = this.indexCode(c, t.index);
        const hoist = this.hoistRootLen(c.code);
        if (hoist && c.kind !== 'mutref') {
          // `rows[-1][0] = v`: the value first (Python's order), then the lengths, then the store.
          const cc = hoist.subst(c.code);
          this.w.line(`{ let __v = ${v}; ${hoist.pre} let __i = ${hoist.subst(idx)}; ${this.paren({ ...c, code: cc }, PREC.unary)}[__i] = __v; }`);
        } else if (idx.includes(`${c.code}.len()`) && !/^\w+$/.test(c.code)) {
          this.w.line(`{ let __i = ${idx}; ${this.paren(c, PREC.unary)}[__i] = ${v}; }`);
        } else if (idx.startsWith('py_index(')) {
          this.w.line(`let __i = ${idx};`);
          this.w.line(`${this.paren(c, PREC.unary)}[__i] = ${v};`);
        } else this.w.line(`${this.paren(c, PREC.unary)}[${idx}] = ${v};`);
        return;
      }
      if (ct.k === 'class') {
        const cls = this.classes.get(ct.name);
        if (cls?.methods.has('__setitem__')) {
          const m = cls.methods.get('__setitem__')!;
          this.w.line(`${this.paren(c, PREC.unary)}.__setitem__(${this.argFor(m.params[0], this.expr(t.index))}, ${this.argFor(m.params[1], this.expr(value))});`);
          return;
        }
      }
      this.w.line(`${this.todo(t.span, `item assignment on ${typeToString(ct)}`).code};`);
      return;
    }
    this.w.line(`${this.todo(t.span, 'assignment target').code};`);
  }

  fieldType(t: PyType, field: string): PyType | undefined {
    if (t.k !== 'class') return undefined;
    return this.classes.get(t.name)?.fields.find((f) => f.name === field)?.type;
  }

  assignName(t: Extract<AST.Expr, { k: 'name' }>, value: AST.Expr, annotated: boolean) {
    const id = t.sym?.id;
    let declT = this.varType(t);
    const name = rustIdent(t.id);
    if (t.sym?.scope === 'module' && this.globals.has(t.id)) {
      const g = this.globals.get(t.id)! as { type: PyType; rust: string; kind?: string };
      const rname = g.rust.replace(/^\(\*/, '').replace(/\.(get|lock)\(\).*$/, '');
      const v = this.exprOwned(value, g.type);
      if (g.kind === 'cell') { this.w.line(`${rname}.set(${v});`); return; }
      // The value may read the global: evaluate it before taking the lock.
      if (g.kind === 'mutex') { this.w.line(/^[\w.:]+(::new\(\))?$|^vec!\[\]$|^"/.test(v) ? `*${rname}.lock().unwrap() = ${v};` : `{ let __v = ${v}; *${rname}.lock().unwrap() = __v; }`); return; }
      this.w.line(`${g.rust} = ${v};`);
      return;
    }
    if (id !== undefined && this.scope.names.has(id) && this.scope.names.get(id)!.kind === 'mutref') {
      this.w.line(`*${name} = ${this.exprOwned(value, declT)};`);
      return;
    }
    if (this.scope.boxIters && declT.k === 'iter' && id !== undefined && this.scope.declared.has(id) && !this.scope.names.has(id)) {
      this.w.line(`${name} = Box::new(${this.exprOwned(value, declT)});`);
      return;
    }
    const bound = id !== undefined ? this.scope.names.get(id) : undefined;
    if (bound && declT.k === 'union' && value.type.k !== 'unknown' && value.type.k !== bound.type.k && !isObjUnion(declT)) {
      // `members = list(members)`: Python rebinds the name to a value of another type; Rust
      // shadows the binding for the rest of the block.
      const v = this.exprOwned(value, value.type);
      const use = this.scope.vars.get(id!);
      this.w.line(`let ${use && use.mutated ? 'mut ' : ''}${name} = ${v};`);
      this.scope.names.set(id!, { code: name, kind: 'place', type: value.type });
      return;
    }
    const sharedDecl = declT.k === 'class' && !!this.classes.get(declT.name)?.shared; // (a clone is the alias)
    if (id !== undefined && !sharedDecl && !this.scope.declared.has(id) && !this.scope.names.has(id) && t.sym && elementAlias(t, value)) {
      // `m = members[k]` then `m.loans.append(x)`: Python mutates the element itself: bind `&mut`.
      const use = this.scope.vars.get(id);
      const vt = value.type;
      const sharedClass = vt.k === 'class' && !!(this.classes.get(vt.name) as { shared?: boolean } | undefined)?.shared; // Rc<RefCell>: a clone aliases
      if (use && use.mutated && use.assigns <= 1 && !sharedClass) {
        const el = this.expr(value);
        const c = this.expr((value as Extract<AST.Expr, { k: 'index' }>).value);
        const base = this.paren(c, PREC.unary);
        let code: string | undefined;
        if (el.code.startsWith(`${base}.get(`)) code = `${base}.get_mut(${el.code.slice(base.length + 5)}`;
        else if (el.code.startsWith(`${base}[`) && el.kind === 'place') code = `&mut ${el.code}`;
        if (code && (c.kind === 'place' || c.kind === 'mutref')) {
          this.scope.declared.add(id);
          this.scope.names.set(id, { code: name, kind: 'mutref', type: el.type });
          this.w.line(`let ${name} = ${code};`);
          return;
        }
      }
    }
    if (id !== undefined && !annotated && declT.k === 'class' && (this.classType(declT.name) ?? '').startsWith('Box<dyn') && !this.scope.declared.has(id) && !this.scope.names.has(id) && (this.scope.vars.get(id)?.assigns ?? 1) <= 1 && value.k === 'call' && value.type.k === 'class' && value.type.name === declT.name) {
      // `bike = Vehicle(...)`: keep the concrete struct (boxed only where a `dyn` is needed).
      const r = this.expr(value);
      if (r.concrete) {
        this.scope.declared.add(id);
        this.concreteVars.add(id);
        const use = this.scope.vars.get(id);
        this.w.line(`let ${use && (use.assigns > 1 || use.mutated) ? 'mut ' : ''}${name} = ${this.own(r)};`);
        return;
      }
    }
    let v: string;
    if (hasUnknownT(declT) && id !== undefined && !this.scope.declared.has(id)) {
      const r = this.expr(value, declT);
      this.learnType(t, r.type);
      declT = this.varType(t);
      v = this.coerce(r, declT);
    } else v = this.exprOwned(value, declT);
    if (id === undefined || this.scope.declared.has(id)) {
      if (id !== undefined && this.scope.names.has(id) && this.scope.names.get(id)!.kind !== 'place') {
        // a rebound loop/param reference becomes an owned local from here on
        this.scope.names.delete(id);
        this.w.line(`let mut ${name} = ${v};`);
        return;
      }
      // `cur = cur.next` through a shared object's `borrow()`: end the borrow before assigning.
      if (v.includes('.borrow()') && new RegExp(`\\b${name}\\b`).test(v)) { this.w.line(`let __t = ${v};`); this.w.line(`${name} = __t;`); return; }
      this.w.line(`${name} = ${v};`);
      return;
    }
    this.scope.declared.add(id);
    const use = this.scope.vars.get(id);
    // A closure from an FnMut factory (`counter = make_counter()`) must be `mut` to be called.
    const fnMutValue = value.k === 'call' && value.func.k === 'name' && this.fnMutFns.has(value.func.id);
    const mut = use && (use.assigns > 1 || use.mutated || use.inLoopAssign && false) || fnMutValue ? 'mut ' : '';
    // A bare numeric literal leaves Rust's type ambiguous for later method calls (`x.pow(3)`).
    const bareLiteral = (declT.k === 'int' || declT.k === 'float') && /^[-+*/%&|^<>!() \d.]+$/.test(v);
    // Container literals of ints: Rust would default unconstrained literals to i32.
    const intLiteralContainer = (value.k === 'dict' || value.k === 'list' || value.k === 'set' || value.k === 'tuple') && /\bint\b/.test(typeToString(declT)) && !hasUnknownT(declT);
    const needsType = annotated || bareLiteral || intLiteralContainer || isEmptyContainer(value) || value.k === 'const' && value.value === null || !sameType(declT, value.type) && declT.k !== 'unknown';
    const ty = needsType && declT.k !== 'unknown' ? `: ${this.rt(declT)}` : '';
    this.w.line(`let ${mut}${name}${ty} = ${v};`);
  }

  /** Binds `a, *b, c` from an owned list (or tagged sequence) value `code` of type `type`; false when unsupported. */
  bindStarredItems(t: Extract<AST.Expr, { k: 'tuple' | 'list' }>, code: string, type: PyType): boolean {
    const obj = isObjUnion(type);
    if (!obj && type.k !== 'list' && type.k !== 'tuplevar') return false;
    const names = t.elts.map((x) => (x.k === 'starred' ? x.value : x));
    if (!names.every((x) => x.k === 'name')) return false;
    const star = t.elts.findIndex((x) => x.k === 'starred');
    const n = t.elts.length;
    const el = obj ? type : elemType(type);
    // A tagged item converts to each name's own type (`name: str`, `marks: list[int]`).
    const conv = (c: string, want: PyType): string | undefined => {
      if (!obj || isObjUnion(want) || want.k === 'unknown') return c;
      return ['int', 'float', 'str'].includes(want.k) ? this.coerce({ code: c, type: el, kind: 'value', prec: PREC.atom }, want) : undefined;
    };
    const binds: [Extract<AST.Expr, { k: 'name' }>, string, PyType][] = [];
    for (let i = 0; i < n; i++) {
      const tg = names[i] as Extract<AST.Expr, { k: 'name' }>;
      const want = this.varType(tg);
      if (i !== star) {
        const c = conv(i < star ? `__seq[${i}].clone()` : `__seq[__seq.len() - ${n - i}].clone()`, want);
        if (!c) return false;
        binds.push([tg, c, obj && !isObjUnion(want) && want.k !== 'unknown' ? want : el]);
        continue;
      }
      const slice = `__seq[${star}..__seq.len() - ${n - 1 - star}]`;
      const we = want.k === 'list' ? want.elem : T.unknown;
      const c = obj && !isObjUnion(we) && we.k !== 'unknown' ? conv('x.clone()', we) : undefined;
      if (obj && !isObjUnion(we) && we.k !== 'unknown' && !c) return false;
      binds.push([tg, c ? `${slice}.iter().map(|x| ${c}).collect()` : `${slice}.to_vec()`, c ? want : { k: 'list', elem: el }]);
    }
    this.w.line(`let __seq = ${obj ? `${code}.items()` : code};`);
    for (const [tg, c, ty] of binds) this.bindSimple(tg, c, ty);
    return true;
  }

  assignTuple(t: Extract<AST.Expr, { k: 'tuple' | 'list' }>, value: AST.Expr, span: AST.Span) {
    const nt = value.type.k === 'class' ? this.classes.get(value.type.name) : undefined;
    if (nt?.isNamedTuple && nt.fields.length === t.elts.length && t.elts.every((x) => x.k === 'name')) {
      // `x, y = p` of a NamedTuple: its fields, in order.
      this.w.line(`let __nt = ${this.borrow(this.expr(value))};`);
      t.elts.forEach((x, i) => {
        const f = nt.fields[i];
        if (x.k === 'name') this.bindSimple(x, isCopy(f.type) ? `__nt.${rustIdent(f.name)}` : `__nt.${rustIdent(f.name)}.clone()`, f.type);
      });
      return;
    }
    const star = t.elts.findIndex((x) => x.k === 'starred');
    if (star >= 0 && value.type.k === 'tuple' && value.type.elems.length >= t.elts.length - 1) {
      // `x, *y, z = (1, 2)`: a fixed tuple's positions are known; the starred part is a list.
      const elems = value.type.elems;
      const n = t.elts.length, restLen = elems.length - (n - 1);
      const restT = elems.slice(star, star + restLen);
      const target = t.elts[star].k === 'starred' ? (t.elts[star] as Extract<AST.Expr, { k: 'starred' }>).value : t.elts[star];
      const declared = target.k === 'name' ? this.varType(target) : T.unknown;
      // (an empty rest: its declared item type, else the tuple's common item type)
      const restElem = restT.length ? restT[0] : declared.k === 'list' && declared.elem.k !== 'unknown' ? declared.elem : elems.every((x) => sameType(x, elems[0])) ? elems[0] : T.unknown;
      if (restT.every((x) => sameType(x, restElem)) && restElem.k !== 'unknown' && t.elts.every((x) => (x.k === 'starred' ? x.value : x).k === 'name')) {
        this.w.line(`let __seq = ${this.own(this.expr(value))};`);
        const at = (i: number) => `__seq.${i}${isCopy(elems[i]) ? '' : '.clone()'}`;
        t.elts.forEach((x, i) => {
          const tg = (x.k === 'starred' ? x.value : x) as Extract<AST.Expr, { k: 'name' }>;
          if (i < star) this.bindSimple(tg, at(i), elems[i]);
          else if (i > star) this.bindSimple(tg, at(i + restLen - 1), elems[i + restLen - 1]);
          else this.bindSimple(tg, restLen ? `vec![${restT.map((_, j) => at(star + j)).join(', ')}]` : `Vec::<${this.rt(restElem)}>::new()`, { k: 'list', elem: restElem });
        });
        return;
      }
    }
    if (star >= 0 && value.type.k !== 'list' && value.type.k !== 'tuple') {
      // `*init, last = "hello"`, `head, *mid, tail = range(6)`: collect the items first.
      const it = this.iterate(value);
      const el = it.item;
      if (!it.parts && el.k !== 'unknown' && t.elts.every((x) => (x.k === 'starred' ? x.value : x).k === 'name')) {
        this.w.line(`let __seq: Vec<${this.rt(el)}> = ${wrapIter(this.ownedItems(it))}.collect();`);
        const n = t.elts.length;
        t.elts.forEach((x, i) => {
          const tg = (x.k === 'starred' ? x.value : x) as Extract<AST.Expr, { k: 'name' }>;
          const code = i < star ? `__seq[${i}].clone()` : i === star ? `__seq[${star}..__seq.len() - ${n - 1 - star}].to_vec()` : `__seq[__seq.len() - ${n - i}].clone()`;
          this.bindSimple(tg, code, i === star ? { k: 'list', elem: el } : el);
        });
        return;
      }
    }
    if (star >= 0) {
      const r = this.expr(value);
      const tmp = '__seq';
      this.w.line(`let ${tmp} = ${this.own(r)};`);
      const n = t.elts.length;
      t.elts.forEach((x, i) => {
        let code: string;
        if (i < star) code = `${tmp}[${i}].clone()`;
        else if (i === star) code = `${tmp}[${star}..${tmp}.len() - ${n - 1 - star}].to_vec()`;
        else code = `${tmp}[${tmp}.len() - ${n - i}].clone()`;
        const target = x.k === 'starred' ? x.value : x;
        if (target.k === 'name') this.bindSimple(target, code, x.k === 'starred' ? r.type : elemType(r.type));
      });
      return;
    }
    // Nested tuple targets `a, (b, c) = ...`: all leaves are names (or `_`).
    const leaves = (x: AST.Expr): AST.Expr[] => (x.k === 'tuple' || x.k === 'list' ? x.elts.flatMap(leaves) : [x]);
    const nested = t.elts.some((x) => x.k === 'tuple' || x.k === 'list');
    const isNew = (x: AST.Expr) => x.k === 'name' && (x.id === '_' || !!x.sym && !this.scope.declared.has(x.sym.id) && !this.scope.names.has(x.sym.id));
    const targetType = (x: AST.Expr): PyType => (x.k === 'name' ? this.varType(x) : x.k === 'tuple' || x.k === 'list' ? { k: 'tuple', elems: x.elts.map(targetType) } : x.type);
    if (nested && leaves(t).every((x) => x.k === 'name') && !t.elts.some((x) => x.k === 'starred')) {
      const allLeavesNew = leaves(t).every(isNew);
      const r = this.expr(value, targetType(t));
      const v = this.shapeAsTuple(this.own(r), r.type, t);
      const pat = (x: AST.Expr): string => {
        if (x.k === 'tuple' || x.k === 'list') return `(${x.elts.map(pat).join(', ')})`;
        const n = x as Extract<AST.Expr, { k: 'name' }>;
        if (n.id === '_') return '_';
        if (allLeavesNew) {
          this.scope.declared.add(n.sym!.id);
          const u = this.scope.vars.get(n.sym!.id);
          return (u && (u.assigns > 1 || u.mutated) ? 'mut ' : '') + rustIdent(n.id);
        }
        if (isNew(n)) this.emitLetUninit(n);
        return rustIdent(n.id);
      };
      const p = pat(t);
      this.w.line(allLeavesNew ? `let ${p} = ${v};` : `${p} = ${v};`);
      return;
    }
    const allNames = t.elts.every((x) => x.k === 'name');
    const anyDeclared = t.elts.some((x) => x.k === 'name' && x.sym && (this.scope.declared.has(x.sym.id) || this.scope.names.has(x.sym.id)));
    const allNew = t.elts.every((x) => x.k === 'name' && x.sym && !this.scope.declared.has(x.sym.id) && !this.scope.names.has(x.sym.id));
    const elemTypes = t.elts.map((x) => (x.k === 'name' ? this.varType(x) : x.type));
    const expected: PyType = { k: 'tuple', elems: elemTypes };
    let v: string;
    const zipRows = value.k === 'call' && value.func.k === 'name' && value.func.id === 'zip' && value.func.sym?.scope === 'builtins' && value.args.length === 1 && value.args[0].star === '*' ? value.args[0].value : undefined;
    const rowT = zipRows && (zipRows.type.k === 'list' || zipRows.type.k === 'tuplevar') ? zipRows.type.elem : undefined;
    if (value.k === 'tuple' && value.elts.length === t.elts.length) v = `(${value.elts.map((x, i) => this.exprOwned(x, elemTypes[i])).join(', ')})`;
    else if (zipRows && rowT?.k === 'tuple' && rowT.elems.length === t.elts.length) {
      // `names, ages = zip(*pairs)`: the columns of fixed-size rows (a tuple per column).
      const rows = this.expr(zipRows);
      const cols = rowT.elems.map((et, i) => `__r.iter().map(|x| x.${i}${isCopy(et) ? '' : '.clone()'}).collect::<Vec<_>>()`);
      t.elts.forEach((x, i) => this.learnType(x, { k: 'tuplevar', elem: rowT.elems[i] }));
      v = `{ let __r = ${this.borrow(rows)}; (${cols.join(', ')}) }`;
    } else {
      const r = this.expr(value, expected);
      if (r.type.k === 'tuple' && r.type.elems.length === t.elts.length) {
        const ets = r.type.elems;
        t.elts.forEach((x, i) => this.learnType(x, ets[i]));
      }
      if (r.type.k === 'list' || r.type.k === 'tuplevar') {
        // Unpacking checks the length (ValueError: not enough / too many values to unpack).
        this.useRuntime('unpack');
        const check = this.propagateOrPanic(`py_unpack_len(__v.len(), ${t.elts.length})`, 'ValueError');
        v = `{ let __v = ${this.own(r)}; ${check}; (${t.elts.map((_, i) => `__v[${i}].clone()`).join(', ')}) }`;
      } else if (r.type.k === 'str' || r.type.k === 'set' || r.type.k === 'deque') {
        v = this.shapeAsTuple(this.own(r), r.type, t);
      } else if (r.type.k === 'iter') {
        // Unpacking a generator: run it to the end, then take the items.
        v = `{ let mut __v = ${wrapIter(this.own(r))}.collect::<Vec<_>>().into_iter(); (${t.elts.map(() => '__v.next().unwrap()').join(', ')}) }`;
      } else v = this.own(r);
    }
    if (allNames && allNew) {
      const pats = t.elts.map((x) => {
        const n = x as Extract<AST.Expr, { k: 'name' }>;
        this.scope.declared.add(n.sym!.id);
        const u = this.scope.vars.get(n.sym!.id);
        return (u && (u.assigns > 1 || u.mutated) ? 'mut ' : '') + rustIdent(n.id);
      });
      this.w.line(`let (${pats.join(', ')}) = ${v};`);
      return;
    }
    if (allNames && !anyDeclared) { /* mixed: fall through */ }
    // Destructuring assignment into existing places (Rust 2021).
    const places = t.elts.map((x) => {
      if (x.k === 'name' && x.id === '_') return '_';
      if (x.k === 'name' && x.sym && !this.scope.declared.has(x.sym.id) && !this.scope.names.has(x.sym.id)) {
        this.emitLetUninit(x);
      }
      if (x.k === 'name') return rustIdent(x.id);
      if (x.k === 'index') {
        const c = this.expr(x.value);
        return `${this.paren(c, PREC.unary)}[${this.indexCode(c, x.index)}]`;
      }
      return this.expr(x).code;
    });
    void span;
    if (v.includes('.borrow()')) { this.w.line(`let __t = ${v};`); this.w.line(`(${places.join(', ')}) = __t;`); }
    else this.w.line(`(${places.join(', ')}) = ${v};`);
  }

  /** An owned value `code` of type t reshaped into nested Rust tuples matching a (possibly
   * nested) tuple target: lists/strs/iterators are indexed, tuples pass through. */
  shapeAsTuple(code: string, t: PyType, target: AST.Expr): string {
    if (target.k !== 'tuple' && target.k !== 'list') return code;
    const subs = target.elts;
    const needs = (x: AST.Expr, xt: PyType): boolean => (x.k === 'tuple' || x.k === 'list') && !(xt.k === 'tuple' && xt.elems.length === x.elts.length && x.elts.every((y, i) => !needs(y, xt.elems[i])));
    if (t.k === 'tuple' && t.elems.length === subs.length) {
      if (!subs.some((x, i) => needs(x, t.elems[i]))) return code;
      return `{ let __t = ${code}; (${subs.map((x, i) => this.shapeAsTuple(`__t.${i}`, t.elems[i], x)).join(', ')}${subs.length === 1 ? ',' : ''}) }`;
    }
    let seq: string, et: PyType;
    if (t.k === 'list' || t.k === 'tuplevar') { seq = code; et = t.elem; }
    else if (t.k === 'str') { seq = `${code}.chars().map(|c| c.to_string()).collect::<Vec<String>>()`; et = T.str; }
    else if (t.k === 'iter' || t.k === 'set' || t.k === 'deque') { seq = `${wrapIter(code)}.into_iter().collect::<Vec<_>>()`; et = elemType(t); }
    else return code;
    const item = (i: number) => `__v[${i}]${isCopy(et) ? '' : '.clone()'}`;
    return `{ let __v = ${seq}; (${subs.map((x, i) => this.shapeAsTuple(item(i), et, x)).join(', ')}${subs.length === 1 ? ',' : ''}) }`;
  }

  emitLetUninit(x: Extract<AST.Expr, { k: 'name' }>) {
    this.scope.declared.add(x.sym!.id);
    this.w.line(`let mut ${rustIdent(x.id)}: ${this.rt(this.varType(x))};`);
  }

  bindSimple(t: Extract<AST.Expr, { k: 'name' }>, code: string, type: PyType) {
    if (t.sym && !this.scope.declared.has(t.sym.id)) {
      this.scope.declared.add(t.sym.id);
      const u = this.scope.vars.get(t.sym.id);
      this.w.line(`let ${u && (u.assigns > 1 || u.mutated) ? 'mut ' : ''}${rustIdent(t.id)}: ${this.rt(type)} = ${code};`);
    } else this.w.line(`${rustIdent(t.id)} = ${code};`);
  }

  augassign(s: Extract<AST.Stmt, { k: 'augassign' }>) {
    const t = s.target;
    const tt = t.k === 'name' ? this.varType(t) : t.type;
    if (t.k === 'name' && t.sym?.scope === 'module' && this.globals.has(t.id) && (this.globals.get(t.id) as any).kind === 'cell') {
      // A Copy global in a Cell: read, combine, write back.
      const g = this.globals.get(t.id)!;
      const rhs = this.binopCode(s.op, { code: g.rust, type: g.type, kind: 'value', prec: PREC.atom }, s.value, g.type, s.span);
      this.w.line(`${g.rust.replace(/\.get\(\)$/, '')}.set(${rhs});`);
      return;
    }
    if (t.k === 'attr' && t.value.type.k === 'class' && this.classes.get(t.value.type.name)?.shared && !(t.value.k === 'name' && t.value.id === 'self')) {
      // A shared object's field: read, compute, then store through `borrow_mut()`.
      const ft = this.fieldType(t.value.type, t.attr) ?? t.type;
      const rhs = this.binopCode(s.op, this.attribute(t), s.value, ft, s.span);
      this.w.line(`let __v = ${rhs};`);
      this.w.line(`${this.paren(this.expr(t.value), PREC.unary)}.borrow_mut().${rustIdent(t.attr)} = __v;`);
      return;
    }
    if (t.k === 'attr') {
      // Class attribute (`C.count += 1`) or an instance attribute shadowing one.
      const cvar = classVarOfAttr(this, t);
      const ov = t.value.type.k === 'class' && this.classes.get(t.value.type.name)?.fields.some((f) => f.name === t.attr && f.override);
      if (cvar && (t.value.type.k === 'type' || ov)) {
        const rhs = this.binopCode(s.op, this.attribute(t), s.value, cvar.type, s.span);
        if (ov) this.w.line(`${this.paren(this.expr(t.value), PREC.unary)}.${rustIdent(t.attr)} = Some(${rhs});`);
        else { this.w.line(`let __v = ${rhs};`); this.w.line(classVarWrite(cvar, '__v')); }
        return;
      }
    }
    // Containers
    if (tt.k === 'list' && s.op === '+') {
      const target = this.expr(t);
      const it = this.iterate(s.value);
      this.w.line(`${this.paren(target, PREC.unary)}.extend(${this.ownedItems(it)});`);
      return;
    }
    if (tt.k === 'str' && s.op === '+') {
      const target = this.lvalue(t);
      const v = this.expr(s.value);
      if (v.kind === 'char') this.w.line(`${target}.push(${v.code});`);
      else if (v.kind === 'strlit' && v.code.startsWith('"') && [...JSON.parse(v.code)].length === 1) this.w.line(`${target}.push(${rustChar(JSON.parse(v.code))});`);
      else this.w.line(`${target}.push_str(${this.strRef(v)});`);
      return;
    }
    if (tt.k === 'set' && ['|', '&', '-'].includes(s.op)) {
      const target = this.lvalue(t);
      const v = this.expr(s.value);
      if (s.op === '|') this.w.line(`${target}.extend(${this.paren(v, PREC.unary)}.iter().cloned());`);
      else if (s.op === '-') this.w.line(`for __x in ${this.paren(v, PREC.unary)}.iter() { ${target}.remove(__x); }`);
      else this.w.line(`${target} = ${target}.intersection(${this.borrow(v)}).cloned().collect();`);
      return;
    }
    // dict[k] op= v (including Counter/defaultdict that create missing keys)
    if (t.k === 'index' && t.value.type.k === 'dict') {
      const dt = t.value.type;
      const d = this.expr(t.value);
      const k = this.expr(t.index);
      const kOwned = this.coerce(k, dt.key);
      const cur: RExpr = { code: '*__e', type: dt.val, kind: 'value', prec: PREC.unary };
      const rhs = this.binopCode(s.op, cur, s.value, dt.val, s.span);
      if (dt.flavor === 'counter' || dt.flavor === 'defaultdict') {
        const def = this.defaultValue(dt.val);
        this.w.line(`let __e = ${this.paren(d, PREC.unary)}.entry_or_insert_with(${kOwned}, || ${def});`);
      } else if (this.inCatchingContext('KeyError')) {
        // A missing key raises KeyError(repr(key)) that a handler can catch.
        this.useRuntime('exc');
        const keyTmp = /\?|\bbreak\b|\breturn\b/.test(k.code);
        if (keyTmp) this.w.line(`let __k = ${kOwned};`);
        const kr = keyTmp ? '&__k' : this.keyRef(k, dt.key);
        const rep = this.reprOf(keyTmp ? { code: '__k', type: k.type, kind: 'place', prec: PREC.atom } : k);
        this.w.line(`let __e = ${this.propagate(`${this.paren(d, PREC.unary)}.get_mut(${kr}).ok_or_else(|| PyErr::new("KeyError", ${rep}))`)};`);
      } else {
        this.useRuntime('pystr');
        this.w.line(`let __e = ${this.paren(d, PREC.unary)}.get_mut(${this.keyRef(k, dt.key)}).expect("KeyError");`);
      }
      this.w.line(`*__e = ${rhs};`);
      return;
    }
    const target = this.lvalue(t);
    const cur: RExpr = { code: target, type: tt, kind: t.k === 'name' && t.sym && this.scope.names.get(t.sym.id)?.kind === 'mutref' ? 'mutref' : 'place', prec: PREC.atom };
    const simpleOps: Record<string, string> = { '+': '+=', '-': '-=', '*': '*=', '&': '&=', '|': '|=', '^': '^=', '<<': '<<=', '>>': '>>=' };
    if (isObjUnion(tt) && ['+', '-', '*', '/', '//', '%'].includes(s.op)) {
      // A tagged value: Python's arithmetic rules at run time.
      const v = this.expr(s.value);
      const rhs = isObjUnion(v.type) ? this.borrow(v) : `&${this.toObj(this.own(v), v.type)}`;
      // Nested indices (`out[-1][1] += 1`): bind each level first (the borrow checker needs it).
      let n = 0;
      const place = (x: AST.Expr): string => {
        const ct = x.k === 'index' ? (x.value.k === 'name' ? this.varType(x.value) : x.value.type) : undefined;
        if (x.k !== 'index' || x.index.k === 'slice' || !ct || (ct.k !== 'list' && ct.k !== 'tuplevar')) return `&mut ${this.lvalue(x)}`;
        const base = place(x.value);
        const p = `__p${++n}`;
        this.w.line(`let ${p} = ${base};`);
        this.w.line(`let __i${n} = ${this.indexCode({ code: p, type: ct, kind: 'mutref', prec: PREC.atom }, x.index)};`);
        return `&mut ${p}[__i${n}]`;
      };
      if (t.k === 'index') {
        this.w.open('{');
        const r = place(t);
        this.w.line(`obj_aug(${r}, ${rhs}, '${s.op === '//' ? 'f' : s.op}');`);
        this.w.close();
      } else this.w.line(`obj_aug(&mut ${target}, ${rhs}, '${s.op === '//' ? 'f' : s.op}');`);
      return;
    }
    if (isNumeric(tt) && simpleOps[s.op] && !(tt.k === 'int' && s.value.type.k === 'float')) {
      const v = this.expr(s.value, tt);
      const vc = this.coerce(this.valE(v), tt);
      const lens = t.k === 'index' ? [...new Set([...target.matchAll(/\b([A-Za-z_][\w.]*)\.len\(\)/g)].map((m) => m[1]))] : [];
      if (lens.length) {
        // (`runs[runs.len() - 1][1] += 1`: read the lengths first, the target borrows `runs` mutably)
        let lhs = target;
        const pre = lens.map((x, i) => { lhs = lhs.split(`${x}.len()`).join(`__len${i}`); return `let __len${i} = ${x}.len(); `; }).join('');
        this.w.line(`{ ${pre}${lhs} ${simpleOps[s.op]} ${vc}; }`);
        return;
      }
      this.w.line(`${cur.kind === 'mutref' ? '*' : ''}${target} ${simpleOps[s.op]} ${vc};`);
      return;
    }
    if (tt.k === 'float' && s.op === '/') {
      const v = this.expr(s.value, T.float);
      this.w.line(`${target} /= ${this.coerce(this.valE(v), T.float)};`);
      return;
    }
    const rhs = this.binopCode(s.op, cur, s.value, tt, s.span);
    // `a[i][j] = f(&a[i][j])`: compute the value before borrowing the target mutably.
    if (t.k === 'index' && rhs.includes(target)) {
      // (`runs[runs.len() - 1][1]`: read the lengths first too, the target borrows `runs` mutably)
      const lens = [...new Set([...target.matchAll(/\b([A-Za-z_][\w.]*)\.len\(\)/g)].map((m) => m[1]))];
      let lhs = target;
      const pre = lens.map((x, i) => { lhs = lhs.split(`${x}.len()`).join(`__len${i}`); return `let __len${i} = ${x}.len(); `; }).join('');
      this.w.line(`{ ${pre}let __v = ${rhs}; ${lhs} = __v; }`);
    }
    else this.w.line(`${target} = ${rhs};`);
  }

  /** `cur OP value` where cur is already lowered (used by augmented assignment). */
  binopCode(op: string, cur: RExpr, value: AST.Expr, t: PyType, span: AST.Span): string {
    const fake: AST.Expr = { k: 'name', span, type: cur.type, id: '__cur__' };
    const saved = this.scope.names;
    this.scope.names = new Map(saved);
    const fakeSym: AST.SymbolRef = { id: -1, scope: 'function', declType: cur.type, kind: 'variable' };
    (fake as any).sym = fakeSym;
    this.scope.names.set(-1, { code: cur.code, kind: cur.kind === 'mutref' ? 'mutref' : cur.kind === 'value' ? 'value' : 'place', type: cur.type });
    const resType = t.k === 'int' && (value.type.k === 'float' || op === '/') ? T.float : t;
    const r = this.expr({ k: 'bin', span, type: resType, op, left: fake, right: value });
    this.scope.names = saved;
    return this.coerce(r, t);
  }

  lvalue(t: AST.Expr): string {
    if (t.k === 'name') {
      if (t.sym?.scope === 'module' && (!this.scope.isMain || t.sym.kind === 'variable') && this.globals.has(t.id)) return this.globals.get(t.id)!.rust;
      const n = t.sym && this.scope.names.get(t.sym.id);
      if (n?.kind === 'mutref') return `*${n.code}`;
      return rustIdent(t.id);
    }
    if (t.k === 'attr') return this.mutUnwrap(`${this.paren(this.expr(t.value), PREC.unary)}.${rustIdent(t.attr)}`);
    if (t.k === 'index') {
      const c = this.expr(t.value);
      return `${this.paren(c, PREC.unary)}[${this.indexCode(c, t.index)}]`;
    }
    return this.todo(t.span, 'assignment target').code;
  }

  defaultValue(t: PyType): string {
    switch (t.k) {
      case 'int': return '0';
      case 'float': return '0.0';
      case 'bool': return 'false';
      case 'str': return 'String::new()';
      case 'list': return 'Vec::new()';
      case 'set': return 'std::collections::BTreeSet::new()';
      case 'dict': this.useRuntime('dict'); return 'Dict::new()';
      default: return 'Default::default()';
    }
  }

  ifStmt(s: Extract<AST.Stmt, { k: 'if' }>) {
    if (this.defaultIfNone(s)) return;
    const c0 = this.cond(s.test);
    // A statically false test (`if not isinstance(other, Point)` with a Point-typed `other`): the
    // branch is dead code (e.g. `return NotImplemented`), so leave it out.
    if (!s.orelse.length && (c0 === 'false' || c0 === '!true')) return;
    this.w.open(`if ${c0} {`);
    this.narrowingBlock(s.test, s.body);
    let orelse = s.orelse;
    while (orelse.length === 1 && orelse[0].k === 'if') {
      const e = orelse[0] as Extract<AST.Stmt, { k: 'if' }>;
      this.w.dedent();
      this.w.line(`} else if ${this.cond(e.test)} {`, e.span);
      this.w.indent();
      this.narrowingBlock(e.test, e.body);
      orelse = e.orelse;
    }
    if (orelse.length) {
      this.w.dedent();
      this.w.line('} else {');
      this.w.indent();
      this.block(orelse);
    }
    this.w.close();
  }

  /** `if x is not None:` — inside, x is used unwrapped: shadow it. */
  narrowingBlock(test: AST.Expr, body: AST.Stmt[]) {
    const saved = new Map(this.scope.names);
    if (test.k === 'cmp' && test.ops.length === 1 && test.ops[0] === 'is not' && test.comparators[0].k === 'const' && test.comparators[0].value === null && test.left.k === 'name' && test.left.sym) {
      const declT = this.varType(test.left);
      const assigned = this.scope.vars.get(test.left.sym.id);
      if (declT.k === 'optional' && !(assigned && assigned.assigns > 1 && this.assignsIn(body, test.left.sym.id))) {
        const cur = this.name(test.left);
        const inner = declT.inner;
        if (isCopy(inner)) {
          this.w.line(`let ${rustIdent(test.left.id)} = ${this.paren(cur, PREC.unary)}.unwrap();`);
          this.scope.names.set(test.left.sym.id, { code: rustIdent(test.left.id), kind: 'value', type: inner });
        } else {
          this.w.line(`let ${rustIdent(test.left.id)} = ${this.paren(cur, PREC.unary)}.as_ref().unwrap();`);
          this.scope.names.set(test.left.sym.id, { code: rustIdent(test.left.id), kind: 'ref', type: inner });
        }
      }
    }
    this.block(body);
    this.scope.names = saved;
  }

  assignsIn(body: AST.Stmt[], id: number): boolean {
    let found = false;
    const check = (t: AST.Expr) => { if (t.k === 'name' && t.sym?.id === id) found = true; if (t.k === 'tuple') t.elts.forEach(check); };
    const visit = (ss: AST.Stmt[]) => ss.forEach((s) => {
      if (s.k === 'assign') s.targets.forEach(check);
      if (s.k === 'augassign' || s.k === 'annassign') check(s.target);
      if (s.k === 'if' || s.k === 'while') { visit(s.body); visit(s.orelse); }
      if (s.k === 'for') { check(s.target); visit(s.body); visit(s.orelse); }
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
    });
    visit(body);
    return found;
  }

  private loopHead(label: string | undefined, head: string) {
    this.w.open(`${label ? `'${label}: ` : ''}${head} {`);
  }

  whileStmt(s: Extract<AST.Stmt, { k: 'while' }>) {
    const label = this.needsLoopLabel(s.body) ? `l${++this.scope.labelCounter}` : undefined;
    const flag = s.orelse.length ? `__broke${this.scope.labelCounter}` : undefined;
    if (flag) this.w.line(`let mut ${flag} = false;`);
    const isTrue = s.test.k === 'const' && s.test.value === true;
    this.loopHead(label, isTrue ? 'loop' : `while ${this.cond(s.test)}`);
    this.loopBody(s.body, label, flag);
    this.w.close();
    if (flag) { this.w.open(`if !${flag} {`); this.block(s.orelse); this.w.close(); }
  }

  forStmt(s: Extract<AST.Stmt, { k: 'for' }>) {
    const label = this.needsLoopLabel(s.body) ? `l${++this.scope.labelCounter}` : undefined;
    const flag = s.orelse.length ? `__broke${++this.scope.labelCounter}` : undefined;
    if (flag) this.w.line(`let mut ${flag} = false;`);
    const saved = new Map(this.scope.names);
    const declaredBefore = new Set(this.scope.declared);
    if ((s.target.k === 'tuple' || s.target.k === 'list') && s.target.elts.some((x) => x.k === 'starred')) {
      // `for name, *marks in rows`: take each item whole, then unpack it.
      const it = this.iterate(s.iter);
      const t = s.target;
      this.loopHead(label, `for __item in ${wrapIter(this.ownedItems(it))}`);
      if (it.parts || !this.bindStarredItems(t, '__item', it.item)) this.w.line(`${this.todo(t.span, 'starred loop target over these items').code};`);
      this.loopBody(s.body, label, flag);
      this.w.close();
      this.scope.names = saved;
      this.scope.declared = declaredBefore;
      if (flag) { this.w.open(`if !${flag} {`); this.block(s.orelse); this.w.close(); }
      return;
    }
    let it = this.unpackSeqItems(this.iterate(s.iter), s.target);
    // Iterating a container the body mutates: iterate over a snapshot.
    const root = rootName(s.iter);
    if (root?.sym && (it.itemKind === 'ref' || it.parts) && this.bodyMutates(s.body, root.sym.id)) {
      it = { ...it, code: `${wrapIter(this.ownedItems(it))}.collect::<Vec<_>>()`, itemKind: 'value', parts: undefined };
    }
    if (it.parts && s.target.k === 'name') it = { ...it, code: this.ownedItems(it), parts: undefined };
    it = this.mutLoopIter(s, it);
    // The loop variable outlives the loop (Python leaks it): bind a fresh name, copy it out.
    const leak = s.target.k === 'name' && s.target.sym && this.hoisted.has(s.target.sym.id) && !this.scope.names.has(s.target.sym.id) ? s.target : undefined;
    let pat: string;
    // Names inside a tuple target that outlive the loop (`for c, v in ...` then `use(c)`).
    const leakedParts: Extract<AST.Expr, { k: 'name' }>[] = [];
    if (leak) {
      const tmp = `__${leak.id}`;
      pat = it.itemKind === 'ref' && isCopy(it.item) ? `&${tmp}` : tmp;
    } else {
      const before = new Set(this.scope.names.keys());
      const collect = (x: AST.Expr) => { if (x.k === 'name' && x.sym && this.hoisted.has(x.sym.id) && !before.has(x.sym.id)) leakedParts.push(x); if (x.k === 'tuple' || x.k === 'list') x.elts.forEach(collect); };
      if (s.target.k === 'tuple' || s.target.k === 'list') collect(s.target);
      pat = this.bindTarget(s.target, it.item, it.itemKind, true, it.parts);
      for (const x of leakedParts) pat = pat.replace(new RegExp(`(?<![\\w.])${rustIdent(x.id).replace(/[#]/g, '\\$&')}(?!\\w)`), `__${x.id}`);
    }
    let iterCode = it.code.endsWith('.iter()') && /^[\w.]+\.iter\(\)$/.test(it.code) && !it.refBase ? `&${it.code.slice(0, -'.iter()'.length)}` : it.code;
    if (/^\[.*\]\.into_iter\(\)$/s.test(iterCode) && (s.iter.k === 'list' || s.iter.k === 'tuple')) iterCode = iterCode.slice(0, -'.into_iter()'.length);
    this.loopHead(label, `for ${pat} in ${iterCode}`);
    if (leak) {
      const tmp = `__${leak.id}`;
      this.w.line(`${rustIdent(leak.id)} = ${this.coerce({ code: tmp, type: it.item, kind: it.itemKind === 'ref' && !isCopy(it.item) ? 'ref' : it.itemKind === 'char' ? 'char' : 'value', prec: PREC.atom }, this.varType(leak))};`);
    }
    for (const x of leakedParts) {
      const bound = this.scope.names.get(x.sym!.id);
      const t = bound?.type ?? this.varType(x);
      this.w.line(`${rustIdent(x.id)} = ${this.coerce({ code: `__${x.id}`, type: t, kind: bound?.kind === 'ref' || bound?.kind === 'char' ? bound.kind : 'value', prec: PREC.atom }, this.varType(x))};`);
      this.scope.names.delete(x.sym!.id);
    }
    this.loopBody(s.body, label, flag);
    this.w.close();
    this.scope.names = saved;
    // Rust bindings made by the loop (its variable, locals of its body) end with it: a later
    // assignment to the same Python name declares it again.
    this.scope.declared = declaredBefore;
    if (flag) { this.w.open(`if !${flag} {`); this.block(s.orelse); this.w.close(); }
  }

  /** `for c in items: c.bump()`: the loop variable is changed in place, so iterate with iter_mut(). */
  mutLoopIter(s: Extract<AST.Stmt, { k: 'for' }>, it: IterInfo): IterInfo {
    const mutated = (x: AST.Expr | undefined) => !!x && x.k === 'name' && !!x.sym && !isCopy(x.sym.declType) && this.bodyMutates(s.body, x.sym.id) && !this.assignsIn(s.body, x.sym.id);
    const toMut = (code: string) => (code.split('.iter()').length === 2 ? code.replace('.iter()', '.iter_mut()') : undefined);
    if (!it.parts && it.itemKind === 'ref' && mutated(s.target)) {
      const code = toMut(it.code);
      if (code) return { ...it, code, itemKind: 'mutref' };
    }
    if (it.parts && s.target.k === 'tuple' && it.parts.filter((p) => p === 'ref').length === 1) {
      const i = it.parts.indexOf('ref');
      const code = toMut(it.code);
      if (code && mutated(s.target.elts[i]) && !/\.(keys|values)\(\)/.test(it.code)) return { ...it, code, parts: it.parts.map((p, j) => (j === i ? 'mutref' : p)) };
    }
    return it;
  }

  bodyMutates(body: AST.Stmt[], id: number): boolean {
    const uses = scanVars(body);
    return !!uses.get(id)?.mutated;
  }

  needsLoopLabel(body: AST.Stmt[]): boolean {
    // break/continue inside a try block (lowered as a labeled block) must name the loop.
    let found = false;
    const visit = (ss: AST.Stmt[], inTry: boolean) => ss.forEach((s) => {
      if ((s.k === 'break' || s.k === 'continue') && inTry) found = true;
      if (s.k === 'if') { visit(s.body, inTry); visit(s.orelse, inTry); }
      if (s.k === 'try') { visit(s.body, true); s.handlers.forEach((h) => visit(h.body, inTry)); visit(s.orelse, inTry); visit(s.finalbody, inTry); }
      if (s.k === 'with' || s.k === 'match') visit(s.k === 'with' ? s.body : s.cases.flatMap((c) => c.body), inTry);
    });
    visit(body, false);
    return found;
  }

  loopBody(body: AST.Stmt[], label: string | undefined, flag: string | undefined) {
    if (label) this.scope.loopLabels.push(label);
    else this.scope.loopLabels.push('');
    const savedFlag = this.breakFlag;
    this.breakFlag = flag;
    const savedTry = this.scope.tryLabels;
    this.scope.tryLabels = label ? this.scope.tryLabels : [];
    if (!label) this.scope.tryLabels = savedTry.length ? [] : savedTry;
    this.scope.tryLabels = savedTry;
    this.block(body);
    this.breakFlag = savedFlag;
    this.scope.loopLabels.pop();
  }
  breakFlag: string | undefined;

  /** Owned value for a returned expression: a local variable is moved, not cloned. */
  returnValue(e: AST.Expr, rt: PyType): string {
    // A returned lambda outlives this call: it owns what it captures.
    if (e.k === 'lambda' && rt.k === 'func') return `move ${this.lambda(e, rt).code}`;
    if (e.k === 'name' && e.sym && (e.sym.scope === 'function') && !this.scope.names.has(e.sym.id) && !this.scope.tryLabels.length) {
      const r = this.expr(e, rt);
      if (r.kind === 'place') return this.coerce({ ...r, kind: 'value' }, rt);
    }
    return this.exprOwned(e, rt);
  }

  returnStmt(s: Extract<AST.Stmt, { k: 'return' }>) {
    const rt = this.scope.returnType;
    if (this.scope.genReturn) { this.w.line(this.scope.genReturn); return; }
    if (this.scope.generatorOut) { this.w.line(`return ${this.scope.generatorOut}.into_iter();`); return; }
    let v = s.value ? this.returnValue(s.value, rt) : rt.k === 'optional' ? 'None' : '';
    if (s.value && s.value.k === 'const' && s.value.value === null && rt.k !== 'optional' && !isObjUnion(rt)) v = '';
    if (!s.value && rt.k === 'union' && isObjUnion(rt) && rt.types.some((x) => x.k === 'none')) v = 'Obj::None';
    // Pending `finally` blocks run before the function returns (the value is computed first).
    if (this.scope.finallies?.length) {
      if (v && v !== 'None') { this.w.line(`let __ret = ${v};`); v = '__ret'; }
      this.runFinallies(0);
    }
    if (this.scope.isMain) { this.w.line('return;'); return; }
    if (this.scope.raises) { this.w.line(`return Ok(${v || '()'});`); return; }
    this.w.line(v ? `return ${v};` : 'return;');
  }

  raiseStmt(s: Extract<AST.Stmt, { k: 'raise' }>) {
    this.useRuntime('exc');
    let err: string;
    if (!s.exc) {
      err = this.currentExcName ?? 'PyErr::new("RuntimeError", "No active exception to reraise")';
    } else err = this.exceptionValue(s.exc);
    // `raise X from Y` records Y as X.__cause__ (`from None` leaves it empty).
    if (s.cause && !(s.cause.k === 'const' && s.cause.value === null)) err = `${err}.with_cause(Some(${this.own(this.expr(s.cause))}))`;
    this.raiseCode(err);
  }
  currentExcName: string | undefined;

  raiseCode(err: string) {
    this.w.line(`${this.raiseExpr(err)};`);
  }

  /** The `!` expression that raises `err` here: to the enclosing try, out of a raising fn, or uncaught. */
  raiseExpr(err: string): string {
    const t = this.scope.tryLabels[this.scope.tryLabels.length - 1];
    if (t) return `break '${t.label} Err(${err})`;
    if (this.scope.raises) return `return Err(${err})`;
    return `py_uncaught(${err})`;
  }

  /** `ValueError("msg")` / `MyError(x)` / `e` → a PyErr value. */
  exceptionValue(e: AST.Expr): string {
    if (e.k === 'call' && e.func.k === 'name') {
      const kind = e.func.id;
      const cls = this.classes.get(kind);
      if (cls?.isException) {
        // A class with its own __init__ builds its message and attributes.
        const built = constructException(this, cls, e, (fn) => bindArgs(this, fn, e.args, e.span));
        if (built) return built;
      }
      const arg = e.args[0];
      let msg = '""';
      if (arg) {
        const a = this.expr(arg.value);
        msg = a.kind === 'strlit' ? a.code : a.type.k === 'str' ? this.own(a) : `${displayArg(this, a)}.to_string()`;
        // str(KeyError(k)) is repr(k).
        if (kind === 'KeyError' && e.args.length === 1) msg = this.reprOf(a);
        if (e.args.length > 1) {
          msg = `format!("({})", [${e.args.map((x) => `${this.reprOf(this.expr(x.value))}`).join(', ')}].join(", "))`;
        }
      }
      if (kind === 'SystemExit' && this.exitCaught) {
        // SystemExit(code) keeps its code (an int, a message or None) for `e.code` and the exit status.
        this.useRuntime('sysexit');
        return `system_exit(&${arg ? this.toObj(this.exprOwned(arg.value), arg.value.type) : 'Obj::None'})`;
      }
      this.noteException(kind);
      return `PyErr::new(${rustStr(kind)}, ${msg})`;
    }
    if (e.k === 'name') {
      if (e.type.k === 'type') { this.noteException(e.id); return `PyErr::new(${rustStr(e.id)}, "")`; }
      const r = this.expr(e);
      return this.own(r);
    }
    return this.todo(e.span, 'raise of this expression').code;
  }

  noteException(kind: string) {
    if (!BUILTIN_EXC_PARENT[kind] && !this.exceptionKinds.has(kind) && kind !== 'Exception' && kind !== 'BaseException') this.exceptionKinds.set(kind, 'Exception');
  }

  /** Emits the pending finally blocks from index `from` outwards (innermost first). */
  runFinallies(from: number) {
    const fin = this.scope.finallies ?? [];
    for (let i = fin.length - 1; i >= from; i--) {
      this.scope.finallies = fin.slice(0, i);
      this.block(fin[i].body);
    }
    this.scope.finallies = fin;
  }

  /** Variables bound in a try body and read by its handlers/else/finally: declared (with a
   *  placeholder value, for Rust's definite-initialisation check) before the block. */
  predeclareTryVars(s: Extract<AST.Stmt, { k: 'try' }>) {
    const bound = new Map<number, Extract<AST.Expr, { k: 'name' }>>();
    const bind = (t: AST.Expr | undefined) => {
      if (!t) return;
      if (t.k === 'name' && t.sym && (t.sym.scope === 'function' || t.sym.scope === 'module') && t.sym.kind === 'variable' && t.id !== '_') bound.set(t.sym.id, t);
      if (t.k === 'tuple' || t.k === 'list') t.elts.forEach(bind);
    };
    const visit = (ss: AST.Stmt[]) => ss.forEach((x) => {
      if (x.k === 'assign') x.targets.forEach(bind);
      if (x.k === 'annassign' || x.k === 'augassign') bind(x.target);
      if (x.k === 'for') { bind(x.target); visit(x.body); visit(x.orelse); }
      if (x.k === 'if' || x.k === 'while') { visit(x.body); visit(x.orelse); }
      if (x.k === 'try') { visit(x.body); x.handlers.forEach((h) => visit(h.body)); visit(x.orelse); visit(x.finalbody); }
      if (x.k === 'with') visit(x.body);
    });
    visit(s.body);
    if (!bound.size) return;
    const used = new Set<number>();
    walkExprs([...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody], (e) => { if (e.k === 'name' && e.sym) used.add(e.sym.id); });
    for (const [id, n] of bound) {
      if (!used.has(id) || this.scope.declared.has(id) || this.scope.names.has(id)) continue;
      const t = this.varType(n);
      const init = t.k === 'unknown' ? undefined : this.placeholderValue(t);
      if (!init) continue;
      this.scope.declared.add(id);
      this.w.line(`let mut ${rustIdent(n.id)}: ${this.rt(t)} = ${init};`);
    }
  }

  /** A cheap value of type t (never observed: Python would have raised NameError). */
  placeholderValue(t: PyType): string | undefined {
    switch (t.k) {
      case 'int': return '0';
      case 'float': return '0.0';
      case 'bool': return 'false';
      case 'str': return 'String::new()';
      case 'list': case 'tuplevar': case 'bytes': return 'Vec::new()';
      case 'set': return 'std::collections::BTreeSet::new()';
      case 'deque': return 'std::collections::VecDeque::new()';
      case 'dict': this.useRuntime('dict'); return 'Dict::new()';
      case 'optional': return 'None';
      case 'tuple': {
        const parts = t.elems.map((e) => this.placeholderValue(e));
        if (parts.some((p) => !p)) return undefined;
        return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
      }
      default: return undefined;
    }
  }

  tryStmt(s: Extract<AST.Stmt, { k: 'try' }>) {
    this.useRuntime('exc');
    this.predeclareTryVars(s);
    // try/except/else/finally = try/finally around try/except/else, so that exceptions raised
    // in the handlers or the else block still run the finally block.
    if (s.finalbody.length) return this.tryFinally(s.handlers.length ? [{ ...s, finalbody: [] }] : s.body, s.finalbody);
    const label = `try${++this.scope.labelCounter}`;
    const catches = s.handlers.flatMap((h) => this.handlerKinds(h));
    this.w.open(`let __r${label}: Result<(), PyErr> = '${label}: {`);
    this.scope.tryLabels.push({ label, catches });
    this.block(s.body);
    this.scope.tryLabels.pop();
    this.w.line('Ok(())');
    this.w.dedent(); this.w.line('};');
    this.w.open(`match __r${label} {`);
    if (s.orelse.length) { this.w.open('Ok(()) => {'); this.block(s.orelse); this.w.close('}'); }
    else this.w.line('Ok(()) => {}');
    const savedExc = this.currentExcName;
    let catchAll = false;
    for (const h of s.handlers) {
      const kinds = this.handlerKinds(h);
      // (`except Exception` does not catch SystemExit: tell them apart where sys.exit raises)
      const all = kinds.length === 0 || kinds.includes('Exception') && !this.exitCaught || kinds.includes('BaseException');
      const guard = all ? '' : ` if ${kinds.map((k) => `e.is(${rustStr(k)})`).join(' || ')}`;
      this.w.open(`Err(e)${guard} => {`, h.span);
      const saved = new Map(this.scope.names);
      if (h.name) {
        this.w.line(`let ${rustIdent(h.name)} = e.clone();`);
        this.bindExceptionName(h, h.name, kinds.length === 1 ? kinds[0] : undefined);
      } else this.w.line('let _ = &e;');
      this.currentExcName = 'e.clone()';
      this.block(h.body);
      this.scope.names = saved;
      this.w.close('}');
      if (all) { catchAll = true; break; }
    }
    this.currentExcName = savedExc;
    if (!catchAll) {
      this.w.open('Err(e) => {');
      this.raiseCode('e');
      this.w.close('}');
    }
    this.w.close();
    this.block(s.finalbody);
  }

  /** try/finally: run the body, then the finally block, then re-raise a pending exception. */
  tryFinally(body: AST.Stmt[], finalbody: AST.Stmt[]) {
    const label = `try${++this.scope.labelCounter}`;
    this.w.open(`let __r${label}: Result<(), PyErr> = '${label}: {`);
    this.scope.tryLabels.push({ label, catches: [] });
    const fin = this.scope.finallies ?? [];
    this.scope.finallies = [...fin, { body: finalbody, loopDepth: this.scope.loopLabels.length }];
    this.block(body);
    this.scope.finallies = fin;
    this.scope.tryLabels.pop();
    this.w.line('Ok(())');
    this.w.dedent(); this.w.line('};');
    this.block(finalbody);
    this.w.open(`if let Err(e) = __r${label} {`);
    this.raiseCode('e');
    this.w.close();
  }

  bindExceptionName(h: AST.Handler, name: string, kind?: string) {
    // The handler's name is a PyErr (statically of the caught class); str(e) is its message.
    let symId: number | undefined;
    walkExprs(h.body, (x) => { if (x.k === 'name' && x.id === name && x.sym) symId = x.sym.id; });
    const cls = kind && kind !== 'BaseException' ? kind : 'Exception';
    const full = this.classes.has(cls) ? `__main__.${cls}` : `builtins.${cls}`;
    if (symId !== undefined) this.scope.names.set(symId, { code: rustIdent(name), kind: 'place', type: { k: 'class', name: cls, fullName: full, args: [] } });
  }

  handlerKinds(h: AST.Handler): string[] {
    if (!h.type) return [];
    const alias = h.type.k === 'name' && h.type.sym ? this.excTuples().get(h.type.sym.id) : undefined;
    if (alias) return alias;
    const names = h.type.k === 'tuple' ? h.type.elts : [h.type];
    return names.map((n) => (n.k === 'name' ? n.id : n.k === 'attr' ? n.attr : 'Exception'));
  }

  private excTuplesMemo: Map<number, string[]> | undefined;
  /** `errors = (ValueError, KeyError)` bound once and only used in `except errors`: the
   *  handler catches those kinds, and the tuple itself needs no run-time value. */
  excTuples(): Map<number, string[]> {
    if (this.excTuplesMemo) return this.excTuplesMemo;
    const out = new Map<number, string[]>();
    const userExc = new Map<string, AST.Expr[]>();
    const stmts: AST.Stmt[] = [];
    const visit = (ss: AST.Stmt[]): void => ss.forEach((s) => {
      stmts.push(s);
      if (s.k === 'class') userExc.set(s.name, s.bases);
      if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
      if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
      if (s.k === 'def' || s.k === 'class' || s.k === 'with') visit(s.body);
      if (s.k === 'match') s.cases.forEach((c) => visit(c.body));
    });
    visit(this.module.body);
    const isExc = (n: string, depth = 0): boolean => n in BUILTIN_EXC_PARENT || n === 'BaseException'
      || depth < 20 && (userExc.get(n) ?? []).some((b) => b.k === 'name' && isExc(b.id, depth + 1));
    const binds = new Map<number, number>();
    walkExprs(this.module.body, (e) => { if (e.k === 'name' && e.sym) binds.set(e.sym.id, (binds.get(e.sym.id) ?? 0) + 1); }, true);
    const handlerUses = new Map<number, number>();
    for (const s of stmts) if (s.k === 'try') for (const h of s.handlers) if (h.type?.k === 'name' && h.type.sym) handlerUses.set(h.type.sym.id, (handlerUses.get(h.type.sym.id) ?? 0) + 1);
    for (const s of stmts) {
      if (s.k !== 'assign' || s.targets.length !== 1 || s.targets[0].k !== 'name' || !s.targets[0].sym || s.value.k !== 'tuple') continue;
      const id = s.targets[0].sym.id;
      const kinds = s.value.elts.map((x) => (x.k === 'name' && isExc(x.id) ? x.id : ''));
      // (every appearance of the name, but the one binding, is an `except` clause)
      if (kinds.length && kinds.every((k) => k) && handlerUses.get(id) && binds.get(id) === handlerUses.get(id)! + 1) out.set(id, kinds);
    }
    return (this.excTuplesMemo = out);
  }

  delStmt(s: Extract<AST.Stmt, { k: 'del' }>) {
    for (const t of s.targets) {
      if (t.k === 'index' && t.value.type.k === 'dict') {
        const d = this.expr(t.value);
        const k = this.expr(t.index);
        const remove = `${this.paren(d, PREC.unary)}.remove(${this.keyRef(k, t.value.type.key)})`;
        // A missing key raises KeyError (the key's repr), catchable by an enclosing handler.
        if (this.scope.tryLabels.length || this.inCatchingContext('KeyError')) {
          this.useRuntime('exc');
          this.w.line(`${this.propagate(`${remove}.ok_or_else(|| PyErr::new("KeyError", ${this.reprOf(k)}))`)};`);
        } else this.w.line(`if ${remove}.is_none() { panic!("KeyError: {}", ${this.reprOf(k)}); }`);
      } else if (t.k === 'index' && t.value.type.k === 'list') {
        const c = this.expr(t.value);
        if (t.index.k === 'slice') {
          const sl = t.index;
          const opt = (x?: AST.Expr) => (x ? `Some(${this.val(this.expr(x, T.int))})` : 'None');
          const step = sl.step ? this.val(this.expr(sl.step, T.int)) : '1';
          if (!sl.step && !sl.lower && !sl.upper) { this.w.line(`${this.paren(c, PREC.unary)}.clear();`); continue; }
          this.useRuntime('list_slice_mut');
          this.w.line(`list_del_slice(&mut ${c.kind === 'mutref' ? `*${c.code}` : c.code}, ${opt(sl.lower)}, ${opt(sl.upper)}, ${step});`);
          continue;
        }
        this.w.line(`${this.paren(c, PREC.unary)}.remove(${this.indexCode(c, t.index)});`);
      } else if (t.k === 'name') {
        // Python unbinds the name; nothing to do for Rust's scoping.
      } else this.w.line(`${this.todo(t.span, 'del of this target').code};`);
    }
  }

  withStmt(s: Extract<AST.Stmt, { k: 'with' }>) {
    this.w.line(`${this.todo(s.span, 'with statement (context managers)').code};`);
  }

  /** `match` on an int or str subject with only literal / or / `_` patterns and no guards:
   *  a Rust `match` (same first-match semantics). */
  nativeMatch(s: Extract<AST.Stmt, { k: 'match' }>, subj: RExpr): boolean {
    const t = subj.type;
    if (t.k !== 'int' && t.k !== 'str') return false;
    const lit = (p: AST.Pattern): string | undefined => {
      if (p.k === 'or') { const alts = p.alts.map(lit); return alts.every((a) => a !== undefined) ? alts.join(' | ') : undefined; }
      if (p.k === 'capture' && !p.name) return '_';
      if (p.k !== 'value') return undefined;
      const v = p.value;
      if (t.k === 'int' && v.k === 'num' && v.isInt) return String(v.value);
      if (t.k === 'int' && v.k === 'unary' && v.op === '-' && v.operand.k === 'num' && v.operand.isInt) return `-${v.operand.value}`;
      if (t.k === 'str' && v.k === 'str') return rustStr(v.value);
      return undefined;
    };
    const arms = s.cases.map((c) => (c.guard ? undefined : lit(c.pattern)));
    if (arms.some((a) => a === undefined)) return false;
    const scrutinee = t.k === 'str' ? (subj.kind === 'strlit' ? subj.code : `${this.paren(subj, PREC.unary)}.as_str()`) : this.val(subj);
    this.w.open(`match ${scrutinee} {`);
    s.cases.forEach((c, i) => {
      this.w.open(`${arms[i]} => {`, c.span);
      this.block(c.body);
      this.w.close('}');
    });
    if (!arms.includes('_')) this.w.line('_ => {}');
    this.w.close();
    return true;
  }

  matchStmt(s: Extract<AST.Stmt, { k: 'match' }>) {
    // Lowered to an if/else chain over the subject: Python patterns are checked in order.
    const subj = this.expr(s.subject);
    if (this.nativeMatch(s, subj)) return;
    this.w.line(`let __m = ${this.borrow(subj)};`);
    const st = subj.type;
    let first = true;
    for (const c of s.cases) {
      const binds: string[] = [];
      const cond = this.patternCond(c.pattern, '__m', st, binds, true);
      const guard = c.guard;
      const head = first ? 'if' : '} else if';
      if (guard) {
        // Bindings must exist before the guard: use a nested block that falls through.
        this.w.line(`${head} ${cond} && { ${binds.join(' ')} ${this.truthy(this.exprWithBinds(guard, c.pattern))} } {`, c.span);
      } else this.w.line(`${head} ${cond} {`, c.span);
      this.w.indent();
      binds.forEach((b) => this.w.line(b));
      this.block(c.body);
      this.w.dedent();
      first = false;
    }
    if (!first) this.w.line('}');
  }

  private exprWithBinds(e: AST.Expr, _p: AST.Pattern): RExpr { return this.expr(e); }

  /** A Rust bool condition testing `pattern` against `subj` (a reference), collecting bindings. */
  patternCond(p: AST.Pattern, subj: string, t: PyType, binds: string[], top = false): string {
    switch (p.k) {
      case 'capture': {
        // (a capture of a tagged value is one too, whatever pyright narrowed it to)
        if (p.name && p.sym && isObjUnion(t)) this.localTypes.set(p.sym.id, t);
        if (p.name) binds.push(`let ${rustIdent(p.name)} = ${isCopy(t) ? `*${subj}` : `${subj}.clone()`};`);
        if (p.name && p.sym) this.scope.declared.add(p.sym.id);
        return 'true';
      }
      case 'value': {
        // `case True/False/None` compare by identity: 0 does not match False.
        if (isObjUnion(t) && p.value.k === 'const' && (p.value.value === true || p.value.value === false || p.value.value === null)) {
          return `matches!(${subj}, ${p.value.value === null ? 'Obj::None' : `Obj::Bool(${p.value.value})`})`;
        }
        const v = this.expr(p.value);
        if (t.k === 'str') return `${subj} == ${v.kind === 'strlit' ? v.code : this.strRef(v)}`;
        if (v.code === '()' || p.value.k === 'const' && p.value.value === null) return `${subj}.is_none()`;
        if (t.k === 'optional') return `*${subj} == Some(${this.coerce(v, t.inner)})`;
        return `*${subj} == ${this.coerce(v, t)}`;
      }
      case 'or': return '(' + p.alts.map((a) => this.patternCond(a, subj, t, binds)).join(' || ') + ')';
      case 'as': {
        const c = this.patternCond(p.pattern, subj, t, binds);
        binds.push(`let ${rustIdent(p.name)} = ${isCopy(t) ? `*${subj}` : `${subj}.clone()`};`);
        return c;
      }
      case 'seq': {
        const star = p.items.findIndex((x) => x.k === 'star');
        const conds: string[] = [];
        if (t.k === 'tuple') {
          p.items.forEach((it, i) => conds.push(this.patternCond(it, `&${subj}.${i}`, t.elems[i] ?? T.unknown, binds)));
          return conds.filter((c) => c !== 'true').join(' && ') || 'true';
        }
        const n = p.items.length;
        if (isObjUnion(t)) {
          // A tagged value matches a sequence pattern when it holds a list or tuple (not a str).
          this.useRuntime('obj');
          const seq = `${subj.startsWith('&') ? `(${subj})` : subj}.seq()`;
          conds.push(`matches!(${subj}, Obj::List(_) | Obj::Tuple(_))`);
          conds.push(star >= 0 ? `${seq}.len() >= ${n - 1}` : `${seq}.len() == ${n}`);
          p.items.forEach((it, i) => {
            if (it.k === 'star') {
              // (a list of tagged items, or one tagged value where the name is declared so)
              const whole = it.sym && isObjUnion(it.sym.declType ?? T.unknown);
              const items = `${seq}[${i}..${seq}.len() - ${n - 1 - i}].to_vec()`;
              if (it.name) binds.push(`let ${rustIdent(it.name)} = ${whole ? `Obj::List(${items})` : items};`);
              // (its items are tagged values, whatever the checker guessed for them)
              if (it.name && it.sym && !whole) this.scope.names.set(it.sym.id, { code: rustIdent(it.name), kind: 'place', type: { k: 'list', elem: t } });
              return;
            }
            const idx = star >= 0 && i > star ? `${seq}.len() - ${n - i}` : String(i);
            conds.push(this.patternCond(it, `&${seq}[${idx}]`, t, binds));
          });
          return conds.filter((c) => c !== 'true').join(' && ') || 'true';
        }
        const et = elemType(t);
        conds.push(star >= 0 ? `${subj}.len() >= ${n - 1}` : `${subj}.len() == ${n}`);
        p.items.forEach((it, i) => {
          if (it.k === 'star') {
            if (it.name) binds.push(`let ${rustIdent(it.name)} = ${subj}[${i}..${subj}.len() - ${n - 1 - i}].to_vec();`);
            return;
          }
          const idx = star >= 0 && i > star ? `${subj}.len() - ${n - i}` : String(i);
          conds.push(this.patternCond(it, `&${subj}[${idx}]`, et, binds));
        });
        return conds.filter((c) => c !== 'true').join(' && ') || 'true';
      }
      case 'class': {
        const name = p.cls.k === 'name' ? p.cls.id : '';
        const builtinTypes: Record<string, string> = { int: 'int', float: 'float', str: 'str', bool: 'bool', list: 'list', dict: 'dict' };
        if (builtinTypes[name]) {
          // On a tagged value the class pattern checks the run-time type (`str(text)` skips 42).
          const variant: Record<string, string> = { int: 'Obj::Int(_) | Obj::Bool(_)', float: 'Obj::Float(_)', str: 'Obj::Str(_)', bool: 'Obj::Bool(_)', list: 'Obj::List(_)', dict: 'Obj::Dict(_)' };
          const check = isObjUnion(t) ? `matches!(${subj}, ${variant[name]})` : 'true';
          const inner = p.args[0] ? this.patternCond(p.args[0], subj, t, binds) : 'true';
          return [check, inner].filter((c) => c !== 'true').join(' && ') || 'true';
        }
        const c = this.classes.get(name);
        if (!c) return this.todo(p.span, `class pattern ${name}`).code;
        const conds: string[] = [];
        const fields = c.fields;
        p.args.forEach((a, i) => { const f = fields[i]; if (f) conds.push(this.patternCond(a, `&${subj}.${rustIdent(f.name)}`, f.type, binds)); });
        p.kwargs.forEach((kw) => { const f = fields.find((x) => x.name === kw.name); if (f) conds.push(this.patternCond(kw.pattern, `&${subj}.${rustIdent(f.name)}`, f.type, binds)); });
        return conds.filter((x) => x !== 'true').join(' && ') || 'true';
      }
      case 'mapping': {
        if (t.k !== 'dict') return this.todo(p.span, 'mapping pattern').code;
        const conds: string[] = [];
        p.keys.forEach((k, i) => {
          const kc = this.keyRef(this.expr(k), t.key);
          conds.push(`${subj}.contains_key(${kc})`);
          conds.push(this.patternCond(p.values[i], `&${subj}[${kc}]`, t.val, binds));
        });
        return conds.filter((x) => x !== 'true').join(' && ') || 'true';
      }
      case 'star': return 'true';
    }
  }

  yieldStmt(y: Extract<AST.Expr, { k: 'yield' }>) {
    const out = this.scope.generatorOut ?? '__out';
    const et = this.scope.returnType.k === 'iter' ? this.scope.returnType.elem : T.unknown;
    const v = y.value ? this.exprOwned(y.value, et) : '()';
    this.w.line(`${out}.push(${v});`);
  }

  /** Local functions lowered as nested `fn`s, by symbol: captured variables become parameters. */
  readonly localFns = new Map<number, { rust: string; params: PyType[]; ret: PyType; captured: { sym: AST.SymbolRef; name: string; type: PyType; mode: 'value' | 'ref' | 'mut' }[] }>();
  /** Module functions returning an `impl FnMut` closure (callers bind the result `mut`). */
  readonly fnMutFns = new Set<string>();
  /** Set by module.ts: predeclares variables first assigned in nested blocks. */
  declareHoistedHook?: (L: Lowerer, body: AST.Stmt[]) => void;

  /** A recursive nested function: Rust closures cannot call themselves, so it becomes a nested
   * `fn` whose captured variables are passed explicitly (`&mut memo`, `a: &str`). */
  recursiveNestedDef(s: Extract<AST.Stmt, { k: 'def' }>): boolean {
    if (!s.sym || s.isGenerator || s.params.some((p) => p.kind !== 'normal' || p.default)) return false;
    let recursive = false;
    walkExprs(s.body, (e) => { if (e.k === 'call' && e.func.k === 'name' && e.func.sym?.id === s.sym!.id) recursive = true; }, true);
    if (!recursive) return false;
    const own = new Set(s.params.map((p) => p.sym?.id));
    const outer = this.scope;
    const captured = new Map<number, { sym: AST.SymbolRef; name: string; type: PyType; mode: 'value' | 'ref' | 'mut' }>();
    walkExprs(s.body, (e) => {
      if (e.k !== 'name' || !e.sym || own.has(e.sym.id) || e.sym.id === s.sym!.id) return;
      if (e.sym.scope !== 'function' || !(outer.declared.has(e.sym.id) || outer.names.has(e.sym.id))) return;
      if (this.localFns.has(e.sym.id)) return;
      const n = outer.names.get(e.sym.id);
      const type = n?.type ?? this.varType(e);
      captured.set(e.sym.id, { sym: e.sym, name: e.id, type, mode: 'value' });
    }, true);
    if (s.body.some((x) => x.k === 'nonlocal' || x.k === 'global')) return false;
    const uses = scanVars(s.body);
    for (const c of captured.values()) {
      const u = uses.get(c.sym.id);
      if (u && u.assigns > 0) return false; // rebinding an outer variable needs `nonlocal`
      c.mode = u?.mutated ? 'mut' : isCopy(c.type) ? 'value' : 'ref';
    }
    const ret = s.retType.k === 'unknown' ? T.none : s.retType;
    const info = { rust: rustIdent(s.name), params: s.params.map((p) => p.type), ret, captured: [...captured.values()] };
    this.localFns.set(s.sym.id, info);
    const params = s.params.map((p) => `${rustIdent(p.name)}: ${this.rt(p.type)}`);
    const names = new Map<number, { code: string; kind: RExpr['kind']; type: PyType }>();
    for (const c of info.captured) {
      const name = rustIdent(c.name);
      if (c.mode === 'mut') { params.push(`${name}: &mut ${this.rt(c.type)}`); names.set(c.sym.id, { code: name, kind: 'mutref', type: c.type }); }
      else if (c.mode === 'ref') {
        params.push(`${name}: ${c.type.k === 'str' ? '&str' : c.type.k === 'list' ? `&[${this.rt(c.type.elem)}]` : `&${this.rt(c.type)}`}`);
        names.set(c.sym.id, { code: name, kind: 'ref', type: c.type });
      } else { params.push(`${name}: ${this.rt(c.type)}`); names.set(c.sym.id, { code: name, kind: 'place', type: c.type }); }
    }
    for (const p of s.params) if (p.sym) names.set(p.sym.id, { code: rustIdent(p.name), kind: 'place', type: p.type });
    const inner = this.newScope({ info: outer.info, vars: uses, declared: new Set(s.params.map((p) => p.sym!.id).filter((x) => x !== undefined)), names, returnType: ret, isMain: false, selfName: undefined });
    this.scope = inner;
    this.w.open(`fn ${info.rust}(${params.join(', ')})${ret.k !== 'none' ? ` -> ${this.rt(ret)}` : ''} {`);
    this.declareHoistedHook?.(this, s.body);
    this.functionBody(s.body, ret);
    this.scope = outer;
    this.w.close();
    return true;
  }

  /** `if x is None: x = default` at the top of a function (x an Optional parameter): from here
   * on x is a plain value — `let x = x.unwrap_or_else(|| default);`. */
  defaultIfNone(s: Extract<AST.Stmt, { k: 'if' }>): boolean {
    const t = s.test;
    if (s.orelse.length || s.body.length !== 1 || !this.scope.info?.def.body.includes(s)) return false;
    if (t.k !== 'cmp' || t.ops.length !== 1 || (t.ops[0] !== 'is' && t.ops[0] !== '==') || t.left.k !== 'name' || !t.left.sym || !(t.comparators[0].k === 'const' && t.comparators[0].value === null)) return false;
    const a = s.body[0];
    if (a.k !== 'assign' || a.targets.length !== 1 || a.targets[0].k !== 'name' || a.targets[0].sym?.id !== t.left.sym.id) return false;
    const declT = this.varType(t.left);
    if (declT.k !== 'optional' || a.value.type.k === 'none' || a.value.type.k === 'optional') return false;
    const id = t.left.sym.id;
    // No later `x = None`: the variable stays a plain value.
    let reassignedNone = false;
    const visit = (ss: AST.Stmt[]) => ss.forEach((x) => {
      if (x !== a && x.k === 'assign' && x.targets.some((y) => y.k === 'name' && y.sym?.id === id) && (x.value.type.k === 'none' || x.value.type.k === 'optional')) reassignedNone = true;
      if (x.k === 'if' || x.k === 'while' || x.k === 'for') { visit(x.body); visit(x.orelse); }
      if (x.k === 'try') { visit(x.body); x.handlers.forEach((h) => visit(h.body)); visit(x.orelse); visit(x.finalbody); }
    });
    visit(this.scope.info.def.body);
    if (reassignedNone) return false;
    const inner = declT.inner;
    const cur = this.name(t.left);
    if (cur.kind !== 'place' && cur.kind !== 'value') return false;
    const pinfo = this.scope.info?.params.find((p) => p.sym?.id === id);
    if (pinfo?.optMut) {
      // `Option<&mut T>`: borrow the caller's container, or a fresh local one.
      const name = rustIdent(t.left.id);
      this.w.line(`let mut __${t.left.id}_own: ${this.rt(inner)} = ${this.exprOwned(a.value, inner)};`);
      this.w.line(`let ${name} = ${name}.unwrap_or(&mut __${t.left.id}_own);`);
      this.scope.names.set(id, { code: name, kind: 'mutref', type: inner });
      return true;
    }
    const v = this.exprOwned(a.value, inner);
    const simple = /^[\w.]+$|^-?\d+(\.\d+)?$|^vec!\[\]$|^"[^"]*"\.to_string\(\)$/.test(v) && !/\(/.test(v.replace(/\.to_string\(\)$/, ''));
    const u = this.scope.vars.get(id);
    const mut = u && (u.mutated || u.assigns > 1) ? 'mut ' : '';
    const name = rustIdent(t.left.id);
    this.w.line(`let ${mut}${name} = ${this.paren(cur, PREC.unary)}.${simple ? `unwrap_or(${v})` : `unwrap_or_else(|| ${v})`};`);
    this.scope.names.set(id, { code: name, kind: 'place', type: inner });
    return true;
  }

  /** True when e is (a part of) a module variable kept in a Mutex (reading it takes the lock). */
  lockedGlobal(e: AST.Expr): boolean {
    const r = rootName(e);
    return !!r && r.k === 'name' && r.sym?.scope === 'module' && (this.globals.get(r.id) as { kind?: string } | undefined)?.kind === 'mutex';
  }

  /** Arguments for the captured variables of a local `fn` at a call site. */
  capturedArgs(info: { captured: { sym: AST.SymbolRef; name: string; type: PyType; mode: 'value' | 'ref' | 'mut' }[] }, span: AST.Span): string[] {
    return info.captured.map((c) => {
      const r = this.name({ k: 'name', span, type: c.type, id: c.name, sym: c.sym });
      if (c.mode === 'mut') return r.kind === 'mutref' ? r.code : `&mut ${this.paren(r, PREC.unary)}`;
      if (c.mode === 'ref') return c.type.k === 'str' ? this.strRef(r) : this.borrow(r);
      return this.val(r);
    });
  }

  nestedDef(s: Extract<AST.Stmt, { k: 'def' }>) {
    if (this.recursiveNestedDef(s)) return;
    // Nested function: a closure capturing the enclosing scope.
    const saved = new Map(this.scope.names);
    const params = s.params.filter((p) => p.kind === 'normal').map((p) => {
      if (p.sym) this.scope.names.set(p.sym.id, { code: rustIdent(p.name), kind: 'place', type: p.type });
      return `${rustIdent(p.name)}: ${this.rt(p.type)}`;
    });
    const ret = s.retType;
    const mutatesOuter = s.body.some((x) => x.k === 'nonlocal');
    const savedScope = this.scope;
    const inner = this.newScope({ ...savedScope, vars: scanVars(s.body), declared: new Set(savedScope.declared), names: this.scope.names, returnType: ret, tryLabels: [], loopLabels: [], finallies: [], genReturn: undefined, raises: false, isMain: false });
    s.params.forEach((p) => p.sym && inner.declared.add(p.sym.id));
    this.scope = inner;
    // Returned from the enclosing function (a factory): the closure owns its captures.
    let returned = false;
    const visitR = (ss: AST.Stmt[]) => ss.forEach((x) => {
      if (x.k === 'return' && x.value && (x.value.k === 'name' && x.value.id === s.name || x.value.k === 'tuple' && x.value.elts.some((y) => y.k === 'name' && y.id === s.name))) returned = true;
      if (x.k === 'if' || x.k === 'while' || x.k === 'for') { visitR(x.body); visitR(x.orelse); }
    });
    visitR(savedScope.info?.def.body ?? []);
    this.w.open(`let ${mutatesOuter ? 'mut ' : ''}${rustIdent(s.name)} = ${returned ? 'move ' : ''}|${params.join(', ')}|${ret.k !== 'none' && ret.k !== 'unknown' ? ` -> ${this.rt(ret)}` : ''} {`);
    this.declareHoistedHook?.(this, s.body);
    this.functionBody(s.body, ret);
    this.scope = savedScope;
    this.w.close('};');
    this.scope.names = saved;
  }

  /** Emits a function body; a final `return x` becomes the tail expression. */
  functionBody(body: AST.Stmt[], ret: PyType) {
    const stmts = body.filter((s, i) => !(i === 0 && s.k === 'expr' && s.value.k === 'str'));
    const last = stmts[stmts.length - 1];
    const init = stmts.slice(0, -1);
    if (last && last.k === 'return' && last.value && !this.scope.generatorOut) {
      const pre = this.scope.predeclare.get(body);
      if (pre) for (const id of pre) this.emitPredeclare(id);
      init.forEach((s) => this.stmt(s));
      this.w.withSpan(last.span, () => {
        const v = this.returnValue(last.value!, ret);
        const isNone = last.value!.k === 'const' && last.value!.value === null && ret.k !== 'optional';
        if (this.scope.raises) this.w.line(`Ok(${isNone ? '()' : v})`);
        else if (!isNone) this.w.line(v);
      });
      return;
    }
    this.block(body.filter((s, i) => !(i === 0 && s.k === 'expr' && s.value.k === 'str')));
    if (this.scope.generatorOut) this.w.line(`${this.scope.generatorOut}.into_iter()`);
    else if (this.scope.raises && !endsWithReturn(stmts)) this.w.line(ret.k === 'none' || ret.k === 'unknown' ? 'Ok(())' : 'unreachable!()');
    else if (!endsWithReturn(stmts) && ret.k !== 'none' && ret.k !== 'unknown' && ret.k !== 'optional') {
      if (stmts.length && last && (last.k === 'while' && last.test.k === 'const' || last.k === 'raise')) return;
      this.w.line('unreachable!()');
    } else if (!endsWithReturn(stmts) && ret.k === 'optional') this.w.line('None');
  }
}

/** Standard-library modules with (at least partial) std-only Rust mappings. */
export const SUPPORTED_MODULES = new Set(['math', 'sys', 'collections', 'dataclasses', 'typing', 'functools', 'itertools', 'string', 'abc', 'enum', 'heapq', 'copy', 'statistics', 'operator', 'bisect', '__future__', 'typing_extensions']);

export const BUILTIN_EXC_PARENT: Record<string, string> = {
  Exception: 'BaseException', ArithmeticError: 'Exception', ZeroDivisionError: 'ArithmeticError', OverflowError: 'ArithmeticError',
  LookupError: 'Exception', KeyError: 'LookupError', IndexError: 'LookupError', ValueError: 'Exception', TypeError: 'Exception',
  RuntimeError: 'Exception', NotImplementedError: 'RuntimeError', RecursionError: 'RuntimeError', AttributeError: 'Exception', NameError: 'Exception',
  AssertionError: 'Exception', StopIteration: 'Exception', EOFError: 'Exception', OSError: 'Exception', FileNotFoundError: 'OSError',
  PermissionError: 'OSError', UnicodeError: 'ValueError', SystemExit: 'BaseException', KeyboardInterrupt: 'BaseException',
  FrozenInstanceError: 'AttributeError',
};

/** typing constructs whose subscription is a type, not a value (`Union[int, str]`). */
const TYPING_FORMS = new Set(['Union', 'Optional', 'List', 'Dict', 'Tuple', 'Set', 'FrozenSet', 'Callable', 'Iterable', 'Iterator', 'Sequence', 'Mapping', 'Type', 'Literal', 'list', 'dict', 'tuple', 'set']);

function endsWithReturn(stmts: AST.Stmt[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (last.k === 'return' || last.k === 'raise') return true;
  if (last.k === 'if') return endsWithReturn(last.body) && last.orelse.length > 0 && endsWithReturn(last.orelse);
  if (last.k === 'while' && last.test.k === 'const' && last.test.value === true) return true;
  return false;
}

function isEmptyContainer(e: AST.Expr): boolean {
  if ((e.k === 'list' || e.k === 'set' || e.k === 'tuple') && e.elts.length === 0) return true;
  if (e.k === 'dict' && e.items.length === 0) return true;
  if (e.k === 'call' && e.func.k === 'name' && ['list', 'dict', 'set', 'deque', 'defaultdict', 'Counter'].includes(e.func.id) && e.args.length <= 1) return true;
  return false;
}

/** The kind of an empty container literal (`[]`, `set()`, `frozenset()`): equal when the same. */
function emptyFamily(e: AST.Expr): string | undefined {
  if ((e.k === 'list' || e.k === 'tuple') && !e.elts.length) return e.k;
  if (e.k === 'dict' && !e.items.length) return 'dict';
  if (e.k === 'call' && e.func.k === 'name' && e.func.sym?.scope === 'builtins' && !e.args.length) return ({ list: 'list', tuple: 'tuple', dict: 'dict', set: 'set', frozenset: 'set' } as Record<string, string>)[e.func.id];
  return undefined;
}

/** Truthiness of a literal known without running it (undefined when it depends on values). */
/** An item of type et fits a container of elem (an unknown elem is the i64 fallback). */
function fitsElem(et: PyType, elem: PyType): boolean {
  return sameType(et, elem) || elem.k === 'unknown' && et.k === 'int';
}

function staticTruth(e: AST.Expr): boolean | undefined {
  if (e.k === 'boolop') {
    // `None or ""` is always falsy; `1 and x` is as true as x.
    const l = staticTruth(e.left);
    return l === undefined ? undefined : (e.op === 'or') === l ? l : staticTruth(e.right);
  }
  if (e.k === 'const') return e.value === true ? true : e.value === false || e.value === null ? false : undefined;
  if (e.k === 'num') return Number(e.value) !== 0;
  if (e.k === 'str') return e.value.length > 0;
  if ((e.k === 'list' || e.k === 'tuple' || e.k === 'set') && !e.elts.some((x) => x.k === 'starred')) return e.elts.length > 0;
  if (e.k === 'dict') return e.items.length > 0;
  return undefined;
}

/** All-literal numeric items (`vec![0.5, 1.5]`) would leave Rust's type ambiguous: suffix the first. */
export function suffixLiterals(items: string[], et: PyType) {
  if (items.length && et.k === 'tuple' && et.elems.some((x) => x.k === 'int' || x.k === 'float')) {
    // `vec![(6, 8), (-10, 4)]`: suffix the numbers of the first tuple (outside string literals).
    const noStrings = (s: string) => s.replace(/"(?:[^"\\]|\\.)*"(\.to_string\(\))?/g, '""');
    if (!items.every((x) => /^\((?:[-\d.e_ ,"()]|i64|f64)*\)$/.test(noStrings(x)))) return;
    if (items.some((x) => /_(i64|f64)\b/.test(noStrings(x)))) return;
    const parts = items[0].split(/("(?:[^"\\]|\\.)*")/);
    items[0] = parts.map((p, i) => (i % 2 ? p : p.replace(/(?<![\w.])(\d+(\.\d+)?(e[+-]?\d+)?)(?![\w.])/g, (m) => m + (/[.e]/.test(m) ? '_f64' : '_i64')))).join('');
    return;
  }
  if (!items.length || (et.k !== 'int' && et.k !== 'float')) return;
  if (!items.every((x) => /^-?\d[\d.]*(e[+-]?\d+)?(_i64|_f64)?$/.test(x))) return;
  if (items.some((x) => /_(i64|f64)$/.test(x))) return;
  items[0] += et.k === 'int' ? '_i64' : /[.e]/.test(items[0]) ? '_f64' : '.0_f64';
}
/** The expression calls something (a user function may run arbitrary code). */
export function hasCall(e: AST.Expr): boolean {
  let found = false;
  walkExprs([{ k: 'expr', span: e.span, value: e }], (x) => { if (x.k === 'call') found = true; });
  return found;
}

function wrapNot(code: string): string { return /^[\w.()&*!]+$/.test(code) && !/ /.test(code) ? code : `(${code})`; }
function wrapPrec(code: string, _e: RExpr, prec: number): string { return prec >= PREC.and && / \|\| /.test(code) ? `(${code})` : code; }
function wrapCmp(code: string, _e: RExpr): string { return / (&&|\|\||==|!=|<|>|<=|>=) /.test(code) || code.startsWith('if ') ? `(${code})` : code; }
function flip(op: string): string { return ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op; }
export function wrapIter(code: string): string { return !code.includes('..') && (/^[\w.]+$/.test(code) || code.endsWith(')') && !/^\d/.test(code) && !code.startsWith('&') && !code.startsWith('*')) ? code : `(${code})`; }
function filterPat(pat: string): string { return pat.startsWith('&') ? `&${pat}` : `&${pat}`; }

export function moduleConstant(mod: string, attr: string): { code: string; type: PyType } | undefined {
  const key = `${mod}.${attr}`;
  const table: Record<string, { code: string; type: PyType }> = {
    'math.pi': { code: 'std::f64::consts::PI', type: T.float },
    'math.e': { code: 'std::f64::consts::E', type: T.float },
    'math.tau': { code: 'std::f64::consts::TAU', type: T.float },
    'math.inf': { code: 'f64::INFINITY', type: T.float },
    'math.nan': { code: 'f64::NAN', type: T.float },
    'string.ascii_lowercase': { code: '"abcdefghijklmnopqrstuvwxyz"', type: T.str },
    'string.ascii_uppercase': { code: '"ABCDEFGHIJKLMNOPQRSTUVWXYZ"', type: T.str },
    'string.ascii_letters': { code: '"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"', type: T.str },
    'string.digits': { code: '"0123456789"', type: T.str },
    'string.hexdigits': { code: '"0123456789abcdefABCDEF"', type: T.str },
    'string.punctuation': { code: '"!\\"#$%&\'()*+,-./:;<=>?@[\\\\]^_`{|}~"', type: T.str },
    'string.whitespace': { code: '" \\t\\n\\r\\x0b\\x0c"', type: T.str },
    'sys.maxsize': { code: 'i64::MAX', type: T.int },
    'sys.argv': { code: 'std::env::args().collect::<Vec<String>>()', type: { k: 'list', elem: T.str } },
  };
  const r = table[key];
  if (r && r.type.k === 'str') return { code: `${r.code}.to_string()`, type: T.str };
  return r;
}
