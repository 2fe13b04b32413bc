// Vigie's service worker: precaches one release's files under one cache, serves them cache-first,
// answers every navigation (deep links, /embed/…) with the cached app shell, and waits for the page's
// word before taking over from an older release, so a page never mixes files of two releases.
// `cargo xtask build` fills in VERSION and PRECACHE from dist/ after each release build.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `vigie-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('vigie-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'vigie:skip-waiting') self.skipWaiting();
  if (event.data && event.data.type === 'vigie:version') event.source?.postMessage({ type: 'vigie:version', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Reachability probes always go to the network, so the page can tell it is offline.
  if (url.searchParams.has('vigie-probe')) return;
  if (request.mode === 'navigate') {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match('/index.html')).then((shell) => shell || fetch(request)));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(url.pathname).then((hit) => hit || fetch(request)),
    ),
  );
});
