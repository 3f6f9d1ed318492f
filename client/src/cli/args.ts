// A small, typed argv parser for `cats`: no dependency. Every option name has one type across all
// commands (so the whole line can be split before the command is known); which options a command accepts
// is checked afterwards, against that command's own list plus the global ones.
import { UsageError } from './errors';

export type OptionType = 'string' | 'boolean' | 'list';

export interface OptionSpec {
  name: string;
  type: OptionType;
  metavar?: string;
  description: string;
}

export type OptionValue = string | boolean | string[];

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, OptionValue>;
}

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'as', type: 'string', metavar: '<Org>:<user>', description: 'act as this enrolled user, e.g. CustomsAZ:officer1' },
  { name: 'json', type: 'boolean', description: 'machine-readable output (JSON on stdout)' },
  { name: 'network', type: 'string', metavar: '<profile>', description: "network profile (default 'default')" },
  { name: 'help', type: 'boolean', description: 'show help' },
];

/**
 * Splits argv into positionals and options. `--name value`, `--name=value`, `-h`, and `--` (the rest is
 * positional). A list option may be repeated. Unknown names and missing values are usage errors.
 */
export function parseArgv(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const options: Record<string, OptionValue> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-h') {
      options.help = true;
      continue;
    }
    if (!token.startsWith('--') || token === '-') {
      if (token.startsWith('-') && token.length > 1 && !/^-\d/.test(token)) throw new UsageError(`unknown option ${token}`);
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.type === 'boolean') {
      if (eq >= 0) {
        const v = token.slice(eq + 1);
        if (v !== 'true' && v !== 'false') throw new UsageError(`--${name} takes no value`);
        options[name] = v === 'true';
      } else options[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${name} needs a value${spec.metavar ? ` ${spec.metavar}` : ''}`);
      value = next;
      i++;
    }
    if (spec.type === 'list') {
      const prev = options[name];
      options[name] = [...(Array.isArray(prev) ? prev : []), value];
    } else {
      if (options[name] !== undefined) throw new UsageError(`--${name} given twice`);
      options[name] = value;
    }
  }
  return { positionals, options };
}

/** Typed accessors over parsed options. */
export class Opts {
  constructor(readonly values: Record<string, OptionValue>) {}

  str(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  required(name: string, what = ''): string {
    const v = this.str(name);
    if (v === undefined || v === '') throw new UsageError(`missing option --${name}${what ? ` ${what}` : ''}`);
    return v;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  list(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  }

  int(name: string): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,15}$/.test(v)) throw new UsageError(`--${name}: a non-negative integer expected, got '${v}'`);
    return Number(v);
  }
}

/** `Org:user` → its two parts; a malformed identity is a usage error (exit 2) before any network is read. */
export function parseIdentity(who: string | undefined): { org: string; user: string } {
  if (who === undefined) throw new UsageError('missing option --as <Org>:<user> (e.g. --as CustomsAZ:officer1)');
  const m = /^([A-Za-z0-9_-]+):([A-Za-z0-9_.@-]+)$/.exec(who);
  if (!m) throw new UsageError(`unknown identity '${who}': use <Org>:<user>, e.g. CustomsAZ:officer1`);
  return { org: m[1]!, user: m[2]! };
}
