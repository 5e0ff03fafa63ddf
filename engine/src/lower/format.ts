// Python string formatting: str() of values, f-strings, `%` formatting and str.format().
import * as AST from '../ast';
import { PyType, T } from '../types';
import { PREC, RExpr } from './context';
import { isObjUnion, rustStr } from './rtypes';
import type { Lowerer } from './lowerer';

/** An expression that Displays (`{}`) as Python's str(value). */
export function displayArg(L: Lowerer, r: RExpr): string {
  const t = r.type;
  // The empty tuple is Rust's `()`, which is also None: it prints as `()`.
  if (t.k === 'tuple' && !t.elems.length) return '"()"';
  // (str of a tuple, list or Optional of one is its repr)
  if ((t.k === 'tuple' || t.k === 'list' || t.k === 'set' || t.k === 'dict' && !t.flavor || t.k === 'optional' && (t.inner.k === 'tuple' || t.inner.k === 'list')) && nestedTuplevar(t)) return reprByType(L, `&${L.paren(r, PREC.unary)}`, t, 0);
  switch (t.k) {
    case 'int': return r.kind === 'ref' ? r.code : r.code;
    case 'str': return r.code;
    case 'float': L.useRuntime('fmt_float'); return `fmt_float(${L.val(r)})`;
    case 'bool': return `if ${L.val(r)} { "True" } else { "False" }`;
    case 'none': return '"None"';
    case 'class': {
      const c = L.classes.get(t.name);
      if (c && !c.shared && (c.methods.has('__str__') || c.isEnum)) return r.code;
      if (t.name === 'Exception' || t.fullName.startsWith('builtins.') || c?.isException) { L.useRuntime('exc'); return r.code; }
      L.useRuntime('pystr');
      return `${L.paren(r, PREC.unary)}.py_str()`;
    }
    case 'tuplevar':
      // tuple[int, ...] is a Vec in Rust but prints with parentheses.
      L.useRuntime('pystr');
      return `py_tuple_repr(${L.borrow(r)})`;
    case 'dict':
      if (t.flavor === 'counter') { L.useRuntime('counter'); return `counter_str(${L.borrow(r)})`; }
      L.useRuntime('pystr');
      return `${L.paren(r, PREC.unary)}.py_str()`;
    default:
      L.useRuntime('pystr');
      return `${L.paren(r, PREC.unary)}.py_str()`;
  }
}

/** A tuple[T, ...] (a Vec in Rust) inside another type: PyStr would print it as a list. */
export function nestedTuplevar(t: PyType, top = true): boolean {
  switch (t.k) {
    case 'tuplevar': return !top || nestedTuplevar(t.elem, false);
    case 'list': case 'set': return nestedTuplevar(t.elem, false);
    case 'tuple': return t.elems.some((x) => nestedTuplevar(x, false));
    case 'optional': return nestedTuplevar(t.inner, false);
    case 'dict': return nestedTuplevar(t.key, false) || nestedTuplevar(t.val, false);
    default: return false;
  }
}

/** repr() of a value whose type holds a nested tuple[T, ...], built from the type; `v` is a
 * reference expression. */
export function reprByType(L: Lowerer, v: string, t: PyType, depth: number): string {
  const x = `__r${depth}`;
  const items = (elem: PyType) => `${v}.iter().map(|${x}| ${reprByType(L, x, elem, depth + 1)}).collect::<Vec<String>>()`;
  switch (t.k) {
    case 'tuplevar': return `{ let __s = ${items(t.elem)}; if __s.len() == 1 { format!("({},)", __s[0]) } else { format!("({})", __s.join(", ")) } }`;
    case 'list': return `format!("[{}]", ${items(t.elem)}.join(", "))`;
    case 'set': return `if ${v}.is_empty() { "set()".to_string() } else { format!("{{{}}}", ${items(t.elem)}.join(", ")) }`;
    case 'tuple': {
      const parts = t.elems.map((e, i) => reprByType(L, `&${v}.${i}`, e, depth + 1));
      return t.elems.length === 1 ? `format!("({},)", ${parts[0]})` : `format!("(${t.elems.map(() => '{}').join(', ')})", ${parts.join(', ')})`;
    }
    case 'optional': return `match ${v} { Some(${x}) => ${reprByType(L, x, t.inner, depth + 1)}, None => "None".to_string() }`;
    case 'dict': return `format!("{{{}}}", ${v}.iter().map(|(__k${depth}, __v${depth})| format!("{}: {}", ${reprByType(L, `__k${depth}`, t.key, depth + 1)}, ${reprByType(L, `__v${depth}`, t.val, depth + 1)})).collect::<Vec<String>>().join(", "))`;
    default: L.useRuntime('pystr'); return `${v}.py_repr()`;
  }
}

