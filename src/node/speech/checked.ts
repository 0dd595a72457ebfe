import { hasErrors } from '../../core/model.ts';
import { say } from '../../core/say.ts';
import { CLIError, formatProblem } from '../errors.ts';
import { SPEECH } from '../messages.ts';
import { embedPictures } from './images.ts';
import type { LoadedSpeech } from './load.ts';

/** Prints a speech's problems, once per distinct set, to stderr. */
export function createReporter(): (loaded: LoadedSpeech) => void {
  let last = '';
  return (loaded) => {
    const text = loaded.deck.problems.map((p) => formatProblem(loaded.file, p)).join('\n');
    if (text && text !== last) console.error(text);
    last = text;
  };
}

/** Speeches whose pictures are embedded already: a command that checks the speech twice embeds them once. */
const withPictures = new WeakSet<LoadedSpeech>();

/** Embeds the speech's pictures, prints its problems and stops with a clear message when it has errors. */
export async function checkedSpeech(loaded: LoadedSpeech, report: (loaded: LoadedSpeech) => void): Promise<LoadedSpeech> {
  if (!withPictures.has(loaded)) {
    withPictures.add(loaded);
    loaded.deck.problems = [...loaded.deck.problems, ...(await embedPictures(loaded.deck, loaded.path))].sort((a, b) => a.line - b.line);
  }
  report(loaded);
  await loaded.words?.keep();
  const errors = loaded.deck.problems.filter((p) => p.severity === 'error').length;
  if (hasErrors(loaded.deck.problems)) throw new CLIError(say(errors > 1 ? SPEECH.errors : SPEECH.oneError, { file: loaded.file, count: errors }));
  return loaded;
}
