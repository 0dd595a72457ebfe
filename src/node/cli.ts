import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLIError } from './errors.ts';
import { isStopping, stopOnSignals } from './stop.ts';

export const DEFAULT_INPUT = 'slides/speech.md';
const DEFAULT_OUT_DIR = 'dist';

const USAGE = `Usage: speech-deck <command> [file.md] [options]

Commands:
  dev   [file.md]                 present the deck at a local address; saving the file updates it
  build [file.md] [--out-dir DIR] write one self-contained HTML file (default dist/<name>.html)
  check [file.md]                 report problems and proofread the text, without building
  pdf   [file.md] [--out-dir DIR] [--browser-path PATH]
                                  write the slides to <name>.pdf and the speaker's handout to <name>-notes.pdf
  manuscript [file.md] [--out-dir DIR] [--no-cues] [--large] [--docx] [--browser-path PATH]
                                  write the A4 speaking manuscript (讲稿) to <name>-讲稿.pdf, in the layout of
                                  official documents, with ▶n where each slide begins (--no-cues: none);
                                  --large: 二号 22 pt for reading at arm's length; --docx: also <name>-讲稿.docx
  pptx  [file.md] [--out-dir DIR] write an editable PowerPoint file, <name>.pptx, with the speech in its notes
  import <speech.docx|speech.txt> [-o out.md] [--force]
                                  turn a Word or text file into a speech in Markdown (default slides/<name>.md)
  studio [--out-dir DIR]          write speech-deck-studio.html: one offline page that makes the deck from a Word file

file.md defaults to ${DEFAULT_INPUT}.`;

const OPTIONS = {
  'out-dir': { type: 'string' },
  'browser-path': { type: 'string' },
  port: { type: 'string' },
  'no-cues': { type: 'boolean' },
  large: { type: 'boolean' },
  docx: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/**
 * Each subcommand takes the speech's path and the options, and returns the exit code. Each imports what it
 * needs when it runs: Vite and Playwright take about a second each to load, which `check` and `build` don't need.
 */
const COMMANDS: Record<string, (input: string, values: Values) => Promise<number>> = {
  dev,
  build: async (input, values) => (await (await import('./build.ts')).buildDeck(input, values['out-dir'] ?? DEFAULT_OUT_DIR), 0),
  check: async (input) => (await import('./check.ts')).runCheck(input),
  pdf: async (input, values) =>
    (await (await import('./pdf.ts')).exportPdf({ input, outDir: values['out-dir'] ?? DEFAULT_OUT_DIR, browserPath: values['browser-path'] }), 0),
  manuscript: async (input, values) =>
    (await (await import('./manuscript.ts')).exportManuscript({
      input,
      outDir: values['out-dir'] ?? DEFAULT_OUT_DIR,
      browserPath: values['browser-path'],
      cues: !values['no-cues'],
      large: !!values.large,
      docx: !!values.docx,
    }), 0),
  pptx: async (input, values) => (await (await import('./pptx.ts')).exportPptx({ input, outDir: values['out-dir'] ?? DEFAULT_OUT_DIR }), 0),
  import: async (input, values) => (await import('./import.ts')).runImport({ input, output: values.output, force: values.force }),
  studio: async (_input, values) => (await (await import('./studio.ts')).buildStudio(values['out-dir'] ?? DEFAULT_OUT_DIR), 0),
};

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { command, input, values, given } = readArgs(argv);
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run || !Object.hasOwn(COMMANDS, command)) throw new CLIError(`unknown command "${command}".\n\n${USAGE}`);
  if (command === 'import' && !given) throw new CLIError(`import needs the Word or text file to read, e.g. speech-deck import 讲话.docx\n\n${USAGE}`);
  return run(input, values);
}

function readArgs(argv: string[]): { command: string | undefined; input: string; values: Values; given: boolean } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    if (positionals.length > 2) throw new CLIError(`too many arguments: ${positionals.slice(2).join(' ')}\n\n${USAGE}`);
    return { command: positionals[0], input: resolve(positionals[1] ?? DEFAULT_INPUT), values, given: positionals.length > 1 };
  } catch (error) {
    if (error instanceof CLIError) throw error;
    throw new CLIError(`${argumentProblem(error as NodeJS.ErrnoException, argv)}\n\n${USAGE}`);
  }
}

/**
 * What is wrong with the arguments, in plain words: an option that does not exist (with the one meant, when it
 * is a slip of the keyboard away) or one that lacks its value. Node's own wording is kept for anything else.
 */
function argumentProblem(error: NodeJS.ErrnoException, argv: string[]): string {
  const option = /'(-{1,2}[^']+)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = option.replace(/^-+/, '').replace(/=.*$/, '');
    const meant = Object.keys(OPTIONS).find((known) => editDistance(known, name) <= 2);
    return meant
      ? `没有 ${option} 这个选项，是不是 --${meant}？· there is no option ${option}; did you mean --${meant}?`
      : `没有 ${option} 这个选项 · there is no option ${option}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const given = argv.find((arg) => arg.startsWith('-') && error.message.includes(arg)) ?? option;
    return `选项 ${given} 后面要跟一个值 · the option ${given} needs a value after it`;
  }
  return error.message;
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

async function dev(input: string, values: Values): Promise<number> {
  const [{ createServer }, { createReporter }, { displayPath }, { LiveSpeech }, { deckConfig }, { onStop }] = await Promise.all([
    import('vite'),
    import('./build.ts'),
    import('./load.ts'),
    import('./speech-source.ts'),
    import('./vite-config.ts'),
    import('./stop.ts'),
  ]);
  const report = createReporter();
  // Read once here; the server reads it again only when the file changes.
  const speech = new LiveSpeech(input);
  report(speech.current());
  const server = await createServer({
    ...deckConfig({ speech, report }),
    server: { port: readPort(values.port), open: canOpenBrowser() },
  });
  onStop(() => server.close());
  await server.listen();
  console.log(`Presenting ${displayPath(input)}; saving it updates the open deck. Press Ctrl+C to stop. · 正在放映，保存讲话稿后幻灯片自动更新；按 Ctrl+C 停止`);
  server.printUrls();
  // The server keeps the process alive until Ctrl+C.
  return 0;
}

function readPort(text: string | undefined): number {
  if (text === undefined) return 5173;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CLIError(`--port must be a whole number from 1 to 65535, not "${text}"`);
  return port;
}

/** Whether a browser window can be opened for the deck: not in CI, nor on a Linux box with no display. */
function canOpenBrowser(): boolean {
  if (process.env.CI) return false;
  return process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
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
      console.error(`speech-deck: unexpected failure: ${error instanceof Error ? (process.env.SPEECH_DECK_DEBUG ? error.stack : error.message) : String(error)}`);
      process.exitCode = 70;
    }
  }
}
