// Makes the app icons small (issue 16: each ≤ 15 KB; the gradient PNGs were 96 and 83 KB of a 930 KB install).
// Keeps the artwork — the white 乐, the yellow line, the rounded corners of the "any" icons — and replaces the
// red gradient behind it with the flat theme red, so every pixel is a blend of the background with white,
// with yellow, or with transparency. Those blends, at 1/32 steps (at most 4/255 off per channel: invisible),
// fit an 8-bit palette, which deflate packs into a few KB.
//
// Run once when the artwork changes (needs Chromium, to decode the PNGs): node tools/flatten-icons.mjs
// It rewrites public/icons/*.png in place and prints the sizes; run on its own output it keeps the picture.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const FILES = ['icon-192', 'icon-512', 'icon-maskable-512'];
const RED = [178, 38, 30]; // the middle of the old gradient; the manifest's theme_color is #b3261e
const WHITE = [255, 255, 255];
const YELLOW = [255, 211, 107];
const STEPS = 32;

/** RGBA pixels of a PNG, decoded by the browser. */
async function decode(page, file) {
  const url = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  const { w, h, data } = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const x = c.getContext('2d');
    x.drawImage(img, 0, 0);
    return { w: c.width, h: c.height, data: Array.from(x.getImageData(0, 0, c.width, c.height).data) };
  }, url);
  return { w, h, px: Uint8Array.from(data) };
}

/** The background the old icon had at (x, y): a linear gradient fitted to three of its corners. */
function gradient(img) {
  const at = (fx, fy) => {
    const i = (Math.round(fy * (img.h - 1)) * img.w + Math.round(fx * (img.w - 1))) * 4;
    return [img.px[i], img.px[i + 1], img.px[i + 2]];
  };
  // Points well inside the rounded corners and away from the glyph and the line.
  const tl = at(0.12, 0.12);
  const tr = at(0.88, 0.12);
  const bl = at(0.12, 0.88);
  return (x, y) => tl.map((c, k) => c + (x / img.w) * (tr[k] - c) + (y / img.h) * (bl[k] - c));
}

/** Each pixel as (ink, coverage, alpha), ink being 0 for none, 1 white, 2 yellow; all quantised. */
function analyse(img) {
  const bg = gradient(img);
  const out = [];
  for (let y = 0; y < img.h; y++) {
    for (let x = 0; x < img.w; x++) {
      const i = (y * img.w + x) * 4;
      const a = img.px[i + 3];
      const b = bg(x, y);
      const dg = img.px[i + 1] - b[1];
      const db = img.px[i + 2] - b[2];
      let ink = 0;
      let cov = 0;
      if (a > 0 && dg > 6) {
        // White raises green and blue alike; the yellow raises blue far less than green.
        const white = db / dg > 0.7;
        ink = white ? 1 : 2;
        const target = white ? WHITE : YELLOW;
        cov = Math.min(1, Math.max(0, dg / (target[1] - b[1])));
      }
      const q = Math.round(cov * STEPS);
      out.push({ ink: q === 0 ? 0 : ink, cov: q, alpha: Math.round((a / 255) * STEPS) });
    }
  }
  return out;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit palette PNG (with tRNS when any entry is not opaque). */
function encode(w, h, pixels) {
  const palette = [];
  const index = new Map();
  const idx = new Uint8Array(w * h);
  pixels.forEach((p, n) => {
    const key = `${p.ink}/${p.ink ? p.cov : 0}/${p.alpha}`;
    if (!index.has(key)) {
      const target = p.ink === 1 ? WHITE : p.ink === 2 ? YELLOW : RED;
      const t = p.ink ? p.cov / STEPS : 0;
      const rgb = RED.map((c, k) => Math.round(c + t * (target[k] - c)));
      index.set(key, palette.length);
      palette.push({ rgb, a: Math.round((p.alpha / STEPS) * 255) });
    }
    idx[n] = index.get(key);
  });
  if (palette.length > 256) throw new Error(`${palette.length} colours do not fit a palette`);
  const rows = Buffer.alloc(h * (w + 1));
  for (let y = 0; y < h; y++) {
    rows[y * (w + 1)] = 0; // no filter: best for palette images
    idx.subarray(y * w, (y + 1) * w).forEach((v, x) => (rows[y * (w + 1) + 1 + x] = v));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit, palette, deflate, adaptive filters, no interlace
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(palette.flatMap((p) => p.rgb))),
  ];
  if (palette.some((p) => p.a !== 255)) {
    // tRNS may stop at the last non-opaque entry.
    const last = palette.map((p) => p.a !== 255).lastIndexOf(true);
    parts.push(chunk('tRNS', Buffer.from(palette.slice(0, last + 1).map((p) => p.a))));
  }
  parts.push(chunk('IDAT', deflateSync(rows, { level: 9, memLevel: 9 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const name of FILES) {
    const file = `public/icons/${name}.png`;
    const before = readFileSync(file).length;
    const img = await decode(page, file);
    const png = encode(img.w, img.h, analyse(img));
    writeFileSync(file, png);
    console.log(`${file}: ${img.w}x${img.h}, ${(before / 1024).toFixed(1)} KB → ${(png.length / 1024).toFixed(1)} KB`);
  }
} finally {
  await browser.close();
}