/** Python repr(value) as a String expression. */
export function reprArg(L: Lowerer, r: RExpr): string {
  if (r.type.k === 'int') return r.code;
  if (r.type.k === 'float' || r.type.k === 'bool' || r.type.k === 'none' || r.type.k === 'tuplevar') return displayArg(L, r);
  return L.reprOf(r);
}

/** Rust-native equivalents of Python format specs where the two agree. */
function nativeSpec(spec: string, t: PyType): string | undefined {
  const m = /^(?:(.)?([<>^]))?([+])?(#)?(0)?(\d+)?(?:\.(\d+))?([sdfxXob])?$/.exec(spec);
  if (!m) return undefined;
  const [, fill, align, sign, alt, zero, width, prec, ty] = m;
  if (t.k === 'int' && (ty === 'f' || prec)) return undefined;
  if (t.k === 'float' && ty !== 'f') return undefined; // Python's default float format is repr-based
  if (t.k === 'str' && (ty && ty !== 's' || sign || zero)) return undefined;
  if (t.k !== 'int' && t.k !== 'float' && t.k !== 'str') return undefined;
  if (t.k === 'int' && ty && 'xXob'.includes(ty)) return undefined; // Rust prints negatives in two's complement
  if (fill && (fill === '{' || fill === '}')) return undefined;
  const rty = ty === 'x' || ty === 'X' || ty === 'o' || ty === 'b' ? ty : '';
  return `${fill ?? ''}${align ?? ''}${sign ?? ''}${alt ?? ''}${zero ?? ''}${width ?? ''}${prec !== undefined ? '.' + prec : t.k === 'float' && (ty === 'f' || ty === 'F') ? '.6' : ''}${rty}`;
}

/** A piece of a format!() call: literal text or a `{...}` with its argument. */
export function formatField(L: Lowerer, r: RExpr, spec: string | undefined, conv?: string): { fmt: string; arg: string } {
  if (conv === 'a') {
    // ascii(): repr with non-ASCII characters escaped.
    L.useRuntime('repr_str');
    const s = `py_ascii(&${reprArg(L, r)}.to_string())`;
    if (!spec) return { fmt: '{}', arg: s };
    return formatField(L, { code: s, type: T.str, kind: 'value' }, spec);
  }
  if (conv === 'r') {
    const s = reprArg(L, r);
    if (!spec) return { fmt: '{}', arg: s };
    return formatField(L, { code: s, type: T.str, kind: 'value' }, spec);
  }
  if (conv === 's' && spec && r.type.k !== 'str') return formatField(L, { code: displayArg(L, r), type: T.str, kind: 'value' }, spec);
  if (!spec) return { fmt: '{}', arg: displayArg(L, r) };
  const t = r.type.k === 'bool' ? T.int : r.type;
  const native = nativeSpec(spec, t);
  if (native !== undefined) {
    const arg = t.k === 'float' || t.k === 'int' ? L.val(r) : r.code;
    if (r.type.k === 'bool') return { fmt: `{:${native}}`, arg: `${L.val(r)} as i64` };
    return { fmt: native ? `{:${native}}` : '{}', arg };
  }
  L.useRuntime('format');
  if (isObjUnion(t)) { L.useRuntime('obj_fmt'); return { fmt: '{}', arg: `fmt_obj(${L.borrow(r)}, ${rustStr(spec)})` }; }
  if (t.k === 'int') return { fmt: '{}', arg: `fmt_int(${L.val(r)}${r.type.k === 'bool' ? ' as i64' : ''}, ${rustStr(spec)})` };
  if (t.k === 'float') return { fmt: '{}', arg: `fmt_f64(${L.val(r)}, ${rustStr(spec)})` };
  if (t.k === 'str') return { fmt: '{}', arg: `fmt_str(${L.strRef(r)}, ${rustStr(spec)})` };
  return { fmt: '{}', arg: `fmt_str(&${displayArg(L, r)}.to_string(), ${rustStr(spec)})` };
}

function escapeFmt(s: string): string { return s.replace(/\{/g, '{{').replace(/\}/g, '}}'); }

/** Builds `format!(...)` from literal/field pieces; a lone literal becomes a String literal. */
export function buildFormat(pieces: ({ lit: string } | { fmt: string; arg: string })[]): RExpr {
  let fmt = '';
  const args: string[] = [];
  for (const p of pieces) {
    if ('lit' in p) fmt += escapeFmt(p.lit);
    else { fmt += p.fmt; args.push(p.arg); }
  }
  if (!args.length) return { code: `${rustStr(fmt.replace(/\{\{/g, '{').replace(/\}\}/g, '}'))}.to_string()`, type: T.str, kind: 'value', prec: PREC.atom };
  // Inline simple identifiers: format!("{x}") reads better than format!("{}", x).
  return { code: `format!(${rustStr(fmt)}, ${args.join(', ')})`, type: T.str, kind: 'value', prec: PREC.atom };
}

export function lowerFString(L: Lowerer, e: Extract<AST.Expr, { k: 'fstr' }>): RExpr {
  const pieces: ({ lit: string } | { fmt: string; arg: string })[] = [];
  for (const p of e.parts) {
    if (typeof p === 'string') { pieces.push({ lit: p }); continue; }
    if (p.selfDoc) pieces.push({ lit: p.selfDoc });
    const r = L.expr(p.expr);
    let spec: string | undefined;
    if (p.spec) {
      if (p.spec.every((s) => typeof s === 'string')) spec = (p.spec as string[]).join('');
      else {
        // Dynamic spec like {x:{width}}: build the spec string at run time.
        L.useRuntime('format');
        const specParts = p.spec.map((s) => (typeof s === 'string' ? { lit: s } : { fmt: '{}', arg: displayArg(L, L.expr(s.expr)) }));
        const specCode = buildFormat(specParts).code;
        const t = r.type;
        const fn = t.k === 'int' ? 'fmt_int' : t.k === 'float' ? 'fmt_f64' : 'fmt_str';
        const arg = t.k === 'str' ? L.strRef(r) : t.k === 'int' || t.k === 'float' ? L.val(r) : `&${displayArg(L, r)}.to_string()`;
        pieces.push({ fmt: '{}', arg: `${fn}(${arg}, &${specCode})` });
        continue;
      }
    }
    // `{x=}` shows repr(x) unless a conversion or a format spec says otherwise.
    pieces.push(formatField(L, r, spec, p.conv ?? (p.selfDoc && !spec ? 'r' : undefined)));
  }
  return buildFormat(pieces);
}

/** `"..." % args` */
export function lowerPercentFormat(L: Lowerer, fmtExpr: AST.Expr, argsExpr: AST.Expr): RExpr {
  if (fmtExpr.k !== 'str') return L.todo(fmtExpr.span, '% formatting with a non-literal format');
  let values = argsExpr.k === 'tuple' ? argsExpr.elts : [argsExpr];
  const at = argsExpr.k === 'name' ? L.varType(argsExpr) : argsExpr.type;
  if (argsExpr.k !== 'tuple' && at.k === 'tuple' && (argsExpr.k === 'name' || argsExpr.k === 'attr')) {
    // `fmt % t` with a tuple variable: its fields are the arguments.
    values = at.elems.map((et, i) => ({ k: 'index', span: argsExpr.span, type: et, value: argsExpr, index: { k: 'num', span: argsExpr.span, type: T.int, value: i, isInt: true, text: String(i) } }) as AST.Expr);
  }
  // `%(name)s` takes values from a dict (a literal's items, or lookups in a dict value).
  const byKey = (key: string): AST.Expr | undefined => {
    if (argsExpr.k === 'dict') return argsExpr.items.find((i) => i.key?.k === 'str' && i.key.value === key)?.value;
    if (at.k === 'dict' && at.key.k === 'str') return { k: 'index', span: argsExpr.span, type: at.val, value: argsExpr, index: { k: 'str', span: argsExpr.span, type: T.str, value: key } } as AST.Expr;
    return undefined;
  };
  const pieces: ({ lit: string } | { fmt: string; arg: string })[] = [];
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g;
  let last = 0, vi = 0;
  const s = fmtExpr.value;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    pieces.push({ lit: s.slice(last, m.index) });
    last = re.lastIndex;
    const [, key, flags, width, prec, conv] = m;
    if (conv === '%') { pieces.push({ lit: '%' }); continue; }
    const v = key !== undefined ? byKey(key) : values[vi++];
    if (!v) return L.todo(fmtExpr.span, key !== undefined ? `format key %(${key})` : 'not enough arguments for format string');
    const r = L.expr(v);
    if (conv === 's' || conv === 'r' || conv === 'a') {
      const text: RExpr = { code: conv === 's' ? displayArg(L, r) : reprArg(L, r), type: T.str, kind: 'value' };
      const sspec = `${width ? `${flags.includes('-') ? '<' : '>'}${width}` : ''}${prec !== undefined ? '.' + prec : ''}`;
      pieces.push(sspec ? formatField(L, text, sspec) : { fmt: '{}', arg: text.code });
      continue;
    }
    let spec = '';
    if (flags.includes('-')) spec += '<';
    if (flags.includes('+')) spec += '+';
    if (flags.includes(' ')) spec += ' ';
    if (flags.includes('#')) spec += '#';
    if (flags.includes('0') && !flags.includes('-')) spec += '0';
    if (width) spec += width;
    if (prec !== undefined) spec += '.' + prec;
    const ty = conv === 'i' || conv === 'u' ? 'd' : conv;
    let rr = r;
    if ('eEfFgG'.includes(ty) && r.type.k !== 'float') rr = { code: L.coerce(L.valE(r), T.float), type: T.float, kind: 'value' };
    if ('dxXo'.includes(ty) && r.type.k === 'float') rr = { code: `${L.paren(L.valE(r), PREC.cast)} as i64`, type: T.int, kind: 'value' };
    pieces.push(formatField(L, rr, spec + (ty === 'd' ? '' : ty)));
  }
  pieces.push({ lit: s.slice(last) });
  return buildFormat(pieces.filter((p) => !('lit' in p) || p.lit));
}

