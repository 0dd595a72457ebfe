/**
 * The command line: a table of commands, each in its own file under commands/. The help is written from the
 * table, the arguments are read against the command's own options, and errors are caught here, once.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
import type { Command, OptionSpec, OptionValues } from './commands/command.ts';
import { dev } from './commands/dev.ts';
import { importCommand } from './commands/import.ts';
import { manuscript } from './commands/manuscript.ts';
import { pdf } from './commands/pdf.ts';
import { pptx } from './commands/pptx.ts';
import { studio } from './commands/studio.ts';
import { type Message, say } from '../core/say.ts';
import { CLIError } from './errors.ts';
import { CLI } from './messages.ts';
import { isStopping, stopOnSignals } from './stop.ts';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [dev, build, check, pdf, manuscript, pptx, importCommand, studio];

export const DEFAULT_INPUT = 'slides/speech.md';

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: { zh: '显示这段说明', en: 'show this help' } };

/** A heading of the help, both words: `用法 Usage`. */
const both = (label: Message) => `${label.zh} ${label.en}`;

/** The help for all commands: each line Chinese first, then English. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${both(CLI.usage)}: speech-deck <命令 command> [讲话稿.md] [选项 options]`,
    '',
    `${both(CLI.commands)}:`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${say(c.summary)}`),
    '',
    say(CLI.speechDefault, { file: DEFAULT_INPUT }),
    say(CLI.eachCommand),
  ].join('\n');
}

/** The help for one command. */
export function commandUsage(command: Command): string {
  const options = Object.entries({ ...command.options, help: HELP });
  const shown = options.map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`);
  const width = Math.max(...shown.map(columns));
  return [
    `${both(CLI.usage)}: speech-deck ${command.name}${command.argument ? ` ${command.argument.shown}` : ''} [选项 options]`,
    '',
    say(command.summary),
    ...(command.argument?.fallback ? ['', say(CLI.speechDefault, { file: command.argument.fallback })] : []),
    '',
    `${both(CLI.options)}:`,
    ...options.map(([, spec], i) => `  ${shown[i]!}${' '.repeat(width - columns(shown[i]!))}  ${say(spec.help)}`),
    ...(command.notes ?? []).flatMap((note) => ['', say(note)]),
  ].join('\n');
}

/** How many columns a terminal gives the text: two for each Chinese character. */
function columns(text: string): number {
  return [...text].reduce((n, c) => n + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const at = commandAt(argv);
  const name = at < 0 ? undefined : argv[at]!;
  if (name === undefined) {
    const asked = argv.includes('--help') || argv.includes('-h');
    const stray = argv.find((arg) => arg !== '--help' && arg !== '-h');
    if (stray) throw new CLIError(`${unknownOption(stray)}\n\n${usage()}`);
    console.log(usage());
    return asked ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CLIError(`${say(CLI.unknownCommand, { name })}\n\n${usage()}`);
  const { values, positionals } = readArgs(
    command,
    argv.filter((_, i) => i !== at),
  );
  if (values.help) {
    console.log(commandUsage(command));
    return 0;
  }
  if (positionals.length > 1 || (positionals.length === 1 && !command.argument)) {
    const extra = command.argument ? positionals.slice(1) : positionals;
    throw new CLIError(`${say(CLI.tooManyArguments, { extra: extra.join(' ') })}\n\n${commandUsage(command)}`);
  }
  const given = positionals[0];
  if (given === undefined && command.argument?.required) {
    const missing = command.argument.missing!;
    throw new CLIError(`${say(missing)}\n\n${commandUsage(command)}`);
  }
  return command.run({ file: resolve(given ?? command.argument?.fallback ?? DEFAULT_INPUT), values });
}

/** Where the command's name stands: the first word that is neither an option nor a string option's value. */
function commandAt(argv: string[]): number {
  const takesValue = new Set(
    COMMANDS.flatMap((c) =>
      Object.entries(c.options)
        .filter(([, spec]) => spec.type === 'string')
        .flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]),
    ),
  );
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i]!.startsWith('-')) return i;
    if (takesValue.has(argv[i]!)) i++;
  }
  return -1;
}

function readArgs(command: Command, args: string[]): { values: OptionValues; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries({ ...command.options, help: HELP }).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new CLIError(`${argumentProblem(error as NodeJS.ErrnoException, args, command)}\n\n${commandUsage(command)}`);
  }
}

/**
 * What is wrong with the arguments, in plain words: an option another command has, one that does not exist (with
 * the one meant, when it is a slip of the keyboard away), or one that lacks its value.
 */
function argumentProblem(error: NodeJS.ErrnoException, args: string[], command: Command): string {
  const option = /'(-{1,2}[^']+)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return unknownOption(option, command);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const given = args.find((arg) => arg.startsWith('-') && error.message.includes(arg)) ?? option;
    return say(CLI.needsValue, { option: given });
  }
  return say(CLI.badArguments, { detail: error.message });
}

function unknownOption(option: string, command?: Command): string {
  const name = option.replace(/^-+/, '').replace(/=.*$/, '');
  const owners = COMMANDS.filter((c) => c !== command && Object.hasOwn(c.options, name)).map((c) => c.name);
  if (command && owners.length) {
    return say(CLI.otherCommands, { command: command.name, option, owners: { zh: owners.join('、'), en: owners.join(', ') } });
  }
  const known = command ? [...Object.keys(command.options), 'help'] : ['help'];
  const meant = known.find((k) => editDistance(k, name) <= 2);
  return meant ? say(CLI.didYouMean, { option, meant }) : say(CLI.unknownOption, { option });
}

/** How many letters must change to turn one word into the other. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Runs the CLI for this process and sets its exit code; the one place errors are caught. */
export async function run(): Promise<void> {
  stopOnSignals();
  try {
    const code = await main(process.argv.slice(2));
    if (!isStopping()) process.exitCode = code;
  } catch (error) {
    // Work cut short by Ctrl+C or SIGTERM fails in all sorts of ways; the one line saying it stopped is enough.
    if (isStopping()) return;
    if (error instanceof CLIError) {
      console.error(`speech-deck: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      const detail = error instanceof Error ? (process.env.SPEECH_DECK_DEBUG ? error.stack : error.message) : String(error);
      console.error(`speech-deck: ${say(CLI.unexpected, { detail: detail ?? '' })}`);
      process.exitCode = 70;
    }
  }
}
