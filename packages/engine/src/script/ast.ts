/** AST of the expression subset. Every node carries `pos`, its character offset in the expression source. */
export type Target = { k: 'name'; id: string; pos: number } | { k: 'tuple'; items: Target[]; pos: number };

export interface Comprehension {
  target: Target;
  iter: Node;
  ifs: Node[];
}

export interface FStringField {
  expr: Node;
  conv: 's' | 'r' | null;
  /** Literal spec, or a nested f-string when the spec holds `{...}`. */
  spec: string | Node;
  /** Text of the expression with `=` (f'{x=}') so the output shows it. */
  debugText: string | null;
}

export type Node =
  | { k: 'const'; v: unknown; pos: number }
  | { k: 'name'; id: string; pos: number }
  | { k: 'list' | 'tuple' | 'set'; items: Node[]; pos: number }
  | { k: 'dict'; keys: Node[]; values: Node[]; pos: number }
  | { k: 'attr'; obj: Node; name: string; pos: number }
  | { k: 'index'; obj: Node; index: Node; pos: number }
  | { k: 'slice'; obj: Node; lo: Node | null; hi: Node | null; step: Node | null; pos: number }
  | { k: 'call'; fn: Node; args: Node[]; kwargs: { name: string; value: Node }[]; pos: number }
  | { k: 'unary'; op: '-' | '+' | 'not'; operand: Node; pos: number }
  | { k: 'bin'; op: string; left: Node; right: Node; pos: number }
  | { k: 'bool'; op: 'and' | 'or'; values: Node[]; pos: number }
  | { k: 'cmp'; left: Node; ops: string[]; rights: Node[]; pos: number }
  | { k: 'cond'; test: Node; body: Node; orelse: Node; pos: number }
  | { k: 'fstr'; parts: (string | FStringField)[]; pos: number }
  | {
      k: 'comp';
      kind: 'list' | 'set' | 'dict' | 'gen';
      elt: Node;
      value: Node | null;
      gens: Comprehension[];
      pos: number;
    }
  | { k: 'lambda'; params: string[]; defaults: Node[]; body: Node; pos: number };
