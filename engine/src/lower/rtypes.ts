// Python types → Rust types, and the properties lowering needs (Copy, truthiness, borrowing).
import { PyType, T } from '../types';

export interface TypeEnv {
  /** Rust type of a user class instance (struct name, Box<dyn Trait>, ...). */
  classType(name: string): string | undefined;
  useRuntime(chunk: string): void;
  /** Optional[C] of a self-referential class C is `Option<Box<C>>` (a recursive struct). */
  boxedOptional?(name: string): boolean;
}

export function rustType(t: PyType, env: TypeEnv): string {
  switch (t.k) {
    case 'int': return 'i64';
    case 'float': return 'f64';
    case 'bool': return 'bool';
    case 'str': return 'String';
    case 'bytes': return 'Vec<u8>';
    case 'none': return '()';
    case 'list': case 'tuplevar': return `Vec<${rustType(t.elem, env)}>`;
    case 'set': return `std::collections::BTreeSet<${rustType(t.elem, env)}>`;
    case 'deque': return `std::collections::VecDeque<${rustType(t.elem, env)}>`;
    case 'dict': env.useRuntime('dict'); return `Dict<${rustType(t.key, env)}, ${rustType(t.val, env)}>`;
    case 'tuple': return t.elems.length === 1 ? `(${rustType(t.elems[0], env)},)` : `(${t.elems.map((e) => rustType(e, env)).join(', ')})`;
    case 'optional':
      if (t.inner.k === 'class' && env.boxedOptional?.(t.inner.name)) return `Option<Box<${rustType(t.inner, env)}>>`;
      return `Option<${rustType(t.inner, env)}>`;
    case 'class': {
      const user = env.classType(t.name);
      if (user) return user + (t.args.length ? `<${t.args.map((a) => rustType(a, env)).join(', ')}>` : '');
      return mapStdClass(t, env);
    }
    case 'func': return `Box<dyn Fn(${t.params.map((p) => rustType(p, env)).join(', ')}) -> ${rustType(t.ret, env)}>`;
    case 'iter': return `Box<dyn Iterator<Item = ${rustType(t.elem, env)}>>`;
    case 'typevar': return t.name;
    case 'union':
      if (isObjUnion(t)) { env.useRuntime('obj'); return 'Obj'; }
      return rustType(t.types[0], env);
    case 'type': return rustType(t.of, env);
    default: return 'i64'; // documented fallback for unknown types (a PTR020 diagnostic is reported)
  }
}

function mapStdClass(t: Extract<PyType, { k: 'class' }>, env: TypeEnv): string {
  switch (t.fullName) {
    case 'builtins.range': env.useRuntime('pyrange'); return 'PyRange';
    case 'builtins.BaseException': case 'builtins.Exception': case 'builtins.ValueError': case 'builtins.KeyError':
    case 'builtins.IndexError': case 'builtins.ZeroDivisionError': case 'builtins.TypeError': case 'builtins.RuntimeError':
      env.useRuntime('exc');
      return 'PyErr';
  }
  if (t.fullName.startsWith('builtins.') && /Error$|Exception$|^StopIteration$|^SystemExit$|^KeyboardInterrupt$|^GeneratorExit$/.test(t.name)) {
    env.useRuntime('exc');
    return 'PyErr';
  }
  return 'i64';
}

/** A union of plain data types (int | str, list[int] | None, ...): a run-time tagged `Obj`. */
export function isObjUnion(t: PyType): boolean {
  if (t.k !== 'union') return false;
  const plain = (x: PyType): boolean => {
    switch (x.k) {
      case 'int': case 'float': case 'bool': case 'str': case 'none': case 'unknown': return true;
      case 'list': case 'tuplevar': case 'set': return plain(x.elem);
      case 'tuple': return x.elems.every(plain);
      case 'dict': return plain(x.key) && plain(x.val);
      case 'optional': return plain(x.inner);
      case 'union': return x.types.every(plain);
      default: return false;
    }
  };
  return t.types.every(plain);
}

/** The tagged union of different plain item types (`(1, "a", True)`), or undefined when they agree. */
export function plainUnionOf(ts: PyType[]): PyType | undefined {
  const out: PyType[] = [];
  const add = (t: PyType) => {
    if (t.k === 'union') t.types.forEach(add);
    else if (t.k === 'optional') { add(t.inner); add({ k: 'none' }); }
    else if (!out.some((x) => JSON.stringify(x) === JSON.stringify(t))) out.push(t);
  };
  ts.forEach(add);
  if (out.length < 2) return undefined;
  const u: PyType = { k: 'union', types: out };
  return isObjUnion(u) ? u : undefined;
}

export function isCopy(t: PyType): boolean {
  switch (t.k) {
    case 'int': case 'float': case 'bool': case 'none': return true;
    case 'tuple': return t.elems.every(isCopy);
    case 'optional': return isCopy(t.inner);
    default: return false;
  }
}

export function isNumeric(t: PyType): boolean { return t.k === 'int' || t.k === 'float' || t.k === 'bool'; }

export function elemType(t: PyType): PyType {
  switch (t.k) {
    case 'list': case 'set': case 'deque': case 'iter': case 'tuplevar': return t.elem;
    case 'dict': return t.key;
    case 'str': return T.str;
    case 'tuple': return t.elems[0] ?? T.unknown;
    case 'class': return t.fullName === 'builtins.range' ? T.int : t.args[0] ?? T.unknown;
    default: return T.unknown;
  }
}

const RUST_KEYWORDS = new Set(['as', 'break', 'const', 'continue', 'crate', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in', 'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'static', 'struct', 'super', 'trait', 'true', 'type', 'unsafe', 'use', 'where', 'while', 'async', 'await', 'dyn', 'abstract', 'become', 'box', 'do', 'final', 'macro', 'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield', 'try', 'gen']);

/** A Python identifier as a Rust identifier (raw identifiers for Rust keywords). */
export function rustIdent(name: string): string {
  if (name === 'self') return 'self';
  if (name === 'Self' || name === 'crate' || name === 'super') return name + '_';
  if (name === '_') return '_';
  return RUST_KEYWORDS.has(name) ? `r#${name}` : name;
}

/** snake_case for functions/variables is already Python style; CamelCase for types stays. */
export function rustTypeName(name: string): string {
  return name.replace(/^_+/, '');
}

/** A Rust string literal for a Python string value. */
export function rustStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

/** A Rust char literal for a one-code-point Python string. */
export function rustChar(s: string): string {
  if (s === "'") return "'\\''";
  const lit = rustStr(s);
  return "'" + lit.slice(1, -1).replace(/\\"/g, '"') + "'";
}
