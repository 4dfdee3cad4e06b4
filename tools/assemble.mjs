// Assembles dist/ from the sources and the wasm that scripts/build.sh made. Writes into a fresh staging dir and
// swaps it in at the end, so a failed build never leaves a half-written dist/.
// 1. copies public/ (manifest, icons, catalog pack) into the build;
// 2. adds the app's wasm (cut into lazily loaded chunks by wasm-split, then wasm-bindgen and wasm-opt) in one
//    content-hashed folder, and a loader file for it (the CSP allows no inline script);
// 3. writes index.html: stylesheets with content-hashed names and SRI, the first-load preloads, the CSP meta tag;
// 4. writes sw.js with the precache list of every built file and the build's hash in its cache name.
// Usage: node tools/assemble.mjs [--out dist]
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CSP_META } from './headers.mjs';
import { writeServiceWorker } from './sw-manifest.mjs';

const root = new URL('..', import.meta.url).pathname;
const outArg = process.argv.indexOf('--out');
const out = join(root, outArg > 0 ? process.argv[outArg + 1] : 'dist');
const staging = `${out}.staging`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });

const fail = (message) => {
  console.error(`assemble: ${message}`);
  process.exit(1);
};
const sha = (data) => createHash('sha256').update(data).digest('hex');
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

// 1. public/ → build root (sw.js is a template handled below).
const publicDir = join(root, 'public');
for (const entry of readdirSync(publicDir)) {
  if (entry === 'sw.js') continue;
  cpSync(join(publicDir, entry), join(staging, entry), { recursive: true });
}

// 2. The wasm pieces import each other by relative path (leye.js ↔ __wasm_split.js ↔ chunks), so they cannot
// each carry their own hash: the folder is named by a hash of all of them, and is immutable like a hashed file.
const pkgSrc = process.env.LEYE_WEB_PKG || join(root, 'target', 'web-pkg');
if (!existsSync(join(pkgSrc, 'leye.js')) || !existsSync(join(pkgSrc, 'leye_bg.wasm'))) {
  fail(`${pkgSrc} lacks leye.js / leye_bg.wasm; build through scripts/build.sh`);
}
const pkgFiles = readdirSync(pkgSrc).sort();
if (pkgFiles.some((f) => !/\.(js|wasm)$/.test(f))) fail(`${pkgSrc} holds more than .js and .wasm files`);
const pkgHash = createHash('sha256');
for (const f of pkgFiles) pkgHash.update(f).update('\0').update(readFileSync(join(pkgSrc, f)));
const pkgDir = `wasm-${pkgHash.digest('hex').slice(0, 16)}`;
cpSync(pkgSrc, join(staging, pkgDir), { recursive: true });

const loader = `import init from '/${pkgDir}/leye.js';\nawait init({ module_or_path: '/${pkgDir}/leye_bg.wasm' });\n`;
const loaderName = `boot-${sha(loader).slice(0, 16)}.js`;
writeFileSync(join(staging, loaderName), loader);

// 3. index.html.
let html = readFileSync(join(root, 'index.html'), 'utf8');
// <link data-asset rel="css" href="style/x.css"> → style-named, content-hashed copy with SRI.
html = html.replace(/<link data-asset rel="css" href="([^"]+)"\s*\/?>/g, (_, href) => {
  const css = readFileSync(join(root, href));
  const name = `${basename(href, '.css')}-${sha(css).slice(0, 16)}.css`;
  writeFileSync(join(staging, name), css);
  return `<link rel="stylesheet" href="/${name}" integrity="${sri(css)}"/>`;
});
if (html.includes('data-asset')) fail('index.html has a data-asset link this script does not know');
// What the first screen needs is fetched at once; the lazily loaded chunks are not (the service worker
// precaches them after the first paint).
const pkgSri = (f) => sri(readFileSync(join(pkgSrc, f)));
const firstLoad = [
  ...pkgFiles
    .filter((f) => f.endsWith('.js'))
    .map((f) => `<link rel="modulepreload" href="/${pkgDir}/${f}" crossorigin="anonymous" integrity="${pkgSri(f)}">`),
  `<link rel="preload" href="/${pkgDir}/leye_bg.wasm" crossorigin="anonymous" integrity="${pkgSri('leye_bg.wasm')}" as="fetch" type="application/wasm">`,
  `<script type="module" src="/${loaderName}"></script>`,
];
if (!html.includes('</head>')) fail('index.html has no </head>');
html = html.replace('</head>', `  ${firstLoad.join('\n    ')}\n  </head>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('an inline <script> is in index.html; the CSP would block it');
if (!html.includes('__LEYE_CSP__')) fail('index.html lacks the __LEYE_CSP__ placeholder');
html = html.replace('__LEYE_CSP__', CSP_META);
writeFileSync(join(staging, 'index.html'), html);

// 4. Service worker.
writeServiceWorker(staging);

rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
console.log(`assemble: ${out} ready`);
