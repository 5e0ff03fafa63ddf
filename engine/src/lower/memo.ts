// functools.lru_cache / functools.cache: the function body is emitted as `NAME_uncached` and
// `NAME` becomes a wrapper that looks arguments up in a thread-local memo table first.
// Recursive calls go through the wrapper, as in Python. `f.cache_info()` / `f.cache_clear()`
// read and reset the table (an unbounded table: maxsize only limits memory in CPython).
import * as AST from '../ast';
import { PyType } from '../types';
import { FuncInfo } from './context';
import { isCopy, rustIdent } from './rtypes';
import type { Lowerer } from './lowerer';

/** Is this def decorated with @lru_cache / @lru_cache(...) / @cache / @functools.cache? */
export function isMemoized(def: Extract<AST.Stmt, { k: 'def' }>): boolean {
  return def.decorators.some((d) => {
    const e = d.expr.k === 'call' ? d.expr.func : d.expr;
    const n = e.k === 'name' ? e.id : e.k === 'attr' ? e.attr : '';
    return n === 'lru_cache' || n === 'cache';
  });
}

/** Hashable as a memo key (floats are not `Hash` in Rust). */
function hashable(t: PyType): boolean {
  switch (t.k) {
    case 'int': case 'bool': case 'str': case 'none': return true;
    case 'tuple': return t.elems.every(hashable);
    case 'optional': return hashable(t.inner);
    default: return false;
  }
}

export function canMemoize(f: FuncInfo): boolean {
  return !f.className && !f.isGenerator && f.params.every((p) => p.kind === 'normal' && hashable(p.type) && p.mode !== 'mut');
}

export function cacheName(name: string): string { return `${name.replace(/^r#/, '').toUpperCase()}_CACHE`; }

/** Emits the memo table and the wrapper `fn name(params)` calling `name_uncached`. */
export function emitMemoWrapper(L: Lowerer, f: FuncInfo, name: string, generics: string, params: string[], retCode: string, valueType: string): string {
  const w = L.w;
  L.useRuntime('lru_cache');
  const table = cacheName(name);
  const keyTypes = f.params.map((p) => L.rt(p.type));
  const keyT = keyTypes.length === 1 ? `(${keyTypes[0]},)` : `(${keyTypes.join(', ')})`;
  const keyParts = f.params.map((p) => {
    const n = rustIdent(p.name);
    if (isCopy(p.type) || p.mode === 'value') return isCopy(p.type) ? n : `${n}.clone()`;
    return p.type.k === 'str' ? `${n}.to_string()` : `${n}.clone()`;
  });
  const key = keyParts.length === 1 ? `(${keyParts[0]},)` : `(${keyParts.join(', ')})`;
  const args = f.params.map((p) => rustIdent(p.name)).join(', ');
  w.blank();
  w.open('thread_local! {');
  w.line(`static ${table}: std::cell::RefCell<MemoTable<${keyT}, ${valueType}>> = std::cell::RefCell::new(MemoTable::new());`);
  w.close();
  w.blank();
  const sig = `fn ${name}${generics}(${params.join(', ')})${retCode}`;
  w.line('/// Memoized (functools.lru_cache): looks the arguments up before computing.');
  w.open(`${sig} {`, f.def.span);
  w.line(`let key = ${key};`);
  const ok = (v: string) => (f.raises ? `Ok(${v})` : v);
  w.open(`if let Some(v) = ${table}.with(|c| c.borrow_mut().get(&key)) {`);
  w.line(`return ${ok('v')};`);
  w.close();
  w.line(`let v = ${name}_uncached(${args})${f.raises ? '?' : ''};`);
  w.line(`${table}.with(|c| c.borrow_mut().put(key, ${isCopy(f.ret) ? 'v' : 'v.clone()'}));`);
  w.line(ok('v'));
  w.close();
  return sig;
}
