// Writes dist/sw.js from the public/sw.js template: the precache list is every file of the build,
// and the cache name carries a hash of their contents, so any change makes a new service worker.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export function writeServiceWorker(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  // The catalog pack is fetched fresh for updates; the rest is the app itself.
  const precache = files
    .filter((f) => f !== 'sw.js' && !f.startsWith('catalog/'))
    .sort();
  const hash = createHash('sha256');
  for (const f of precache) hash.update(f).update('\0').update(readFileSync(join(dir, f)));
  const version = hash.digest('hex').slice(0, 16);
  const urls = precache.map((f) => '/' + f);
  const template = readFileSync(join(root, 'public', 'sw.js'), 'utf8');
  const sw = template
    .replace('__LEYE_VERSION__', version)
    .replace('__LEYE_PRECACHE__', JSON.stringify(urls, null, 0));
  if (sw.includes('__LEYE_')) throw new Error('assemble: sw.js template placeholders not all filled');
  writeFileSync(join(dir, 'sw.js'), sw);
  console.log(`assemble: ${urls.length} files precached, build ${version}`);
  return version;
}
