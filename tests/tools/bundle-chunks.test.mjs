// tools/bundle-chunks.mjs on a small wasm-split output written here: chunks that fill table slots and memory,
// a link module in wasm-split's form. The joined module must fill the same slots with the same functions and
// write the same bytes, and the rewritten loader must fetch it instead of the chunks it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const tool = new URL('../../tools/bundle-chunks.mjs', import.meta.url).pathname;

/** A chunk as wasm-split writes one: the three shared imports, functions put into table slots, data. */
const chunk = ({ slot, value, address, text, exported = false }) => `(module
 (import "__wasm_split" "memory" (memory 1))
 (import "__wasm_split" "__indirect_function_table" (table 16 funcref))
 (import "__wasm_split" "__wasm_split_shared0" (global (mut i32)))
 (func $f (result i32) (global.set 0 (i32.const ${value})) (i32.const ${value}))
 (elem (i32.const ${slot}) $f)
 (data (i32.const ${address}) "${text}")${exported ? '\n (export "f" (func $f))' : ''})`;

const loader = (file, deps) => `makeLoad(() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${deps.join(', ')}])`;

/** Writes a wasm-split output: chunks by the screens that need them, and one split per screen. */
function splitOutput(chunks) {
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'bundle-test-'));
  let link = 'import { initSync } from "./leye.js";\n';
  for (const [name, c] of Object.entries(chunks)) {
    writeFileSync(join(dir, `${name}.wat`), chunk(c));
    execFileSync('wasm-as', [join(dir, `${name}.wat`), '-o', join(dir, `${name}.wasm`)]);
    rmSync(join(dir, `${name}.wat`));
    link += `/* ${c.users.join(', ')} */\nconst __${name} = ${loader(`${name}.wasm`, [])};\n`;
  }
  const screens = [...new Set(Object.values(chunks).flatMap((c) => c.users))];
  for (const s of screens) {
    writeFileSync(join(dir, `split_${s}.wasm`), '');
    const deps = Object.entries(chunks).filter(([, c]) => c.users.includes(s)).map(([n]) => `__${n}`);
    link += `export const __wasm_split_load_${s} = wrapAsyncCb(${loader(`split_${s}.wasm`, deps)});\n`;
  }
  writeFileSync(join(dir, '__wasm_split.js'), link);
  return dir;
}

const run = (dir, ...args) => spawnSync('node', [tool, dir, ...args], { encoding: 'utf8' });

/** Instantiates the given modules over one memory, table and stack pointer, as the loader does. */
async function fill(dir, files) {
  const shared = {
    memory: new WebAssembly.Memory({ initial: 1 }),
    __indirect_function_table: new WebAssembly.Table({ initial: 16, element: 'anyfunc' }),
    __wasm_split_shared0: new WebAssembly.Global({ value: 'i32', mutable: true }, 0),
  };
  for (const f of files) await WebAssembly.instantiate(readFileSync(join(dir, f)), { __wasm_split: shared });
  const slots = {};
  for (let i = 0; i < 16; i++) if (shared.__indirect_function_table.get(i)) slots[i] = shared.__indirect_function_table.get(i)();
  return { slots, bytes: Buffer.from(shared.memory.buffer.slice(100, 140)).toString('latin1').replace(/\0+/g, '|') };
}

const chunks = {
  chunk_1: { users: ['path', 'later'], slot: 3, value: 30, address: 100, text: 'one' },
  chunk_2: { users: ['path', 'other'], slot: 4, value: 40, address: 110, text: 'two' },
  chunk_3: { users: ['later', 'other'], slot: 5, value: 50, address: 120, text: 'three' },
  chunk_4: { users: ['path', 'banner'], slot: 6, value: 60, address: 130, text: 'four' },
};

test('chunks join into the module of the first screen that needs them, and fill what they filled', async () => {
  const dir = splitOutput(chunks);
  const before = await fill(dir, Object.keys(chunks).map((c) => `${c}.wasm`));
  assert.deepEqual(before, { slots: { 3: 30, 4: 40, 5: 50, 6: 60 }, bytes: 'one|two|three|four|' });
  const r = run(dir, '--order', 'path,later,other', '--apart', 'banner');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 of 4 chunks joined into 2 modules \(path, later\)/);

  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm') && !f.startsWith('split_')).sort();
  assert.deepEqual(files, ['chunk_4.wasm', 'shared_later.wasm', 'shared_path.wasm']);
  assert.deepEqual(await fill(dir, files), before);
  const joined = new WebAssembly.Module(readFileSync(join(dir, 'shared_path.wasm')));
  assert.deepEqual(WebAssembly.Module.exports(joined), []);
  assert.deepEqual(
    WebAssembly.Module.imports(joined).map((i) => `${i.module}.${i.name}`).sort(),
    ['__wasm_split.__indirect_function_table', '__wasm_split.__wasm_split_shared0', '__wasm_split.memory'],
  );

  const link = readFileSync(join(dir, '__wasm_split.js'), 'utf8');
  const deps = (s) => link.match(new RegExp(`__wasm_split_load_${s} = [\\s\\S]*?\\n, \\[([^\\]]*)\\]`))[1];
  assert.equal(deps('path'), '__shared_path, __chunk_4');
  assert.equal(deps('later'), '__shared_path, __shared_later');
  assert.equal(deps('other'), '__shared_path, __shared_later');
  assert.equal(deps('banner'), '__chunk_4');
  assert.match(link, /new URL\("\.\/shared_path\.wasm"/);
  assert.doesNotMatch(link, /chunk_[123]\b/);
  rmSync(dir, { recursive: true });
});

test('a chunk that exports something is not joined: the build stops', () => {
  const dir = splitOutput({ ...chunks, chunk_2: { ...chunks.chunk_2, exported: true } });
  const r = run(dir, '--order', 'path,later,other', '--apart', 'banner');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /shared_path\.wasm: a joined module must import only from __wasm_split and export nothing/);
  rmSync(dir, { recursive: true });
});

test('a screen the order names that wasm-split did not make stops the build', () => {
  const dir = splitOutput(chunks);
  const r = run(dir, '--order', 'path,renamed', '--apart', 'banner');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no split named renamed/);
  assert.ok(existsSync(join(dir, 'chunk_1.wasm')));
  rmSync(dir, { recursive: true });
});
