/**
 * The condition language of `when:`. Small on purpose: variable names, numbers, `true`/`false`,
 * `not`/`!`, `and`/`&&`, `or`/`||`, parentheses and the comparisons `== != < <= > >=`.
 * Precedence, loosest first: `or`, `and`, `not`, comparison. So `not offers > 1` means
 * `not (offers > 1)`.
 *
 * @example
 * const parsed = parseCondition('askedReceipt and offers < 2');
 * if (parsed.ok) evaluateCondition(parsed.ast, { askedReceipt: true, offers: 1 }); // true
 */
import type { ConditionAst, VariableValue } from './model.ts';

export interface ConditionError {
  message: string;
  /** 0-based character offset inside the condition text. */
  offset: number;
  /** Length of the offending text (at least 1). */
  length: number;
}

export type ConditionParseResult = { ok: true; ast: ConditionAst } | { ok: false; error: ConditionError };

type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

type Token =
  | { type: 'number'; value: number; offset: number; text: string }
  | { type: 'name'; value: string; offset: number; text: string }
  | { type: 'op'; value: string; offset: number; text: string }
  | { type: 'end'; offset: number; text: string };

class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '='];
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), offset: i, text: number[0] });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ type: 'name', value: name[0], offset: i, text: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (op === '=') throw new ConditionSyntaxError('Use `==` to compare (a single `=` is not allowed here).', i, 1);
    if (op === undefined) {
      const hint = ch === '-' ? ' Negative numbers are not supported: compare the other way round.' : '';
      throw new ConditionSyntaxError(`Unexpected character \`${ch}\`.${hint}`, i, 1);
    }
    tokens.push({ type: 'op', value: op, offset: i, text: op });
    i += op.length;
  }
  tokens.push({ type: 'end', offset: source.length, text: '' });
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ConditionAst {
    const ast = this.parseOr();
    const token = this.peek();
    if (token.type !== 'end') this.fail(`Unexpected \`${token.text}\`: expected \`and\`, \`or\` or the end.`, token);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  private isWord(token: Token, ...words: string[]): boolean {
    return (token.type === 'name' || token.type === 'op') && words.includes(token.value);
  }

  private fail(message: string, token: Token): never {
    throw new ConditionSyntaxError(message, token.offset, Math.max(1, token.text.length));
  }

  private parseOr(): ConditionAst {
    let left = this.parseAnd();
    while (this.isWord(this.peek(), 'or', '||')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): ConditionAst {
    let left = this.parseNot();
    while (this.isWord(this.peek(), 'and', '&&')) {
      this.next();
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): ConditionAst {
    if (this.isWord(this.peek(), 'not', '!')) {
      this.next();
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parseCompare();
  }

  private parseCompare(): ConditionAst {
    const left = this.parsePrimary();
    const token = this.peek();
    if (token.type !== 'op' || !isCompareOp(token.value)) return left;
    this.next();
    const right = this.parsePrimary();
    const after = this.peek();
    if (after.type === 'op' && isCompareOp(after.value)) {
      this.fail('Compare one pair at a time: join comparisons with `and`.', after);
    }
    return { kind: 'compare', op: token.value, left, right };
  }

  private parsePrimary(): ConditionAst {
    const token = this.next();
    if (token.type === 'number') return { kind: 'literal', value: token.value };
    if (token.type === 'name' && !KEYWORDS.has(token.value)) return { kind: 'variable', name: token.value };
    if (token.type === 'name' && (token.value === 'true' || token.value === 'false')) {
      return { kind: 'literal', value: token.value === 'true' };
    }
    if (token.type === 'op' && token.value === '(') {
      const inner = this.parseOr();
      const close = this.next();
      if (close.type !== 'op' || close.value !== ')') this.fail('A `(` is never closed: add `)`.', close);
      return inner;
    }
    if (token.type === 'end') this.fail('The condition ends too early: expected a name, number, true or false.', token);
    return this.fail(`Unexpected \`${token.text}\`: expected a name, number, true or false.`, token);
  }
}

function isCompareOp(value: string): value is CompareOp {
  return ['==', '!=', '<', '<=', '>', '>='].includes(value);
}

/** Parses a `when:` condition. Never throws: a syntax error comes back with its offset. */
export function parseCondition(source: string): ConditionParseResult {
  try {
    if (source.trim() === '') return { ok: false, error: { message: 'The condition is empty.', offset: 0, length: 1 } };
    return { ok: true, ast: new Parser(tokenize(source)).parse() };
  } catch (error) {
    if (error instanceof ConditionSyntaxError) {
      return { ok: false, error: { message: error.message, offset: error.offset, length: error.length } };
    }
    return { ok: false, error: { message: 'The condition cannot be read.', offset: 0, length: Math.max(1, source.length) } };
  }
}

function truthy(value: VariableValue): boolean {
  return typeof value === 'boolean' ? value : value !== 0;
}

function numeric(value: VariableValue): number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function valueOf(ast: ConditionAst, variables: Readonly<Record<string, VariableValue>>): VariableValue {
  switch (ast.kind) {
    case 'literal':
      return ast.value;
    case 'variable': {
      const value = Object.hasOwn(variables, ast.name) ? variables[ast.name] : undefined;
      return typeof value === 'number' || typeof value === 'boolean' ? value : false;
    }
    case 'not':
      return !truthy(valueOf(ast.operand, variables));
    case 'and':
      return truthy(valueOf(ast.left, variables)) && truthy(valueOf(ast.right, variables));
    case 'or':
      return truthy(valueOf(ast.left, variables)) || truthy(valueOf(ast.right, variables));
    case 'compare':
      return compare(ast.op, valueOf(ast.left, variables), valueOf(ast.right, variables));
  }
}

function compare(op: CompareOp, left: VariableValue, right: VariableValue): boolean {
  const a = numeric(left);
  const b = numeric(right);
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/**
 * Evaluates a parsed condition. Pure and total: an unknown variable counts as false (0 in a
 * comparison); booleans compare as 1 and 0.
 */
export function evaluateCondition(ast: ConditionAst, variables: Readonly<Record<string, VariableValue>>): boolean {
  return truthy(valueOf(ast, variables));
}

/** The variable names a condition reads, each once, in order of appearance. */
export function conditionVariables(ast: ConditionAst): string[] {
  const names: string[] = [];
  const visit = (node: ConditionAst): void => {
    if (node.kind === 'variable' && !names.includes(node.name)) names.push(node.name);
    else if (node.kind === 'not') visit(node.operand);
    else if (node.kind === 'and' || node.kind === 'or' || node.kind === 'compare') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(ast);
  return names;
}
