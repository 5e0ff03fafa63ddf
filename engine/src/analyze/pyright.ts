// The ONLY module that imports pyright. It parses and type-checks Python text with pyright's
// parser, binder and TypeEvaluator and converts the result into the engine's own AST (ast.ts)
// with a PyType on every expression. An upgrade or a swap of the type engine is this file.
import * as path from 'path';
import * as fs from 'fs';
import { ConfigOptions } from '@zzzen/pyright-internal/dist/common/configOptions';
import { Uri } from '@zzzen/pyright-internal/dist/common/uri/uri';
import { RealTempFile, createFromRealFileSystem } from '@zzzen/pyright-internal/dist/common/realFileSystem';
import { createServiceProvider } from '@zzzen/pyright-internal/dist/common/serviceProviderExtensions';
import { ImportResolver } from '@zzzen/pyright-internal/dist/analyzer/importResolver';
import { NoAccessHost } from '@zzzen/pyright-internal/dist/common/host';
import { Program } from '@zzzen/pyright-internal/dist/analyzer/program';
import { NullConsole } from '@zzzen/pyright-internal/dist/common/console';
import { ParseOptions, Parser } from '@zzzen/pyright-internal/dist/parser/parser';
import { DiagnosticSink } from '@zzzen/pyright-internal/dist/common/diagnosticSink';
import { PythonVersion, pythonVersion3_12 } from '@zzzen/pyright-internal/dist/common/pythonVersion';
import type { ServiceProvider } from '@zzzen/pyright-internal/dist/common/serviceProvider';
import type { TypeEvaluator } from '@zzzen/pyright-internal/dist/analyzer/typeEvaluatorTypes';
import type { Type, ClassType } from '@zzzen/pyright-internal/dist/analyzer/types';
import type * as N from '@zzzen/pyright-internal/dist/parser/parseNodes';
import * as AST from '../ast';
import { PyType, T, hasUnknown } from '../types';

// Numeric values of pyright's const enums (they are erased from its .d.ts at build time).
const NT = {
  Error: 0, Argument: 1, Assert: 2, Assignment: 3, AssignmentExpression: 4, AugmentedAssignment: 5,
  Await: 6, BinaryOperation: 7, Break: 8, Call: 9, Class: 10, Comprehension: 11, ComprehensionFor: 12,
  ComprehensionIf: 13, Constant: 14, Continue: 15, Decorator: 16, Del: 17, Dictionary: 18,
  DictionaryExpandEntry: 19, DictionaryKeyEntry: 20, Ellipsis: 21, If: 22, Import: 23, ImportAs: 24,
  ImportFrom: 25, ImportFromAs: 26, Index: 27, Except: 28, For: 29, FormatString: 30, Function: 31,
  Global: 32, Lambda: 33, List: 34, MemberAccess: 35, Module: 36, ModuleName: 37, Name: 38,
  Nonlocal: 39, Number: 40, Parameter: 41, Pass: 42, Raise: 43, Return: 44, Set: 45, Slice: 46,
  StatementList: 47, StringList: 48, String: 49, Suite: 50, Ternary: 51, Tuple: 52, Try: 53,
  TypeAnnotation: 54, UnaryOperation: 55, Unpack: 56, While: 57, With: 58, WithItem: 59, Yield: 60,
  YieldFrom: 61, FunctionAnnotation: 62, Match: 63, Case: 64, PatternSequence: 65, PatternAs: 66,
  PatternLiteral: 67, PatternClass: 68, PatternCapture: 69, PatternMapping: 70,
  PatternMappingKeyEntry: 71, PatternMappingExpandEntry: 72, PatternValue: 73,
  PatternClassArgument: 74, TypeParameter: 75, TypeParameterList: 76, TypeAlias: 77,
} as const;
const OPS: Record<number, string> = {
  0: '+', 1: '+=', 3: '&', 4: '&=', 5: '~', 6: '|', 7: '|=', 8: '^', 9: '^=', 10: '/', 11: '/=',
  12: '==', 13: '//', 14: '//=', 15: '>', 16: '>=', 17: '<<', 18: '<<=', 19: '<>', 20: '<', 21: '<=',
  22: '@', 23: '@=', 24: '%', 25: '%=', 26: '*', 27: '*=', 28: '!=', 29: '**', 30: '**=', 31: '>>',
  32: '>>=', 33: '-', 34: '-=', 36: 'and', 37: 'or', 38: 'not', 39: 'is', 40: 'is not', 41: 'in',
  42: 'not in',
};
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'is', 'is not', 'in', 'not in', '<>']);
const KW_TRUE = 34, KW_FALSE = 15, KW_NONE = 27, KW_DEBUG = 9;
const STR_RAW = 8, STR_BYTES = 32;
const TC = { Unbound: 0, Unknown: 1, Any: 2, Never: 3, Function: 4, Overloaded: 5, Class: 6, Module: 7, Union: 8, TypeVar: 9 };
const SCOPE: Record<number, AST.SymbolRef['scope']> = { 1: 'comprehension', 2: 'function', 3: 'class', 4: 'module', 5: 'builtins' };
const DECL: Record<number, AST.SymbolRef['kind']> = { 1: 'variable', 2: 'parameter', 5: 'function', 6: 'class', 8: 'module' };

export interface AnalysisResult { module: AST.Module; problems: AST.ParseProblem[] }

function findTypeshedRoot(): string {
  // Bundled: dist/typeshed-fallback beside the bundle. Dev: node_modules/pyright/dist.
  const candidates = [
    process.env.PORTALIS_TYPESHED_ROOT,
    path.join(__dirname),
    path.join(__dirname, '..'),
    path.join(__dirname, '../node_modules/pyright/dist'),
    path.join(__dirname, '../../node_modules/pyright/dist'),
    path.join(__dirname, '../../../node_modules/pyright/dist'),
  ].filter((p): p is string => !!p);
  for (const c of candidates) if (fs.existsSync(path.join(c, 'typeshed-fallback', 'stdlib'))) return c;
  throw new Error('typeshed-fallback not found (looked beside the bundle and in node_modules/pyright/dist)');
}

/** A long-lived pyright Program: re-analysing new text in it is fast (warm caches). */
export class PyrightAnalyzer {
  private program: Program;
  private sp: ServiceProvider;
  private version = 0;

  constructor() {
    const root = findTypeshedRoot();
    (global as any).__rootDirectory = root;
    const tmp = new RealTempFile();
    const fsys = createFromRealFileSystem(tmp);
    this.sp = createServiceProvider(fsys, new NullConsole(), tmp);
    const config = new ConfigOptions(Uri.file('/__portalis__', this.sp));
    config.typeshedPath = Uri.file(path.join(root, 'typeshed-fallback'), this.sp);
    config.defaultPythonVersion = pythonVersion3_12;
    // `[car, truck]` is list[Car | Truck] (→ the common base class), not list[object].
    const rules = (config as any).diagnosticRuleSet;
    if (rules) { rules.strictListInference = true; rules.strictSetInference = true; rules.strictDictionaryInference = true; }
    this.config = config;
    this.program = this.newProgram();
  }

  private config: ConfigOptions;
  private analysesSinceReset = 0;
  private openUris: Uri[] = [];
  /** Pyright's caches grow with every distinct text; start afresh now and then (≈0.3 s). */
  private static readonly RESET_EVERY = 2000;
  /** A new evaluator (type caches only) every this many analyses. */
  // (100: heap ≈90 MB / RSS ≈280 MB; 200: ≈120 / ≈340 MB; same mean CPU as a new Program every
  // 400, which peaked at ≈580 MB RSS. After a reset the builtins' types are re-evaluated, so
  // the next few dozen translations run slower.)
  private static readonly EVALUATOR_RESET_EVERY = 200;
  private evaluatorResets = 0;

