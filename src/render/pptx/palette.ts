import type { ThemeName } from '../../core/model.ts';
import type { Faces } from './xml.ts';

/** The theme's colours (theme.css), without the `#`. */
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

export const PALETTES: Record<ThemeName, Palette> = {
  light: { ground: 'FBF8F1', panel: 'F4ECDB', ink: '1F1A17', muted: '5B4F47', accent: 'A3161A', accentInk: 'FFFFFF', gold: 'B8862B', rule: 'DCC79A' },
  dark: { ground: '111111', panel: '1D1B18', ink: 'FFFFFF', muted: 'DDD6CC', accent: 'F5C451', accentInk: '111111', gold: 'D2463C', rule: '5E2A26' },
};

/** What every text and shape is drawn in: the two faces and the theme's colours. */
export interface Look {
  faces: Faces;
  colours: Palette;
}
