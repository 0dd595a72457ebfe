import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LATIN_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/liberation2'];

/**
 * An environment whose fontconfig sees only a Latin font folder, like an office PC without Chinese
 * fonts, so that what Chromium draws does not depend on the fonts this machine happens to have.
 */
export function latinOnlyFontEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-fonts-'));
  const fonts = LATIN_FONT_DIRS.filter((d) => existsSync(d)).slice(0, 1);
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${fonts.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`;
  writeFileSync(join(dir, 'fonts.conf'), config);
  return { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
}
