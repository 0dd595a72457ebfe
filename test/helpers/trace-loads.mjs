// Loaded with `node --import`: writes the URL of every module the process loads to the file named by TRACE_FILE:
// ES modules as they are resolved, and, when the process exits, the CommonJS modules in require's cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.TRACE_FILE, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const loaded = Object.keys(require.cache).map((path) => pathToFileURL(path).href);
  if (loaded.length) appendFileSync(process.env.TRACE_FILE, `${loaded.join('\n')}\n`);
});
