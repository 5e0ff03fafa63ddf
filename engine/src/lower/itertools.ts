// itertools (and the operator functions passed to it) → Rust iterator adaptors. Lazy ones
// (count, islice, takewhile, accumulate, cycle, repeat, chain) stay lazy; the combinatoric
// ones and groupby materialise their input, as CPython does internally.
import * as AST from '../ast';
import { PyType, T } from '../types';
import { PREC, RExpr } from './context';
import { elemType, isCopy, isNumeric, isObjUnion, rustIdent } from './rtypes';
import type { Lowerer } from './lowerer';
import { wrapIter } from './lowerer';

type Call = Extract<AST.Expr, { k: 'call' }>;
const iterT = (elem: PyType): PyType => ({ k: 'iter', elem });
const v = (code: string, type: PyType): RExpr => ({ code, type, kind: 'value', prec: PREC.atom });

/** Owned items of an iterable argument and their type. */
function owned(L: Lowerer, e: AST.Expr): { code: string; item: PyType } {
  const it = L.iterate(e);
  return { code: L.ownedItems(it), item: it.item };
}

/** Python `int` argument as a usize. */
function usize(L: Lowerer, e: AST.Expr): string {
  if (e.k === 'num') return String(e.value);
  return `${L.paren(L.valE(L.expr(e, T.int)), PREC.cast)} as usize`;
}

/** A two-argument function value (`max`, `operator.mul`, a lambda, a def) as Rust code `f(a, b)`. */
export function binaryFn(L: Lowerer, f: AST.Expr, t: PyType): (a: string, b: string) => string {
  const name = f.k === 'name' ? f.id : f.k === 'attr' ? f.attr : '';
  const ops: Record<string, string> = { add: '+', sub: '-', mul: '*', truediv: '/', and_: '&', or_: '|', xor: '^' };
  if ((f.k === 'attr' && f.value.k === 'name' && f.value.id === 'operator' || f.k === 'name' && f.sym?.scope !== 'module' && ops[name] && (f.type.k === 'func' && f.type.fullName?.startsWith('_operator.'))) && ops[name]) {
    if (name === 'add' && t.k === 'str') return (a, b) => `format!("{}{}", ${a}, ${b})`;
    return (a, b) => `${a} ${ops[name]} ${b}`;
  }
  if (f.k === 'name' && f.sym?.scope === 'builtins' && (name === 'max' || name === 'min')) {
    // max(a, b) keeps a unless b is strictly greater (min: strictly smaller).
    return (a, b) => `{ let (a, b) = (${a}, ${b}); if b ${name === 'max' ? '>' : '<'} a { b } else { a } }`;
  }
  const fn = L.expr(f, { k: 'func', params: [t, t], ret: t });
  if (f.k === 'lambda') return (a, b) => `(${fn.code})(${a}, ${b})`;
  const info = f.k === 'name' ? L.funcs.get(f.id) : undefined;
  if (info) {
    const arg = (x: string, i: number) => (info.params[i]?.mode === 'ref' ? `&${x}` : x);
    return (a, b) => `${info.rust}(${arg(a, 0)}, ${arg(b, 1)})`;
  }
  return (a, b) => `${L.paren(fn, PREC.unary)}(${a}, ${b})`;
}

