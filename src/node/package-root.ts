import { fileURLToPath } from 'node:url';

/** The project folder, where `index.html` and `src/` live, wherever the command is run from. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
