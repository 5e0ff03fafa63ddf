// The engine's own Python syntax tree (shaped like CPython's `ast` module), produced by the
// analyzer adapter with a type on every expression. Nothing outside analyze/ sees pyright.
import { PyType } from './types';

/** Half-open range of UTF-16 offsets into the analysed source text. */
export interface Span { start: number; end: number }

/** What a name refers to: a variable of some scope, a function, a class, an import. */
export interface SymbolRef {
  id: number; // unique per symbol in one analysis
  scope: 'module' | 'function' | 'class' | 'builtins' | 'comprehension' | 'other';
  /** The declared (or else the widened inferred) type of the variable across the scope. */
  declType: PyType;
  kind: 'variable' | 'parameter' | 'function' | 'class' | 'module' | 'other';
}

interface Base { span: Span; type: PyType }

export type Expr =
  | Base & { k: 'name'; id: string; sym?: SymbolRef }
  | Base & { k: 'num'; value: number | bigint; isInt: boolean; text: string }
  | Base & { k: 'str'; value: string }
  | Base & { k: 'bytes'; value: string }
  | Base & { k: 'fstr'; parts: FPart[] }
  | Base & { k: 'const'; value: true | false | null | 'ellipsis' | 'debug' }
  | Base & { k: 'bin'; op: string; left: Expr; right: Expr }
  | Base & { k: 'unary'; op: 'not' | '-' | '+' | '~'; operand: Expr }
  | Base & { k: 'boolop'; op: 'and' | 'or'; left: Expr; right: Expr }
  | Base & { k: 'cmp'; left: Expr; ops: string[]; comparators: Expr[] }
  | Base & { k: 'call'; func: Expr; args: Arg[]; callee?: string }
  | Base & { k: 'attr'; value: Expr; attr: string; attrSpan: Span }
  | Base & { k: 'index'; value: Expr; index: Expr }
  | Base & { k: 'slice'; lower?: Expr; upper?: Expr; step?: Expr }
  | Base & { k: 'list'; elts: Expr[] }
  | Base & { k: 'tuple'; elts: Expr[] }
  | Base & { k: 'set'; elts: Expr[] }
  | Base & { k: 'dict'; items: { key?: Expr; value: Expr }[] } // key undefined = **expansion
  | Base & { k: 'comp'; kind: 'list' | 'set' | 'dict' | 'gen'; elt: Expr; value?: Expr; gens: CompFor[] }
  | Base & { k: 'lambda'; params: Param[]; body: Expr }
  | Base & { k: 'ifexp'; test: Expr; body: Expr; orelse: Expr }
  | Base & { k: 'starred'; value: Expr }
  | Base & { k: 'yield'; value?: Expr }
  | Base & { k: 'yieldfrom'; value: Expr }
  | Base & { k: 'await'; value: Expr }
  | Base & { k: 'walrus'; target: Expr; value: Expr }
  | Base & { k: 'error'; message: string };

export type FPart = string | { expr: Expr; conv?: 'r' | 's' | 'a'; spec?: FPart[]; selfDoc?: string };

export interface Arg { name?: string; value: Expr; star?: '*' | '**'; span: Span }
export interface CompFor { target: Expr; iter: Expr; ifs: Expr[] }

export interface Param {
  name: string;
  span: Span;
  kind: 'normal' | 'vararg' | 'kwarg' | 'kwonly_marker' | 'posonly_marker';
  annotation?: Expr;
  default?: Expr;
  type: PyType;
  sym?: SymbolRef;
}

export interface Decorator { expr: Expr; span: Span }

export type Stmt =
  | { k: 'expr'; span: Span; value: Expr }
  | { k: 'assign'; span: Span; targets: Expr[]; value: Expr }
  | { k: 'annassign'; span: Span; target: Expr; annotation: Expr; value?: Expr }
  | { k: 'augassign'; span: Span; target: Expr; op: string; value: Expr }
  | { k: 'if'; span: Span; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'while'; span: Span; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'for'; span: Span; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'def'; span: Span; name: string; nameSpan: Span; params: Param[]; returns?: Expr; retType: PyType; body: Stmt[]; decorators: Decorator[]; isGenerator: boolean; isAsync: boolean; docstring?: string; sym?: SymbolRef }
  | { k: 'class'; span: Span; name: string; nameSpan: Span; bases: Expr[]; keywords: Arg[]; body: Stmt[]; decorators: Decorator[]; docstring?: string; fields: { name: string; type: PyType }[]; classVars: { name: string; type: PyType }[] }
  | { k: 'return'; span: Span; value?: Expr }
  | { k: 'pass' | 'break' | 'continue'; span: Span }
  | { k: 'raise'; span: Span; exc?: Expr; cause?: Expr }
  | { k: 'try'; span: Span; body: Stmt[]; handlers: Handler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { k: 'with'; span: Span; items: { expr: Expr; target?: Expr }[]; body: Stmt[] }
  | { k: 'import'; span: Span; names: { name: string; asname?: string }[] }
  | { k: 'importfrom'; span: Span; module: string; names: { name: string; asname?: string }[] }
  | { k: 'global' | 'nonlocal'; span: Span; names: string[] }
  | { k: 'del'; span: Span; targets: Expr[] }
  | { k: 'assert'; span: Span; test: Expr; msg?: Expr }
  | { k: 'match'; span: Span; subject: Expr; cases: MatchCase[] }
  | { k: 'typealias'; span: Span; name: string }
  | { k: 'error'; span: Span; message: string };

export interface Handler { span: Span; type?: Expr; name?: string; body: Stmt[] }

export interface MatchCase { span: Span; pattern: Pattern; guard?: Expr; body: Stmt[] }

export type Pattern =
  | { k: 'value'; span: Span; value: Expr } // literal or dotted value
  | { k: 'capture'; span: Span; name?: string; sym?: SymbolRef } // name undefined = wildcard `_`
  | { k: 'seq'; span: Span; items: Pattern[] }
  | { k: 'star'; span: Span; name?: string; sym?: SymbolRef }
  | { k: 'or'; span: Span; alts: Pattern[] }
  | { k: 'as'; span: Span; pattern: Pattern; name: string }
  | { k: 'class'; span: Span; cls: Expr; args: Pattern[]; kwargs: { name: string; pattern: Pattern }[] }
  | { k: 'mapping'; span: Span; keys: Expr[]; values: Pattern[] };

export interface Module { body: Stmt[]; docstring?: string; text: string }

/** A problem found while parsing/analysing (syntax errors etc.). */
export interface ParseProblem { message: string; span: Span }
