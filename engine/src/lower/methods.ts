// Methods of builtin types: str, list, dict, set, deque.
import * as AST from '../ast';
import { PyType, T, typeToString } from '../types';
import { PREC, RExpr } from './context';
import { elemType, isCopy, isObjUnion, rustChar, rustStr } from './rtypes';
import type { Lowerer } from './lowerer';
import { wrapIter } from './lowerer';
import { displayArg, lowerPercentFormat, lowerStrFormat } from './format';
import { sortStatements } from './calls';
import { MUTATING_METHODS } from './scan';

type Call = Extract<AST.Expr, { k: 'call' }>;
const v = (code: string, type: PyType, prec = PREC.atom): RExpr => ({ code, type, kind: 'value', prec });

export function lowerMethodCall(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, expected?: PyType): RExpr {
  // (a variable holding a tagged value keeps it after isinstance narrowing)
  const recvT = f.value.k === 'name' && isObjUnion(L.staticType(f.value)) ? L.staticType(f.value) : f.value.type;
  const m = f.attr;
  if (m === '__mod__' && recvT.k === 'str') return lowerPercentFormat(L, f.value, e.args[0].value);
  if (m === 'maketrans' && (recvT.k === 'type' && recvT.of.k === 'str' || recvT.k === 'str') && e.args.length >= 2 && e.args.length <= 3 && !e.args.some((a) => a.name || a.star)) {
    // str.maketrans(x, y[, z]) → {ord(a): ord(b)} (+ {ord(c): None}); typed as pyright says.
    L.useRuntime('dict');
    const [x, y, z] = e.args.map((a) => { const r = L.strRef(L.expr(a.value)); return r.startsWith('&') ? `(${r})` : r; });
    if (z) return v(`${x}.chars().zip(${y}.chars()).map(|(a, b)| (a as i64, Some(b as i64))).chain(${z}.chars().map(|c| (c as i64, None))).collect::<Dict<i64, Option<i64>>>()`, { k: 'dict', key: T.int, val: { k: 'optional', inner: T.int } });
    return v(`${x}.chars().zip(${y}.chars()).map(|(a, b)| (a as i64, b as i64)).collect::<Dict<i64, i64>>()`, { k: 'dict', key: T.int, val: T.int });
  }
  if (recvT.k === 'str' || (f.value.k === 'str')) return strMethod(L, e, f, m);
  if (isObjUnion(recvT) && recvT.k === 'union' && recvT.types.some((x) => x.k === 'dict') && ['items', 'keys', 'values'].includes(m) && !e.args.length) {
    // dict views of a tagged value (a TypeError at run time when it holds no dict).
    const r = L.paren(L.expr(f.value), PREC.unary);
    if (m === 'items') return v(`${r}.pairs()`, { k: 'list', elem: { k: 'tuple', elems: [recvT, recvT] } });
    if (m === 'keys') return v(`${r}.pairs().into_iter().map(|(k, _)| k).collect::<Vec<Obj>>()`, { k: 'list', elem: recvT });
    return v(`${r}.pairs().into_iter().map(|(_, x)| x).collect::<Vec<Obj>>()`, { k: 'list', elem: recvT });
  }
  if (isObjUnion(recvT) && recvT.k === 'union' && recvT.types.some((x) => x.k === 'str') && !recvT.types.some((x) => x.k === 'list' || x.k === 'dict' || x.k === 'tuple')) {
    // A str method on a tagged value: its text (a TypeError when it holds another type).
    const r = L.expr(f.value);
    const sym: AST.SymbolRef = { id: -8000 - L.scope.labelCounter++, scope: 'function', declType: T.str, kind: 'variable' };
    const saved = new Map(L.scope.names);
    L.scope.names.set(sym.id, { code: '__s', kind: 'place', type: T.str });
    const res = strMethod(L, e, { ...f, value: { k: 'name', id: '__s', span: f.value.span, type: T.str, sym } }, m);
    L.scope.names = saved;
    return v(`{ let __s = ${L.paren(r, PREC.unary)}.to_str(); ${L.own(res)} }`, res.type);
  }
  if (isObjUnion(recvT) && recvT.k === 'union' && recvT.types.some((x) => x.k === 'list') && ['append', 'remove', 'extend', 'pop', 'clear'].includes(m)) return objListMethod(L, e, f, m, recvT);
  if (recvT.k === 'list') return listMethod(L, e, f, m, recvT);
  if (recvT.k === 'dict') return dictMethod(L, e, f, m, recvT, expected);
  if (recvT.k === 'set') return setMethod(L, e, f, m, recvT);
  if (recvT.k === 'deque') return dequeMethod(L, e, f, m, recvT);
  if (recvT.k === 'class' && recvT.fullName === 'builtins.range' && (m === 'index' || m === 'count')) {
    const r = L.expr(f.value);
    const x = L.val(L.expr(argsOf(e)[0], T.int));
    if (m === 'index') return v(`${L.paren(r, PREC.unary)}.index(${x})`, T.int);
    return v(`${L.paren(r, PREC.unary)}.contains(&${x}) as i64`, T.int, PREC.cast);
  }
  if (m === 'fromkeys' && (recvT.k === 'type' && recvT.of.k === 'dict' || f.value.k === 'name' && f.value.id === 'dict')) {
    // dict.fromkeys(keys, value=None): first occurrences keep their order.
    L.useRuntime('dict');
    const it = L.iterate(argsOf(e)[0]);
    const valArg = argsOf(e)[1];
    const vt: PyType = valArg ? (valArg.type.k !== 'unknown' ? valArg.type : T.unknown) : T.none;
    const val = valArg ? L.exprOwned(valArg, vt) : '()';
    const item = isCopy(vt) ? val : `${val}.clone()`;
    const code = valArg && !isCopy(vt) ? `{ let __v = ${val}; ${wrapIter(L.ownedItems(it))}.map(|k| (k, __v.clone())).collect::<Dict<_, _>>() }` : `${wrapIter(L.ownedItems(it))}.map(|k| (k, ${item})).collect::<Dict<_, _>>()`;
    return v(code, { k: 'dict', key: it.item, val: vt });
  }
  if ((recvT.k === 'tuple' || recvT.k === 'tuplevar') && (m === 'count' || m === 'index')) {
    // Tuples of one element type: count/index as on a list (a fixed tuple is viewed as an array).
    const et = recvT.k === 'tuplevar' ? recvT.elem : recvT.elems[0];
    if (recvT.k === 'tuplevar' || recvT.elems.every((x) => x.k === et?.k && typeToString(x) === typeToString(et))) {
      const r = L.expr(f.value);
      const base = recvT.k === 'tuplevar' ? L.paren(r, PREC.unary) : /^[\w.]+$/.test(r.code) ? r.code : '__t';
      const arr = recvT.k === 'tuplevar' ? `${base}` : `[${recvT.elems.map((_, i) => `&${base}.${i}`).join(', ')}]`;
      const x = L.expr(argsOf(e)[0], et);
      const needle = recvT.k === 'tuplevar' ? L.coerce(x, et) : `&${L.coerce(x, et)}`;
      let code: string;
      if (m === 'count') code = `${arr}.iter().filter(|&x| *x == ${needle}).count() as i64`;
      else {
        L.useRuntime('pystr');
        code = `${orRaise(L, `${arr}.iter().position(|x| *x == ${needle})`, 'ValueError', `"tuple.index(x): x not in tuple"`)} as i64`;
      }
      if (base === '__t') code = `{ let __t = ${L.own(r)}; ${code} }`;
      return v(code, T.int, base === '__t' ? PREC.atom : PREC.cast);
    }
  }
  if (recvT.k === 'class' && recvT.name === 'Exception') return L.todo(e.span, `exception method ${m}`);
  if (recvT.k === 'iter' && m === '__next__') return v(`${L.paren(L.expr(f.value), PREC.unary)}.next().unwrap()`, recvT.elem);
  return L.todo(e.span, `method ${m} on ${typeToString(recvT)}`, e.type);
}

