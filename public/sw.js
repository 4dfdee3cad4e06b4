// 乐业通 service worker. tools/sw-manifest.mjs fills in the build hash and precache list.
// Strategy: the whole app is precached at install; navigations get the cached index.html so every
// route works offline; a new version waits until the user taps the update banner.
const VERSION = '__LEYE_VERSION__';
const CACHE = `leye-${VERSION}`;
const PRECACHE = __LEYE_PRECACHE__;

self.addEventListener('install', (event) => {
  // cache: 'reload' so a stale HTTP cache never ends up in a new precache.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('leye-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Only the page decides when to switch versions: the user tapped 有新版本,点击更新.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'GET_VERSION' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Catalog updates must come from the network; the app keeps its own copy in IndexedDB.
  if (url.pathname.startsWith('/catalog/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match('/index.html').then((cached) => cached || fetch(request)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request)),
    ),
  );
});
