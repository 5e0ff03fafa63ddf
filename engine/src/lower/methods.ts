// Methods of builtin types: str, list, dict, set, deque.
import * as AST from '../ast';
import { PyType, T, typeToString } from '../types';
import { PREC, RExpr } from './context';
import { elemType, isCopy, rustChar, rustStr } from './rtypes';
import type { Lowerer } from './lowerer';
import { wrapIter } from './lowerer';
import { displayArg, lowerPercentFormat, lowerStrFormat } from './format';
import { sortStatements } from './calls';

type Call = Extract<AST.Expr, { k: 'call' }>;
const v = (code: string, type: PyType, prec = PREC.atom): RExpr => ({ code, type, kind: 'value', prec });

export function lowerMethodCall(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, expected?: PyType): RExpr {
  const recvT = f.value.type;
  const m = f.attr;
  if (m === '__mod__' && recvT.k === 'str') return lowerPercentFormat(L, f.value, e.args[0].value);
  if (recvT.k === 'str' || (f.value.k === 'str')) return strMethod(L, e, f, m);
  if (recvT.k === 'list') return listMethod(L, e, f, m, recvT);
  if (recvT.k === 'dict') return dictMethod(L, e, f, m, recvT, expected);
  if (recvT.k === 'set') return setMethod(L, e, f, m, recvT);
  if (recvT.k === 'deque') return dequeMethod(L, e, f, m, recvT);
  if (recvT.k === 'class' && recvT.name === 'Exception') return L.todo(e.span, `exception method ${m}`);
  if (recvT.k === 'iter' && m === '__next__') return v(`${L.paren(L.expr(f.value), PREC.unary)}.next().unwrap()`, recvT.elem);
  return L.todo(e.span, `method ${m} on ${typeToString(recvT)}`, e.type);
}

function argsOf(e: Call) { return e.args.filter((a) => !a.name).map((a) => a.value); }

function strMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string): RExpr {
  const s = L.expr(f.value);
  const args = argsOf(e);
  if (s.kind === 'char') {
    const c = s.code;
    const charMethods: Record<string, [string, PyType]> = {
      isdigit: [`${c}.is_ascii_digit()`, T.bool], isalpha: [`${c}.is_alphabetic()`, T.bool], isalnum: [`${c}.is_alphanumeric()`, T.bool],
      isspace: [`${c}.is_whitespace()`, T.bool], isupper: [`${c}.is_uppercase()`, T.bool], islower: [`${c}.is_lowercase()`, T.bool],
      upper: [`${c}.to_uppercase().to_string()`, T.str], lower: [`${c}.to_lowercase().to_string()`, T.str],
      isdecimal: [`${c}.is_ascii_digit()`, T.bool], isnumeric: [`${c}.is_numeric()`, T.bool],
    };
    if (charMethods[m]) return v(charMethods[m][0], charMethods[m][1]);
  }
  const recv = s.kind === 'char' ? `${s.code}.to_string()` : L.paren(s, PREC.unary);
  const sref = s.kind === 'char' ? `&${s.code}.to_string()` : L.strRef(s);
  const str = (i: number) => L.strRef(L.expr(args[i]));
  const pat = (i: number) => {
    const a = L.expr(args[i]);
    if (a.kind === 'strlit' && [...JSON.parse(a.code)].length === 1) return rustChar(JSON.parse(a.code));
    if (a.kind === 'char') return a.code;
    return L.strRef(a);
  };
  const listOfStr: PyType = { k: 'list', elem: T.str };
  const all = (pred: string) => `{ let t = ${sref}; !t.is_empty() && t.chars().all(|c| ${pred}) }`;
  switch (m) {
    case 'upper': return v(`${recv}.to_uppercase()`, T.str);
    case 'lower': case 'casefold': return v(`${recv}.to_lowercase()`, T.str);
    case 'strip': case 'lstrip': case 'rstrip': {
      const fn = { strip: 'trim', lstrip: 'trim_start', rstrip: 'trim_end' }[m];
      if (!args.length) return v(`${recv}.${fn}().to_string()`, T.str);
      const chars = L.expr(args[0]);
      const set = chars.kind === 'strlit' ? `&[${[...JSON.parse(chars.code) as string].map(rustChar).join(', ')}][..]` : `|c: char| ${L.strRef(chars)}.contains(c)`;
      return v(`${recv}.${fn}_matches(${set}).to_string()`, T.str);
    }
    case 'split': {
      if (!args.length || (args[0].k === 'const' && args[0].value === null)) {
        if (args[1]) return v(`${recv}.splitn(${L.val(L.expr(args[1]))} as usize + 1, char::is_whitespace).map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
        return v(`${recv}.split_whitespace().map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
      }
      const maxsplit = args[1] ?? e.args.find((a) => a.name === 'maxsplit')?.value;
      if (maxsplit) return v(`${recv}.splitn(${L.val(L.expr(maxsplit))} as usize + 1, ${pat(0)}).map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
      return v(`${recv}.split(${pat(0)}).map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
    }
    case 'rsplit': {
      const maxsplit = args[1];
      if (maxsplit) return v(`{ let mut p: Vec<String> = ${recv}.rsplitn(${L.val(L.expr(maxsplit))} as usize + 1, ${pat(0)}).map(|x| x.to_string()).collect(); p.reverse(); p }`, listOfStr);
      return v(`${recv}.split(${pat(0)}).map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
    }
    case 'splitlines': return v(`${recv}.lines().map(|x| x.to_string()).collect::<Vec<String>>()`, listOfStr);
    case 'join': {
      const it = L.iterate(args[0]);
      if ((args[0].type.k === 'list' || args[0].type.k === 'tuplevar') && it.itemKind !== 'char' && it.item.k === 'str') {
        const a = L.expr(args[0]);
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
      if (args[0].k === 'tuple') return v(`[${args[0].elts.map((x) => L.strRef(L.expr(x))).join(', ')}].iter().any(|p| ${recv}.${fn}(p))`, T.bool);
      return v(`${recv}.${fn}(${pat(0)})`, T.bool);
    }
    case 'find': case 'index': case 'rfind': case 'rindex': {
      L.useRuntime('str_methods');
      const fn = m.startsWith('r') ? 'str_rfind' : 'str_find';
      if (m === 'index' || m === 'rindex') return v(`{ let i = ${fn}(${sref}, ${str(0)}); if i < 0 { panic!("ValueError: substring not found") } i }`, T.int);
      return v(`${fn}(${sref}, ${str(0)})`, T.int);
    }
    case 'count': return v(`${recv}.matches(${pat(0)}).count() as i64`, T.int, PREC.cast);
    case 'isdigit': case 'isdecimal': return v(all('c.is_ascii_digit()'), T.bool);
    case 'isnumeric': return v(all('c.is_numeric()'), T.bool);
    case 'isalpha': return v(all('c.is_alphabetic()'), T.bool);
    case 'isalnum': return v(all('c.is_alphanumeric()'), T.bool);
    case 'isspace': return v(all('c.is_whitespace()'), T.bool);
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
    case 'partition': return v(`match ${recv}.split_once(${pat(0)}) { Some((a, b)) => (a.to_string(), ${str(0)}.to_string(), b.to_string()), None => (${recv}.to_string(), String::new(), String::new()) }`, { k: 'tuple', elems: [T.str, T.str, T.str] });
    case 'removeprefix': return v(`${recv}.strip_prefix(${pat(0)}).unwrap_or(${sref}).to_string()`, T.str);
    case 'removesuffix': return v(`${recv}.strip_suffix(${pat(0)}).unwrap_or(${sref}).to_string()`, T.str);
  }
  return L.todo(e.span, `str.${m}()`, e.type);
}

function listMethod(L: Lowerer, e: Call, f: Extract<AST.Expr, { k: 'attr' }>, m: string, t: Extract<PyType, { k: 'list' }>): RExpr {
  const xs = L.expr(f.value);
  const recv = L.paren(xs, PREC.unary);
  const args = argsOf(e);
  const et = t.elem;
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
      if (!args.length) return v(`${recv}.pop().expect("IndexError: pop from empty list")`, et);
      return v(`${recv}.remove(${L.indexCode(xs, args[0])})`, et);
    }
    case 'remove': {
      const x = L.expr(args[0], et);
      return v(`{ let i = ${recv}.iter().position(|x| *x == ${L.coerce(x, et)}).expect("ValueError: list.remove(x): x not in list"); ${recv}.remove(i); }`, T.none);
    }
    case 'index': {
      const x = L.expr(args[0], et);
      return v(`${recv}.iter().position(|x| *x == ${L.coerce(x, et)}).expect("ValueError: x not in list") as i64`, T.int, PREC.cast);
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
  const d = L.expr(f.value);
  const recv = L.paren(d, PREC.unary);
  const args = argsOf(e);
  const key = (i: number) => L.keyRef(L.expr(args[i], t.key), t.key);
  switch (m) {
    case 'get': {
      if (args.length >= 2) {
        const def = L.expr(args[1], t.val);
        if (isCopy(t.val)) return v(`${recv}.get(${key(0)}).copied().unwrap_or(${L.coerce(def, t.val)})`, t.val);
        return v(`${recv}.get(${key(0)}).cloned().unwrap_or_else(|| ${L.coerce(def, t.val)})`, t.val);
      }
      const ot: PyType = { k: 'optional', inner: t.val };
      return v(`${recv}.get(${key(0)}).${isCopy(t.val) ? 'copied' : 'cloned'}()`, ot);
    }
    case 'keys': return v(`${recv}.keys().cloned().collect::<Vec<_>>()`, { k: 'list', elem: t.key });
    case 'values': return v(`${recv}.values().cloned().collect::<Vec<_>>()`, { k: 'list', elem: t.val });
    case 'items': return v(`${recv}.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>()`, { k: 'list', elem: { k: 'tuple', elems: [t.key, t.val] } });
    case 'setdefault': {
      const def = args[1] ? L.exprOwned(args[1], t.val) : L.defaultValue(t.val);
      return { code: `${recv}.entry_or_insert_with(${L.exprOwned(args[0], t.key)}, || ${def})`, type: t.val, kind: 'mutref', prec: PREC.atom };
    }
    case 'pop': {
      if (args.length >= 2) return v(`${recv}.remove(${key(0)}).unwrap_or(${L.exprOwned(args[1], t.val)})`, t.val);
      return v(`${recv}.remove(${key(0)}).expect("KeyError")`, t.val);
    }
    case 'popitem': return v(`${recv}.pop_last().expect("KeyError: popitem(): dictionary is empty")`, { k: 'tuple', elems: [t.key, t.val] });
    case 'update': {
      const o = L.expr(args[0]);
      return v(`for (k, v) in ${L.paren(o, PREC.unary)}.iter() { ${recv}.insert(k.clone(), v.clone()); }`, T.none);
    }
    case 'clear': return v(`${recv}.clear()`, T.none);
    case 'copy': return v(L.own(d), t);
    case 'most_common': {
      const n = args[0] ? `.take(${L.val(L.expr(args[0]))} as usize)` : '';
      return v(`{ let mut v: Vec<(${L.rt(t.key)}, i64)> = ${recv}.iter().map(|(k, v)| (k.clone(), *v)).collect(); v.sort_by(|a, b| b.1.cmp(&a.1)); v.into_iter()${n}.collect::<Vec<_>>() }`, { k: 'list', elem: { k: 'tuple', elems: [t.key, T.int] } });
    }
    case 'elements': return v(`${recv}.iter().flat_map(|(k, v)| std::iter::repeat(k.clone()).take(*v as usize)).collect::<Vec<_>>()`, { k: 'list', elem: t.key });
    case 'total': return v(`${recv}.values().sum::<i64>()`, T.int);
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
    case 'remove': return v(`if !${recv}.remove(${L.keyRef(L.expr(args[0]), t.elem)}) { panic!("KeyError") }`, T.none);
    case 'pop': return v(`${recv}.pop_first().expect("KeyError: pop from an empty set")`, t.elem);
    case 'clear': return v(`${recv}.clear()`, T.none);
    case 'copy': return v(L.own(s), t);
    case 'union': case 'intersection': case 'difference': case 'symmetric_difference': {
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
    case 'append': return v(`${recv}.push_back(${L.exprOwned(args[0], t.elem)})`, T.none);
    case 'appendleft': return v(`${recv}.push_front(${L.exprOwned(args[0], t.elem)})`, T.none);
    case 'pop': return v(`${recv}.pop_back().expect("IndexError: pop from an empty deque")`, t.elem);
    case 'popleft': return v(`${recv}.pop_front().expect("IndexError: pop from an empty deque")`, t.elem);
    case 'extend': { const it = L.iterate(args[0]); return v(`${recv}.extend(${L.ownedItems(it)})`, T.none); }
    case 'rotate': {
      const n = args[0] ? L.val(L.expr(args[0], T.int)) : '1';
      return v(`{ let n = ${n}; let len = ${recv}.len() as i64; if len > 0 { let k = n.rem_euclid(len) as usize; ${recv}.rotate_right(k); } }`, T.none);
    }
    case 'clear': return v(`${recv}.clear()`, T.none);
  }
  void elemType; void rustStr;
  return L.todo(e.span, `deque.${m}()`, e.type);
}
