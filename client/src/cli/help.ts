// `cats --help`, `cats <command> --help`, `cats <group> --help`.
import { GLOBAL_OPTIONS, type OptionSpec } from './args';
import type { Command } from './command';
import { COMMANDS, GROUPS } from './commands';

function usageOf(c: Command): string {
  const args = c.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`)).join(' ');
  return `cats ${c.name}${args ? ` ${args}` : ''}${c.options.length ? ' [options]' : ''}${c.identity ? ' --as <Org>:<user>' : ''}`;
}

function optionLines(specs: readonly OptionSpec[]): string[] {
  const left = specs.map((s) => `--${s.name}${s.type === 'boolean' ? '' : ` ${s.metavar ?? '<value>'}`}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return specs.map((s, i) => `  ${left[i]!.padEnd(width)}${s.description}`);
}

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0  done',
  '  1  rejected by the network: a business rule, a state, a permission, an unknown MRN or GRN',
  '  2  usage error: unknown command or option, missing argument, unknown identity, a file neither XML nor JSON',
  '  3  network unavailable: no network.json for the profile, a gateway not reachable, a 5xx answer',
];

export function generalHelp(): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = ['cats — the command-line client of CATS/ICE (customs transit on Hyperledger Fabric)', '', 'Usage: cats <command> [arguments] [options]', ''];
  for (const g of GROUPS) {
    lines.push(`${g.title}:`);
    for (const c of g.commands) lines.push(`  ${c.name.padEnd(width)}${c.summary}`);
    lines.push('');
  }
  lines.push('Global options:', ...optionLines(GLOBAL_OPTIONS), '', ...EXIT_CODES_HELP, '', 'Run `cats <command> --help` for the arguments and options of a command.');
  return lines;
}

export function commandHelp(c: Command): string[] {
  const lines = [`cats ${c.name} — ${c.summary}`, '', `Usage: ${usageOf(c)}`];
  if (c.args.length) {
    const width = Math.max(...c.args.map((a) => a.name.length)) + 4;
    lines.push('', 'Arguments:', ...c.args.map((a) => `  ${`<${a.name}>`.padEnd(width)}${a.description}`));
  }
  if (c.options.length) lines.push('', 'Options:', ...optionLines(c.options));
  lines.push('', 'Global options:', ...optionLines(GLOBAL_OPTIONS));
  if (c.details?.length) lines.push('', ...c.details);
  if (c.examples?.length) lines.push('', 'Examples:', ...c.examples.map((e) => `  ${e}`));
  return lines;
}

export function groupHelp(group: string): string[] {
  const cs = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  const width = Math.max(...cs.map((c) => c.name.length)) + 2;
  return [`Usage: cats ${group} <${cs.map((c) => c.name.split(' ')[1]).join('|')}> …`, '', ...cs.map((c) => `  ${c.name.padEnd(width)}${c.summary}`), '', `Run \`cats ${group} <command> --help\` for its options.`];
}
