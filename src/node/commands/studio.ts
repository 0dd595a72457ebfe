/**
 * `speech-deck studio`: writes speech-deck-studio.html, one offline page that does in Chrome or Edge what the CLI
 * does (Word or text file → deck, .pptx, Markdown and manuscript), for office PCs that cannot install Node.
 */
import { type Command, DEFAULT_OUT_DIR, OUT_DIR, stringOption } from './command.ts';

export const studio: Command = {
  name: 'studio',
  summary: {
    zh: '生成工作台 speech-deck-studio.html：办公电脑不装软件，用浏览器把 Word 文件做成幻灯片',
    en: 'write speech-deck-studio.html: one offline page that makes the deck from a Word file',
  },
  options: { 'out-dir': OUT_DIR },
  run: async ({ values }) => {
    const { buildStudio } = await import('../page/studio-page.ts');
    await buildStudio(stringOption(values, 'out-dir', DEFAULT_OUT_DIR));
    return 0;
  },
};
