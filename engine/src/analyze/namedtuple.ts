// `Point = namedtuple("Point", ["x", "y"])` (collections) is rewritten to the equivalent
// `class Point(NamedTuple)` with field types from the constructor calls (`Point(3, 4)`): the
// lowering then treats both forms alike (a struct with tuple behaviour).
import * as AST from '../ast';
import { PyType } from '../types';
import { walkExprs } from '../lower/scan';
import type { Insertion } from './infer';

/** The field names of a namedtuple() call: a list/tuple of str literals or one "a b" / "a, b" string. */
function fieldNames(e: AST.Expr): string[] | undefined {
  if (e.k === 'str') return e.value.replace(/,/g, ' ').split(/\s+/).filter((x) => x);
  if ((e.k === 'list' || e.k === 'tuple') && e.elts.every((x) => x.k === 'str')) return e.elts.map((x) => (x as Extract<AST.Expr, { k: 'str' }>).value);
  return undefined;
}

export function namedtupleInsertions(
  module: AST.Module, typeOf: (e: AST.Expr) => PyType, join: (a: PyType | undefined, b: PyType) => PyType,
  annotationText: (t: PyType) => string | undefined,
): Insertion[] {
  const out: Insertion[] = [];
  const imported = module.body.some((s) => s.k === 'importfrom' && s.module === 'typing' && s.names.some((n) => n.name === 'NamedTuple' && !n.asname));
  for (const s of module.body) {
    if (s.k !== 'assign' || s.targets.length !== 1 || s.targets[0].k !== 'name' || s.value.k !== 'call') continue;
    const call = s.value;
    if (call.callee !== 'collections.namedtuple' || call.args.length !== 2 || call.args.some((a) => a.name || a.star)) continue;
    const name = s.targets[0].id;
    const [typeName, fieldsArg] = call.args.map((a) => a.value);
    const fields = fieldNames(fieldsArg);
    if (typeName.k !== 'str' || typeName.value !== name || !fields?.length || fields.some((f) => !/^[A-Za-z]\w*$/.test(f))) continue;
    // Field types: what the constructor calls pass.
    const types: (PyType | undefined)[] = fields.map(() => undefined);
    let ok = true;
    walkExprs(module.body, (e) => {
      if (e.k !== 'call' || e.func.k !== 'name' || e.func.id !== name) return;
      e.args.forEach((a, i) => {
        const at = a.star ? -1 : a.name ? fields.indexOf(a.name) : i;
        if (at < 0 || at >= fields.length) { ok = false; return; }
        types[at] = join(types[at], typeOf(a.value));
      });
    }, true);
    const texts = types.map((t) => t && annotationText(t));
    if (!ok || texts.some((t) => !t)) continue;
    const line = module.text.lastIndexOf('\n', s.span.start - 1) + 1;
    if (line !== s.span.start) continue; // only a statement at the start of its line
    const decl = `${imported ? '' : 'from typing import NamedTuple\n\n\n'}class ${name}(NamedTuple):\n${fields.map((f, i) => `    ${f}: ${texts[i]}`).join('\n')}\n`;
    out.push({ offset: s.span.start, remove: s.span.end - s.span.start, text: decl, why: `collections.namedtuple ${name} written as a typing.NamedTuple class`, span: s.span });
  }
  return out;
}
