// Assembles dist/ from the sources and the wasm that scripts/build.sh made. Writes into a fresh staging dir and
// swaps it in at the end, so a failed build never leaves a half-written dist/.
// 1. copies public/ (manifest, icons, catalog pack) into the build;
// 2. adds the app's wasm (cut into lazily loaded chunks by wasm-split, then wasm-bindgen and wasm-opt) in one
//    content-hashed folder, and a loader file for it (the CSP allows no inline script but the prerender gate);
// 3. writes index.html: one minified stylesheet with a content-hashed name and SRI, the first-load preloads, the CSP meta tag;
// 4. puts the first screen into index.html as static HTML, rendered by the app itself (tools/prerender.mjs);
// 5. writes sw.js with the precache list of every built file and the build's hash in its cache name.
// Usage: node tools/assemble.mjs [--out dist]
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { CSP_META } from './headers.mjs';
import { prerender } from './prerender.mjs';
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
/** esbuild's minifier (whitespace, comments, local names; no bundling, so imports and exports stay as they are). */
const minify = (code, loader, target = 'esnext') =>
  transformSync(code, { loader, target, minify: true, logLevel: 'error', legalComments: 'none' }).code;

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
const pkg = new Map(pkgFiles.map((f) => [f, readFileSync(join(pkgSrc, f))]));
// wasm-bindgen's glue is written for reading: minified it is a fifth smaller once compressed. (The link module
// __wasm_split.js is left as it is: tools/size-report.mjs reads which chunks each piece needs from it.)
// Written down to Chrome 78's syntax (no `?.`), the oldest WeChat XWeb engine: where it cannot parse the glue,
// the app would not start there at all.
pkg.set('leye.js', Buffer.from(minify(pkg.get('leye.js').toString('utf8'), 'js', 'chrome78')));
// wasm-split's loader starts every chunk a piece needs with one `fetch` each, all in one task: 27 for the start-up
// data load, over a millisecond each on a slow phone, which made that task the longest after the first paint
// (issue 16's TBT). They are started a few per task instead; all are still in flight together.
const FETCHES_PER_TASK = 3;
const splitLoader = pkg.get('__wasm_split.js').toString('utf8');
const oneTaskFetches = '        const parallelStuff = deps.map(d => d());\n';
if (splitLoader.split(oneTaskFetches).length !== 2) {
  fail("__wasm_split.js: wasm-split's loader changed; the fetches are no longer spread over tasks (tools/assemble.mjs)");
}
pkg.set('__wasm_split.js', Buffer.from(splitLoader.replace(oneTaskFetches, `        const parallelStuff = [];
        for (const d of deps) {
            if (parallelStuff.length && parallelStuff.length % ${FETCHES_PER_TASK} === 0) {
                await new Promise((next) => setTimeout(next, 0));
            }
            parallelStuff.push(d());
        }
`)));
const pkgHash = createHash('sha256');
for (const [f, data] of pkg) pkgHash.update(f).update('\0').update(data);
const pkgDir = `wasm-${pkgHash.digest('hex').slice(0, 16)}`;
mkdirSync(join(staging, pkgDir));
for (const [f, data] of pkg) writeFileSync(join(staging, pkgDir, f), data);

// The prerendered first screen is painted first: the wasm is fetched (with its SRI hash) and mounted once the
// browser reports that paint (or after a second, should it never report it). Not preloading it leaves the first
// paint the whole bandwidth of a slow network; the screen's links work as plain links until the app takes over.
const waitForPaint = `await new Promise((painted) => {
  const go = () => setTimeout(painted, 0);
  setTimeout(painted, 1000);
  try {
    new PerformanceObserver((list, seen) => {
      if (list.getEntriesByName('first-contentful-paint').length) { seen.disconnect(); go(); }
    }).observe({ type: 'paint', buffered: true });
  } catch { requestAnimationFrame(go); }
});
`;
// `__leye` tells the page that the loader ran; where WebAssembly is missing or the wasm fails to start, the
// page says what to do instead of the buttons that need the app (`__leyeNoApp`, tools/headers.mjs): no uncaught
// error, no screen waiting for ever.
// An async function rather than top-level await, which engines before Chrome 89 (older WeChat XWeb) cannot parse.
const loader =
  `import init from '/${pkgDir}/leye.js';\n` +
  `window.__leye = 1;\n` +
  `(async () => {\n` +
  `try {\n` +
  `if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');\n` +
  waitForPaint +
  `await init({ module_or_path: fetch('/${pkgDir}/leye_bg.wasm', { integrity: '${sri(pkg.get('leye_bg.wasm'))}' }) });\n` +
  `} catch (e) {\n` +
  `console.info('乐业通 cannot start in this browser:', String(e));\n` +
  `if (window.__leyeNoApp) window.__leyeNoApp();\n` +
  `}\n` +
  `})();\n`;
const loaderName = `boot-${sha(loader).slice(0, 16)}.js`;
writeFileSync(join(staging, loaderName), loader);

// 3. index.html.
let html = readFileSync(join(root, 'index.html'), 'utf8');
// <link data-asset rel="css" href="style/x.css"> → one stylesheet: the files in their order (so the cascade is
// unchanged), minified, content-hashed, with SRI. One request instead of one per file, before the first paint.
const cssLinks = [...html.matchAll(/<link data-asset rel="css" href="([^"]+)"\s*\/?>/g)];
if (cssLinks.length === 0) fail('index.html names no stylesheet (<link data-asset rel="css" href="style/…">)');
const css = Buffer.from(
  minify(cssLinks.map((m) => readFileSync(join(root, m[1]), 'utf8')).join('\n'), 'css'),
);
const cssName = `app-${sha(css).slice(0, 16)}.css`;
writeFileSync(join(staging, cssName), css);
html = html.replace(cssLinks[0][0], `<link rel="stylesheet" href="/${cssName}" integrity="${sri(css)}"/>`);
for (const m of cssLinks.slice(1)) html = html.replace(m[0], '');
html = html.replace(/\n[ \t]*(?=\n)/g, '');
if (html.includes('data-asset')) fail('index.html has a data-asset link this script does not know');
// The app's JS is fetched at once (it is small, and imports itself in a chain); the main wasm after the first
// paint (see the loader above); the lazily loaded pieces when needed (the service worker precaches them all).
const pkgSri = (f) => sri(pkg.get(f));
const firstLoad = [
  ...pkgFiles
    .filter((f) => f.endsWith('.js'))
    .map((f) => `<link rel="modulepreload" href="/${pkgDir}/${f}" crossorigin="anonymous" integrity="${pkgSri(f)}">`),
  `<script type="module" src="/${loaderName}"></script>`,
];
if (!html.includes('</head>')) fail('index.html has no </head>');
html = html.replace('</head>', `  ${firstLoad.join('\n    ')}\n  </head>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  fail('an inline <script> is in index.html; the CSP would block it (only tools/prerender.mjs adds one, by hash)');
}
if (!html.includes('__LEYE_CSP__')) fail('index.html lacks the __LEYE_CSP__ placeholder');
html = html.replace('__LEYE_CSP__', CSP_META);
writeFileSync(join(staging, 'index.html'), html);

// 4. The first screen as static HTML.
try {
  await prerender(staging);
} catch (e) {
  fail(e.message);
}

// 5. Service worker.
writeServiceWorker(staging);

rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
console.log(`assemble: ${out} ready`);
