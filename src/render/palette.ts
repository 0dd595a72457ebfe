/**
 * The look's colours, written once in assets/palette.json: the deck's light and dark themes, and the studio's own.
 * Pages get them as custom properties named after group and colour (`--light-ground`, `--studio-warn`), which
 * theme.css and studio.css read; the PowerPoint renderer reads them from here too.
 */
import palette from '../../assets/palette.json' with { type: 'json' };

export type PaletteGroup = keyof typeof palette;

/** The palette as assets/palette.json writes it: colours as `#rrggbb`, by group and name. */
export const PALETTE: { readonly [G in PaletteGroup]: Readonly<Record<keyof (typeof palette)[G], string>> } = palette;

/** The colours of some groups as custom properties on `:root`, for a page's style sheet. */
export function paletteCss(groups: readonly PaletteGroup[]): string {
  const properties = groups.flatMap((group) => Object.entries(PALETTE[group]).map(([name, colour]) => `--${group}-${name}:${colour}`));
  return `:root{${properties.join(';')}}`;
}
