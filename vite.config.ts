import { deckConfig } from './src/node/vite-config.ts';

// Plain `vite` uses the same configuration as `speech-deck dev` and `speech-deck build`.
export default deckConfig({ input: 'slides/speech.md' });
