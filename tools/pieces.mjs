// What a release build is made of, read from dist/: every file's raw, gzip and brotli bytes, the initial load
// (what index.html makes the browser fetch before the app runs, plus the built-in catalog), and the lazily loaded
// pieces wasm-split made (each split function's module and the shared chunks it needs, from the link module).
// Used by tools/size-report.mjs and tools/answer-path.mjs.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function readBuild(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  files.sort();

  const sizes = new Map();
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    sizes.set(f, {
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }

  // The initial load: index.html plus every script, module preload, wasm preload and stylesheet it names.
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = new Set(['index.html']);
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    if (/<script/.test(tag) || /rel="(modulepreload|preload|stylesheet)"/.test(tag)) initial.add(m[1]);
  }
  // The loader imports the wasm-bindgen glue, which fetches the main wasm: initial even if not preloaded.
  const pkgDir = files.find((f) => /^wasm-[0-9a-f]+\/leye\.js$/.test(f))?.split('/')[0];
  if (!pkgDir) throw new Error(`no wasm-<hash>/leye.js in ${dir}/`);
  for (const f of ['leye.js', 'leye_bg.wasm', '__wasm_split.js']) initial.add(`${pkgDir}/${f}`);

  // The lazily loaded pieces: a screen's pieces are fetched when it is first opened.
  const splits = new Map(
    [...readSplits(join(dir, pkgDir))].map(([name, files]) => [name, files.map((f) => `${pkgDir}/${f}`)]),
  );
  // The built-in catalog is a piece of its own (`builtin_catalog`, src/state/load.rs): its bytes count as
  // initial, as issue 6 defines the initial load (html + js + wasm + css + the built-in catalog).
  if (!splits.has('builtin_catalog')) {
    throw new Error('the link module has no builtin_catalog split; the initial load cannot be computed');
  }
  for (const f of splits.get('builtin_catalog')) initial.add(f);
  return { files, sizes, initial, splits, pkgDir };
}

/** Each split function's files (its module, then the shared chunks it needs), by the split's name, read from
 *  the link module wasm-split wrote into `wasmDir`; file names relative to that folder. */
export function readSplits(wasmDir) {
  const link = readFileSync(join(wasmDir, '__wasm_split.js'), 'utf8');
  const chunkFile = new Map(
    [...link.matchAll(/const (__(?:chunk_\d+|shared_\w+)) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const splits = new Map();
  for (const m of link.matchAll(/export const __wasm_split_load_(\w+?)(?:_\d+)? = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    // A split function called from several places is exported once per caller: the same files.
    splits.set(m[1], [...new Set([...(splits.get(m[1]) || []), m[2], ...deps])]);
  }
  return splits;
}

export const kb = (n) => (n / 1024).toFixed(1).padStart(8);