function argsOf(e: Call) { return e.args.filter((a) => !a.name).map((a) => a.value); }

/** An Option that is None when Python raises `kind`: inside a try (or a raising function)
 * the error propagates as a PyErr with CPython's message (`msgCode` is a Rust String/&str
 * expression); elsewhere it fails like an uncaught exception. */
/** The constant maxlen a deque variable was created with (`recent = deque(maxlen=3)`). */
export function dequeMaxlen(L: Lowerer, e: AST.Expr): string | undefined {
  return e.k === 'name' && e.sym ? L.dequeMaxlens.get(e.sym.id) : undefined;
}

function orRaise(L: Lowerer, optCode: string, kind: string, msgCode: string): string {
  if (L.scope.tryLabels.length || L.inCatchingContext(kind)) {
    L.useRuntime('exc');
    return L.propagate(`${optCode}.ok_or_else(|| PyErr::new(${rustStr(kind)}, ${msgCode}))`);
  }
  if (/^"([^"\\]|\\.)*"$/.test(msgCode)) return `${optCode}.expect("${kind}: ${msgCode.slice(1)})`;
  return `${optCode}.unwrap_or_else(|| panic!("${kind}: {}", ${msgCode}))`;
}

function strMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string): RExpr {
  const s = L.expr(f.value);
  const args = argsOf(e);
  if (s.kind === 'char') {
    const c = s.code;
    const charMethods: Record<string, [string, PyType]> = {
      isdigit: [`py_isdigit(${c})`, T.bool], isalpha: [`${c}.is_alphabetic()`, T.bool], isalnum: [`${c}.is_alphanumeric()`, T.bool],
      isspace: [`py_isspace(${c})`, T.bool], isupper: [`${c}.is_uppercase()`, T.bool], islower: [`${c}.is_lowercase()`, T.bool],
      upper: [`${c}.to_uppercase().to_string()`, T.str], lower: [`${c}.to_lowercase().to_string()`, T.str],
      isdecimal: [`py_isdecimal(${c})`, T.bool], isnumeric: [`py_isnumeric(${c})`, T.bool], isascii: [`${c}.is_ascii()`, T.bool],
      isprintable: [`py_isprintable(${c})`, T.bool],
    };
    if (charMethods[m]) {
      if (charMethods[m][0].startsWith('py_')) L.useRuntime('str_py');
      return v(charMethods[m][0], charMethods[m][1]);
    }
  }
  const recv = s.kind === 'char' ? `${s.code}.to_string()` : L.paren(s, PREC.unary);
  const sref = s.kind === 'char' ? `&${s.code}.to_string()` : L.strRef(s);
  const str = (i: number) => L.strRef(L.expr(args[i]));
  const pat = (i: number) => {
    const a = L.expr(args[i]);
    if (a.kind === 'strlit' && a.code.startsWith('"') && [...JSON.parse(a.code)].length === 1) return rustChar(JSON.parse(a.code));
    if (a.kind === 'char') return a.code;
    return L.strRef(a);
  };
  const listOfStr: PyType = { k: 'list', elem: T.str };
  const all = (pred: string) => `{ let t = ${sref}; !t.is_empty() && t.chars().all(|c| ${pred}) }`;
  switch (m) {
    case 'translate': {
      const tt = args[0]?.type;
      if (args.length === 1 && tt?.k === 'dict' && tt.key.k === 'int' && (tt.val.k === 'int' || tt.val.k === 'optional' && tt.val.inner.k === 'int')) {
        const table = L.borrow(L.expr(args[0]));
        const hit = tt.val.k === 'int' ? 'Some(&n) => char::from_u32(n as u32)' : 'Some(n) => n.and_then(|n| char::from_u32(n as u32))';
        return v(`{ let t = ${table}; ${sref.startsWith('&') ? `(${sref})` : sref}.chars().filter_map(|c| match t.get(&(c as i64)) { ${hit}, None => Some(c) }).collect::<String>() }`, T.str);
      }
      break;
    }
    case 'upper': return v(`${recv}.to_uppercase()`, T.str);
    case 'lower': return v(`${recv}.to_lowercase()`, T.str);
    case 'casefold': L.useRuntime('str_py'); return v(`str_casefold(${sref})`, T.str);
    case 'expandtabs': L.useRuntime('str_py'); return v(`str_expandtabs(${sref}, ${args[0] ? L.val(L.expr(args[0], T.int)) : '8'})`, T.str);
    case 'istitle': L.useRuntime('str_py'); return v(`str_istitle(${sref})`, T.bool);
    case 'isidentifier': L.useRuntime('str_py'); return v(`str_isidentifier(${sref})`, T.bool);
    case 'isascii': return v(`${recv}.is_ascii()`, T.bool);
    case 'isprintable': L.useRuntime('str_py'); return v(`${recv}.chars().all(py_isprintable)`, T.bool);
    case 'rpartition': L.useRuntime('str_py'); return v(`str_rpartition(${sref}, ${str(0)})`, { k: 'tuple', elems: [T.str, T.str, T.str] });
    case 'strip': case 'lstrip': case 'rstrip': {
      const fn = { strip: 'trim', lstrip: 'trim_start', rstrip: 'trim_end' }[m];
      if (!args.length) return v(`${recv}.${fn}().to_string()`, T.str);
      const chars = L.expr(args[0]);
      const set = chars.kind === 'strlit' && chars.code.startsWith('"') ? `&[${[...JSON.parse(chars.code) as string].map(rustChar).join(', ')}][..]` : chars.kind === 'char' ? chars.code : `|c: char| ${L.paren(chars, PREC.unary)}.contains(c)`;
      return v(`${recv}.${fn}_matches(${set}).to_string()`, T.str);
    }
    case 'split': case 'rsplit': {
      const sepArg = args[0] ?? e.args.find((a) => a.name === 'sep')?.value;
      const maxsplit = args[1] ?? e.args.find((a) => a.name === 'maxsplit')?.value;
      const ms = maxsplit ? L.val(L.expr(maxsplit, T.int)) : undefined;
      const unlimited = ms === undefined || /^-\d+$/.test(ms);
      if (!sepArg || (sepArg.k === 'const' && sepArg.value === null)) {
        if (unlimited && m === 'split') return v(`${recv}.split_whitespace().map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
        L.useRuntime('str_py');
        return v(`str_${m}_ws(${sref}, ${ms ?? '-1'})`, listOfStr);
      }
      const sep = (() => { const a = L.expr(sepArg); if (a.kind === 'strlit' && a.code.startsWith('"') && [...JSON.parse(a.code)].length === 1) return rustChar(JSON.parse(a.code)); if (a.kind === 'char') return a.code; return L.strRef(a); })();
      if (unlimited) return v(`${recv}.split(${sep}).map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
      const n = /^\d+$/.test(ms!) ? String(Number(ms) + 1) : `usize::try_from(${ms}).map_or(usize::MAX, |m| m + 1)`;
      if (m === 'split') return v(`${recv}.splitn(${n}, ${sep}).map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
      return v(`{ let mut p: Vec<String> = ${recv}.rsplitn(${n}, ${sep}).map(|x| x.to_string()).collect(); p.reverse(); p }`, listOfStr);
    }
    case 'splitlines': {
      L.useRuntime('str_py');
      const ke = args[0] ?? e.args.find((a) => a.name === 'keepends')?.value;
      return v(`str_splitlines(${sref}, ${ke ? L.truthy(L.expr(ke)) : 'false'})`, listOfStr);
    }
    case 'join': {
      const it = L.iterate(args[0]);
      const a0 = (args[0].type.k === 'list' || args[0].type.k === 'tuplevar') ? L.expr(args[0]) : undefined;
      if (a0 && (a0.type.k === 'list' || a0.type.k === 'tuplevar') && it.itemKind !== 'char' && it.item.k === 'str') {
        const a = a0;
        return v(`${L.paren(a, PREC.unary)}.join(${sref})`, T.str);
      }
      const items = it.itemKind === 'char' ? `${wrapIter(it.code)}.map(|c| c.to_string())` : L.ownedItems(it);
      return v(`${wrapIter(items)}.collect::<Vec<String>>().join(${sref})`, T.str);
    }
    case 'replace': {
      if (args[2]) return v(`${recv}.replacen(${pat(0)}, ${str(1)}, ${L.val(L.expr(args[2]))} as usize)`, T.str);
      return v(`${recv}.replace(${pat(0)}, ${str(1)})`, T.str);
    }
    case 'startswith': case 'endswith': {
      const fn = m === 'startswith' ? 'starts_with' : 'ends_with';
      if (args.length > 1) {
        // s.startswith(p, start[, end]) tests the slice s[start:end].
        L.useRuntime('slice');
        const opt = (x?: AST.Expr) => (!x || x.k === 'const' && x.value === null ? 'None' : `Some(${L.val(L.expr(x, T.int))})`);
        const sl = `str_slice(${sref}, ${opt(args[1])}, ${opt(args[2])}, 1)`;
        if (args[0].k === 'tuple') return v(`{ let t = ${sl}; [${args[0].elts.map((x) => L.strRef(L.expr(x))).join(', ')}].iter().any(|p| t.${fn}(p)) }`, T.bool);
        return v(`${sl}.${fn}(${pat(0)})`, T.bool);
      }
      if (args[0].k === 'tuple') return v(`[${args[0].elts.map((x) => L.strRef(L.expr(x))).join(', ')}].iter().any(|p| ${recv}.${fn}(p))`, T.bool);
      return v(`${recv}.${fn}(${pat(0)})`, T.bool);
    }
    case 'find': case 'index': case 'rfind': case 'rindex': {
      const rev = m.startsWith('r');
      let call: string;
      if (args.length > 1) {
        L.useRuntime('str_find');
        const opt = (x?: AST.Expr) => (!x || x.k === 'const' && x.value === null ? 'None' : `Some(${L.val(L.expr(x, T.int))})`);
        call = `str_find_at(${sref}, ${str(0)}, ${opt(args[1])}, ${opt(args[2])}, ${rev})`;
      } else {
        L.useRuntime('str_methods');
        call = `${rev ? 'str_rfind' : 'str_find'}(${sref}, ${str(0)})`;
      }
      if (m === 'index' || m === 'rindex') return v(orRaise(L, `{ let i = ${call}; (i >= 0).then_some(i) }`, 'ValueError', '"substring not found"'), T.int);
      return v(call, T.int);
    }
    case 'count': {
      if (args.length > 1) {
        L.useRuntime('str_find');
        const opt = (x?: AST.Expr) => (!x || x.k === 'const' && x.value === null ? 'None' : `Some(${L.val(L.expr(x, T.int))})`);
        return v(`str_count_at(${sref}, ${str(0)}, ${opt(args[1])}, ${opt(args[2])})`, T.int);
      }
      return v(`${recv}.matches(${pat(0)}).count() as i64`, T.int, PREC.cast);
    }
    case 'isdigit': case 'isdecimal': case 'isnumeric': L.useRuntime('str_py'); return v(all(`py_${m}(c)`), T.bool);
    case 'isalpha': return v(all('c.is_alphabetic()'), T.bool);
    case 'isalnum': return v(all('c.is_alphanumeric()'), T.bool);
    case 'isspace': L.useRuntime('str_py'); return v(all('py_isspace(c)'), T.bool);
    case 'isupper': return v(`{ let t = ${sref}; t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_lowercase()) }`, T.bool);
    case 'islower': return v(`{ let t = ${sref}; t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_uppercase()) }`, T.bool);
    case 'title': L.useRuntime('str_methods'); return v(`str_title(${sref})`, T.str);
    case 'capitalize': L.useRuntime('str_methods'); return v(`str_capitalize(${sref})`, T.str);
    case 'swapcase': L.useRuntime('str_methods'); return v(`str_swapcase(${sref})`, T.str);
    case 'center': case 'ljust': case 'rjust': {
      L.useRuntime('str_methods');
      const width = L.val(L.expr(args[0], T.int));
      const fill = args[1] ? pat(1) : "' '";
      const fillChar = fill.startsWith("'") ? fill : `${fill}.chars().next().unwrap()`;
      if (m === 'center') return v(`str_center(${sref}, ${width}, ${fillChar})`, T.str);
      return v(`str_just(${sref}, ${width}, ${fillChar}, ${m === 'ljust'})`, T.str);
    }
    case 'zfill': L.useRuntime('str_methods'); return v(`str_zfill(${sref}, ${L.val(L.expr(args[0], T.int))})`, T.str);
    case 'format': return lowerStrFormat(L, f.value, e);
    case 'encode': return v(`${recv}.as_bytes().to_vec()`, { k: 'bytes' });
    case 'partition': L.useRuntime('str_py'); return v(`str_partition(${sref}, ${str(0)})`, { k: 'tuple', elems: [T.str, T.str, T.str] });
    case 'removeprefix': return v(`${recv}.strip_prefix(${pat(0)}).unwrap_or(${sref}).to_string()`, T.str);
    case 'removesuffix': return v(`${recv}.strip_suffix(${pat(0)}).unwrap_or(${sref}).to_string()`, T.str);
  }
  return L.todo(e.span, `str.${m}()`, e.type);
}

