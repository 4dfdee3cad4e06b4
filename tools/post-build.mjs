// Trunk post_build hook. Runs in the staging dir Trunk is about to publish as dist/.
// 1. copies public/ (manifest, icons, catalog pack) into the build;
// 2. moves Trunk's inline module loader into a hashed file, so the CSP needs no inline script;
// 3. writes the CSP meta tag;
// 4. writes sw.js with the precache list of every built file and the build's hash in its cache name.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_META } from './headers.mjs';
import { writeServiceWorker } from './sw-manifest.mjs';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk, or pass the dir)');
  process.exit(1);
}
const root = new URL('..', import.meta.url).pathname;

const sha = (data) => createHash('sha256').update(data).digest('hex');

// 1. public/ → build root (sw.js is a template handled below).
const publicDir = join(root, 'public');
for (const entry of readdirSync(publicDir)) {
  if (entry === 'sw.js') continue;
  cpSync(join(publicDir, entry), join(staging, entry), { recursive: true });
}

// 2 + 3. index.html: external loader + CSP.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inline)];
if (loaders.length !== 1) {
  console.error(`post-build: expected exactly one inline loader script from Trunk, found ${loaders.length}`);
  process.exit(1);
}
const loader = loaders[0][1].trim() + '\n';
const loaderName = `boot-${sha(loader).slice(0, 16)}.js`;
writeFileSync(join(staging, loaderName), loader);
html = html.replace(loaders[0][0], `<script type="module" src="/${loaderName}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: an inline <script> is left in index.html; the CSP would block it');
  process.exit(1);
}
if (!html.includes('__LEYE_CSP__')) {
  console.error('post-build: index.html lacks the __LEYE_CSP__ placeholder');
  process.exit(1);
}
html = html.replace('__LEYE_CSP__', CSP_META);
writeFileSync(indexPath, html);

// 4. Service worker.
writeServiceWorker(staging);
