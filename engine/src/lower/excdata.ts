// User exception classes with their own `__init__` (`self.line = line` plus
// `super().__init__(message)`): the attributes become a plain struct carried by the PyErr
// (`PyErr::with_data`), and `__init__` becomes `Class::error(kind, args...) -> PyErr`, which
// computes the message and the attributes. `e.line` on a caught exception reads them back.
import * as AST from '../ast';
import { PyType, T } from '../types';
import { ClassInfo, FuncInfo, PREC, RExpr } from './context';
import { rustIdent, rustStr } from './rtypes';
import type { Lowerer } from './lowerer';
import { scanVars } from './scan';
import { displayArg } from './format';

/** The class (c or an ancestor) whose own `__init__` builds c's exception object. */
export function excInitOwner(L: Lowerer, c: ClassInfo): ClassInfo | undefined {
  for (let k: ClassInfo | undefined = c; k && k.isException; k = k.base ? L.classes.get(k.base) : undefined) {
    if (k.node.body.some((s) => s.k === 'def' && s.name === '__init__')) return supported(k) ? k : undefined;
  }
  return undefined;
}

function isSuperInit(s: AST.Stmt): s is Extract<AST.Stmt, { k: 'expr' }> & { value: Extract<AST.Expr, { k: 'call' }> } {
  return s.k === 'expr' && s.value.k === 'call' && s.value.func.k === 'attr' && s.value.func.attr === '__init__'
    && s.value.func.value.k === 'call' && s.value.func.value.func.k === 'name' && s.value.func.value.func.id === 'super';
}

/** Only straight-line `__init__` bodies: `super().__init__(...)`, `self.x = ...`, plain statements. */
function supported(c: ClassInfo): boolean {
  const init = c.node.body.find((s): s is Extract<AST.Stmt, { k: 'def' }> => s.k === 'def' && s.name === '__init__');
  if (!init) return false;
  return init.body.every((s) => s.k !== 'return' && s.k !== 'if' && s.k !== 'for' && s.k !== 'while' && s.k !== 'try');
}

/** Emits `struct C { fields }` and `impl C { fn error(kind, params) -> PyErr }`. */
export function emitExceptionData(L: Lowerer, info: ClassInfo) {
  const w = L.w;
  const init = info.node.body.find((s): s is Extract<AST.Stmt, { k: 'def' }> => s.k === 'def' && s.name === '__init__')!;
  const f = info.methods.get('__init__') as FuncInfo;
  L.useRuntime('exc');
  w.line(`/// Attributes of exception ${info.name} (carried by its PyErr).`, info.node.span);
  w.line('#[derive(Clone, Debug)]');
  w.open(`struct ${info.rust} {`);
  for (const fl of info.fields) w.line(`${rustIdent(fl.name)}: ${L.rt(fl.type)},`);
  w.close();
  w.blank();
  w.open(`impl ${info.rust} {`);
  const params = f.params.filter((p) => p.kind === 'normal').map((p) => {
    const ty = L.rt(p.type);
    return `${rustIdent(p.name)}: ${ty}`;
  });
  w.line(`/// ${info.name}(...): the exception value \`raise\` propagates.`);
  w.open(`fn error(kind: &'static str${params.map((p) => `, ${p}`).join('')}) -> PyErr {`, init.span);
  L.scope = L.newScope({ info: f, vars: scanVars(init.body), isMain: false, returnType: T.none, raises: false });
  for (const p of f.params) {
    if (!p.sym) continue;
    L.scope.declared.add(p.sym.id);
    L.scope.names.set(p.sym.id, { code: rustIdent(p.name), kind: 'place', type: p.type });
  }
  let msg = 'String::new()';
  const set = new Map<string, string>();
  for (const s of init.body) {
    if (s.k === 'expr' && s.value.k === 'str') continue;
    if (isSuperInit(s)) {
      const args = s.value.args.map((a) => a.value);
      if (args.length === 1) {
        const a = L.expr(args[0]);
        msg = a.type.k === 'str' ? L.own(a) : `${displayArg(L, a)}.to_string()`;
      } else if (args.length > 1) {
        msg = `format!("({})", [${args.map((x) => L.reprOf(L.expr(x))).join(', ')}].join(", "))`;
      }
      w.line(`let message: String = ${msg};`, s.span);
      msg = 'message';
      continue;
    }
    if (s.k === 'assign' && s.targets.length === 1 && s.targets[0].k === 'attr' && s.targets[0].value.k === 'name' && s.targets[0].value.id === 'self') {
      const name = s.targets[0].attr;
      const ft = info.fields.find((x) => x.name === name)?.type ?? s.value.type;
      const local = `self_${name}`;
      w.line(`let ${local}: ${L.rt(ft)} = ${L.exprOwned(s.value, ft)};`, s.span);
      set.set(name, local);
      continue;
    }
    L.stmt(s);
  }
  const fields = info.fields.map((fl) => `${rustIdent(fl.name)}: ${set.get(fl.name) ?? L.todo(init.span, `exception attribute ${fl.name} not set in __init__`).code}`);
  w.line(`PyErr::new(kind, ${msg}).with_data(${info.rust} { ${fields.join(', ')} })`);
  w.close();
  w.close();
}

/** `C(args)` for an exception class with data: `Owner::error("C", args...)`. */
export function constructException(L: Lowerer, cls: ClassInfo, e: Extract<AST.Expr, { k: 'call' }>, bindArgs: (fn: FuncInfo) => string[]): string | undefined {
  const owner = excInitOwner(L, cls);
  if (!owner) return undefined;
  const f = owner.methods.get('__init__')!;
  // Arguments are owned values (the struct keeps them).
  const byValue: FuncInfo = { ...f, params: f.params.map((p) => ({ ...p, mode: 'value' as const })) };
  const args = bindArgs(byValue);
  return `${owner.rust}::error(${rustStr(cls.name)}${args.map((a) => `, ${a}`).join('')})`;
}

/** `e.attr` for an instance attribute of a caught user exception. */
export function exceptionField(L: Lowerer, cls: ClassInfo, obj: RExpr, attr: string): RExpr | undefined {
  const owner = excInitOwner(L, cls);
  const field = owner?.fields.find((x) => x.name === attr);
  if (!owner || !field) return undefined;
  const t: PyType = field.type;
  return { code: `${L.paren(obj, PREC.unary)}.data::<${owner.rust}>().${rustIdent(attr)}`, type: t, kind: 'place', prec: PREC.atom };
}