/** `"...".format(args)` */
export function lowerStrFormat(L: Lowerer, fmtExpr: AST.Expr, call: Extract<AST.Expr, { k: 'call' }>): RExpr {
  const s = fmtExpr.k === 'str' ? fmtExpr.value : constString(L, fmtExpr);
  if (s === undefined) return L.todo(fmtExpr.span, 'str.format on a non-literal format');
  const sp = fmtExpr.span;
  const num = (i: number): AST.Expr => ({ k: 'num', span: sp, type: T.int, value: i, isInt: true, text: String(i) });
  const pos: AST.Expr[] = [];
  const named = new Map<string, AST.Expr>();
  for (const a of call.args) {
    const at = a.value.k === 'name' ? L.varType(a.value) : a.value.type;
    if (a.star === '*') {
      // .format(*row) with a tuple: its fields are positional arguments.
      if (at.k !== 'tuple' || (a.value.k !== 'name' && a.value.k !== 'attr')) return L.todo(a.span, 'str.format(*args) of a non-tuple');
      at.elems.forEach((et, i) => pos.push({ k: 'index', span: a.span, type: et, value: a.value, index: num(i) }));
    } else if (a.star === '**') {
      // .format(**d) with a dict literal or a str-keyed dict: named fields look keys up.
      if (a.value.k === 'dict') { for (const it of a.value.items) if (it.key?.k === 'str') named.set(it.key.value, it.value); }
      else if (at.k === 'dict' && at.key.k === 'str') (named as any).dictArg = a.value;
      else return L.todo(a.span, 'str.format(**kwargs) of a non-dict');
    } else if (a.name) named.set(a.name, a.value);
    else pos.push(a.value);
  }
  const dictArg: AST.Expr | undefined = (named as any).dictArg;
  const lookup = (name: string): AST.Expr | undefined => {
    if (named.has(name)) return named.get(name);
    if (dictArg) { const dt = dictArg.type.k === 'dict' ? dictArg.type : (L.varType(dictArg as any) as any); return { k: 'index', span: sp, type: dt.val ?? T.unknown, value: dictArg, index: { k: 'str', span: sp, type: T.str, value: name } }; }
    return undefined;
  };
  let auto = 0;
  const fieldExpr = (name: string): AST.Expr | undefined => {
    const base = /^[^.[]*/.exec(name)![0];
    let v: AST.Expr | undefined = base === '' ? pos[auto++] : /^\d+$/.test(base) ? pos[Number(base)] : lookup(base);
    let rest = name.slice(base.length);
    while (v && rest) {
      const m = /^\[([^\]]*)\]|^\.(\w+)/.exec(rest);
      if (!m) return undefined;
      rest = rest.slice(m[0].length);
      if (m[2] !== undefined) { v = { k: 'attr', span: sp, type: T.unknown, value: v, attr: m[2], attrSpan: sp }; continue; }
      const key = m[1];
      const vt = v.k === 'name' ? L.varType(v) : v.type;
      const et = vt.k === 'tuple' && /^\d+$/.test(key) ? vt.elems[Number(key)] ?? T.unknown : vt.k === 'dict' ? vt.val : vt.k === 'list' || vt.k === 'tuplevar' ? vt.elem : T.unknown;
      v = { k: 'index', span: sp, type: et, value: v, index: /^\d+$/.test(key) ? num(Number(key)) : { k: 'str', span: sp, type: T.str, value: key } };
    }
    return v;
  };
  const pieces: ({ lit: string } | { fmt: string; arg: string })[] = [];
  let i = 0, lit = '';
  while (i < s.length) {
    const ch = s[i];
    if (ch === '{' && s[i + 1] === '{') { lit += '{'; i += 2; continue; }
    if (ch === '}' && s[i + 1] === '}') { lit += '}'; i += 2; continue; }
    if (ch === '{') {
      // The field ends at the matching brace (specs may nest one level: {:>{w}}).
      let depth = 1, end = i + 1;
      while (end < s.length && depth) { if (s[end] === '{') depth++; else if (s[end] === '}') depth--; if (depth) end++; }
      const field = s.slice(i + 1, end);
      i = end + 1;
      if (lit) { pieces.push({ lit }); lit = ''; }
      const mm = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (!mm) return L.todo(sp, `format field {${field}}`);
      const [, name, conv, spec] = mm;
      const v = fieldExpr(name);
      if (!v) return L.todo(sp, `format field {${field}}`);
      const r = L.expr(v);
      if (spec && spec.includes('{')) {
        // Nested fields in the spec: build it at run time.
        const parts: ({ lit: string } | { fmt: string; arg: string })[] = [];
        let j = 0, sl = '';
        while (j < spec.length) {
          if (spec[j] === '{') {
            const e2 = spec.indexOf('}', j);
            const inner = fieldExpr(spec.slice(j + 1, e2));
            if (!inner) return L.todo(sp, `format field {${field}}`);
            if (sl) { parts.push({ lit: sl }); sl = ''; }
            parts.push({ fmt: '{}', arg: displayArg(L, L.expr(inner)) });
            j = e2 + 1;
          } else sl += spec[j++];
        }
        if (sl) parts.push({ lit: sl });
        L.useRuntime('format');
        const specCode = buildFormat(parts).code;
        const t = r.type;
        const fn = t.k === 'int' ? 'fmt_int' : t.k === 'float' ? 'fmt_f64' : 'fmt_str';
        const arg = t.k === 'str' ? L.strRef(r) : t.k === 'int' || t.k === 'float' ? L.val(r) : `&${displayArg(L, r)}.to_string()`;
        pieces.push({ fmt: '{}', arg: `${fn}(${arg}, &${specCode})` });
        continue;
      }
      pieces.push(formatField(L, r, spec || undefined, conv));
      continue;
    }
    lit += ch;
    i++;
  }
  if (lit) pieces.push({ lit });
  return buildFormat(pieces);
}

