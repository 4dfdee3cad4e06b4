// The static server used by ./scripts/run.sh and by these tests (tools/serve.mjs) under hostile requests
// (issue 14, item 7): nothing outside the served folder is ever sent, and a malformed path is a plain 400
// that names no internals. Needs no build: it serves a small folder made here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';

let base;
let server;
before(async () => {
  base = mkdtempSync(join(tmpdir(), 'leye-serve-'));
  // `dist` is served; `dist-secret` sits beside it and shares its name as a prefix, which is what a root
  // check without a trailing separator lets through.
  mkdirSync(join(base, 'dist'));
  mkdirSync(join(base, 'dist-secret'));
  writeFileSync(join(base, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(base, 'dist', 'app.txt'), 'served');
  writeFileSync(join(base, 'dist-secret', 'key.txt'), 'SECRET');
  writeFileSync(join(base, 'outside.txt'), 'SECRET');
  server = await serve({ dir: join(base, 'dist'), port: 0 });
});
after(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  rmSync(base, { recursive: true, force: true });
});

/** Sends `path` exactly as written (no client-side normalisation); resolves to status, headers and body. */
function get(path) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.address().port, path, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('files in the served folder and client-side routes are served', async () => {
  const file = await get('/app.txt');
  assert.equal(file.status, 200);
  assert.equal(file.body, 'served');
  const route = await get('/training/course');
  assert.equal(route.status, 200);
  assert.match(route.body, /<title>app<\/title>/);
});

test('encoded separators never reach a sibling folder or the parent', async () => {
  for (const path of [
    '/..%2fdist-secret%2fkey.txt',
    '/..%2Fdist-secret%2Fkey.txt',
    '/%2e%2e%2fdist-secret%2fkey.txt',
    '/..%2f..%2f' + 'outside.txt',
    '/..%2foutside.txt',
    '/%2e%2e/outside.txt',
    '/..%5coutside.txt',
    '/app.txt%00.html',
  ]) {
    const res = await get(path);
    assert.ok(!res.body.includes('SECRET'), `${path} sent a file outside the served folder`);
    assert.ok([400, 403, 404].includes(res.status), `${path} answered ${res.status}`);
  }
});

test('a malformed percent-encoding is a 400 that names no internals', async () => {
  for (const path of ['/%', '/%E0%A4%A', '/policies/%zz', '/%C0%AF.txt']) {
    const res = await get(path);
    assert.equal(res.status, 400, `${path} answered ${res.status}`);
    assert.doesNotMatch(res.body, /URIError|Error:|at |node:|\/tmp\//, `${path} leaked ${res.body}`);
    // Still the security headers a real host sends, on every answer.
    assert.ok(res.headers['content-security-policy']);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  }
});
