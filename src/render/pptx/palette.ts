import type { ThemeName } from '../../core/model.ts';
import { PALETTE } from '../palette.ts';
import type { Faces } from './xml.ts';

/** A theme's colours (assets/palette.json) as PowerPoint writes them: `RRGGBB`, without the `#`. */
export interface Palette {
  ground: string;
  panel: string;
  ink: string;
  muted: string;
  accent: string;
  accentInk: string;
  gold: string;
  rule: string;
}

const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

function themePalette(theme: ThemeName): Palette {
  const c = PALETTE[theme];
  return {
    ground: hex(c.ground),
    panel: hex(c.panel),
    ink: hex(c.ink),
    muted: hex(c.muted),
    accent: hex(c.accent),
    accentInk: hex(c['accent-ink']),
    gold: hex(c.gold),
    rule: hex(c.rule),
  };
}

export const PALETTES: Record<ThemeName, Palette> = { light: themePalette('light'), dark: themePalette('dark') };

/** What every text and shape is drawn in: the two faces and the theme's colours. */
export interface Look {
  faces: Faces;
  colours: Palette;
}
