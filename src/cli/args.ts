/** Argument parsing on top of `node:util` parseArgs, with errors as `UsageError`. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `args` against `options`; unknown options and missing values are usage errors. */
export function parseCommandArgs(args: string[], options: Options): ParsedArgs {
  try {
    const parsed = parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/**
 * `--max-warnings -1` would make parseArgs complain that the argument is "ambiguous": a value that
 * looks like a negative number is joined to its option (`--max-warnings=-1`), so the option's own
 * check can say what is wrong with it.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A non-negative integer option value, or a usage error naming the option. */
export function integerOption(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^-\d+$/.test(value)) throw new UsageError(`${name} cannot be negative (${value}): give 0 or more, e.g. ${name} 0.`);
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new UsageError(`${name} expects a whole number, e.g. ${name} 0.`);
  return number;
}

/** One of a fixed set of values, or a usage error listing them. */
export function choiceOption<T extends string>(value: string | boolean | undefined, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} must be one of: ${choices.join(', ')}.`);
}
