/**
 * The last step of a build: the page, already one file (vite-plugin-singlefile runs before), has its program kept
 * as data for its first script to start (index.html), gets its Content-Security-Policy, computed from its final
 * inline scripts, and is named after the speech. It stays in the build's private folder; the build command then
 * writes it to the user's folder as one atomic step.
 */
import type { Plugin } from 'vite';
import { withContentSecurityPolicy } from '../csp.ts';

/** The page's program as the build inlines it. */
const PROGRAM = /<script type="module"[^>]*>(?=[\s\S]*?<\/script>)/g;

/**
 * The page's program, its one inline module, as a block of data the page's first script starts (index.html): at
 * once, or once the title slide it shows by itself is on screen, so that the browser neither compiles nor runs it
 * before that first frame. The policy admits the program by the hash of its text, as it would the module.
 */
export function programAsData(html: string): string {
  const found = html.match(PROGRAM) ?? [];
  if (found.length !== 1) throw new Error(`the deck page has ${found.length} inline modules instead of one`);
  return html.replace(PROGRAM, '<script type="text/x-speech-deck-program" id="deck-program">');
}

export function oneFilePage(name: string): Plugin {
  return {
    name: 'speech-deck:one-file',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') this.error('the build made no index.html');
        const html = withContentSecurityPolicy(programAsData(String(page.source)));
        delete bundle['index.html'];
        this.emitFile({ type: 'asset', fileName: `${name}.html`, source: html });
      },
    },
  };
}
