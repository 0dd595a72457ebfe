import { deckConfig } from './src/node/page/vite-config.ts';

// Plain `vite` serves the same deck as `speech-deck dev`. Building is left to `speech-deck build`, which builds in a
// private folder and writes only the finished page; plain `vite build` writes into ./dist.
export default deckConfig({ input: 'slides/speech.md' });
