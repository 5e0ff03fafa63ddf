// Generator functions → lazy iterators. The body is compiled into a small state machine run by
// `std::iter::from_fn(move || loop { match __state { ... } })`: every `yield` ends a state
// (`__state = next; return Some(v)`), loops containing a yield become states that jump back to
// their head, and the function's locals live outside the closure so they survive across
// yields. Statements without yields are lowered as usual inside a state. This keeps infinite
// generators (`while True: yield n`) lazy and makes generators single-pass like Python's.
import * as AST from '../ast';
import { PyType, T } from '../types';
import { RustWriter } from '../emit/writer';
import { FuncInfo } from './context';
import { isCopy, rustIdent } from './rtypes';
import { walkExprs } from './scan';
import type { Lowerer } from './lowerer';

/** Does any statement (not nested defs) contain a yield / yield from? */
export function hasYield(stmts: AST.Stmt[]): boolean {
  let found = false;
  walkExprs(stmts, (e) => { if (e.k === 'yield' || e.k === 'yieldfrom') found = true; });
  return found;
}

const END = '@END@';

class GenCompiler {
  states: RustWriter[] = [];
  cur!: RustWriter;
  loops: { brk: number; cont: number }[] = [];
  iterCount = 0;
  iterDecls: string[] = [];

  constructor(readonly L: Lowerer, readonly elem: PyType) {}

  order: number[] = [];

  newState(): number { this.states.push(new RustWriter()); return this.states.length - 1; }

  /** A loop whose body yields: a head state (`enterHead` writes its exit test), the body's
   *  states, a back edge, and the `else` block run when the loop ends without `break`. */
  loopStates(s: { body: AST.Stmt[]; orelse: AST.Stmt[] }, enterHead: (exit: number) => void) {
    const head = this.newState();
    const exit = this.newState();
    const after = s.orelse.length ? this.newState() : exit;
    this.goto(head);
    this.start(head);
    enterHead(exit);
    this.loops.push({ brk: after, cont: head });
    this.stmts(s.body);
    this.loops.pop();
    this.goto(head);
    if (s.orelse.length) { this.start(exit); this.stmts(s.orelse); this.goto(after); }
    this.start(after);
  }
  start(id: number) { this.cur = this.states[id]; this.L.w = this.cur; this.order.push(id); }
  /** A state number in emitted code (renumbered in source order at the end). */
  ref(id: number | string): string { return typeof id === 'string' ? id : `@S${id}@`; }
  /** Jump at the end of a state's arm. */
  goto(id: number | string) { this.cur.line(`__state = ${this.ref(id)};`); }
  /** Jump from inside nested code of an arm. */
  jump(id: number | string) { this.cur.line(`__state = ${this.ref(id)};`); this.cur.line('continue;'); }

