import type { AtRule, Plugin, Rule } from 'postcss';

/**
 * Selectors of reveal.css for features the deck never turns on. reveal ships one stylesheet for every
 * feature (54 KB); the deck uses its core layout, the `slide` transition for the whole deck (and `none`, for
 * tests and screenshots), controls, progress, slide number, overview, pause, jump-to-slide and the print view's rules.
 * A rule goes when all its selectors match below; a rule some of whose selectors match keeps the others.
 */
const UNUSED: readonly RegExp[] = [
  // Transitions other than slide and none, their speeds, and background transitions. The deck sets its one
  // transition for the whole deck (`.reveal.slide … section:not([data-transition])`), never per slide, so the
  // selectors for a slide's own `data-transition="…"` go too.
  /\[data-transition[~^]?=/,
  /\.reveal\.(?:default|convex|concave|zoom|fade|linear|cube|page)\b/,
  /data-transition-speed|data-background-transition/,
  // Fragments, auto-animate, auto-slide playback, code highlighting, rolling links, parallax, RTL, centring.
  /\.fragment|current-fragment|highlight-/,
  /data-auto-animate/,
  /\.playback\b/,
  /\.hljs/,
  /\.roll\b/,
  /has-parallax-background/,
  /\.reveal\.rtl\b/,
  /\.reveal\.center\b/,
  /\.reveal\.embedded\b/,
  // Layout helpers for authored HTML (r-stretch, r-stack, flex helpers): the theme lays the slides out.
  /\.(?:r-)?stretch\b|\.r-fit-text|\.r-[hv]?stack|\.items-(?:stretch|start|center|end)\b|\.justify-(?:between|around|start|center|end)\b/,
  // Overlays: media and link previews, and reveal's help (?), which is in English; the deck turns it off (help: false).
  /\.r-overlay|\.x-frame-error|data-preview-|\.r-media-play-button/,
  // Printing the live deck with Ctrl+P (paper.scss): the deck prints from its print view (E, ?print-pdf) instead.
  /:not\(\.print-pdf\)/,
  /\bvideo\b|\biframe\b|data-background-interactive|\bpre\b/,
  // The black screen's "Resume presentation" button, in English on the projector: the theme hides it (B resumes).
  /\.resume-button/,
  // Slide backgrounds (data-background-*): the deck sets none, so reveal's background layer holds only empty,
  // unstyled boxes that take no room.
  /\.slide-background|\.backgrounds\b/,
  // Light or dark slide backgrounds: reveal marks them from a slide's own background, which the deck never sets
  // (its themes colour the page and the frame).
  /has-(?:dark|light)-background/,
  // The zoom plugin's page state: the deck leaves that plugin out (src/client/main.ts).
  /\.zoomed\b/,
  // reveal's own speaker notes beside the slides: the deck has its own speaker view.
  /speaker-notes|\.show-notes/,
  // The scroll view, which the deck turns off (scrollActivationWidth: null).
  /reveal-scroll|loading-scroll-mode|scroll-page|scrollbar/,
  // The controls laid out at the screen's edges or with hidden back arrows (the deck keeps reveal's defaults:
  // in the corner, back arrows faded), and as touch screens show them.
  /data-controls-layout=edges|data-controls-back-arrows=hidden|\.no-hover\b/,
];

const REVEAL_CSS = /[\\/]reveal\.js[\\/]dist[\\/]reveal\.css$/;

function used(selector: string): boolean {
  return !UNUSED.some((pattern) => pattern.test(selector));
}

/** Drops a rule's unused selectors, and the rule when none is left. */
function trimRule(rule: Rule): void {
  const kept = rule.selectors.filter(used);
  if (!kept.length) rule.remove();
  else if (kept.length < rule.selectors.length) rule.selectors = kept;
}

/** At-rules for the features above: the overlays' animations and header size, larger controls on touch screens. */
const UNUSED_AT_RULES = /^(?:keyframes (?:fade-in|scale-up)|media \(pointer:\s*coarse\)|media screen and \(width\s*<=\s*1024px\),\s*\(height\s*<=\s*768px\))$/;

/** Removes at-rules (@media) left empty, and those above. */
function removeUnused(rule: AtRule): void {
  if ((rule.nodes && !rule.nodes.length) || UNUSED_AT_RULES.test(`${rule.name} ${rule.params}`)) rule.remove();
}

/**
 * A PostCSS plugin, run by Vite on reveal.js/dist/reveal.css only, that cuts it to what the deck uses.
 * Vite runs PostCSS itself, so nothing is added to the build but this list.
 */
export function trimRevealCss(): Plugin {
  return {
    postcssPlugin: 'speech-deck-trim-reveal-css',
    Once(root) {
      if (!REVEAL_CSS.test(root.source?.input.file ?? '')) return;
      root.walkRules((rule) => {
        // Keyframe steps (from, 50%, to) are not selectors.
        if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as AtRule).name)) return;
        trimRule(rule);
      });
      root.walkAtRules(removeUnused);
    },
  };
}