  private newProgram(): Program {
    const resolver = new ImportResolver(this.sp, this.config, new NoAccessHost());
    return new Program(resolver, this.config, this.sp, undefined, /* disableChecker */ true);
  }

  /** Syntax errors only (fast, no type evaluation). */
  syntaxErrors(text: string): AST.ParseProblem[] {
    const sink = new DiagnosticSink();
    const opts = new ParseOptions();
    opts.pythonVersion = pythonVersion3_12;
    new Parser().parseSourceFile(text, opts, sink);
    return sink.fetchAndClear()
      .filter((d) => d.category === 0 /* error */)
      .map((d) => ({ message: d.message, span: spanOfRange(text, d.range) }));
  }

  analyze(text: string, fileName = 'main.py'): AnalysisResult {
    // One in-memory module name for every input: memory stays flat across thousands of
    // translations, and a user file called e.g. math.py cannot shadow the stdlib.
    void fileName;
    // Each analysis is a module of its own: pyright identifies a class by its file and offset, so
    // a new text at an old URI could see the old text's class (with its old member types) through
    // caches of generic calls (`sorted(objs, key=...)`), e.g. in a later inference round. Old
    // modules are closed in batches, with the evaluator resets.
    const uri = Uri.file(`/__portalis__/__portalis_input_${this.version + 1}__.py`, this.sp);
    let closeOld = false;
    if (++this.analysesSinceReset > PyrightAnalyzer.EVALUATOR_RESET_EVERY) {
      closeOld = true;
      // The evaluator's type cache keeps every old version's parse tree alive (≈350 KB per
      // analysis): drop it often. A fresh evaluator keeps the parsed/bound typeshed stubs, so
      // this is cheaper than a new Program, which is only made now and then.
      const fresh = (this.program as any)._createNewEvaluator;
      if (++this.evaluatorResets >= PyrightAnalyzer.RESET_EVERY / PyrightAnalyzer.EVALUATOR_RESET_EVERY || typeof fresh !== 'function') {
        this.program.dispose();
        this.program = this.newProgram();
        this.evaluatorResets = 0;
        this.openUris = [];
      } else fresh.call(this.program);
      this.analysesSinceReset = 0;
    }
    this.program.setFileOpened(uri, ++this.version, text);
    if (closeOld) { for (const old of this.openUris) this.program.setFileClosed(old); this.openUris = []; }
    this.openUris.push(uri);
    while (this.program.analyze()) { /* runs to completion without a time budget */ }
    const parse = this.program.getParseResults(uri);
    const evaluator = this.program.evaluator;
    if (!parse || !evaluator) throw new Error('pyright produced no parse results');
    const conv = new Converter(text, evaluator);
    const module = conv.module(parse.parserOutput.parseTree as N.ModuleNode);
    // Syntax problems are parsed on demand (translate() checks syntax once, up front).
    let problems: AST.ParseProblem[] | undefined;
    const self = this;
    return { module, get problems() { return (problems ??= self.syntaxErrors(text)); } };
  }
}

function spanOfRange(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): AST.Span {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  return { start: off(r.start), end: Math.max(off(r.start), off(r.end)) };
}

class Converter {
  private symIds = new Map<object, number>();
  constructor(private text: string, private ev: TypeEvaluator) {}

  span(n: N.ParseNode): AST.Span { return { start: n.start, end: n.start + n.length }; }

  // ---------- types ----------
  type(n: N.ParseNode | undefined): PyType {
    if (!n) return T.unknown;
    try {
      const t = this.ev.getType(n as N.ExpressionNode);
      return t ? this.convertType(t) : T.unknown;
    } catch {
      return T.unknown;
    }
  }

  convertType(t: Type, depth = 0): PyType {
    if (depth > 12) return T.unknown;
    const c = (x: Type) => this.convertType(x, depth + 1);
    const a = t as any;
    switch (a.category) {
      case TC.Class: {
        const ct = t as ClassType;
        const full: string = a.shared.fullName;
        const args: Type[] = a.priv.typeArgs ?? [];
        const arg = (i: number) => (args[i] ? c(args[i]) : T.unknown);
        const instantiable = (a.flags & 1) !== 0 && !(a.flags & 2); // Instantiable, not Instance
        if (instantiable && !a.priv.includeSubclasses && full !== 'builtins.type') {
          return { k: 'type', of: this.convertType({ ...a, flags: 2 } as Type, depth + 1) };
        }
        if (instantiable) return { k: 'type', of: this.classInstance(ct, full, args, c) };
        return this.classInstance(ct, full, args, c, arg);
      }
      case TC.Union: {
        const subs: PyType[] = a.priv.subtypes.map(c);
        const nonNone = subs.filter((s) => s.k !== 'none');
        const dedup: PyType[] = [];
        for (const s of nonNone) if (!dedup.some((d) => JSON.stringify(d) === JSON.stringify(s))) dedup.push(s);
        // `list[int] | list[Unknown]` (from `[..., []]`) is `list[int]`: drop members that only
        // differ from another member by unknown parts.
        for (let i = dedup.length - 1; i >= 0; i--) {
          if (dedup.some((d, j) => j !== i && hasUnknown(dedup[i]) && fitsPartial(d, dedup[i]))) dedup.splice(i, 1);
        }
        let inner: PyType;
        if (dedup.length === 1) inner = dedup[0];
        // A declared or computed `int | float` keeps its ints at run time (a tagged value); only a
        // literal int member (`sum(floats)` → `float | Literal[0]`) widens to float.
        else if (dedup.every((s) => s.k === 'int' || s.k === 'float') && keepsInts(a.priv.subtypes)) inner = { k: 'union', types: [T.int, T.float] };
        // A declared `int | bool` (not typeshed's `bool | Literal[0, 1]`) is a tagged value: True prints as True.
        else if (dedup.length === 2 && dedup.every((s) => s.k === 'int' || s.k === 'bool') && dedup.some((s) => s.k === 'bool') && keepsIntsWith(a.priv.subtypes, 'builtins.bool')) inner = { k: 'union', types: dedup };
        else if (dedup.every((s) => s.k === 'int' || s.k === 'float' || s.k === 'bool')) inner = dedup.some((s) => s.k === 'float') ? T.float : T.int;
        else if (dedup.length === 0) return T.none;
        // `dict[str, int] | dict[str, str]` (records of a list literal): one dict of tagged values.
        else if (dedup.every((s) => s.k === 'dict' && !s.flavor) && literalUnion(dedup)?.k === 'dict') inner = literalUnion(dedup)!;
        else inner = this.commonUserBase(a.priv.subtypes) ?? { k: 'union', types: dedup };
        // `int | str | None` is one run-time tagged value (None is one of its variants).
        if (inner.k === 'union' && subs.length > nonNone.length) return { k: 'union', types: [...inner.types, T.none] };
        return dedup.length < nonNone.length || subs.length > nonNone.length ? (subs.length > nonNone.length ? { k: 'optional', inner } : inner) : inner;
      }
      case TC.Function: {
        // (A nameless simple parameter is the `/` positional-only marker that Callable[[...], R] synthesizes.)
        const params: PyType[] = (a.shared.parameters ?? []).filter((p: any) => (p.name !== 'self' && p.name !== 'cls' || !a.boundToType) && !(p.category === 0 && !p.name)).map((p: any) => {
          const pt = p._type ?? p.type;
          return pt ? c(pt) : T.unknown;
        });
        let ret: PyType = T.unknown;
        try {
          const rt = a.shared.declaredReturnType ?? this.ev.getInferredReturnType(t as any);
          if (rt) ret = c(rt);
        } catch { /* unknown */ }
        return { k: 'func', params, ret, fullName: a.shared.fullName };
      }
      case TC.Overloaded: {
        const first = (a.priv.overloads ?? a.priv._overloads)?.[0];
        return first ? c(first) : { k: 'func', params: [], ret: T.unknown };
      }
      case TC.TypeVar: {
        if (a.shared?.name === 'Self' || a.shared?.isSynthesizedSelf || a.shared?.isSynthesized) {
          // `self` / `cls` inside a class: the bound class (type[C] for `cls`).
          const bound = a.shared?.boundType;
          if (!bound) return T.unknown;
          const inst = c(bound);
          const instantiable = (a.flags & 1) !== 0 && !(a.flags & 2);
          return instantiable ? { k: 'type', of: inst } : inst;
        }
        return { k: 'typevar', name: a.shared.name };
      }
      case TC.Module: return { k: 'module', name: a.priv?.moduleName ?? a.moduleName ?? '' };
      case TC.Never: return T.unknown;
      default: return T.unknown;
    }
  }

