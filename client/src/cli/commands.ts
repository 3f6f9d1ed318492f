// Every `cats` command, by group (the order of `cats --help`).
import { GLOBAL_OPTIONS, type OptionSpec } from './args';
import { AUDIT_COMMANDS } from './audit';
import { CLAIM_COMMANDS } from './claims';
import type { Command } from './command';
import { GUARANTEE_COMMANDS } from './guarantees';
import { ACTION_COMMANDS } from './movement-actions';
import { MOVEMENT_COMMANDS } from './movements';
import { OPERATION_COMMANDS } from './operations';
import { REGISTRY_COMMANDS } from './registry';
import { REPORT_COMMANDS } from './report';
import { DOCUMENT_COMMANDS } from './tad';

export const GROUPS: { title: string; commands: Command[] }[] = [
  { title: 'Movements', commands: MOVEMENT_COMMANDS },
  { title: 'Movement actions', commands: ACTION_COMMANDS },
  { title: 'Guarantees', commands: GUARANTEE_COMMANDS },
  { title: 'Claims', commands: CLAIM_COMMANDS },
  { title: 'Documents and reports', commands: [...DOCUMENT_COMMANDS, ...REPORT_COMMANDS] },
  { title: 'Registry', commands: REGISTRY_COMMANDS },
  { title: 'Audit', commands: AUDIT_COMMANDS },
  { title: 'Network and access', commands: OPERATION_COMMANDS },
];

export const COMMANDS: Command[] = GROUPS.flatMap((g) => g.commands);

/** First words of two-word commands: `guarantee`, `audit`. */
export const COMMAND_GROUPS: string[] = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!))];

/** One spec per option name over all commands; two commands giving one name two types is a bug. */
export function allOptionSpecs(commands: readonly Command[] = COMMANDS): OptionSpec[] {
  const byName = new Map<string, OptionSpec>();
  for (const spec of [...GLOBAL_OPTIONS, ...commands.flatMap((c) => c.options)]) {
    const seen = byName.get(spec.name);
    if (seen && seen.type !== spec.type) throw new Error(`option --${spec.name} is declared both ${seen.type} and ${spec.type}`);
    if (!seen) byName.set(spec.name, spec);
  }
  return [...byName.values()];
}

export function findCommand(positionals: readonly string[]): { command: Command; args: string[] } | undefined {
  const [first, second] = positionals;
  if (first === undefined) return undefined;
  if (second !== undefined) {
    const two = COMMANDS.find((c) => c.name === `${first} ${second}`);
    if (two) return { command: two, args: positionals.slice(2) };
  }
  const one = COMMANDS.find((c) => c.name === first);
  return one ? { command: one, args: positionals.slice(1) } : undefined;
}
