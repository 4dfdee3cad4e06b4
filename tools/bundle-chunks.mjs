// Joins wasm-split's shared chunks into a few larger modules (issue 16: "fewer and larger wasm-split pieces").
//
//   node tools/bundle-chunks.mjs <wasm-split output folder>
//
// wasm-split gives every set of screens that share code a chunk of its own: 75 files, most of them a few
// hundred bytes. Each costs a request, a module header and a fresh brotli window, and code split across
// chunks compresses apart. Every chunk (and every split module) only fills the shared memory and function
// table when it is instantiated: it imports the memory, the table and the stack pointer, and exports nothing.
// So chunks can be joined into one module, as long as each screen still gets every byte it needs.
//
// Which chunks join: each goes to the first screen in FIRST_NEEDED_BY that needs it, so the rider's path
// (the data load at start, then 自测) fetches two shared modules instead of 49 chunks. A screen later in the
// list may fetch a joined module holding code it does not run (its first visit costs more when the service
// worker has not yet cached the app); the service worker's install, which every visitor fetches, shrinks.
// Chunks the in-app browser banner needs stay apart: it loads at start in WeChat, before anything else.
//
// The join is binaryen's wasm-merge, with a small module named like wasm-split's import module that passes
// the memory, table and stack pointer through, so every chunk's imports resolve to one import of each. The
// link module (__wasm_split.js) is rewritten to fetch the joined modules; tools/pieces.mjs reads it as before.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, unlinkSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readS32, readU32, renameImports, section, sections, u32 } from './wasm-binary.mjs';

/** The screens in the order a first visit needs them: the rider's path first. */
const FIRST_NEEDED_BY = [
  'load_data',
  'check_screen',
  'policy_screens',
  'training_screens',
  'data_screen',
  'me_screen',
  'catalog_packs',
];
/** Screens whose chunks are never joined. */
const KEEP_APART = ['in_app_line'];
const IMPORT_MODULE = '__wasm_split';
const OUTER = '__wasm_split_outer';
/** The wasm features scripts/build.sh gives binaryen's tools. */
const FEATURES = (process.env.WASM_OPT_FEATURES ?? '').split(/\s+/).filter(Boolean);

const fail = (msg) => {
  console.error(`bundle-chunks: ${msg}`);
  process.exit(1);
};

// The screens' names can be given instead (tests/tools/bundle-chunks.test.mjs): --order a,b --apart c.
const [dir, ...flags] = process.argv.slice(2);
if (!dir) fail('usage: node tools/bundle-chunks.mjs <wasm-split output folder> [--order a,b,…] [--apart c,…]');
const flag = (name, fallback) => {
  const i = flags.indexOf(name);
  return i < 0 ? fallback : flags[i + 1].split(',').filter(Boolean);
};
const firstNeededBy = flag('--order', FIRST_NEEDED_BY);
const keepApart = flag('--apart', KEEP_APART);
const linkPath = join(dir, '__wasm_split.js');
let link = readFileSync(linkPath, 'utf8');

// wasm-split writes each chunk as `/* screen, screen */\nconst __chunk_N = makeLoad(() => {…}\n, []);`.
const chunkDecl = /\/\* ([a-z_, ]+) \*\/\nconst __(chunk_\d+) = makeLoad\(\(\) => \{\n[\s\S]*?\n\}\n, \[\]\);\n/g;
const chunks = [...link.matchAll(chunkDecl)].map((m) => ({ name: m[2], users: m[1].split(', ') }));
if (chunks.length === 0) fail(`no chunks found in ${linkPath}: wasm-split's link module changed`);
const loaderDecl = /(export const __wasm_split_load_\w+ = wrapAsyncCb\(makeLoad\(\(\) => \{\n[\s\S]*?\n\}\n, \[)([^\]]*)(\]\)\);)/g;
const screens = new Set([...link.matchAll(/export const __wasm_split_load_(\w+?)(?:_\d+)? = /g)].map((m) => m[1]));
for (const s of [...firstNeededBy, ...keepApart]) {
  if (!screens.has(s)) fail(`no split named ${s} in ${linkPath}; update FIRST_NEEDED_BY / KEEP_APART`);
}

// Plan: each chunk's module, joined or its own.
const joined = new Map(); // screen -> chunk names
const moduleOf = new Map(); // chunk name -> loader name
for (const c of chunks) {
  const first = firstNeededBy.find((s) => c.users.includes(s));
  if (!first || c.users.some((u) => keepApart.includes(u))) {
    moduleOf.set(c.name, `__${c.name}`);
    continue;
  }
  if (!joined.has(first)) joined.set(first, []);
  joined.get(first).push(c.name);
  moduleOf.set(c.name, `__shared_${first}`);
}

