/**
 * The studio's speech worker: reads a file into the speech's Markdown (the importer, as `speech-deck import`),
 * parses each version into the deck, and proofreads it (the rules of `speech-deck check`, with the dictionary the
 * page carries), off the page's thread, so that a long speech never freezes the page. Proofreading goes a
 * passage at a time and gives way to a newer version.
 */
import './worker-require.ts';
import { capacityProblems } from '../core/capacity.ts';
import { addLineBreaks } from '../core/line-breaks.ts';
import { parse } from '../core/parse.ts';
import { proofreading } from '../proofread/index.ts';
import { characterUse, dictionaryLines, useDictionary } from '../proofread/lexicon.ts';
import { fromBase64 } from './base64.ts';
import type { FromSpeechWorker, ToSpeechWorker } from './protocol.ts';
import { readFile, readPasted, SourceError } from './source.ts';
import { wordBoundaries } from './words.ts';

const scope = self as unknown as {
  postMessage(message: FromSpeechWorker): void;
  onmessage: ((event: MessageEvent<ToSpeechWorker>) => void) | null;
};

let loaded: Promise<string[]> | undefined;
/** The newest version asked to be made; proofreading of an older one stops. */
let newest = 0;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function init(message: Extract<ToSpeechWorker, { type: 'init' }>): Promise<string[]> {
  const dictionary = await gunzip(fromBase64(message.dictionary));
  useDictionary(() => dictionary);
  // The dictionary's lines and index, made now rather than with the first speech.
  dictionaryLines();
  characterUse('的');
  return message.wholeTerms;
}

/** Lets messages that arrived meanwhile (a newer version) be handled. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

async function make(message: Extract<ToSpeechWorker, { type: 'make' }>, wholeTerms: string[]): Promise<void> {
  const { id, markdown } = message;
  const deck = parse(markdown);
  addLineBreaks(deck, wordBoundaries, wholeTerms);
  const problems = [...message.sourceProblems, ...deck.problems, ...capacityProblems(deck)];
  scope.postMessage({ type: 'parsed', id, deck, problems });
  await breathe();
  const steps = proofreading(markdown);
  let shown = performance.now();
  for (;;) {
    if (id !== newest) return;
    const started = performance.now();
    let step = steps.next();
    // A slice of about 30 ms at a time, then a look at the messages.
    while (!step.done && performance.now() - started < 30) step = steps.next();
    if (step.done) {
      scope.postMessage({ type: 'findings', id, findings: step.value });
      return;
    }
    if (performance.now() - shown > 100) {
      shown = performance.now();
      scope.postMessage({ type: 'progress', id, ...step.value });
    }
    await breathe();
  }
}

async function read(message: Extract<ToSpeechWorker, { type: 'read' | 'paste' }>): Promise<void> {
  try {
    const source = message.type === 'read' ? await readFile(message.file) : readPasted(message.text);
    scope.postMessage({ type: 'read', id: message.id, source });
  } catch (error) {
    scope.postMessage({ type: 'error', id: message.id, message: (error as Error).message, plain: error instanceof SourceError });
  }
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'init') {
    loaded = init(message);
    loaded.then(
      () => scope.postMessage({ type: 'ready' }),
      (error: Error) => scope.postMessage({ type: 'error', message: error.message }),
    );
    return;
  }
  if (!loaded) return scope.postMessage({ type: 'error', id: message.id, message: 'the speech worker was not started' });
  if (message.type === 'make') newest = message.id;
  const work = loaded.then((wholeTerms) => (message.type === 'make' ? make(message, wholeTerms) : read(message)));
  work.catch((error: Error) => scope.postMessage({ type: 'error', id: message.id, message: error.message }));
};
