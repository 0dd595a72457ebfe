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
import { CLIError } from './errors.ts';
import { isStopping, stopOnSignals } from './stop.ts';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [dev, build, check, pdf, manuscript, pptx, importCommand, studio];

export const DEFAULT_INPUT = 'slides/speech.md';

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: { zh: '显示这段说明', en: 'show this help' } };

/** The help for all commands. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    '用法 Usage: speech-deck <命令 command> [讲话稿.md] [选项 options]',
    '',
    '命令 Commands:',
    ...COMMANDS.flatMap((c) => [`  ${c.name.padEnd(width)}  ${c.summary.zh}`, `  ${' '.repeat(width)}  ${c.summary.en}`]),
    '',
    `讲话稿默认是 ${DEFAULT_INPUT} · The speech defaults to ${DEFAULT_INPUT}.`,
    '每个命令的选项：speech-deck <命令> --help · Each command’s options: speech-deck <command> --help',
  ].join('\n');
}

/** The help for one command. */
export function commandUsage(command: Command): string {
  const options = Object.entries({ ...command.options, help: HELP });
  const shown = options.map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`);
  const width = Math.max(...shown.map(columns));
  return [
    `用法 Usage: speech-deck ${command.name}${command.argument ? ` ${command.argument.shown}` : ''} [选项 options]`,
    '',
    command.summary.zh,
    command.summary.en,
    ...(command.argument?.fallback ? ['', `讲话稿默认是 ${command.argument.fallback} · The speech defaults to ${command.argument.fallback}.`] : []),
    '',
    '选项 Options:',
    ...options.map(([, spec], i) => `  ${shown[i]!}${' '.repeat(width - columns(shown[i]!))}  ${spec.help.zh} · ${spec.help.en}`),
    ...(command.notes ?? []).flatMap((note) => ['', note.zh, note.en]),
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
  if (!command) throw new CLIError(`没有“${name}”这个命令 · there is no command "${name}"\n\n${usage()}`);
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
    throw new CLIError(`多余的参数：${extra.join(' ')} · too many arguments: ${extra.join(' ')}\n\n${commandUsage(command)}`);
  }
  const given = positionals[0];
  if (given === undefined && command.argument?.required) {
    const missing = command.argument.missing!;
    throw new CLIError(`${missing.zh} · ${missing.en}\n\n${commandUsage(command)}`);
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
    return `选项 ${given} 后面要跟一个值 · the option ${given} needs a value after it`;
  }
  return `参数有误 · the arguments are wrong: ${error.message}`;
}

function unknownOption(option: string, command?: Command): string {
  const name = option.replace(/^-+/, '').replace(/=.*$/, '');
  const owners = COMMANDS.filter((c) => c !== command && Object.hasOwn(c.options, name)).map((c) => c.name);
  if (command && owners.length) {
    return `${command.name} 命令没有 ${option} 选项，它属于 ${owners.join('、')} · ${command.name} has no option ${option}; it belongs to ${owners.join(', ')}`;
  }
  const known = command ? [...Object.keys(command.options), 'help'] : ['help'];
  const meant = known.find((k) => editDistance(k, name) <= 2);
  return meant
    ? `没有 ${option} 这个选项，是不是 --${meant}？· there is no option ${option}; did you mean --${meant}?`
    : `没有 ${option} 这个选项 · there is no option ${option}`;
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
      console.error(`speech-deck: 意外的故障 · unexpected failure: ${detail}`);
      process.exitCode = 70;
    }
  }
}
