/**
 * The last step of a build: the page, already one file (vite-plugin-singlefile runs before), gets its
 * Content-Security-Policy, computed from its final inline scripts, and is named after the speech. It stays in the
 * build's private folder; the build command then writes it to the user's folder as one atomic step.
 */
import type { Plugin } from 'vite';
import { withContentSecurityPolicy } from '../csp.ts';

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
        const html = withContentSecurityPolicy(String(page.source));
        delete bundle['index.html'];
        this.emitFile({ type: 'asset', fileName: `${name}.html`, source: html });
      },
    },
  };
}
