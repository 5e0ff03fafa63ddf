// Python types as the engine sees them after analysis (pyright's types, simplified and
// with literals widened). Lowering maps these to Rust types.
export type PyType =
  | { k: 'int' }
  | { k: 'float' }
  | { k: 'bool' }
  | { k: 'str' }
  | { k: 'bytes' }
  | { k: 'none' }
  | { k: 'list'; elem: PyType }
  | { k: 'set'; elem: PyType }
  | { k: 'dict'; key: PyType; val: PyType; flavor?: 'counter' | 'defaultdict' }
  | { k: 'deque'; elem: PyType }
  | { k: 'tuple'; elems: PyType[] }
  | { k: 'tuplevar'; elem: PyType } // tuple[T, ...]
  | { k: 'optional'; inner: PyType }
  | { k: 'union'; types: PyType[] }
  | { k: 'class'; name: string; fullName: string; args: PyType[] }
  | { k: 'type'; of: PyType } // the class object itself (type[X])
  | { k: 'func'; params: PyType[]; ret: PyType; fullName?: string }
  | { k: 'iter'; elem: PyType } // Iterator / Generator / Iterable
  | { k: 'typevar'; name: string }
  | { k: 'module'; name: string }
  | { k: 'unknown' };

export const T = {
  int: { k: 'int' } as PyType,
  float: { k: 'float' } as PyType,
  bool: { k: 'bool' } as PyType,
  str: { k: 'str' } as PyType,
  none: { k: 'none' } as PyType,
  unknown: { k: 'unknown' } as PyType,
};

export function typeToString(t: PyType): string {
  switch (t.k) {
    case 'list': case 'set': case 'deque': case 'iter': return `${t.k}[${typeToString(t.elem)}]`;
    case 'dict': return `${t.flavor ?? 'dict'}[${typeToString(t.key)}, ${typeToString(t.val)}]`;
    case 'tuple': return `tuple[${t.elems.map(typeToString).join(', ')}]`;
    case 'tuplevar': return `tuple[${typeToString(t.elem)}, ...]`;
    case 'optional': return `${typeToString(t.inner)} | None`;
    case 'union': return t.types.map(typeToString).join(' | ');
    case 'class': return t.args.length ? `${t.name}[${t.args.map(typeToString).join(', ')}]` : t.name;
    case 'type': return `type[${typeToString(t.of)}]`;
    case 'func': return `(${t.params.map(typeToString).join(', ')}) -> ${typeToString(t.ret)}`;
    case 'typevar': return t.name;
    case 'module': return `module ${t.name}`;
    default: return t.k === 'none' ? 'None' : t.k;
  }
}

/** True when the type (or any part of it) is still unknown. */
export function hasUnknown(t: PyType): boolean {
  switch (t.k) {
    case 'unknown': return true;
    case 'list': case 'set': case 'deque': case 'iter': case 'tuplevar': return hasUnknown(t.elem);
    case 'dict': return hasUnknown(t.key) || hasUnknown(t.val);
    case 'tuple': return t.elems.some(hasUnknown);
    case 'optional': return hasUnknown(t.inner);
    case 'union': return t.types.some(hasUnknown);
    case 'class': return t.args.some(hasUnknown);
    default: return false;
  }
}

export function sameType(a: PyType, b: PyType): boolean {
  return typeToString(a) === typeToString(b);
}