  /** `Car | Truck` (instances of user classes with a common user base): that base, `Vehicle`. */
  private commonUserBase(subtypes: any[]): PyType | undefined {
    const cls = subtypes.filter((s) => s?.category === TC.Class && s.shared?.fullName !== 'types.NoneType' && s.shared?.fullName !== 'builtins.NoneType');
    if (cls.length < 2 || cls.some((s) => !Array.isArray(s.shared?.mro))) return undefined;
    const names = (s: any): string[] => s.shared.mro.map((m: any) => m?.shared?.fullName).filter((n: any) => typeof n === 'string');
    for (const cand of cls[0].shared.mro) {
      const full: string | undefined = cand?.shared?.fullName;
      if (!full || full.startsWith('builtins.') || full.startsWith('abc.') || full.startsWith('typing.')) break;
      if (cls.every((s) => names(s).includes(full))) return { k: 'class', name: cand.shared.name, fullName: full, args: [] };
    }
    return undefined;
  }

  private classInstance(ct: ClassType, full: string, args: Type[], c: (x: Type) => PyType, arg?: (i: number) => PyType): PyType {
    const a = ct as any;
    arg = arg ?? ((i: number) => (args[i] ? c(args[i]) : T.unknown));
    switch (full) {
      case 'builtins.int': return T.int;
      case 'builtins.float': return T.float;
      case 'builtins.bool': return T.bool;
      case 'builtins.str': case 'typing.LiteralString': case 'typing_extensions.LiteralString': return T.str;
      case 'builtins.bytes': case 'builtins.bytearray': return { k: 'bytes' };
      case 'types.NoneType': case 'builtins.NoneType': return T.none;
      case 'builtins.list': return { k: 'list', elem: arg(0) };
      case 'builtins.set': case 'builtins.frozenset': return { k: 'set', elem: arg(0) };
      case 'builtins.dict': case 'collections.OrderedDict': return { k: 'dict', key: arg(0), val: arg(1) };
      case 'collections.defaultdict': return { k: 'dict', key: arg(0), val: arg(1), flavor: 'defaultdict' };
      case 'collections.Counter': return { k: 'dict', key: arg(0), val: T.int, flavor: 'counter' };
      case 'collections.deque': return { k: 'deque', elem: arg(0) };
      case 'builtins.tuple': {
        const targs: any[] | undefined = a.priv.tupleTypeArgs;
        if (targs) {
          if (targs.length === 1 && targs[0].isUnbounded) return { k: 'tuplevar', elem: c(targs[0].type) };
          if (targs.some((x) => x.isUnbounded)) {
            // `(*xs, 99)`: `tuple[*tuple[int, ...], int]` has a run-time length.
            const ts: PyType[] = targs.map((x) => c(x.type));
            const same = ts.every((x) => JSON.stringify(x) === JSON.stringify(ts[0]));
            return { k: 'tuplevar', elem: same ? ts[0] : literalUnion(ts) ?? T.unknown };
          }
          return { k: 'tuple', elems: targs.map((x) => c(x.type)) };
        }
        return { k: 'tuplevar', elem: arg(0) };
      }
      case 'typing.Generator': case 'typing.Iterator': case 'typing.Iterable': case 'collections.abc.Generator':
      case 'collections.abc.Iterator': case 'collections.abc.Iterable': case 'builtins.map': case 'builtins.filter':
      case 'builtins.reversed': case 'builtins.zip': case 'builtins.enumerate': case 'builtins.range':
      case 'typing.Sequence': case 'collections.abc.Sequence':
        if (full === 'builtins.range') return { k: 'class', name: 'range', fullName: full, args: [] };
        if (full === 'builtins.enumerate') return { k: 'iter', elem: { k: 'tuple', elems: [T.int, arg(0)] } };
        if (full === 'builtins.zip') return { k: 'iter', elem: arg(0) };
        if (full === 'typing.Sequence' || full === 'collections.abc.Sequence') return { k: 'list', elem: arg(0) };
        return { k: 'iter', elem: arg(0) };
      case 'builtins.object': return T.unknown;
    }
    if (a.priv?.literalValue !== undefined && full === 'builtins.int') return T.int;
    return { k: 'class', name: a.shared.name, fullName: full, args: args.map(c) };
  }

  symbol(n: N.NameNode): AST.SymbolRef | undefined {
    try {
      const r = this.ev.lookUpSymbolRecursive(n, n.d.value, false);
      if (!r) return undefined;
      let id = this.symIds.get(r.symbol);
      if (id === undefined) { id = this.symIds.size + 1; this.symIds.set(r.symbol, id); }
      const decls = r.symbol.getDeclarations();
      let declType: PyType = T.unknown;
      try { declType = this.convertType(this.ev.getEffectiveTypeOfSymbol(r.symbol)); } catch { /* unknown */ }
      if (declType.k === 'union' && declType.types.length === 2 && declType.types.every((x) => x.k === 'int' || x.k === 'float')) declType = this.intFloatDecl(r.symbol, decls);
      return { id, scope: SCOPE[(r.scope as any).type] ?? 'other', declType, kind: DECL[(decls[0] as any)?.type] ?? 'other' };
    } catch {
      return undefined;
    }
  }

  /**
   * An unannotated variable assigned an int here and a float there (`total = 0` then
   * `total += x`) is declared float, as before; it stays `int | float` when it is annotated so
   * or when one assignment alone can give either (`for x in [1, 2.5]`).
   */
  private intFloatDecl(sym: any, decls: any[]): PyType {
    const both: PyType = { k: 'union', types: [T.int, T.float] };
    if (decls.some((d) => d.type !== 1 || d.typeAnnotationNode)) return both;
    for (const d of decls) {
      try {
        const t: any = this.ev.getInferredTypeOfDeclaration(sym, d);
        if (t?.category === TC.Union && keepsInts(t.priv.subtypes)) return both;
        // `best = v` with v an int (not the `= 0` of an accumulator that floats are added to).
        const assign = (d.inferenceNode ?? d.node)?.parent;
        const lit = assign?.nodeType === NT.Assignment && (assign.d.rightExpr?.nodeType === NT.Number || assign.d.rightExpr?.nodeType === NT.UnaryOperation && assign.d.rightExpr.d.expr?.nodeType === NT.Number);
        if (!lit && assign?.nodeType === NT.Assignment && t?.category === TC.Class && t.shared?.fullName === 'builtins.int') return both;
      } catch { /* unknown */ }
    }
    return T.float;
  }

  // ---------- module and statements ----------
  module(m: N.ModuleNode): AST.Module {
    const body = this.stmts(m.d.statements);
    return { body, docstring: docstringOf(body), text: this.text };
  }

  stmts(list: N.ParseNode[]): AST.Stmt[] {
    const out: AST.Stmt[] = [];
    for (const s of list) {
      if (s.nodeType === NT.StatementList) {
        for (const inner of (s as N.StatementListNode).d.statements) out.push(this.small(inner));
      } else out.push(this.compound(s));
    }
    return out;
  }

  suite(s: N.SuiteNode | undefined): AST.Stmt[] { return s ? this.stmts(s.d.statements) : []; }