/** A one-argument predicate/key taking `&T` (for take_while, groupby keys, ...). */
function refClosure(L: Lowerer, f: AST.Expr, t: PyType): { code: string; type: PyType } {
  if (f.k === 'lambda') {
    const p = f.params[0];
    const saved = new Map(L.scope.names);
    if (p?.sym) L.scope.names.set(p.sym.id, { code: rustIdent(p.name), kind: 'ref', type: t });
    const body = L.expr(f.body);
    L.scope.names = saved;
    return { code: `|${p ? rustIdent(p.name) : '_'}: &${L.rt(t)}| ${L.own(body)}`, type: body.type };
  }
  if (f.k === 'call' && (f.func.k === 'name' && f.func.id === 'itemgetter' || f.func.k === 'attr' && f.func.attr === 'itemgetter') && f.args[0]?.value.k === 'num') {
    const i = Number(f.args[0].value.value);
    const ft = t.k === 'tuple' ? t.elems[i] ?? T.unknown : elemType(t);
    return { code: `|x: &${L.rt(t)}| x${t.k === 'tuple' ? `.${i}` : `[${i}]`}${isCopy(ft) ? '' : '.clone()'}`, type: ft };
  }
  const info = f.k === 'name' ? L.funcs.get(f.id) : undefined;
  if (info) {
    const p = info.params[0];
    const arg = p && p.mode !== 'value' ? (t.k === 'str' ? 'x.as_str()' : 'x') : isCopy(t) ? '*x' : 'x.clone()';
    return { code: `|x: &${L.rt(t)}| ${info.rust}(${arg})`, type: info.ret };
  }
  if (f.k === 'name' && f.id === 'len') return { code: `|x: &${L.rt(t)}| x.${t.k === 'str' ? 'chars().count()' : 'len()'} as i64`, type: T.int };
  const fn = L.expr(f);
  return { code: `|x: &${L.rt(t)}| (${fn.code})(x.clone())`, type: T.unknown };
}

/** Tuple (or Vec for a variable length) built from a Vec<T> named `v` of length r. */
function tupleOf(L: Lowerer, r: number | undefined, t: PyType): { map: string; type: PyType } {
  if (r === undefined) return { map: '', type: { k: 'tuplevar', elem: t } };
  const parts = [...Array(r).keys()].map((i) => `v[${i}].clone()`);
  void L;
  return { map: `.map(|v| (${parts.join(', ')}${r === 1 ? ',' : ''}))`, type: { k: 'tuple', elems: Array(r).fill(t) } };
}

