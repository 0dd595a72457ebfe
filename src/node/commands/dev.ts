/**
 * `speech-deck dev` (`npm start`): presents the deck at a local address and opens it in the browser; saving the
 * speech (or a picture it shows) updates the open deck on the slide it was on. Runs until Ctrl+C.
 */
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { BUILD } from '../messages.ts';
import { displayPath } from '../files/paths.ts';
import { type Command, SPEECH_ARGUMENT, stringOption } from './command.ts';

const DEFAULT_PORT = 5173;

export const dev: Command = {
  name: 'dev',
  summary: {
    zh: '在本机地址放映幻灯片；保存讲话稿后自动更新（npm start 就是它）',
    en: 'present the deck at a local address; saving the speech updates it (what npm start runs)',
  },
  argument: SPEECH_ARGUMENT,
  options: {
    port: {
      type: 'string',
      value: '端口 PORT',
      help: { zh: `用这个端口（默认 ${DEFAULT_PORT}，被占用时换下一个）`, en: `serve on this port (default ${DEFAULT_PORT}, the next free one if taken)` },
    },
  },
  run: ({ file, values }) => present(file, readPort(stringOption(values, 'port'))),
};

async function present(input: string, port: number): Promise<number> {
  const [{ createServer }, { createReporter }, { LiveSpeech }, { deckConfig }, { onStop }] = await Promise.all([
    import('vite'),
    import('../speech/checked.ts'),
    import('../speech/live.ts'),
    import('../page/vite-config.ts'),
    import('../stop.ts'),
  ]);
  const report = createReporter();
  // Read once here; the server reads it again only when the file changes.
  const speech = new LiveSpeech(input);
  report(speech.current());
  // The page's code is transformed at start, in the background, as the fonts and pictures are (plugins/): neither
  // the first page nor the first save waits for it.
  const warmup = { clientFiles: ['./index.html', './src/client/main.ts'] };
  const server = await createServer({ ...deckConfig({ speech, report }), server: { port, open: canOpenBrowser(), warmup } });
  onStop(() => server.close());
  await server.listen();
  console.log(
    `正在放映 ${displayPath(input)}，保存讲话稿后幻灯片自动更新；按 Ctrl+C 停止 · Presenting it; saving it updates the open deck. Press Ctrl+C to stop.`,
  );
  server.printUrls();
  // The server keeps the process alive until Ctrl+C.
  return 0;
}

function readPort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CLIError(say(BUILD.badPort, { text }));
  }
  return port;
}

/** Whether a browser window can be opened for the deck: not in CI, nor on a Linux box with no display. */
function canOpenBrowser(): boolean {
  if (process.env.CI) return false;
  return process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
