/**
 * The look's colours, written once in assets/palette.json: the deck's light and dark themes, and the studio's own.
 * Pages get them as custom properties (`--ground`, `--accent`, `--warn`…), each group's in a rule of its own, which
 * theme.css and studio.css read; the PowerPoint renderer reads them from here too.
 */
import palette from '../../assets/palette.json' with { type: 'json' };

export type PaletteGroup = keyof typeof palette;

/** The palette as assets/palette.json writes it: colours as `#rrggbb`, by group and name. */
export const PALETTE: { readonly [G in PaletteGroup]: Readonly<Record<keyof (typeof palette)[G], string>> } = palette;

/** Style rules that set the colours of each group given as custom properties, on the elements its selector picks. */
export function paletteCss(scopes: Partial<Record<PaletteGroup, string>>): string {
  return Object.entries(scopes)
    .map(
      ([group, selector]) =>
        `${selector}{${Object.entries(PALETTE[group as PaletteGroup])
          .map(([name, colour]) => `--${name}:${colour}`)
          .join(';')}}`,
    )
    .join('');
}
