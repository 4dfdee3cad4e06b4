// Reading and writing the few parts of the wasm binary format the build's tools touch: LEB128 numbers, names,
// top-level sections and the import section (tools/minify-imports.mjs, tools/bundle-chunks.mjs).

/** An unsigned LEB128 number at `at`: [value, the position after it]. */
export function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  let p = at;
  for (;;) {
    const b = buf[p++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, p];
  }
}

/** A signed LEB128 number at `at` (an i32.const): [value, the position after it]. */
export function readS32(buf, at) {
  let value = 0n;
  let shift = 0n;
  let p = at;
  let b;
  do {
    b = buf[p++];
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  } while (b & 0x80);
  if (b & 0x40) value -= 1n << shift;
  return [Number(BigInt.asIntN(32, value)), p];
}

/** `n` as unsigned LEB128. */
export function u32(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

/** A name as the format writes it: its UTF-8 length, then its bytes. */
export function name(s) {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([u32(b.length), b]);
}

/** A module's top-level sections: id, body, and the whole section as written. */
export function sections(wasm, path = 'the module') {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${path} is not a wasm module`);
  const list = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    list.push({ id, body: wasm.subarray(start, start + size), whole: wasm.subarray(at, start + size) });
    at = start + size;
  }
  return list;
}

/** A section with the given id and body. */
export function section(id, body) {
  return Buffer.concat([Buffer.from([id]), u32(body.length), body]);
}

/** An import section's body with each entry's module and field as `rename(module, field)` gives them (an array
 *  of the two); each import's descriptor is copied as it is. */
export function renameImports(body, rename) {
  const [count, first] = readU32(body, 0);
  const entries = [u32(count)];
  let at = first;
  for (let i = 0; i < count; i++) {
    const [ml, ma] = readU32(body, at);
    const module = body.subarray(ma, ma + ml).toString('utf8');
    const [fl, fa] = readU32(body, ma + ml);
    const field = body.subarray(fa, fa + fl).toString('utf8');
    const descAt = fa + fl;
    const kind = body[descAt];
    let d = descAt + 1;
    if (kind === 0) d = readU32(body, d)[1]; // a function: its type
    else if (kind === 1 || kind === 2) {
      if (kind === 1) d++; // a table's reference type
      const flags = body[d++];
      d = readU32(body, d)[1];
      if (flags & 1) d = readU32(body, d)[1];
    } else if (kind === 3) d += 2; // a global: value type, mutability
    else if (kind === 4) d = readU32(body, d + 1)[1]; // a tag
    else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
    const [newModule, newField] = rename(module, field);
    entries.push(name(newModule), name(newField), body.subarray(descAt, d));
    at = d;
  }
  if (at !== body.length) throw new Error('the import section did not parse to its end');
  return Buffer.concat(entries);
}