/** A narrowed Optional receiver (`x.as_ref().unwrap()`) of a mutating method: `x.as_mut().unwrap()`. */
function mutRecv(r: RExpr, m: string): RExpr {
  if (MUTATING_METHODS.has(m) && r.code.endsWith('.as_ref().unwrap()')) return { ...r, code: `${r.code.slice(0, -'.as_ref().unwrap()'.length)}.as_mut().unwrap()`, kind: 'mutref' };
  // A field of a shared object (`x.borrow().items`): mutate through `borrow_mut()`.
  if (MUTATING_METHODS.has(m) && r.code.includes('.borrow().')) return { ...r, code: r.code.replace(/\.borrow\(\)\./g, '.borrow_mut().') };
  return r;
}

/** A list method on a tagged value (`state["users"].append(u)` in a dict of mixed values). */
function objListMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string, t: PyType): RExpr {
  const list = `${L.paren(mutRecv(L.expr(f.value), m), PREC.unary)}.list_mut(${rustStr(m)})`;
  const args = argsOf(e);
  if (args.length !== (m === 'pop' || m === 'clear' ? 0 : 1) || e.args.some((a) => a.name || a.star)) return L.todo(e.span, `${m}() with these arguments on a tagged value`, e.type);
  switch (m) {
    case 'append': return v(`${list}.push(${L.exprOwned(args[0], t)})`, T.none);
    case 'clear': return v(`${list}.clear()`, T.none);
    case 'pop': return v(orRaise(L, `${list}.pop()`, 'IndexError', '"pop from empty list"'), t);
    case 'remove': {
      const x = L.exprOwned(args[0], t);
      return v(`{ let __x = ${x}; let __l = ${list}; let i = ${orRaise(L, '__l.iter().position(|x| *x == __x)', 'ValueError', '"list.remove(x): x not in list"')}; __l.remove(i); }`, T.none);
    }
    default: {
      const it = L.iterate(args[0]);
      const items = wrapIter(L.ownedItems(it));
      return v(`${list}.extend(${isObjUnion(it.item) ? items : `${items}.map(|__x| ${L.toObj('__x', it.item)})`})`, T.none);
    }
  }
}

function listMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string, t: Extract<PyType, { k: 'list' }>): RExpr {
  const xs = mutRecv(L.expr(f.value), m);
  const et = t.elem;
  // `[].pop()`: nothing else tells Rust the element type.
  const recv = xs.code === 'vec![]' ? `Vec::<${L.rt(et)}>::new()` : L.paren(xs, PREC.unary);
  const args = argsOf(e);
  switch (m) {
    case 'append': return v(`${recv}.push(${L.exprOwned(args[0], et)})`, T.none);
    case 'extend': {
      const it = L.iterate(args[0]);
      const items = L.ownedItems(it);
      return v(`${recv}.extend(${items})`, T.none);
    }
    case 'insert': {
      const i = args[0];
      const idx = i.k === 'num' ? String(i.value) : `(${L.val(L.expr(i, T.int))}).clamp(0, ${recv}.len() as i64) as usize`;
      return v(`${recv}.insert(${idx}, ${L.exprOwned(args[1], et)})`, T.none);
    }
    case 'pop': {
      if (!args.length) return v(orRaise(L, `${recv}.pop()`, 'IndexError', '"pop from empty list"'), et);
      return v(`${recv}.remove(${L.indexCode(xs, args[0])})`, et);
    }
    case 'remove': {
      const x = L.expr(args[0], et);
      return v(`{ let i = ${orRaise(L, `${recv}.iter().position(|x| *x == ${L.coerce(x, et)})`, 'ValueError', '"list.remove(x): x not in list"')}; ${recv}.remove(i); }`, T.none);
    }
    case 'index': {
      L.useRuntime('pystr');
      const x = L.expr(args[0], et);
      const needle = L.coerce(x, et);
      const msg = `format!("{} is not in list", (${L.borrow(x)}).py_repr())`;
      if (args[1]) {
        const s = L.val(L.expr(args[1], T.int));
        const start = /^\d+$/.test(s) ? s : `(${s}).max(0) as usize`;
        return v(`${orRaise(L, `${recv}.iter().skip(${start}).position(|x| *x == ${needle}).map(|i| i + ${start})`, 'ValueError', msg)} as i64`, T.int, PREC.cast);
      }
      return v(`${orRaise(L, `${recv}.iter().position(|x| *x == ${needle})`, 'ValueError', msg)} as i64`, T.int, PREC.cast);
    }
    case 'count': {
      const x = L.expr(args[0], et);
      return v(`${recv}.iter().filter(|&x| *x == ${L.coerce(x, et)}).count() as i64`, T.int, PREC.cast);
    }
    case 'sort': {
      const key = e.args.find((a) => a.name === 'key')?.value;
      const rev = e.args.find((a) => a.name === 'reverse')?.value;
      const body = sortStatements(L, '__v', et, key, rev ? L.truthy(L.expr(rev)) : 'false');
      return v(`{ let __v = &mut ${recv}; ${body} }`, T.none);
    }
    case 'reverse': return v(`${recv}.reverse()`, T.none);
    case 'clear': return v(`${recv}.clear()`, T.none);
    case 'copy': return v(L.own(xs), t);
  }
  return L.todo(e.span, `list.${m}()`, e.type);
}

function dictMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string, t: Extract<PyType, { k: 'dict' }>, expected?: PyType): RExpr {
  L.useRuntime('dict');
  const d = mutRecv(L.expr(f.value), m);
  const recv = L.paren(d, PREC.unary);
  const args = argsOf(e);
  const key = (i: number) => L.keyRef(L.expr(args[i], t.key), t.key);
  switch (m) {
    case 'get': {
      if (args.length >= 2 && isObjUnion(e.type) && !isObjUnion(t.val)) {
        // `d.get(k, "none")` on an int-valued dict: the result is int or str (a tagged Obj).
        return v(`${recv}.get(${key(0)}).map(|x| ${L.toObj('x.clone()', t.val)}).unwrap_or_else(|| ${L.exprOwned(args[1], e.type)})`, e.type);
      }
      if (args.length >= 2) {
        const def = L.expr(args[1], t.val);
        if (isCopy(t.val)) return v(`${recv}.get(${key(0)}).copied().unwrap_or(${L.coerce(def, t.val)})`, t.val);
        return v(`${recv}.get(${key(0)}).cloned().unwrap_or_else(|| ${L.coerce(def, t.val)})`, t.val);
      }
      if (isObjUnion(t.val)) {
        // Tagged values: a missing key is Obj::None.
        const ut: PyType = t.val.k === 'union' && !t.val.types.some((x) => x.k === 'none') ? { k: 'union', types: [...t.val.types, T.none] } : t.val;
        return v(`${recv}.get(${key(0)}).cloned().unwrap_or(Obj::None)`, ut);
      }
      const ot: PyType = { k: 'optional', inner: t.val };
      // Optional values: a missing key and a stored None are both None.
      if (t.val.k === 'optional') return v(`${recv}.get(${key(0)}).${isCopy(t.val) ? 'copied' : 'cloned'}().flatten()`, t.val);
      return v(`${recv}.get(${key(0)}).${isCopy(t.val) ? 'copied' : 'cloned'}()`, ot);
    }
    case 'keys': return v(`${recv}.keys().cloned().collect::<Vec<_>>()`, { k: 'list', elem: t.key });
    case 'values': return v(`${recv}.values().cloned().collect::<Vec<_>>()`, { k: 'list', elem: t.val });
    case 'items': return v(`${recv}.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>()`, { k: 'list', elem: { k: 'tuple', elems: [t.key, t.val] } });
    case 'setdefault': {
      const def = args[1] ? L.exprOwned(args[1], t.val) : L.defaultValue(t.val);
      // A Copy value is read out at once (several setdefault calls may share a statement);
      // other values stay a `&mut` into the dict (`d.setdefault(k, []).append(x)`).
      // (`.clone()`, not `*`: a deref would keep the dict borrowed inside println!.)
      if (isCopy(t.val)) return { code: `${recv}.entry_or_insert_with(${L.exprOwned(args[0], t.key)}, || ${def}).clone()`, type: t.val, kind: 'value', prec: PREC.atom };
      return { code: `${recv}.entry_or_insert_with(${L.exprOwned(args[0], t.key)}, || ${def})`, type: t.val, kind: 'mutref', prec: PREC.atom };
    }
    case 'pop': {
      // pop(k, None): the Option itself (None when missing).
      if (args.length >= 2 && args[1].k === 'const' && args[1].value === null && t.val.k !== 'optional') return v(`${recv}.remove(${key(0)})`, { k: 'optional', inner: t.val });
      if (args.length >= 2 && isObjUnion(e.type) && !isObjUnion(t.val)) {
        return v(`${recv}.remove(${key(0)}).map(|x| ${L.toObj('x', t.val)}).unwrap_or_else(|| ${L.exprOwned(args[1], e.type)})`, e.type);
      }
      if (args.length >= 2) return v(`${recv}.remove(${key(0)}).unwrap_or(${L.exprOwned(args[1], t.val)})`, t.val);
      L.useRuntime('pystr');
      const k = L.expr(args[0], t.key);
      return v(orRaise(L, `${recv}.remove(${L.keyRef(k, t.key)})`, 'KeyError', `(${L.borrow(k)}).py_repr()`), t.val);
    }
    case 'popitem': return v(orRaise(L, `${recv}.pop_last()`, 'KeyError', '"popitem(): dictionary is empty"'), { k: 'tuple', elems: [t.key, t.val] });
    case 'update': {
      if (t.flavor === 'counter' && args[0] && args[0].type.k !== 'dict') {
        // Counter.update(iterable): count each item.
        const it = L.iterate(args[0]);
        return v(`for x in ${L.ownedItems(it)} { *${recv}.entry_or_insert_with(x, || 0) += 1; }`, T.none);
      }
      if (t.flavor === 'counter') {
        // Counter.update(mapping / keywords): add the counts.
        const named = e.args.filter((a) => a.name && !a.star);
        if (named.length) return v(named.map((a) => `*${recv}.entry_or_insert_with(${rustStr(a.name!)}.to_string(), || 0) += ${L.val(L.expr(a.value, T.int))};`).join(' '), T.none);
        if (args[0]) {
          const o = L.expr(args[0]);
          return v(`for (k, n) in ${L.paren(o, PREC.unary)}.iter() { *${recv}.entry_or_insert_with(k.clone(), || 0) += *n; }`, T.none);
        }
      }
      const stmts: string[] = [];
      if (args[0]) {
        const o = L.expr(args[0]);
        if (o.type.k === 'dict') stmts.push(`for (k, v) in ${L.paren(o, PREC.unary)}.iter() { ${recv}.insert(k.clone(), v.clone()); }`);
        else {
          // An iterable of (key, value) pairs.
          const it = L.iterate(args[0]);
          stmts.push(`for (k, v) in ${wrapIter(L.ownedItems(it))} { ${recv}.insert(k, v); }`);
        }
      }
      // update(key=value, ...): str keys.
      for (const a of e.args.filter((x) => x.name)) stmts.push(`${recv}.insert(${rustStr(a.name!)}.to_string(), ${L.exprOwned(a.value, t.val)});`);
      return v(stmts.length === 1 && stmts[0].startsWith('for ') ? stmts[0] : `{ ${stmts.join(' ')} }`, T.none);
    }
    case 'clear': return v(`${recv}.clear()`, T.none);
    case 'copy': return v(L.own(d), t);
    case 'subtract': {
      if (t.flavor !== 'counter') break;
      // Counter.subtract with a mapping, keywords or an iterable: subtract the counts.
      const sign = '-';
      const named = e.args.filter((a) => a.name && !a.star);
      if (named.length) return v(named.map((a) => `*${recv}.entry_or_insert_with(${rustStr(a.name!)}.to_string(), || 0) ${sign}= ${L.val(L.expr(a.value, T.int))};`).join(' '), T.none);
      if (args[0].type.k === 'dict') {
        const o = L.expr(args[0]);
        return v(`for (k, n) in ${L.paren(o, PREC.unary)}.iter() { *${recv}.entry_or_insert_with(k.clone(), || 0) ${sign}= *n; }`, T.none);
      }
      const it = L.iterate(args[0]);
      return v(`for x in ${L.ownedItems(it)} { *${recv}.entry_or_insert_with(x, || 0) ${sign}= 1; }`, T.none);
    }
    case 'total': if (t.flavor === 'counter') return v(`${recv}.values().sum::<i64>()`, T.int); break;
    case 'most_common': {
      const n = args[0] ? `.take(${L.val(L.expr(args[0]))} as usize)` : '';
      return v(`{ let mut v: Vec<(${L.rt(t.key)}, i64)> = ${recv}.iter().map(|(k, v)| (k.clone(), *v)).collect(); v.sort_by(|a, b| b.1.cmp(&a.1)); v.into_iter()${n}.collect::<Vec<_>>() }`, { k: 'list', elem: { k: 'tuple', elems: [t.key, T.int] } });
    }
    case 'elements': return v(`${recv}.iter().flat_map(|(k, v)| std::iter::repeat(k.clone()).take(*v as usize)).collect::<Vec<_>>()`, { k: 'list', elem: t.key });
  }
  void expected;
  void displayArg;
  return L.todo(e.span, `dict.${m}()`, e.type);
}

function setMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string, t: Extract<PyType, { k: 'set' }>): RExpr {
  const s = L.expr(f.value);
  const recv = L.paren(s, PREC.unary);
  const args = argsOf(e);
  const set = 'std::collections::BTreeSet<_>';
  switch (m) {
    case 'add': return v(`${recv}.insert(${L.exprOwned(args[0], t.elem)})`, T.none);
    case 'discard': return v(`${recv}.remove(${L.keyRef(L.expr(args[0]), t.elem)})`, T.none);
    case 'remove': {
      L.useRuntime('pystr');
      const k = L.expr(args[0], t.elem);
      return v(`${orRaise(L, `${recv}.remove(${L.keyRef(k, t.elem)}).then_some(())`, 'KeyError', `(${L.borrow(k)}).py_repr()`)}`, T.none);
    }
    case 'pop': return v(orRaise(L, `${recv}.pop_first()`, 'KeyError', '"pop from an empty set"'), t.elem);
    case 'clear': return v(`${recv}.clear()`, T.none);
    case 'copy': return v(L.own(s), t);
    case 'union': case 'intersection': case 'difference': case 'symmetric_difference': {
      const many = e.args.filter((a) => !a.name);
      if (m !== 'symmetric_difference' && (many.length !== 1 || many[0].star)) {
        // Several (or *starred) operands: fold them into a copy of the receiver.
        const steps = many.map((a) => {
          if (a.star === '*') {
            const it = L.iterate(a.value);
            const each = m === 'union' ? '__s.extend(__o);' : m === 'intersection' ? '__s.retain(|x| __o.contains(x));' : '__s.retain(|x| !__o.contains(x));';
            return `for __o in ${wrapIter(L.ownedItems(it))} { ${each} }`;
          }
          if (m === 'union') return `__s.extend(${L.ownedItems(L.iterate(a.value))});`;
          const o = L.expr(a.value);
          const other = o.type.k === 'set' || o.type.k === 'list' ? L.borrow(o) : `&${wrapIter(L.iterate(a.value).code)}.cloned().collect::<${set}>()`;
          return `{ let __o = ${other}; __s.retain(|x| ${m === 'difference' ? '!' : ''}__o.contains(x)); }`;
        });
        return v(`{ let mut __s = ${L.own(s)}; ${steps.join(' ')} __s }`, t);
      }
      const o = L.expr(args[0]);
      const other = o.type.k === 'set' ? L.borrow(o) : `&${wrapIter(L.iterate(args[0]).code)}.cloned().collect::<${set}>()`;
      return v(`${recv}.${m}(${other}).cloned().collect::<${set}>()`, t);
    }
    case 'issubset': case 'issuperset': case 'isdisjoint': {
      const fn = { issubset: 'is_subset', issuperset: 'is_superset', isdisjoint: 'is_disjoint' }[m];
      return v(`${recv}.${fn}(${L.borrow(L.expr(args[0]))})`, T.bool);
    }
    case 'update': {
      const it = L.iterate(args[0]);
      return v(`${recv}.extend(${L.ownedItems(it)})`, T.none);
    }
  }
  return L.todo(e.span, `set.${m}()`, e.type);
}

function dequeMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string, t: Extract<PyType, { k: 'deque' }>): RExpr {
  const d = L.expr(f.value);
  const recv = L.paren(d, PREC.unary);
  const args = argsOf(e);
  switch (m) {
    case 'append': case 'appendleft': {
      const push = `${recv}.push_${m === 'append' ? 'back' : 'front'}(${L.exprOwned(args[0], t.elem)})`;
      // A bounded deque(maxlen=n) drops items from the other end.
      const max = dequeMaxlen(L, f.value);
      if (max) return v(`{ ${push}; if ${recv}.len() > ${max} { ${recv}.pop_${m === 'append' ? 'front' : 'back'}(); } }`, T.none);
      return v(push, T.none);
    }
    case 'pop': return v(orRaise(L, `${recv}.pop_back()`, 'IndexError', '"pop from an empty deque"'), t.elem);
    case 'popleft': return v(orRaise(L, `${recv}.pop_front()`, 'IndexError', '"pop from an empty deque"'), t.elem);
    case 'extend': { const it = L.iterate(args[0]); return v(`${recv}.extend(${L.ownedItems(it)})`, T.none); }
    // extendleft pushes each item to the front in turn (so they end up reversed).
    case 'extendleft': { const it = L.iterate(args[0]); return v(`for x in ${L.ownedItems(it)} { ${recv}.push_front(x); }`, T.none); }
    case 'rotate': {
      const n = args[0] ? L.val(L.expr(args[0], T.int)) : '1';
      return v(`{ let n: i64 = ${n}; let len = ${recv}.len() as i64; if len > 0 { let k = n.rem_euclid(len) as usize; ${recv}.rotate_right(k); } }`, T.none);
    }
    case 'clear': return v(`${recv}.clear()`, T.none);
  }
  void elemType; void rustStr;
  return L.todo(e.span, `deque.${m}()`, e.type);
}