  compound(s: N.ParseNode): AST.Stmt {
    const span = this.span(s);
    switch (s.nodeType) {
      case NT.If: {
        const n = s as N.IfNode;
        const orelse = n.d.elseSuite ? (n.d.elseSuite.nodeType === NT.If ? [this.compound(n.d.elseSuite)] : this.suite(n.d.elseSuite as N.SuiteNode)) : [];
        return { k: 'if', span, test: this.expr(n.d.testExpr), body: this.suite(n.d.ifSuite), orelse };
      }
      case NT.While: {
        const n = s as N.WhileNode;
        return { k: 'while', span, test: this.expr(n.d.testExpr), body: this.suite(n.d.whileSuite), orelse: this.suite(n.d.elseSuite) };
      }
      case NT.For: {
        const n = s as N.ForNode;
        return { k: 'for', span, target: this.expr(n.d.targetExpr), iter: this.expr(n.d.iterableExpr), body: this.suite(n.d.forSuite), orelse: this.suite(n.d.elseSuite) };
      }
      case NT.Try: {
        const n = s as N.TryNode;
        return {
          k: 'try', span, body: this.suite(n.d.trySuite),
          handlers: n.d.exceptClauses.map((h) => ({ span: this.span(h), type: h.d.typeExpr ? this.expr(h.d.typeExpr) : undefined, name: h.d.name?.d.value, body: this.suite(h.d.exceptSuite) })),
          orelse: this.suite(n.d.elseSuite), finalbody: this.suite(n.d.finallySuite),
        };
      }
      case NT.Function: return this.funcDef(s as N.FunctionNode);
      case NT.Class: return this.classDef(s as N.ClassNode);
      case NT.With: {
        const n = s as N.WithNode;
        return { k: 'with', span, items: n.d.withItems.map((w) => ({ expr: this.expr(w.d.expr), target: w.d.target ? this.expr(w.d.target) : undefined })), body: this.suite(n.d.suite) };
      }
      case NT.Match: {
        const n = s as N.MatchNode;
        return {
          k: 'match', span, subject: this.expr(n.d.expr),
          cases: n.d.cases.map((c) => ({ span: this.span(c), pattern: this.pattern(c.d.pattern), guard: c.d.guardExpr ? this.expr(c.d.guardExpr) : undefined, body: this.suite(c.d.suite) })),
        };
      }
      case NT.TypeAlias: return { k: 'typealias', span, name: (s as N.TypeAliasNode).d.name.d.value };
      case NT.Error: return { k: 'error', span, message: 'syntax error' };
      default: return this.small(s);
    }
  }

  small(s: N.ParseNode): AST.Stmt {
    const span = this.span(s);
    switch (s.nodeType) {
      case NT.Assignment: {
        // a = b = c is nested: Assignment(a, Assignment(b, c)) — flatten to targets.
        const targets: AST.Expr[] = [];
        let cur: N.ParseNode = s;
        while (cur.nodeType === NT.Assignment) {
          const a = cur as N.AssignmentNode;
          targets.push(this.expr(a.d.leftExpr));
          cur = a.d.rightExpr;
        }
        const first = targets[0];
        if (targets.length === 1 && (s as N.AssignmentNode).d.leftExpr.nodeType === NT.TypeAnnotation) {
          const ta = (s as N.AssignmentNode).d.leftExpr as N.TypeAnnotationNode;
          return { k: 'annassign', span, target: this.expr(ta.d.valueExpr), annotation: this.expr(ta.d.annotation), value: this.expr(cur as N.ExpressionNode) };
        }
        void first;
        return { k: 'assign', span, targets, value: this.expr(cur as N.ExpressionNode) };
      }
      case NT.TypeAnnotation: {
        const n = s as N.TypeAnnotationNode;
        return { k: 'annassign', span, target: this.expr(n.d.valueExpr), annotation: this.expr(n.d.annotation) };
      }
      case NT.AugmentedAssignment: {
        const n = s as N.AugmentedAssignmentNode;
        return { k: 'augassign', span, target: this.expr(n.d.leftExpr), op: (OPS[n.d.operator] ?? '?').replace(/=$/, ''), value: this.expr(n.d.rightExpr) };
      }
      case NT.Return: return { k: 'return', span, value: (s as N.ReturnNode).d.expr ? this.expr((s as N.ReturnNode).d.expr!) : undefined };
      case NT.Pass: return { k: 'pass', span };
      case NT.Break: return { k: 'break', span };
      case NT.Continue: return { k: 'continue', span };
      case NT.Raise: {
        const n = s as N.RaiseNode;
        return { k: 'raise', span, exc: n.d.expr ? this.expr(n.d.expr) : undefined, cause: n.d.fromExpr ? this.expr(n.d.fromExpr) : undefined };
      }
      case NT.Import: {
        const n = s as N.ImportNode;
        return { k: 'import', span, names: n.d.list.map((i) => ({ name: i.d.module.d.nameParts.map((p) => p.d.value).join('.'), asname: i.d.alias?.d.value })) };
      }
      case NT.ImportFrom: {
        const n = s as N.ImportFromNode;
        const mod = '.'.repeat(n.d.module.d.leadingDots) + n.d.module.d.nameParts.map((p) => p.d.value).join('.');
        return { k: 'importfrom', span, module: mod, names: n.d.isWildcardImport ? [{ name: '*' }] : n.d.imports.map((i) => ({ name: i.d.name.d.value, asname: i.d.alias?.d.value })) };
      }
      case NT.Global: return { k: 'global', span, names: (s as N.GlobalNode).d.targets.map((t) => t.d.value) };
      case NT.Nonlocal: return { k: 'nonlocal', span, names: (s as N.NonlocalNode).d.targets.map((t) => t.d.value) };
      case NT.Del: return { k: 'del', span, targets: (s as N.DelNode).d.targets.map((t) => this.expr(t)) };
      case NT.Assert: {
        const n = s as N.AssertNode;
        return { k: 'assert', span, test: this.expr(n.d.testExpr), msg: n.d.exceptionExpr ? this.expr(n.d.exceptionExpr) : undefined };
      }
      case NT.Error: return { k: 'error', span, message: 'syntax error' };
      default:
        if (isExpression(s)) return { k: 'expr', span, value: this.expr(s as N.ExpressionNode) };
        return { k: 'error', span, message: `unsupported statement (node ${s.nodeType})` };
    }
  }

  funcDef(n: N.FunctionNode): AST.Stmt {
    const body = this.suite(n.d.suite);
    let retType: PyType = T.unknown;
    let isGenerator = false;
    try {
      const ft = this.ev.getTypeOfFunction(n);
      if (ft) {
        const f = ft.functionType as any;
        isGenerator = (f.shared.flags & 16) !== 0; // FunctionTypeFlags.Generator
        const declared = f.shared.declaredReturnType;
        const rt = declared ?? this.ev.getInferredReturnType(ft.functionType);
        retType = this.convertType(rt);
        if (!declared && rt && (rt as any).category === TC.Class && (rt as any).shared?.fullName === 'types.NoneType') retType = T.none;
        if (hasUnknown(retType)) {
          // pyright's inference met an Any (e.g. `x ** 0.5`) or the annotation is a bare `tuple`:
          // use the returned expressions' types.
          const fromReturns = returnedType(body);
          const fits = !declared || retType.k === fromReturns?.k || retType.k === 'tuplevar' && fromReturns?.k === 'tuple' || retType.k === 'unknown';
          if (fromReturns && !hasUnknown(fromReturns) && fits) retType = fromReturns;
        }
      }
    } catch { /* unknown */ }
    isGenerator = isGenerator || containsYield(n.d.suite);
    return {
      k: 'def', span: this.span(n), name: n.d.name.d.value, nameSpan: this.span(n.d.name),
      params: n.d.params.map((p) => this.param(p)),
      returns: n.d.returnAnnotation ? this.expr(n.d.returnAnnotation) : undefined,
      retType, body, decorators: n.d.decorators.map((d) => ({ expr: this.expr(d.d.expr), span: this.span(d) })),
      isGenerator, isAsync: n.d.isAsync, docstring: docstringOf(body), sym: this.symbol(n.d.name),
    };
  }