  /** An owned iterator over `e` that borrows nothing (stored across yields). */
  iterFor(e: AST.Expr): { code: string; item: PyType; direct?: string } {
    const L = this.L;
    if (e.type.k === 'iter' && e.k === 'name') {
      const r = L.expr(e);
      if (r.kind === 'place') return { code: r.code, item: e.type.elem, direct: r.code };
    }
    const t = e.type;
    if ((e.k === 'name' || e.k === 'attr') && (t.k === 'list' || t.k === 'set' || t.k === 'deque' || t.k === 'tuplevar')) {
      const r = L.expr(e);
      return { code: `${L.own(r)}.into_iter()`, item: t.elem };
    }
    const it = L.iterate(e);
    let code = L.ownedItems(it);
    // Adaptors over a borrowed collection cannot be stored next to it: materialise those.
    const borrows = /\.(iter|chars|keys|values|iter_mut|bytes|char_indices|lines|split\w*|windows|chunks|by_ref)\(|^&/.test(code);
    if (borrows) code = `${code.includes(' ') && !code.endsWith(')') ? `(${code})` : code}.collect::<Vec<_>>().into_iter()`;
    return { code, item: it.item };
  }

  /** Assigns the loop item `__v` to a for-target. */
  assignTarget(target: AST.Expr): string {
    const pat = (t: AST.Expr): string => {
      if (t.k === 'name') return t.id === '_' ? '_' : this.L.lvalue(t);
      if (t.k === 'tuple' || t.k === 'list') return `(${t.elts.map(pat).join(', ')})`;
      return this.L.todo(t.span, 'for-loop target in a generator').code;
    };
    return `${pat(target)} = __v;`;
  }

  stmts(ss: AST.Stmt[]) { for (const s of ss) this.L.w.withSpan(s.span, () => this.stmt(s)); }

  stmt(s: AST.Stmt) {
    const L = this.L;
    switch (s.k) {
      case 'expr':
        if (s.value.k === 'yield') {
          const v = s.value.value ? L.exprOwned(s.value.value, this.elem) : '()';
          const next = this.newState();
          this.goto(next);
          this.cur.line(`return Some(${v});`);
          this.start(next);
          return;
        }
        if (s.value.k === 'yieldfrom') {
          const it = this.iterFor(s.value.value);
          const name = this.iterVar(it);
          const head = this.newState();
          this.goto(head);
          this.start(head);
          this.cur.open(`if let Some(__v) = ${name}.next() {`);
          this.cur.line('return Some(__v);');
          this.cur.close();
          const after = this.newState();
          this.goto(after);
          this.start(after);
          return;
        }
        if (hasYield([s])) { this.cur.line(`${L.todo(s.span, 'yield inside an expression').code};`); return; }
        L.stmt(s);
        return;
      case 'while': {
        if (!hasYield(s.body) && !hasYield(s.orelse)) { L.stmt(s); return; }
        const forever = s.test.k === 'const' && s.test.value === true;
        this.loopStates(s, (exit) => { if (!forever) this.cur.line(`if !(${L.cond(s.test)}) { __state = ${this.ref(exit)}; continue; }`); });
        return;
      }
      case 'for': {
        if (!hasYield(s.body) && !hasYield(s.orelse)) { L.stmt(s); return; }
        const it = this.iterFor(s.iter);
        const name = this.iterVar(it);
        this.loopStates(s, (exit) => {
          this.cur.line(`let Some(__v) = ${name}.next() else { __state = ${this.ref(exit)}; continue; };`);
          this.cur.line(this.assignTarget(s.target));
        });
        return;
      }
      case 'if': {
        if (!hasYield(s.body) && !hasYield(s.orelse)) {
          // No state split: a plain `if` whose break/continue/return may jump between states.
          this.cur.open(`if ${L.cond(s.test)} {`);
          this.stmts(s.body);
          let orelse = s.orelse;
          while (orelse.length === 1 && orelse[0].k === 'if') {
            const e = orelse[0] as Extract<AST.Stmt, { k: 'if' }>;
            this.cur.dedent();
            this.cur.line(`} else if ${L.cond(e.test)} {`, e.span);
            this.cur.indent();
            this.stmts(e.body);
            orelse = e.orelse;
          }
          if (orelse.length) { this.cur.dedent(); this.cur.line('} else {'); this.cur.indent(); this.stmts(orelse); }
          this.cur.close();
          return;
        }
        const then = this.newState();
        const other = s.orelse.length ? this.newState() : -1;
        const after = this.newState();
        this.cur.line(`__state = if ${L.cond(s.test)} { ${this.ref(then)} } else { ${this.ref(other >= 0 ? other : after)} };`);
        this.start(then);
        this.stmts(s.body);
        this.goto(after);
        if (other >= 0) { this.start(other); this.stmts(s.orelse); this.goto(after); }
        this.start(after);
        return;
      }
      case 'break': case 'continue': {
        const loop = this.loops[this.loops.length - 1];
        if (!loop) { L.stmt(s); return; }
        this.jump(s.k === 'break' ? loop.brk : loop.cont);
        return;
      }
      case 'return':
        if (s.value && !(s.value.k === 'const' && s.value.value === null)) L.diag('PTR010', s.span, 'the value of `return` in a generator (StopIteration.value) is dropped', 'warning', {}, 0.1);
        this.cur.line(`__state = ${END};`);
        this.cur.line('return None;');
        return;
      default:
        if (hasYield([s])) { this.cur.line(`${L.todo(s.span, `yield inside ${s.k}`).code};`); return; }
        L.stmt(s);
    }
  }

  iterVar(it: { code: string; item: PyType; direct?: string }): string {
    if (it.direct) return it.direct;
    const name = `__it${++this.iterCount}`;
    this.iterDecls.push(`let mut ${name}: Box<dyn Iterator<Item = ${this.L.rt(it.item)}>> = Box::new(std::iter::empty());`);
    this.cur.line(`${name} = Box::new(${it.code});`);
    return name;
  }
}

/** Default value for a generator local declared before the state machine. */
function initValue(L: Lowerer, t: PyType): string | undefined {
  switch (t.k) {
    case 'int': return '0';
    case 'float': return '0.0';
    case 'bool': return 'false';
    case 'none': return '()';
    case 'str': return 'String::new()';
    case 'list': case 'tuplevar': case 'bytes': return 'Vec::new()';
    case 'set': return 'std::collections::BTreeSet::new()';
    case 'deque': return 'std::collections::VecDeque::new()';
    case 'dict': L.useRuntime('dict'); return 'Dict::new()';
    case 'optional': return 'None';
    case 'iter': return 'Box::new(std::iter::empty())';
    case 'tuple': {
      const parts = t.elems.map((e) => initValue(L, e));
      if (parts.some((p) => p === undefined)) return undefined;
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    }
    case 'unknown': return '0';
    default: return undefined;
  }
}

/** Emits the body of a generator function (its signature is already open). */
export function lowerGeneratorBody(L: Lowerer, f: FuncInfo) {
  const w = L.w;
  const def = f.def;
  const elem = f.ret.k === 'iter' ? f.ret.elem : T.unknown;
  const paramIds = new Set(f.params.map((p) => p.sym?.id).filter((x) => x !== undefined));
  // Locals live outside the closure, so they keep their values across yields.
  const locals = new Map<number, { name: string; type: PyType; span: AST.Span }>();
  walkExprs(def.body, (e) => {
    if (e.k === 'name' && e.sym && e.sym.scope === 'function' && e.sym.kind === 'variable' && e.id !== '_' && !paramIds.has(e.sym.id) && !locals.has(e.sym.id)) {
      locals.set(e.sym.id, { name: e.id, type: e.sym.declType.k !== 'unknown' ? e.sym.declType : e.type, span: e.span });
    }
  });
  const decls: string[] = [];
  for (const [id, v] of locals) {
    const init = initValue(L, v.type);
    if (init === undefined) {
      decls.push(`let mut ${rustIdent(v.name)}: ${L.rt(v.type)} = ${L.todo(v.span, `generator local of type ${v.type.k}`).code};`);
    } else decls.push(`let mut ${rustIdent(v.name)}: ${L.rt(v.type)} = ${init};`);
    L.scope.declared.add(id);
  }
  const c = new GenCompiler(L, elem);
  const first = c.newState();
  c.start(first);
  L.scope.genReturn = `__state = ${END}; return None;`;
  L.scope.boxIters = true;
  const body = def.body.filter((s, i) => !(i === 0 && s.k === 'expr' && s.value.k === 'str'));
  c.stmts(body);
  c.goto(END);
  L.scope.genReturn = undefined;
  L.w = w;
  // States that only jump elsewhere are folded away; the rest are numbered in source order.
  const alias = new Map<number, string>();
  c.states.forEach((s, i) => {
    const m = /^__state = (@S\d+@|@END@);$/.exec(s.text().trim());
    if (m) alias.set(i, m[1]);
  });
  const resolve = (ref: string): string => {
    const seen = new Set<string>();
    while (ref !== END && !seen.has(ref)) {
      seen.add(ref);
      const a = alias.get(Number(ref.slice(2, -1)));
      if (!a) break;
      ref = a;
    }
    return ref;
  };
  const emitted = [...new Set(c.order)].filter((i) => !alias.has(i) || resolve(`@S${i}@`) === `@S${i}@`);
  const num = new Map<string, string>(emitted.map((id, n) => [`@S${id}@`, String(n)]));
  const end = String(emitted.length);
  const final = (ref: string) => { const r = resolve(ref); return r === END ? end : num.get(r) ?? end; };
  decls.forEach((d) => w.line(d));
  c.iterDecls.forEach((d) => w.line(d));
  w.line(`let mut __state = ${final('@S0@')};`);
  w.open('std::iter::from_fn(move || loop {');
  w.open('match __state {');
  emitted.forEach((id, i) => {
    const s = c.states[id];
    w.open(`${i} => {`);
    c.states.forEach((_, k) => s.replaceAll(`@S${k}@`, final(`@S${k}@`)));
    s.replaceAll(END, end);
    w.append(s);
    w.close();
  });
  w.line('_ => return None,');
  w.close();
  w.close('})');
  void isCopy;
}
