/**
 * Stands in for the reveal.js controllers the deck never turns on (trim-reveal-js.ts): the scroll view, auto-animate,
 * the lightbox and help overlay, reveal's own notes and the auto-slide control. reveal still calls them now and
 * then (`isActive()`, `update()`, `configure()`…); every method answers nothing, which reveal reads as "off".
 */
export default class Unused {
  constructor() {
    // biome-ignore lint/correctness/noConstructorReturn: any method reveal asks for is a no-op.
    return new Proxy(this, { get: (_target, name) => (name === 'then' ? undefined : () => undefined) });
  }
}
