// Shared state and value model of lowering.
import * as AST from '../ast';
import { PyType } from '../types';

/**
 * A lowered expression. `kind` says what the Rust code denotes:
 * - value: an owned temporary (use as is)
 * - place: a variable/field path (clone to take ownership of a non-Copy value)
 * - ref: a shared reference `&T` (deref Copy values, clone others)
 * - mutref: a `&mut T`
 * - strlit: a `"..."` literal (a &'static str)
 * - char: a Rust `char` standing for a one-character Python str
 */
export interface RExpr {
  code: string; type: PyType; kind: 'value' | 'place' | 'ref' | 'mutref' | 'strlit' | 'char'; prec?: number;
  /** A class in a hierarchy held as its concrete struct (`self`, `Car::new(..)`), not `Box<dyn Trait>`. */
  concrete?: boolean;
}

export type ParamMode = 'value' | 'ref' | 'mut';

export interface ParamInfo {
  name: string;
  type: PyType;
  mode: ParamMode;
  /** `seen=None` defaulted to a fresh container and mutated: `Option<&mut T>`, the caller's
   * container is shared like in Python. */
  optMut?: boolean;
  /** A callable some caller gives a state-changing lambda: `&mut dyn FnMut`. */
  fnMut?: boolean;
  default?: AST.Expr;
  kind: AST.Param['kind'];
  sym?: AST.SymbolRef;
  rebound: boolean;
}

export interface FuncInfo {
  name: string; // Python name
  rust: string; // Rust path to call it (`area`, `Point::new`, `self.area`)
  params: ParamInfo[];
  ret: PyType;
  raises: boolean;
  isGenerator: boolean;
  def: Extract<AST.Stmt, { k: 'def' }>;
  selfMode?: 'ref' | 'mut' | 'static' | 'cls';
  className?: string;
  /** Calls under a `try` somewhere: builtin errors inside must propagate as Err. */
  catchContext: boolean;
  /** A method whose every `return` is `return self` (fluent API): returns `&mut Self` / `&Self`. */
  returnsSelf?: boolean;
}

export interface ClassInfo {
  name: string;
  rust: string;
  node: Extract<AST.Stmt, { k: 'class' }>;
  /** `override`: an instance attribute shadowing a class attribute (`obj.attr = v`), None until set. */
  fields: { name: string; type: PyType; default?: AST.Expr; override?: boolean; /** field(compare=False) */ noCompare?: boolean }[];
  /** Instances are shared references (`Rc<RefCell<C>>`): the program aliases and mutates them. */
  shared?: boolean;
  /** Class-level attributes (`count = 0` in the class body), by name. */
  classVars?: Map<string, ClassVarInfo>;
  methods: Map<string, FuncInfo>;
  base?: string;
  isDataclass: boolean;
  /** A typing.NamedTuple class: its fields are also positions (`p[0]`, `len(p)`). */
  isNamedTuple?: boolean;
  dataclassOrder: boolean;
  isException: boolean;
  isAbstract: boolean;
  isEnum: boolean;
  hasSubclasses: boolean;
  typeParams: string[];
}

/**
 * A class attribute: an associated `const` (`C::ATTR`) when it is a literal never reassigned,
 * else a thread-local cell `C_ATTR` (Cell for Copy types, RefCell otherwise) read with `.with()`.
 */
export interface ClassVarInfo {
  name: string;
  owner: ClassInfo;
  type: PyType;
  value: AST.Expr;
  cell: boolean;
  rust: string;
}

/** Rust operator precedence levels, to parenthesise only where needed. */
export const PREC = { atom: 100, unary: 90, cast: 85, mul: 80, add: 70, shift: 60, band: 55, bxor: 50, bor: 45, cmp: 40, and: 30, or: 20, range: 10, assign: 5 };