  param(p: N.ParameterNode): AST.Param {
    const kind: AST.Param['kind'] = p.d.category === 1 ? (p.d.name ? 'vararg' : 'kwonly_marker') : p.d.category === 2 ? 'kwarg' : p.d.name ? 'normal' : 'posonly_marker';
    return {
      name: p.d.name?.d.value ?? '', span: this.span(p), kind,
      annotation: p.d.annotation ? this.expr(p.d.annotation) : undefined,
      default: p.d.defaultValue ? this.expr(p.d.defaultValue) : undefined,
      type: p.d.name ? this.type(p.d.name) : T.unknown,
      sym: p.d.name ? this.symbol(p.d.name) : undefined,
    };
  }

  classDef(n: N.ClassNode): AST.Stmt {
    const body = this.suite(n.d.suite);
    const fields: { name: string; type: PyType }[] = [];
    const classVars: { name: string; type: PyType }[] = [];
    try {
      const ct = this.ev.getTypeOfClass(n);
      const table = (ct?.classType as any)?.shared?.fields as Map<string, any> | undefined;
      table?.forEach((sym, name) => {
        if (sym.isIgnoredForProtocolMatch?.() && false) return;
        const decls = sym.getDeclarations();
        const d0 = decls[0];
        if (!d0 || d0.type !== 1 /* Variable */) return;
        let type: PyType = T.unknown;
        try { type = this.convertType(this.ev.getEffectiveTypeOfSymbol(sym)); } catch { /* unknown */ }
        if (sym.isInstanceMember()) fields.push({ name, type });
        else classVars.push({ name, type });
      });
    } catch { /* no class info */ }
    return {
      k: 'class', span: this.span(n), name: n.d.name.d.value, nameSpan: this.span(n.d.name),
      bases: n.d.arguments.filter((a) => !a.d.name).map((a) => this.expr(a.d.valueExpr)),
      keywords: n.d.arguments.filter((a) => a.d.name).map((a) => ({ name: a.d.name!.d.value, value: this.expr(a.d.valueExpr), span: this.span(a) })),
      body, decorators: n.d.decorators.map((d) => ({ expr: this.expr(d.d.expr), span: this.span(d) })),
      docstring: docstringOf(body), fields, classVars,
    };
  }

  pattern(p: N.ParseNode): AST.Pattern {
    const span = this.span(p);
    switch (p.nodeType) {
      case NT.PatternAs: {
        const n = p as N.PatternAsNode;
        const inner: AST.Pattern = n.d.orPatterns.length === 1 ? this.pattern(n.d.orPatterns[0]) : { k: 'or', span, alts: n.d.orPatterns.map((x) => this.pattern(x)) };
        return n.d.target ? { k: 'as', span, pattern: inner, name: n.d.target.d.value } : inner;
      }
      case NT.PatternSequence: return { k: 'seq', span, items: (p as N.PatternSequenceNode).d.entries.map((e) => this.pattern(e)) };
      case NT.PatternLiteral: return { k: 'value', span, value: this.expr((p as N.PatternLiteralNode).d.expr) };
      case NT.PatternValue: return { k: 'value', span, value: this.expr((p as N.PatternValueNode).d.expr) };
      case NT.PatternCapture: {
        const n = p as N.PatternCaptureNode;
        if (n.d.isStar) return { k: 'star', span, name: n.d.isWildcard ? undefined : n.d.target.d.value, sym: n.d.isWildcard ? undefined : this.symbol(n.d.target) };
        return { k: 'capture', span, name: n.d.isWildcard ? undefined : n.d.target.d.value, sym: n.d.isWildcard ? undefined : this.symbol(n.d.target) };
      }
      case NT.PatternClass: {
        const n = p as N.PatternClassNode;
        return {
          k: 'class', span, cls: this.expr(n.d.className),
          args: n.d.args.filter((a) => !a.d.name).map((a) => this.pattern(a.d.pattern)),
          kwargs: n.d.args.filter((a) => a.d.name).map((a) => ({ name: a.d.name!.d.value, pattern: this.pattern(a.d.pattern) })),
        };
      }
      case NT.PatternMapping: {
        const n = p as N.PatternMappingNode;
        const keys: AST.Expr[] = [], values: AST.Pattern[] = [];
        for (const e of n.d.entries) {
          if (e.nodeType === NT.PatternMappingKeyEntry) {
            const ke = e as N.PatternMappingKeyEntryNode;
            keys.push(this.expr((ke.d.keyPattern as any).d.expr));
            values.push(this.pattern(ke.d.valuePattern));
          }
        }
        return { k: 'mapping', span, keys, values };
      }
      default: return { k: 'capture', span };
    }
  }

  // ---------- expressions ----------
  expr(n: N.ExpressionNode | N.ParseNode): AST.Expr {
    try {
      const e = this.exprInner(n as N.ExpressionNode);
      if (e.type.k === 'unknown') { const t = numericResultType(e); if (t) e.type = t; }
      // Arithmetic on an `int | float` and ints stays `int | float` (pyright's generic solutions,
      // `abs(x)`, `x ** n`, join the int into float).
      if (e.k === 'bin' && ['+', '-', '*', '//', '%', '**'].includes(e.op) && [e.left.type, e.right.type].some(isIntFloat) && [e.left.type, e.right.type].every((t) => t.k === 'int' || t.k === 'bool' || isIntFloat(t))) e.type = { k: 'union', types: [T.int, T.float] };
      // `b and a / b` with an int `b`: the result is the int itself or the float (pyright's
      // falsy narrowing reads `float | Literal[0]`, which would widen the int to float).
      if (e.k === 'boolop' && e.type.k === 'float' && [e.left.type, e.right.type].some((t) => t.k === 'int' || isIntFloat(t)) && [e.left.type, e.right.type].every((t) => t.k === 'int' || t.k === 'float' || isIntFloat(t))) e.type = { k: 'union', types: [T.int, T.float] };
      if (e.k === 'call' && e.func.k === 'name' && e.func.id === 'abs' && e.func.sym?.scope === 'builtins' && e.args.length === 1 && isIntFloat(e.args[0].value.type)) e.type = e.args[0].value.type;
      if (e.k === 'list' && e.type.k === 'list' && e.type.elem.k !== 'unknown' && e.elts.some((x) => x.type.k === 'unknown')) {
        // `[ch, 1]` with `ch` not yet typed: pyright's `list[int]` would be premature evidence.
        e.type = { k: 'list', elem: T.unknown };
      }
      if ((e.k === 'list' || e.k === 'set') && (e.type.k === 'list' || e.type.k === 'set') && e.type.elem.k === 'unknown' && e.elts.length && !e.elts.some((x) => x.k === 'starred')) {
        // `[1, 2 ** 50]`: typeshed's Any for a large power makes the list Unknown; the items agree.
        const t0 = JSON.stringify(e.elts[0].type);
        if (!hasUnknown(e.elts[0].type) && e.elts.every((x) => JSON.stringify(x.type) === t0)) e.type = { k: e.type.k, elem: e.elts[0].type };
        else if (e.k === 'list') { const u = literalUnion(e.elts.map((x) => x.type)); if (u) e.type = { k: 'list', elem: u }; }
      }
      if (e.k === 'dict' && e.type.k === 'dict' && (e.type.key.k === 'unknown' || e.type.val.k === 'unknown') && e.items.length && e.items.every((i) => i.key)) {
        // `{"a": 1, "b": [1, 2]}`: heterogeneous values are one tagged union.
        const ku = e.type.key.k === 'unknown' ? literalUnion(e.items.map((i) => i.key!.type)) : undefined;
        const vu = e.type.val.k === 'unknown' ? literalUnion(e.items.map((i) => i.value.type)) : undefined;
        const key = e.type.key.k === 'unknown' ? ku ?? e.items[0].key!.type : e.type.key;
        const val = e.type.val.k === 'unknown' ? vu ?? e.items[0].value.type : e.type.val;
        const same = (ts: PyType[]) => ts.every((x) => JSON.stringify(x) === JSON.stringify(ts[0]));
        if ((ku || key.k === 'union' || same(e.items.map((i) => i.key!.type))) && (vu || val.k === 'union' || same(e.items.map((i) => i.value.type)))) e.type = { ...e.type, key, val };
      }
      if (e.k === 'tuple' && e.type.k === 'tuple' && e.type.elems.length === e.elts.length && e.type.elems.some((x) => x.k === 'unknown')) {
        e.type = { k: 'tuple', elems: e.type.elems.map((x, i) => (x.k === 'unknown' ? e.elts[i].type : x)) };
      }
      return e;
    } catch (e) {
      if (e instanceof RangeError) return { k: 'error', span: this.span(n), type: T.unknown, message: 'expression nested too deeply' };
      throw e;
    }
  }

