// A small static server for the release build, sending the headers a real host should send
// (tools/headers.mjs) and compressing text and wasm (brotli, else gzip) as any real host should.
// Unknown paths without a file extension get index.html so deep links work.
// Usage: node tools/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { headersFor } from './headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** The body in the best encoding the client accepts. Compressed bodies are kept by content hash, so two
 * builds served side by side (the update tests) never mix. Quality 9: near the best, fast enough on the fly. */
const encoded = new Map();
function encode(req, served, body) {
  if (!COMPRESSIBLE.has(extname(served))) return { body };
  const accept = String(req.headers['accept-encoding'] || '');
  const kind = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!kind) return { body };
  const key = `${kind}\0${createHash('sha1').update(body).digest('hex')}`;
  if (!encoded.has(key)) {
    encoded.set(
      key,
      kind === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return { body: encoded.get(key), encoding: kind };
}

/** Starts serving `dir`; resolves to the http.Server once listening. */
export function serve({ dir = 'dist', host = '127.0.0.1', port = 8080, log = false } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://local');
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, 'bad request: malformed percent-encoding in the path');
      }
      // A NUL or a backslash has no place in a web path; Node would throw on the first, Windows splits on the
      // second.
      if (path.includes('\0') || path.includes('\\')) return send(res, 400, 'bad request');
      if (path.endsWith('/')) path += 'index.html';
      // Resolved against the root, then checked with a trailing separator, so `/..%2fdist-secret/x` (decoded
      // to `/../dist-secret/x`) cannot pass as being under `dist`.
      const file = resolve(root, '.' + path);
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
      let body;
      let served = path;
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        body = await readFile(file);
      } catch {
        // Client-side routes (no extension) get the app; missing assets get a real 404.
        if (extname(path)) return send(res, 404, 'not found');
        served = '/index.html';
        body = await readFile(join(root, 'index.html'));
      }
      if (log) console.log(`${req.method} ${url.pathname} -> ${served}`);
      const out = encode(req, served, body);
      body = out.body;
      res.writeHead(200, {
        'Content-Type': TYPES[extname(served)] || 'application/octet-stream',
        'Content-Length': body.length,
        ...(out.encoding ? { 'Content-Encoding': out.encoding } : {}),
        Vary: 'Accept-Encoding',
        ...headersFor(served),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      // The cause goes to the server's log, never to the client.
      console.error(`serve: ${req.method} ${req.url}: ${e && e.stack ? e.stack : e}`);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headersFor('/error') });
  res.end(text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const host = arg('host', '127.0.0.1');
  const port = Number(arg('port', '8080'));
  const dir = arg('dir', 'dist');
  await serve({ dir, host, port, log: process.argv.includes('--log') });
  console.log(`乐业通 is being served at http://${host}:${port}/ (from ${dir}/). Ctrl+C stops it.`);
}
