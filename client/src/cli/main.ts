// The `cats` command: argv → command → exit code. client/bin/cats.js calls cli() from the build.
import { GLOBAL_OPTIONS, Opts, parseArgv } from './args';
import { COMMAND_GROUPS, allOptionSpecs, findCommand } from './commands';
import { Context, defaultEnv, type CliEnv } from './context';
import { EXIT, UsageError, errorLine, exitCodeOf } from './errors';
import { commandHelp, generalHelp, groupHelp } from './help';

/** Runs one command line; never throws, never exits: the exit code is returned. */
export async function run(argv: readonly string[], env: CliEnv = defaultEnv()): Promise<number> {
  try {
    const { positionals, options } = parseArgv(argv, allOptionSpecs());
    const opts = new Opts(options);
    const help = opts.flag('help');
    if (positionals[0] === 'help') {
      positionals.shift();
      if (positionals.length === 0) {
        generalHelp().forEach((l) => env.out(l));
        return EXIT.OK;
      }
      return run([...positionals, '--help'], env);
    }
    if (positionals.length === 0) {
      if (help) {
        generalHelp().forEach((l) => env.out(l));
        return EXIT.OK;
      }
      throw new UsageError('no command given (try `cats --help`)');
    }
    const found = findCommand(positionals);
    if (!found) {
      const [first, second] = positionals;
      if (COMMAND_GROUPS.includes(first!)) {
        if (help) {
          groupHelp(first!).forEach((l) => env.out(l));
          return EXIT.OK;
        }
        if (second === undefined) throw new UsageError(`'cats ${first}' needs a command (try \`cats ${first} --help\`)`);
        throw new UsageError(`unknown command '${first} ${second}' (try \`cats ${first} --help\`)`, 'UNKNOWN_COMMAND');
      }
      throw new UsageError(`unknown command '${first}' (try \`cats --help\`)`, 'UNKNOWN_COMMAND');
    }
    const { command, args } = found;
    const allowed = new Set([...GLOBAL_OPTIONS, ...command.options].map((o) => o.name));
    for (const name of Object.keys(options)) {
      if (!allowed.has(name)) throw new UsageError(`'cats ${command.name}' has no option --${name} (try \`cats ${command.name} --help\`)`);
    }
    if (help) {
      commandHelp(command).forEach((l) => env.out(l));
      return EXIT.OK;
    }
    const required = command.args.filter((a) => !a.optional);
    if (args.length < required.length) throw new UsageError(`missing argument <${required[args.length]!.name}> (usage: cats ${command.name} ${command.args.map((a) => `<${a.name}>`).join(' ')})`);
    if (args.length > command.args.length) throw new UsageError(`unexpected argument '${args[command.args.length]}'`);
    const code = await command.run(new Context(env, opts), args);
    return typeof code === 'number' ? code : EXIT.OK;
  } catch (err) {
    env.err(errorLine(err));
    return exitCodeOf(err);
  }
}

/** The process entry point (client/bin/cats.js). */
export function cli(argv: readonly string[] = process.argv.slice(2)): void {
  // `cats … | head`: the reader has what it wanted; stop quietly, as other command-line tools do
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${errorLine(err)}\n`);
      process.exitCode = exitCodeOf(err);
    },
  );
}
