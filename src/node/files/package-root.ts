import { fileURLToPath } from 'node:url';

/** Set by bin/compile.js in the compiled CLI, whose module lives in node_modules/.cache rather than in src/node/. */
declare const __SPEECH_DECK_ROOT__: string | undefined;

/** The project folder, where `index.html` and `src/` live, wherever the command is run from. */
export const PACKAGE_ROOT = typeof __SPEECH_DECK_ROOT__ === 'string' ? __SPEECH_DECK_ROOT__ : fileURLToPath(new URL('../../..', import.meta.url));