export function lowerItertools(L: Lowerer, name: string, e: Call): RExpr | undefined {
  const pos = e.args.filter((a) => !a.name).map((a) => a.value);
  const kw = (n: string) => e.args.find((a) => a.name === n)?.value;
  switch (name) {
    case 'count': {
      const startE = pos[0] ?? kw('start'), stepE = pos[1] ?? kw('step');
      const isF = startE?.type.k === 'float' || stepE?.type.k === 'float';
      const t = isF ? T.float : T.int;
      const start = startE ? L.coerce(L.valE(L.expr(startE, t)), t) : isF ? '0.0' : '0';
      if (!stepE && !isF) return v(`(${/^-?\d+$/.test(start) ? `${start}_i64` : start}..)`, iterT(T.int));
      const step = stepE ? L.coerce(L.valE(L.expr(stepE, t)), t) : isF ? '1.0' : '1';
      return v(`std::iter::successors(Some(${start}${/^-?\d+$/.test(start) ? '_i64' : ''}), move |&x| Some(x + ${step}))`, iterT(t));
    }
    case 'islice': {
      const src = owned(L, pos[0]);
      let code = src.code;
      const none = (x?: AST.Expr) => !x || x.k === 'const' && x.value === null;
      if (pos.length === 2) {
        if (!none(pos[1])) code = `${wrapIter(code)}.take(${usize(L, pos[1])})`;
      } else {
        const [, lo, hi, st] = pos;
        if (!none(hi)) code = `${wrapIter(code)}.take(${usize(L, hi)})`;
        if (!none(lo) && !(lo.k === 'num' && Number(lo.value) === 0)) code = `${wrapIter(code)}.skip(${usize(L, lo)})`;
        if (!none(st) && !(st!.k === 'num' && Number(st!.value) === 1)) code = `${wrapIter(code)}.step_by(${usize(L, st!)})`;
      }
      return v(code, iterT(src.item));
    }
    case 'chain': {
      const parts = pos.map((p) => owned(L, p));
      if (!parts.length) return v('std::iter::empty()', iterT(T.unknown));
      const t = parts[0].item;
      const et = e.type.k === 'class' || e.type.k === 'iter' ? elemType(e.type) : T.unknown;
      if (parts.some((p) => p.item.k !== t.k) && isObjUnion(et)) {
        // Items of different types: tagged values.
        const tagged = parts.map((p) => (isObjUnion(p.item) ? p.code : `${wrapIter(p.code)}.map(|x| ${L.toObj('x', p.item)})`));
        return v(tagged.slice(1).reduce((acc, p) => `${acc}.chain(${p})`, wrapIter(tagged[0])), iterT(et));
      }
      if (parts.some((p) => p.item.k !== t.k)) return L.todo(e.span, 'itertools.chain over iterables of different element types', e.type);
      return v(parts.slice(1).reduce((acc, p) => `${acc}.chain(${p.code})`, wrapIter(parts[0].code)), iterT(t));
    }
    case 'from_iterable': {
      const src = owned(L, pos[0]);
      const inner = elemType(src.item);
      if (src.item.k === 'str') return v(`${wrapIter(src.code)}.flat_map(|s| s.chars().map(|c| c.to_string()).collect::<Vec<_>>())`, iterT(T.str));
      return v(`${wrapIter(src.code)}.flatten()`, iterT(inner));
    }
    case 'zip_longest': {
      const srcs = pos.map((p) => owned(L, p));
      const fillE = kw('fillvalue');
      const tt = elemType(e.type);
      const slots = srcs.map((s, i) => (tt.k === 'tuple' ? tt.elems[i] ?? s.item : s.item));
      const decls = srcs.map((s, i) => `let p${i}: Vec<${L.rt(s.item)}> = ${wrapIter(s.code)}.collect();`);
      const fill = (i: number) => {
        if (!fillE || fillE.k === 'const' && fillE.value === null) return slots[i].k === 'optional' ? 'None' : L.todo(e.span, 'zip_longest without a fillvalue', slots[i]).code;
        const f = L.expr(fillE);
        return isObjUnion(slots[i]) && !isObjUnion(f.type) ? L.toObj(L.own(f), f.type) : L.coerce(f, slots[i]);
      };
      const item = (i: number) => {
        const conv = isObjUnion(slots[i]) && !isObjUnion(srcs[i].item) ? `.map(|x| ${L.toObj('x.clone()', srcs[i].item)})` : '.cloned()';
        return `p${i}.get(i)${conv}.unwrap_or_else(|| ${fill(i)})`;
      };
      const n = srcs.map((_, i) => `p${i}.len()`).reduce((acc, x) => `${acc}.max(${x})`);
      const tup: PyType = { k: 'tuple', elems: slots };
      return v(`{ ${decls.join(' ')} (0..${n}).map(move |i| (${srcs.map((_, i) => item(i)).join(', ')})).collect::<Vec<${L.rt(tup)}>>().into_iter() }`, iterT(tup));
    }
    case 'cycle': {
      const src = owned(L, pos[0]);
      return v(`${wrapIter(src.code)}.collect::<Vec<_>>().into_iter().cycle()`, iterT(src.item));
    }
    case 'repeat': {
      const x = L.expr(pos[0]);
      const times = pos[1] ?? kw('times');
      const code = `std::iter::repeat(${L.own(x)})`;
      return v(times ? `${code}.take(${usize(L, times)})` : code, iterT(x.type));
    }
    case 'takewhile': case 'dropwhile': {
      const src = owned(L, pos[1]);
      const p = refClosure(L, pos[0], src.item);
      return v(`${wrapIter(src.code)}.${name === 'takewhile' ? 'take_while' : 'skip_while'}(${p.code})`, iterT(src.item));
    }
    case 'filterfalse': {
      const src = owned(L, pos[1]);
      const p = refClosure(L, pos[0], src.item);
      return v(`{ let f = ${p.code}; ${wrapIter(src.code)}.filter(move |x| !f(x)) }`, iterT(src.item));
    }
    case 'accumulate': {
      const src = owned(L, pos[0]);
      const t = src.item;
      const fnE = pos[1] ?? kw('func');
      const init = kw('initial');
      const f = fnE ? binaryFn(L, fnE, t) : t.k === 'str' ? (a: string, b: string) => `format!("{}{}", ${a}, ${b})` : (a: string, b: string) => `${a} + ${b}`;
      const cl = (x: string) => (isCopy(t) ? x : `${x}.clone()`);
      if (init) {
        const i = L.exprOwned(init, t);
        return v(`{ let init: ${L.rt(t)} = ${i}; std::iter::once(${cl('init')}).chain(${wrapIter(src.code)}.scan(init, |acc, x| { *acc = ${f('acc.clone()', 'x')}; Some(acc.clone()) })) }`, iterT(t));
      }
      const accT = `Option<${L.rt(t)}>`;
      return v(`${wrapIter(src.code)}.scan(None, |acc: &mut ${accT}, x| { let v = match acc.take() { None => x, Some(a) => ${f('a', 'x')} }; *acc = Some(${cl('v')}); Some(v) })`, iterT(t));
    }
    case 'pairwise': {
      const src = owned(L, pos[0]);
      const ct = L.rt(src.item);
      return v(`{ let v: Vec<${ct}> = ${wrapIter(src.code)}.collect(); (1..v.len()).map(move |i| (v[i - 1].clone(), v[i].clone())).collect::<Vec<_>>().into_iter() }`, iterT({ k: 'tuple', elems: [src.item, src.item] }));
    }
    case 'product': {
      const rep = kw('repeat');
      const pools = pos.map((p) => owned(L, p));
      const n = rep ? (rep.k === 'num' ? Number(rep.value) : undefined) : 1;
      if (n === undefined) return L.todo(e.span, 'itertools.product with a non-constant repeat', e.type);
      const decls = pools.map((p, i) => `let p${i}: Vec<${L.rt(p.item)}> = ${wrapIter(p.code)}.collect();`);
      const slots: { pool: number; t: PyType }[] = [];
      for (let r = 0; r < n; r++) pools.forEach((p, i) => slots.push({ pool: i, t: p.item }));
      let body = `out.push((${slots.map((_, j) => `a${j}.clone()`).join(', ')}${slots.length === 1 ? ',' : ''}));`;
      for (let j = slots.length - 1; j >= 0; j--) body = `for a${j} in &p${slots[j].pool} { ${body} }`;
      const tt: PyType = { k: 'tuple', elems: slots.map((s) => s.t) };
      return v(`{ ${decls.join(' ')} let mut out: Vec<${L.rt(tt)}> = Vec::new(); ${body} out }.into_iter()`, iterT(tt));
    }
    case 'permutations': case 'combinations': case 'combinations_with_replacement': {
      const src = owned(L, pos[0]);
      const rE = pos[1] ?? kw('r');
      // Without r, permutations of a literal have its (static) length.
      const lit = pos[0];
      const litLen = lit.k === 'list' || lit.k === 'tuple' ? lit.elts.length : lit.k === 'str' ? [...lit.value].length : undefined;
      const r = rE && rE.k === 'num' ? Number(rE.value) : !rE ? litLen : undefined;
      // (printing follows the static type: a tuple[T, ...] prints with parentheses)
      if (r === undefined) L.diag('PTR021', e.span, `itertools.${name} with a non-constant length yields Vecs (variable-length tuples) here`, 'info', {}, 0.1);
      L.useRuntime('itertools');
      const fn = name === 'permutations' ? 'py_permutations' : name === 'combinations' ? 'py_combinations' : 'py_combinations_wr';
      const rCode = rE ? usize(L, rE) : 'v.len()';
      const tup = tupleOf(L, r, src.item);
      return v(`{ let v: Vec<${L.rt(src.item)}> = ${wrapIter(src.code)}.collect(); ${fn}(&v, ${rCode}) }.into_iter()${tup.map}`, iterT(tup.type));
    }
    case 'groupby': {
      const src = owned(L, pos[0]);
      const keyE = pos[1] ?? kw('key');
      const key = keyE ? refClosure(L, keyE, src.item) : { code: `|x: &${L.rt(src.item)}| x.clone()`, type: src.item };
      L.useRuntime('itertools');
      const kt = key.type.k !== 'unknown' ? key.type : e.type.k === 'class' ? e.type.args[0] ?? T.unknown : T.unknown;
      return v(`py_groupby(${wrapIter(src.code)}.collect(), ${key.code}).into_iter().map(|(k, g)| (k, g.into_iter()))`, iterT({ k: 'tuple', elems: [kt, iterT(src.item)] }));
    }
  }
  void isNumeric;
  return undefined;
}