  private exprInner(n: N.ExpressionNode): AST.Expr {
    const span = this.span(n);
    const type = this.type(n);
    switch (n.nodeType) {
      case NT.Name: return { k: 'name', span, type, id: n.d.value, sym: this.symbol(n) };
      case NT.Number: {
        if (n.d.isImaginary) return { k: 'error', span, type, message: 'complex numbers are not supported' };
        return { k: 'num', span, type: n.d.isInteger ? T.int : T.float, value: n.d.value, isInt: n.d.isInteger, text: this.text.slice(span.start, span.end) };
      }
      case NT.Constant: {
        const ct = n.d.constType;
        if (ct === KW_TRUE) return { k: 'const', span, type: T.bool, value: true };
        if (ct === KW_FALSE) return { k: 'const', span, type: T.bool, value: false };
        if (ct === KW_NONE) return { k: 'const', span, type: T.none, value: null };
        if (ct === KW_DEBUG) return { k: 'const', span, type: T.bool, value: 'debug' };
        return { k: 'error', span, type, message: 'unsupported constant' };
      }
      case NT.Ellipsis: return { k: 'const', span, type, value: 'ellipsis' };
      case NT.StringList: return this.stringList(n, type);
      case NT.String: case NT.FormatString: return this.stringList({ ...n, d: { strings: [n], hasParens: false } } as any, type);
      case NT.UnaryOperation: {
        const op = OPS[n.d.operator];
        const mapped = op === 'not' ? 'not' : op === '-' || op === '+' || op === '~' ? op : op === '+=' ? '+' : '-';
        return { k: 'unary', span, type, op: mapped as any, operand: this.expr(n.d.expr) };
      }
      case NT.BinaryOperation: {
        const op = OPS[n.d.operator] ?? '?';
        if (op === 'and' || op === 'or') return { k: 'boolop', span, type, op, left: this.expr(n.d.leftExpr), right: this.expr(n.d.rightExpr) };
        if (COMPARISONS.has(op)) {
          // pyright nests chained comparisons as ((a < b) < c) with the left not parenthesised.
          const left = n.d.leftExpr;
          if (left.nodeType === NT.BinaryOperation && !left.d.hasParens && COMPARISONS.has(OPS[left.d.operator] ?? '')) {
            const inner = this.expr(left) as Extract<AST.Expr, { k: 'cmp' }>;
            if (inner.k === 'cmp') return { k: 'cmp', span, type: T.bool, left: inner.left, ops: [...inner.ops, op], comparators: [...inner.comparators, this.expr(n.d.rightExpr)] };
          }
          // ...and its parser builds `a < b < c` right-nested: a < (b < c) without parentheses.
          const right = n.d.rightExpr;
          if (right.nodeType === NT.BinaryOperation && !right.d.hasParens && COMPARISONS.has(OPS[right.d.operator] ?? '')) {
            const inner = this.expr(right) as Extract<AST.Expr, { k: 'cmp' }>;
            if (inner.k === 'cmp') return { k: 'cmp', span, type: T.bool, left: this.expr(left), ops: [op, ...inner.ops], comparators: [inner.left, ...inner.comparators] };
          }
          return { k: 'cmp', span, type: T.bool, left: this.expr(left), ops: [op], comparators: [this.expr(n.d.rightExpr)] };
        }
        return { k: 'bin', span, type, op, left: this.expr(n.d.leftExpr), right: this.expr(n.d.rightExpr) };
      }
      case NT.Call: {
        const func = this.expr(n.d.leftExpr);
        return {
          k: 'call', span, type, func,
          args: n.d.args.map((a) => ({ name: a.d.name?.d.value, value: this.expr(a.d.valueExpr), star: a.d.argCategory === 1 ? '*' : a.d.argCategory === 2 ? '**' : undefined, span: this.span(a) })),
          callee: this.calleeName(n.d.leftExpr),
        };
      }
      case NT.MemberAccess: return { k: 'attr', span, type, value: this.expr(n.d.leftExpr), attr: n.d.member.d.value, attrSpan: this.span(n.d.member) };
      case NT.Index: {
        const items = n.d.items;
        let index: AST.Expr;
        if (items.length === 1 && !n.d.trailingComma) index = this.expr(items[0].d.valueExpr);
        else index = { k: 'tuple', span: { start: items[0]?.start ?? span.start, end: span.end }, type: T.unknown, elts: items.map((i) => this.expr(i.d.valueExpr)) };
        return { k: 'index', span, type, value: this.expr(n.d.leftExpr), index };
      }
      case NT.Slice: return {
        k: 'slice', span, type,
        lower: n.d.startValue ? this.expr(n.d.startValue) : undefined,
        upper: n.d.endValue ? this.expr(n.d.endValue) : undefined,
        step: n.d.stepValue ? this.expr(n.d.stepValue) : undefined,
      };
      case NT.List: case NT.Set: {
        const only = n.d.items[0];
        const kind = n.nodeType === NT.List ? 'list' : 'set';
        if (n.d.items.length === 1 && only.nodeType === NT.Comprehension) return this.comprehension(only as unknown as N.ComprehensionNode, kind, type, span);
        return { k: kind, span, type, elts: n.d.items.map((e) => this.expr(e)) };
      }
      case NT.Tuple: return { k: 'tuple', span, type, elts: n.d.items.map((e) => this.expr(e)) };
      case NT.Dictionary: {
        const first = n.d.items[0];
        if (n.d.items.length === 1 && first.nodeType === NT.Comprehension) return this.comprehension(first as N.ComprehensionNode, 'dict', type, span);
        return {
          k: 'dict', span, type,
          items: n.d.items.map((it) => it.nodeType === NT.DictionaryKeyEntry
            ? { key: this.expr((it as N.DictionaryKeyEntryNode).d.keyExpr), value: this.expr((it as N.DictionaryKeyEntryNode).d.valueExpr) }
            : { value: this.expr((it as any).d.expr) }),
        };
      }
      case NT.Comprehension: {
        // Bare comprehension = generator expression; list/set comprehensions are wrapped below.
        return this.comprehension(n, 'gen', type, span);
      }
      case NT.Lambda: return { k: 'lambda', span, type, params: n.d.params.map((p) => this.param(p)), body: this.expr(n.d.expr) };
      case NT.Ternary: return { k: 'ifexp', span, type, test: this.expr(n.d.testExpr), body: this.expr(n.d.ifExpr), orelse: this.expr(n.d.elseExpr) };
      case NT.Unpack: return { k: 'starred', span, type, value: this.expr(n.d.expr) };
      case NT.Yield: return { k: 'yield', span, type, value: n.d.expr ? this.expr(n.d.expr) : undefined };
      case NT.YieldFrom: return { k: 'yieldfrom', span, type, value: this.expr(n.d.expr) };
      case NT.Await: return { k: 'await', span, type, value: this.expr(n.d.expr) };
      case NT.AssignmentExpression: return { k: 'walrus', span, type, target: this.expr(n.d.name), value: this.expr(n.d.rightExpr) };
      case NT.TypeAnnotation: return this.expr(n.d.valueExpr);
      case NT.Error: return { k: 'error', span, type, message: 'syntax error' };
      default: return { k: 'error', span, type, message: `unsupported expression (node ${(n as N.ParseNode).nodeType})` };
    }
  }

