// Årshjul's service worker: keeps the "next APT" page and this build's style, so an employee
// can read the next agenda on the phone without a connection. Nothing else is kept: every other
// request goes to the network as if there were no worker.
//
// The copy is its person's and lives with their session: every page the server sends names its
// viewer (X-Arshjul-Viewer), and a page naming another person or nobody (the session ended,
// timed out, was ended elsewhere, the account was disabled, someone else signed in) drops the
// copy at once. The copy is not served past the session's absolute end (X-Arshjul-Copy-Until),
// and it is served with the headers it was saved with, its Content-Security-Policy among them.
//
// The server fills in CACHE (named after the build, so a new build starts a new cache and drops
// the old one) and ASSETS (the build's hashed style and the few static files: the page is plain
// HTML, with no island and so no wasm).

const CACHE = "__CACHE__";
const ASSETS = __ASSETS__;
const PAGE = "/nasta-apt";
const VIEWER = "x-arshjul-viewer";
const COPY_UNTIL = "x-arshjul-copy-until";
// A copy younger than this is fresh enough; a page load only refreshes an older one.
const FRESH_MS = 5 * 60 * 1000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

// A new build: save the page afresh with this build's assets, then drop the older builds'
// caches. Should the fresh copy fail (no network just now), the older copy and its own assets
// stay until a fresh one is saved, so the offline page never loses its style or its hydration.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      try {
        const response = await fetch(PAGE, { credentials: "same-origin", headers: { Accept: "text/html" } });
        await forgetUnlessViewer(response);
        await keep(response);
      } catch (error) {
        // Offline: the older copy stays.
      }
      await self.clients.claim();
    })(),
  );
});

async function dropOlderBuilds() {
  const keys = await caches.keys();
  await Promise.all(
    keys.filter((key) => key.startsWith("arshjul-") && key !== CACHE).map((key) => caches.delete(key)),
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === PAGE && request.mode === "navigate") {
    event.respondWith(nextPage(request));
  } else if (request.mode === "navigate") {
    event.respondWith(watchedPage(request));
  } else if (ASSETS.includes(url.pathname) || url.pathname.startsWith("/pkg/")) {
    // This build's assets, or an older build's that an older saved page still needs.
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)));
  }
});

// Any other page, from the network as usual; its viewer decides whether the copy may stay.
async function watchedPage(request) {
  const response = await fetch(request);
  await forgetUnlessViewer(response);
  return response;
}

// Drops the copy when a page from the server names another viewer than the copy's, or nobody.
async function forgetUnlessViewer(response) {
  const viewer = response.headers.get(VIEWER);
  if (viewer === null) return;
  const copy = await savedPage();
  if (copy && copy.headers.get(VIEWER) !== viewer) await forgetPage();
}

// The page from the network when it answers (kept for later), else the kept copy while its
// session could still live, marked so the page shows "Offline – sparad HH:MM".
async function nextPage(request) {
  try {
    const response = await fetch(request);
    await forgetUnlessViewer(response);
    await keep(response.clone());
    return response;
  } catch (error) {
    const copy = await savedPage();
    if (!copy) return offlineWithoutCopy(false);
    const until = Number(copy.headers.get(COPY_UNTIL));
    if (!(until > Date.now())) {
      await forgetPage();
      return offlineWithoutCopy(true);
    }
    const html = (await copy.text()).replace("<html", '<html data-offline="true"');
    const headers = new Headers(copy.headers);
    headers.set("Cache-Control", "no-store");
    headers.delete("Content-Length");
    return new Response(html, { headers });
  }
}

// The saved page: this build's copy, else an older build's.
async function savedPage() {
  const own = await (await caches.open(CACHE)).match(PAGE);
  return own || caches.match(PAGE);
}

// Keeps a signed-in person's page (older builds' copies are then dropped); a refusal (signed
// out, account closed) drops every copy.
async function keep(response) {
  const cache = await caches.open(CACHE);
  const owned = response.headers.get(VIEWER) && response.headers.get(COPY_UNTIL);
  if (response.ok && !response.redirected && response.type === "basic" && owned) {
    await cache.put(PAGE, response);
    await dropOlderBuilds();
  } else if (response.redirected || response.status === 401 || response.status === 403) {
    await cache.delete(PAGE);
    await dropOlderBuilds();
  }
}

// Refreshes the kept page in the background when the app is opened online (offline.js asks).
async function refresh() {
  const copy = await (await caches.open(CACHE)).match(PAGE);
  const saved = copy ? Date.parse(copy.headers.get("date") || "") : NaN;
  if (copy && Date.now() - saved < FRESH_MS) return;
  try {
    const response = await fetch(PAGE, {
      credentials: "same-origin",
      redirect: "follow",
      headers: { Accept: "text/html" },
    });
    await forgetUnlessViewer(response);
    await keep(response);
  } catch (error) {
    // Offline: keep what there is.
  }
}

self.addEventListener("message", (event) => {
  if (event.data === "refresh-next") event.waitUntil(refresh());
  if (event.data === "forget") event.waitUntil(forgetPage());
});

// Sign-out: every saved copy of the page goes (the build's assets stay, they hold nobody's data).
async function forgetPage() {
  const keys = await caches.keys();
  await Promise.all(
    keys
      .filter((key) => key.startsWith("arshjul-"))
      .map((key) => caches.open(key).then((cache) => cache.delete(PAGE))),
  );
}

// Offline with no copy to show: none was saved, or (`expired`) its session has ended.
function offlineWithoutCopy(expired) {
  const why = expired
    ? "Den sparade dagordningen visas inte längre: inloggningen den hörde till har gått ut. Logga in igen när du har uppkoppling."
    : "Det finns ingen sparad dagordning på den här enheten. Öppna Nästa APT när du har uppkoppling, så sparas den för att läsas offline.";
  const html = `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Du är offline – Årshjul</title></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5; color: #1a1a1a">
<main><h1>Du är offline</h1>
<p>${why}</p></main>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