/** The text of a str constant: a literal, or a module-level name assigned one literal once. */
export function constString(L: Lowerer, e: AST.Expr): string | undefined {
  if (e.k === 'str') return e.value;
  if (e.k !== 'name' || !e.sym || e.sym.scope !== 'module') return undefined;
  let value: string | undefined, count = 0;
  const visit = (ss: AST.Stmt[]) => {
    for (const st of ss) {
      if (st.k === 'assign' && st.targets.some((t) => t.k === 'name' && t.sym?.id === e.sym!.id)) { count++; value = st.value.k === 'str' ? st.value.value : undefined; }
      if (st.k === 'annassign' && st.target.k === 'name' && st.target.sym?.id === e.sym!.id) { count++; value = st.value?.k === 'str' ? st.value.value : undefined; }
      if (st.k === 'augassign' && st.target.k === 'name' && st.target.sym?.id === e.sym!.id) count += 2;
      if (st.k === 'if' || st.k === 'while' || st.k === 'for') { visit(st.body); visit(st.orelse); }
      if (st.k === 'def') visit(st.body);
      if (st.k === 'try') { visit(st.body); st.handlers.forEach((h) => visit(h.body)); visit(st.orelse); visit(st.finalbody); }
      if (st.k === 'with') visit(st.body);
    }
  };
  visit(L.module.body);
  return count === 1 ? value : undefined;
}