// Join.
const work = mkdtempSync(join(tmpdir(), 'bundle-chunks-'));
try {
  const shim = join(work, 'shim.wasm');
  // The smallest chunk that imports all three gives their limits.
  const importsAll = (bytes) => new Set(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.kind)).size === 3;
  const withAll = chunks
    .map((c) => ({ path: join(dir, `${c.name}.wasm`), bytes: readFileSync(join(dir, `${c.name}.wasm`)) }))
    .filter((c) => importsAll(c.bytes))
    .sort((a, b) => a.bytes.length - b.bytes.length)[0];
  if (!withAll) fail('no chunk imports a memory, a table and a global');
  writeFileSync(join(work, 'shim.wat'), passThroughModule(withAll.path));
  execFileSync('wasm-as', [...FEATURES, join(work, 'shim.wat'), '-o', shim]);
  for (const [screen, names] of joined) {
    const out = join(dir, `shared_${screen}.wasm`);
    const args = [shim, IMPORT_MODULE];
    names.forEach((n, i) => args.push(join(dir, `${n}.wasm`), `m${i}`));
    // -g keeps the function names of a names build (scripts/size-names.sh); wasm-opt strips them from the release.
    execFileSync('wasm-merge', [...args, '-o', out, '-g', ...FEATURES], { stdio: ['ignore', 'ignore', 'pipe'] });
    writeFileSync(out, asChunk(readFileSync(out), out));
    checkJoined(out, names.map((n) => join(dir, `${n}.wasm`)));
    for (const n of names) unlinkSync(join(dir, `${n}.wasm`));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Rewrite the link module: joined chunks' declarations become one per joined module, and each split's
// list of chunks names the modules that now hold them.
let firstDecl = true;
link = link.replace(chunkDecl, (decl, users, name) => {
  if (moduleOf.get(name) === `__${name}`) return decl;
  if (!firstDecl) return '';
  firstDecl = false;
  return [...joined.keys()]
    .map((s) => `/* chunks first needed by ${s} (tools/bundle-chunks.mjs) */\nconst __shared_${s} = makeLoad(() => {
    const src = fetch(new URL("./shared_${s}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
`)
    .join('');
});
link = link.replace(loaderDecl, (_, head, deps, tail) => {
  const mods = [...new Set(deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
    const m = moduleOf.get(d.replace(/^__/, ''));
    if (!m) fail(`a split needs ${d}, which is not a chunk wasm-split declared`);
    return m;
  }))];
  return head + mods.join(', ') + tail;
});
checkLink(link);
writeFileSync(linkPath, link);
const n = [...joined.values()].reduce((a, v) => a + v.length, 0);
console.log(`bundle-chunks: ${n} of ${chunks.length} chunks joined into ${joined.size} modules (${[...joined.keys()].join(', ')})`);

/** The joined module fills exactly what its parts filled: the same table slots, the same data segments at
 *  the same addresses; and, like them, it imports only the three shared things and exports nothing. */
function checkJoined(path, parts) {
  const joinedModule = readFileSync(path);
  const mod = new WebAssembly.Module(joinedModule);
  const imports = WebAssembly.Module.imports(mod);
  if (WebAssembly.Module.exports(mod).length || imports.some((i) => i.module !== IMPORT_MODULE)) {
    fail(`${path}: a joined module must import only from ${IMPORT_MODULE} and export nothing`);
  }
  // What a list of modules fills, as comparable strings.
  const fills = (modules) => ({
    slots: modules.flatMap((m) => m.slots).sort((a, b) => a - b).join(),
    data: modules.flatMap((m) => m.data).sort().join(),
  });
  const expected = fills(parts.map((p) => segments(readFileSync(p), p)));
  const got = fills([segments(joinedModule, path)]);
  if (got.slots !== expected.slots) fail(`${path}: the joined module fills other table slots than its parts`);
  if (got.data !== expected.data) {
    const a = new Set(got.data.split(',')), b = new Set(expected.data.split(','));
    const short = (x) => x.slice(0, 60);
    fail(`${path}: the joined module writes other data than its parts: ${[...a].filter((x) => !b.has(x)).map(short).slice(0, 5)} | ${[...b].filter((x) => !a.has(x)).map(short).slice(0, 5)}`);
  }
}

/** The table slots a module's active element segments fill, and its active data segments as
 *  "address:length:bytes". */