  private comprehension(n: N.ComprehensionNode, kind: 'list' | 'set' | 'dict' | 'gen', type: PyType, span: AST.Span): AST.Expr {
    const gens: AST.CompFor[] = [];
    for (const fi of n.d.forIfNodes) {
      if (fi.nodeType === NT.ComprehensionFor) gens.push({ target: this.expr(fi.d.targetExpr), iter: this.expr(fi.d.iterableExpr), ifs: [] });
      else if (gens.length) gens[gens.length - 1].ifs.push(this.expr((fi as N.ComprehensionIfNode).d.testExpr));
    }
    const e = n.d.expr;
    if (e.nodeType === NT.DictionaryKeyEntry) {
      const de = e as N.DictionaryKeyEntryNode;
      return { k: 'comp', span, type, kind: 'dict', elt: this.expr(de.d.keyExpr), value: this.expr(de.d.valueExpr), gens };
    }
    return { k: 'comp', span, type, kind, elt: this.expr(e as N.ExpressionNode), gens };
  }

  private calleeName(n: N.ExpressionNode): string | undefined {
    try {
      const t = this.ev.getType(n) as any;
      if (!t) return undefined;
      if (t.category === TC.Function) return t.shared.fullName;
      if (t.category === TC.Overloaded) { const o = t.priv.overloads ?? t.priv._overloads; const impl = t.priv.implementation ?? t.priv._implementation; return o?.[0]?.shared.fullName ?? impl?.shared?.fullName; }
      if (t.category === TC.Class) return t.shared.fullName;
    } catch { /* unknown */ }
    return undefined;
  }

  private stringList(n: N.StringListNode, type: PyType): AST.Expr {
    const span = this.span(n);
    const parts: AST.FPart[] = [];
    let isBytes = false, isF = false;
    for (const s of n.d.strings) {
      if (s.nodeType === NT.String) {
        if (s.d.token.flags & STR_BYTES) isBytes = true;
        // pyright's value drops `\U0001F600` escapes: unescape the source text ourselves.
        const tok = s.d.token as any;
        const body = this.text.slice(tok.start + tok.prefixLength + tok.quoteMarkLength, tok.start + tok.length - tok.quoteMarkLength);
        const own = tok.quoteMarkLength && this.text.slice(tok.start + tok.length - tok.quoteMarkLength, tok.start + tok.length) === this.text.slice(tok.start + tok.prefixLength, tok.start + tok.prefixLength + tok.quoteMarkLength) && !isBytes && !/\\N\{/.test(body) ? unescapePy(body, (tok.flags & STR_RAW) !== 0) : undefined;
        parts.push(own !== undefined && own.length >= s.d.value.length ? own : s.d.value);
      } else {
        isF = true;
        this.fstringParts(s as N.FormatStringNode, parts);
      }
    }
    if (!isF) {
      const value = parts.join('');
      return isBytes ? { k: 'bytes', span, type: { k: 'bytes' }, value } : { k: 'str', span, type: T.str, value };
    }
    return { k: 'fstr', span, type: T.str, parts: mergeLiterals(parts) };
  }

  /** Rebuild an f-string's parts in order from the source text and the field expressions. */
  private fstringParts(n: N.FormatStringNode, out: AST.FPart[]) {
    const tok = n.d.token;
    const raw = (tok.flags & STR_RAW) !== 0;
    const text = this.text;
    const bodyStart = tok.start + tok.prefixLength + tok.quoteMarkLength;
    const end = n.start + n.length - tok.quoteMarkLength;
    const fields = [...n.d.fieldExprs].sort((a, b) => a.start - b.start);
    const formats = [...n.d.formatExprs].sort((a, b) => a.start - b.start);
    let i = bodyStart;
    let lit = '';
    const flush = () => { if (lit) { out.push(unescapePy(lit, raw)); lit = ''; } };
    const parseField = (closeDepthStart: number): AST.FPart => {
      // i points just after '{'
      const fe = fields.shift();
      if (!fe) throw new Error('f-string field without expression');
      const exprStart = i;
      i = fe.start + fe.length;
      let j = i;
      while (j < end && /\s/.test(text[j])) j++;
      let selfDoc: string | undefined;
      if (text[j] === '=') { j++; selfDoc = text.slice(exprStart, j); while (j < end && /\s/.test(text[j])) { selfDoc += text[j]; j++; } }
      let conv: 'r' | 's' | 'a' | undefined;
      if (text[j] === '!') { conv = text[j + 1] as any; j += 2; }
      let spec: AST.FPart[] | undefined;
      if (text[j] === ':') {
        j++;
        spec = [];
        let specLit = '';
        while (j < end && text[j] !== '}') {
          if (text[j] === '{') {
            if (specLit) { spec.push(specLit); specLit = ''; }
            const fx = formats.shift() ?? fields.shift();
            if (!fx) break;
            spec.push({ expr: this.expr(fx) });
            // also remove it from fields if pyright listed it there
            const idx = fields.indexOf(fx); if (idx >= 0) fields.splice(idx, 1);
            j = fx.start + fx.length;
            while (j < end && text[j] !== '}') j++;
            j++;
          } else { specLit += text[j]; j++; }
        }
        if (specLit) spec.push(specLit);
      }
      while (j < end && text[j] !== '}') j++;
      i = j + 1;
      void closeDepthStart;
      return { expr: this.expr(fe), conv: conv ?? (selfDoc && !spec ? 'r' : undefined), spec, selfDoc };
    };
    while (i < end) {
      const ch = text[i];
      if (ch === '{' && text[i + 1] === '{') { lit += '{'; i += 2; continue; }
      if (ch === '}' && text[i + 1] === '}') { lit += '}'; i += 2; continue; }
      if (ch === '{') { flush(); i++; out.push(parseField(i)); continue; }
      if (ch === '\\' && !raw) { lit += text.slice(i, i + 2); i += 2; continue; }
      lit += ch; i++;
    }
    flush();
  }
}

function isIntFloat(t: PyType): boolean {
  return t.k === 'union' && t.types.length === 2 && t.types.some((x) => x.k === 'int') && t.types.some((x) => x.k === 'float');
}

/** An `int | float` union whose int member is not a literal: both kinds flow at run time. */
function keepsInts(subtypes: any[]): boolean {
  const full = (s: any) => s?.category === TC.Class ? s.shared?.fullName : undefined;
  return subtypes.some((s) => full(s) === 'builtins.float') && subtypes.some((s) => full(s) === 'builtins.int' && s.priv?.literalValue === undefined);
}

/** A union of `other` and an int member that is not a literal. */
function keepsIntsWith(subtypes: any[], other: string): boolean {
  const full = (s: any) => s?.category === TC.Class ? s.shared?.fullName : undefined;
  return subtypes.some((s) => full(s) === other) && subtypes.some((s) => full(s) === 'builtins.int' && s.priv?.literalValue === undefined);
}

/** The union of the (different) types of a heterogeneous literal's items, for an `Obj`. */
function literalUnion(ts: PyType[]): PyType | undefined {
  const out: PyType[] = [];
  const add = (t: PyType) => {
    if (t.k === 'union') { t.types.forEach(add); return; }
    if (t.k === 'optional') { add(t.inner); add(T.none); return; }
    if (!out.some((x) => JSON.stringify(x) === JSON.stringify(t))) out.push(t);
  };
  ts.forEach(add);
  if (out.length < 2 || out.some((t) => t.k === 'unknown' || t.k === 'class' || t.k === 'func' || t.k === 'iter')) return undefined;
  // Plain int/float mixes stay numeric (the lowering widens them to float).
  if (out.every((t) => t.k === 'int' || t.k === 'float' || t.k === 'bool') && out.some((t) => t.k === 'float')) return undefined;
  // Records (`[{"name": "a", "age": 3}, {"age": 4}]`) are one dict type with tagged values.
  if (out.every((t) => t.k === 'dict' && !t.flavor)) {
    const ds = out as Extract<PyType, { k: 'dict' }>[];
    const one = (ts: PyType[]) => literalUnion(ts) ?? (ts.every((x) => JSON.stringify(x) === JSON.stringify(ts[0])) ? ts[0] : undefined);
    const key = one(ds.map((d) => d.key)), val = one(ds.map((d) => d.val));
    if (key && val) return { k: 'dict', key, val };
  }
  return { k: 'union', types: out };
}

/** The common type of a function body's `return value` statements (not nested defs). */
function returnedType(body: AST.Stmt[]): PyType | undefined {
  const types: PyType[] = [];
  const visit = (ss: AST.Stmt[]) => {
    for (const s of ss) {
      if (s.k === 'return') types.push(s.value ? s.value.type : T.none);
      else if (s.k === 'if' || s.k === 'while' || s.k === 'for') { visit(s.body); visit(s.orelse); }
      else if (s.k === 'try') { visit(s.body); s.handlers.forEach((h) => visit(h.body)); visit(s.orelse); visit(s.finalbody); }
      else if (s.k === 'with') visit(s.body);
      else if (s.k === 'match') s.cases.forEach((c) => visit(c.body));
    }
  };
  visit(body);
  if (!types.length) return undefined;
  let t: PyType | undefined = types[0];
  for (const x of types.slice(1)) {
    t = joinCompatible(t, x);
    if (!t) return undefined;
  }
  return t;
}

/** Joins two return types where Unknown parts defer to the other side; undefined when they conflict. */
function joinCompatible(a: PyType, b: PyType): PyType | undefined {
  if (a.k === 'unknown') return b;
  if (b.k === 'unknown') return a;
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  const num = (t: PyType) => t.k === 'int' || t.k === 'float';
  if (num(a) && num(b)) return T.float;
  if (a.k === 'tuple' && b.k === 'tuple' && a.elems.length === b.elems.length) {
    const elems = a.elems.map((x, i) => joinCompatible(x, b.elems[i]));
    return elems.every((x) => x) ? { k: 'tuple', elems: elems as PyType[] } : undefined;
  }
  if ((a.k === 'list' && b.k === 'list') || (a.k === 'set' && b.k === 'set')) {
    const el = joinCompatible(a.elem, (b as any).elem);
    return el ? { k: a.k, elem: el } : undefined;
  }
  return undefined;
}

/** typeshed types `x ** y`, `round(Any)` etc. as Any; numeric operands decide Python's result. */
function numericResultType(e: AST.Expr): PyType | undefined {
  const isNum = (t: PyType) => t.k === 'int' || t.k === 'float' || t.k === 'bool';
  if (e.k === 'bin' && isNum(e.left.type) && isNum(e.right.type)) {
    const anyFloat = e.left.type.k === 'float' || e.right.type.k === 'float';
    if (e.op === '/') return T.float;
    if (e.op === '**') {
      const negExp = e.right.k === 'unary' && e.right.op === '-' || e.right.k === 'num' && Number(e.right.value) < 0;
      return anyFloat || negExp ? T.float : T.int;
    }
    if (['+', '-', '*', '//', '%'].includes(e.op)) return anyFloat ? T.float : T.int;
    return undefined;
  }
  if (e.k === 'unary' && (e.op === '-' || e.op === '+') && isNum(e.operand.type)) return e.operand.type.k === 'bool' ? T.int : e.operand.type;
  if (e.k === 'call' && e.func.k === 'name' && e.func.sym?.scope === 'builtins') {
    const pos = e.args.filter((a) => !a.name && !a.star).map((a) => a.value);
    if (!pos.length || !pos.every((a) => isNum(a.type))) return undefined;
    const anyFloat = pos.some((a) => a.type.k === 'float');
    switch (e.func.id) {
      case 'round': return pos.length > 1 || e.args.some((a) => a.name === 'ndigits') ? (pos[0].type.k === 'float' ? T.float : T.int) : T.int;
      case 'abs': return pos[0].type.k === 'float' ? T.float : T.int;
      case 'min': case 'max': return pos.length > 1 ? (anyFloat ? T.float : T.int) : undefined;
      case 'pow': return pos.length === 2 ? numericResultType({ ...e, k: 'bin', op: '**', left: pos[0], right: pos[1] } as AST.Expr) : T.int;
    }
  }
  return undefined;
}

function mergeLiterals(parts: AST.FPart[]): AST.FPart[] {
  const out: AST.FPart[] = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] = (out[out.length - 1] as string) + p;
    else out.push(p);
  }
  return out;
}