/** Python's repr() of a float, from JavaScript's shortest round-trip digits. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expS] = x.toExponential().split('e');
  const exp = Number(expS);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let body: string;
  if (exp >= -4 && exp < 16) {
    if (exp >= 0) body = digits.length <= exp + 1 ? digits + '0'.repeat(exp + 1 - digits.length) + '.0' : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    else body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else body = `${digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return (neg ? '-' : '') + body;
}

/** Python's repr() of a str. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === q) out += '\\' + ch;
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** repr() of a literal made only of constants (undefined when it needs run-time values). */
export function staticRepr(e: AST.Expr): string | undefined {
  switch (e.k) {
    case 'const': return e.value === null ? 'None' : e.value === true ? 'True' : e.value === false ? 'False' : undefined;
    case 'num': return e.isInt ? BigInt(typeof e.value === 'bigint' ? e.value : Math.trunc(e.value as number)).toString() : pyFloatRepr(Number(e.value));
    case 'str': return pyStrRepr(e.value);
    case 'unary': {
      if (e.op !== '-' || e.operand.k !== 'num') return undefined;
      const r = staticRepr(e.operand);
      return r === undefined ? undefined : r.startsWith('-') ? r.slice(1) : '-' + r;
    }
    case 'list': case 'tuple': {
      if (e.elts.some((x) => x.k === 'starred')) return undefined;
      const items = e.elts.map(staticRepr);
      if (items.some((x) => x === undefined)) return undefined;
      if (e.k === 'list') return `[${items.join(', ')}]`;
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'set': return undefined; // element order is the hash order
    case 'dict': {
      if (e.items.some((i) => !i.key)) return undefined;
      const parts = e.items.map((i) => [staticRepr(i.key!), staticRepr(i.value)]);
      if (parts.some(([k, v]) => k === undefined || v === undefined)) return undefined;
      // Repeated keys keep the first position and the last value.
      const m = new Map<string, string>();
      for (const [k, v] of parts) m.set(k!, v!);
      return `{${[...m].map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
    }
    case 'call':
      if (e.func.k === 'name' && e.func.sym?.scope === 'builtins' && !e.args.length) {
        return ({ list: '[]', tuple: '()', dict: '{}', set: 'set()', frozenset: 'frozenset()', str: "''", int: '0', float: '0.0', bool: 'False' } as Record<string, string>)[e.func.id];
      }
      return undefined;
    default: return undefined;
  }
}
