// The HTTP headers a static host should send for 乐业通. Used by tools/serve.mjs and documented in README.md.
// Kept in one place so the build (meta CSP) and the server never disagree.
import { createHash } from 'node:crypto';

/**
 * The one inline script of index.html (tools/prerender.mjs): before the first paint, it swaps the prerendered
 * Chinese 首页 for the English one (kept in a <template>) when the person chose English (the app mirrors that
 * choice in localStorage), and for the plain 乐业通 mark on any other route. The CSP names it by its hash, so no
 * other inline script can run.
 * It also marks the page `no-app` where the app cannot start (issue 13): the loader (tools/assemble.mjs) calls
 * `__leyeNoApp` when there is no WebAssembly or the wasm fails; where the loader never ran at all (no module
 * scripts, as in the X5 engine's Chrome 53, or its code could not be loaded) the page's load event finds no
 * `__leye` mark. style/main.css then hides what needs the app and shows `.app-missing`, which says what to
 * do; on other routes that sentence is kept beside the mark. Written for old engines (no replaceChildren).
 */
export const PRERENDER_GATE =
  "(function(){var d=document,h=d.documentElement,b=d.getElementById('boot'),t=d.getElementById('boot-en'),en=false,m;" +
  "window.__leyeNoApp=function(){h.classList.add('no-app')};" +
  "addEventListener('load',function(){if(!window.__leye)window.__leyeNoApp()});" +
  "if(!b)return;try{en=localStorage.getItem('leye.lang')==='en'&&!!t}catch(e){}" +
  "if(en){h.lang='en';d.title=t.getAttribute('data-title')||d.title}" +
  "if(location.pathname!=='/'){m=(en?t.content:b).querySelector('.app-missing');b.className='boot';" +
  "b.innerHTML='<span class=\"boot-mark\" aria-hidden=\"true\">乐业通</span>';if(m)b.appendChild(m)}" +
  "else if(en){b.innerHTML='';b.appendChild(t.content.cloneNode(true))}})()";

const GATE_HASH = `'sha256-${createHash('sha256').update(PRERENDER_GATE).digest('base64')}'`;

/** CSP directives valid inside a <meta> element (frame-ancestors is header-only). */
export const CSP_META = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${GATE_HASH}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The full policy, as an HTTP header. */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

/**
 * Files whose names carry a content hash never change: cache them for a year. So does everything in the wasm
 * folder, whose name is a hash of all its files (tools/assemble.mjs).
 */
export const HASHED_FILE = /(-[0-9a-f]{16}\.(js|css)$)|(^\/wasm-[0-9a-f]{16}\/[^/]+\.(js|wasm)$)/;

/** Headers for one response, given the path served. */
export function headersFor(path) {
  const cache = HASHED_FILE.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache'; // index.html, sw.js, manifest, icons, catalog pack: always revalidate
  return {
    'Content-Security-Policy': CSP_HEADER,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