/** Python string-literal escapes (used for f-string literal pieces we slice from the source). */
export function unescapePy(s: string, raw: boolean): string {
  if (raw) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|\n|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n'; case 't': return '\t'; case 'r': return '\r'; case '\\': return '\\';
      case "'": return "'"; case '"': return '"'; case 'a': return '\x07'; case 'b': return '\b';
      case 'f': return '\f'; case 'v': return '\v'; case '\n': return '';
      case 'x': case 'u': case 'U': return String.fromCodePoint(parseInt(e.slice(1), 16));
      case 'N': return e;
      default:
        if (/[0-7]/.test(e[0])) return String.fromCodePoint(parseInt(e, 8));
        return '\\' + e;
    }
  });
}

function isExpression(n: N.ParseNode): boolean {
  return ![NT.Del, NT.Pass, NT.Import, NT.ImportFrom, NT.Global, NT.Nonlocal, NT.Assert, NT.Break, NT.Continue, NT.Return, NT.Raise].includes(n.nodeType as any);
}

function containsYield(n: N.ParseNode): boolean {
  let found = false;
  const visit = (x: any) => {
    if (found || !x || typeof x !== 'object') return;
    if (x.nodeType === NT.Yield || x.nodeType === NT.YieldFrom) { found = true; return; }
    if (x.nodeType === NT.Function || x.nodeType === NT.Lambda || x.nodeType === NT.Class) return;
    const d = x.d;
    if (!d) return;
    for (const key of Object.keys(d)) {
      const v = d[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && 'nodeType' in v) visit(v);
    }
  };
  const d = (n as any).d;
  for (const key of Object.keys(d)) { const v = d[key]; if (Array.isArray(v)) v.forEach(visit); else if (v && typeof v === 'object' && 'nodeType' in v) visit(v); }
  return found;
}

function docstringOf(body: AST.Stmt[]): string | undefined {
  const s = body[0];
  if (s && s.k === 'expr' && s.value.k === 'str') return s.value.value;
  return undefined;
}

/** True when `partial` equals `full` except where `partial` is unknown. */
function fitsPartial(full: PyType, partial: PyType): boolean {
  if (partial.k === 'unknown') return true;
  if (full.k !== partial.k) return false;
  const f = full as any, p = partial as any;
  for (const key of Object.keys(p)) {
    const a = f[key], b = p[key];
    if (Array.isArray(b)) {
      if (!Array.isArray(a) || a.length !== b.length || !b.every((x: any, i: number) => (typeof x === 'object' && x && 'k' in x ? fitsPartial(a[i], x) : x === a[i]))) return false;
    } else if (b && typeof b === 'object' && 'k' in b) {
      if (!a || !fitsPartial(a, b)) return false;
    } else if (a !== b) return false;
  }
  return true;
}

export { PythonVersion };
