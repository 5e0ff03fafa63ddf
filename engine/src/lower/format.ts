// Python string formatting: str() of values, f-strings, `%` formatting and str.format().
import * as AST from '../ast';
import { PyType, T } from '../types';
import { PREC, RExpr } from './context';
import { rustStr } from './rtypes';
import type { Lowerer } from './lowerer';

/** An expression that Displays (`{}`) as Python's str(value). */
export function displayArg(L: Lowerer, r: RExpr): string {
  const t = r.type;
  switch (t.k) {
    case 'int': return r.kind === 'ref' ? r.code : r.code;
    case 'str': return r.code;
    case 'float': L.useRuntime('fmt_float'); return `fmt_float(${L.val(r)})`;
    case 'bool': return `if ${L.val(r)} { "True" } else { "False" }`;
    case 'none': return '"None"';
    case 'class': {
      const c = L.classes.get(t.name);
      if (c && (c.methods.has('__str__') || c.isEnum)) return r.code;
      if (t.name === 'Exception' || t.fullName.startsWith('builtins.') || c?.isException) { L.useRuntime('exc'); return r.code; }
      L.useRuntime('pystr');
      return `${L.paren(r, PREC.unary)}.py_str()`;
    }
    case 'tuplevar':
      // tuple[int, ...] is a Vec in Rust but prints with parentheses.
      L.useRuntime('pystr');
      return `py_tuple_repr(${L.borrow(r)})`;
    default:
      L.useRuntime('pystr');
      return `${L.paren(r, PREC.unary)}.py_str()`;
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
  return `${fill ?? ''}${align ?? ''}${sign ?? ''}${alt ?? ''}${zero ?? ''}${width ?? ''}${prec !== undefined ? '.' + prec : ''}${rty}`;
}

/** A piece of a format!() call: literal text or a `{...}` with its argument. */
export function formatField(L: Lowerer, r: RExpr, spec: string | undefined, conv?: string): { fmt: string; arg: string } {
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
    pieces.push(formatField(L, r, spec, p.conv));
  }
  return buildFormat(pieces);
}

/** `"..." % args` */
export function lowerPercentFormat(L: Lowerer, fmtExpr: AST.Expr, argsExpr: AST.Expr): RExpr {
  if (fmtExpr.k !== 'str') return L.todo(fmtExpr.span, '% formatting with a non-literal format');
  const values = argsExpr.k === 'tuple' ? argsExpr.elts : [argsExpr];
  const pieces: ({ lit: string } | { fmt: string; arg: string })[] = [];
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g;
  let last = 0, vi = 0;
  const s = fmtExpr.value;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    pieces.push({ lit: s.slice(last, m.index) });
    last = re.lastIndex;
    const [, , flags, width, prec, conv] = m;
    if (conv === '%') { pieces.push({ lit: '%' }); continue; }
    const v = values[vi++];
    if (!v) return L.todo(fmtExpr.span, 'not enough arguments for format string');
    const r = L.expr(v);
    if (conv === 's') { pieces.push(formatField(L, { code: displayArg(L, r), type: T.str, kind: 'value' }, width ? `${flags.includes('-') ? '<' : '>'}${width}` : undefined)); continue; }
    if (conv === 'r') { pieces.push({ fmt: '{}', arg: reprArg(L, r) }); continue; }
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
  if (fmtExpr.k !== 'str') return L.todo(fmtExpr.span, 'str.format on a non-literal format');
  const pos = call.args.filter((a) => !a.name).map((a) => a.value);
  const named = new Map(call.args.filter((a) => a.name).map((a) => [a.name!, a.value] as const));
  const s = fmtExpr.value;
  const pieces: ({ lit: string } | { fmt: string; arg: string })[] = [];
  let i = 0, auto = 0, lit = '';
  while (i < s.length) {
    const ch = s[i];
    if (ch === '{' && s[i + 1] === '{') { lit += '{'; i += 2; continue; }
    if (ch === '}' && s[i + 1] === '}') { lit += '}'; i += 2; continue; }
    if (ch === '{') {
      const end = s.indexOf('}', i);
      const field = s.slice(i + 1, end);
      i = end + 1;
      if (lit) { pieces.push({ lit }); lit = ''; }
      const mm = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/.exec(field)!;
      const [, name, conv, spec] = mm;
      let v: AST.Expr | undefined;
      const base = name.split(/[.[]/)[0];
      if (base === '') v = pos[auto++];
      else if (/^\d+$/.test(base)) v = pos[Number(base)];
      else v = named.get(base);
      if (!v) return L.todo(fmtExpr.span, `format field {${field}}`);
      let r = L.expr(v);
      const rest = name.slice(base.length);
      if (rest) {
        const idx = /^\[(\d+)\]$/.exec(rest);
        if (idx && r.type.k === 'list') r = { code: `${L.paren(r, PREC.unary)}[${idx[1]}]`, type: r.type.elem, kind: 'place' };
        else if (/^\.\w+$/.test(rest)) r = L.attribute({ k: 'attr', span: v.span, type: T.unknown, value: v, attr: rest.slice(1), attrSpan: v.span });
        else return L.todo(fmtExpr.span, `format field {${field}}`);
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
