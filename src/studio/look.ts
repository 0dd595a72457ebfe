/**
 * The studio's look: its style sheet, and the colours it reads, written once in assets/palette.json, set on the page
 * as custom properties before the studio shows (studio.html keeps it hidden until the page code runs).
 */
import '../../assets/studio.css';
import { paletteCss } from '../render/palette.ts';

const palette = document.createElement('style');
palette.textContent = paletteCss({ light: ':root', studio: ':root' });
document.head.append(palette);