function segments(wasm, path) {
  const slots = [];
  const data = [];
  const offset = (b, at) => {
    if (b[at] !== 0x41) fail(`${path}: a segment's offset is not a constant`);
    const [value, end] = readS32(b, at + 1);
    if (b[end] !== 0x0b) fail(`${path}: a segment's offset is not a constant`);
    return [value, end + 1];
  };
  for (const { id, body } of sections(wasm, path)) {
    if (id !== 9 && id !== 11) continue;
    let [count, at] = readU32(body, 0);
    for (let i = 0; i < count; i++) {
      // Active segments of memory or table 0: flags 0, or 2 with the index 0 written out (and, for
      // elements, the kind funcref).
      let flags;
      [flags, at] = readU32(body, at);
      if (flags === 2) {
        let index;
        [index, at] = readU32(body, at);
        if (index !== 0) fail(`${path}: a segment of memory or table ${index}`);
      } else if (flags !== 0) fail(`${path}: segment kind ${flags} is not an active segment`);
      let base;
      [base, at] = offset(body, at);
      if (id === 9 && flags === 2) {
        if (body[at] !== 0) fail(`${path}: an element segment of another kind than funcref`);
        at += 1;
      }
      let n;
      [n, at] = readU32(body, at);
      if (id === 9) {
        for (let k = 0; k < n; k++) {
          slots.push(base + k);
          at = readU32(body, at)[1];
        }
      } else {
        // An empty segment writes nothing (wasm-merge drops them).
        if (n) data.push(`${base}:${n}:${body.subarray(at, at + n).toString('base64')}`);
        at += n;
      }
    }
  }
  return { slots, data };
}

/** Every split's list of modules names a declared loader, and every loader's file is in the folder. */
function checkLink(text) {
  const declared = new Set([...text.matchAll(/const (__\w+) = makeLoad/g)].map((m) => m[1]));
  for (const m of text.matchAll(/\n, \[([^\]]*)\]/g)) {
    for (const d of m[1].split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!declared.has(d)) fail(`the rewritten link module needs ${d}, which it does not declare`);
    }
  }
  for (const m of text.matchAll(/new URL\("\.\/([^"]+)"/g)) {
    if (!existsSync(join(dir, m[1]))) fail(`the rewritten link module fetches ${m[1]}, which is not in ${dir}`);
  }
}

/** A module named like wasm-split's import module that imports the memory, table and stack pointer (with the
 *  limits the chunks declare) from OUTER and exports them, so wasm-merge links every chunk's imports to it. */
function passThroughModule(chunkPath) {
  const wat = execFileSync('wasm-dis', [chunkPath], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const imp = (kind, type) => wat.match(new RegExp(`\\(import "${IMPORT_MODULE}" "([^"]+)" \\(${kind} \\$\\S+ (${type})\\)\\)`));
  const memory = imp('memory', '[0-9 ]+');
  const table = imp('table', '[0-9 ]+funcref');
  const global = imp('global', '\\(mut i32\\)');
  if (!memory || !table || !global) fail(`${chunkPath}: expected imports of a memory, a table and a global`);
  return `(module
 (import "${OUTER}" "${memory[1]}" (memory ${memory[2]}))
 (import "${OUTER}" "${table[1]}" (table ${table[2]}))
 (import "${OUTER}" "${global[1]}" (global ${global[2]}))
 (export "${memory[1]}" (memory 0))
 (export "${table[1]}" (table 0))
 (export "${global[1]}" (global 0)))
`;
}

/** The joined module as a chunk: its imports from OUTER renamed back to IMPORT_MODULE, and the pass-through
 *  module's exports (named like those imports) dropped; any other export is kept, for checkJoined to refuse. */
function asChunk(wasm, path) {
  const passedThrough = new Set();
  const back = (module, field) => {
    if (module !== OUTER) fail(`${path}: unexpected import from ${module}`);
    passedThrough.add(field);
    return [IMPORT_MODULE, field];
  };
  const out = [wasm.subarray(0, 8)];
  for (const { id, body, whole } of sections(wasm, path)) {
    if (id === 2) out.push(section(2, renameImports(body, back)));
    else if (id === 7) {
      const kept = exportsNotNamed(body, passedThrough);
      if (kept.length) out.push(section(7, Buffer.concat([u32(kept.length), ...kept])));
    } else out.push(whole);
  }
  return Buffer.concat(out);
}

/** The entries of an export section whose names are not in `names`, as written. */
function exportsNotNamed(body, names) {
  let [count, at] = readU32(body, 0);
  const kept = [];
  for (let i = 0; i < count; i++) {
    const start = at;
    const [len, nameAt] = readU32(body, at);
    const exported = body.subarray(nameAt, nameAt + len).toString();
    at = readU32(body, nameAt + len + 1)[1]; // the kind, then the index
    if (!names.has(exported)) kept.push(body.subarray(start, at));
  }
  return kept;
}
