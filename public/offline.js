// Registers Årshjul's service worker (which keeps the "next APT" page for reading offline), asks
// it to refresh its copy when the app is opened online, and forgets the copy at sign-out. Plain
// script, loaded with `defer`: it works before and without the wasm bundle.
(function () {
  if (!("serviceWorker" in navigator)) return;

  // Drops every saved copy of the page (the worker does the same when asked; the sign-out
  // response also tells the browser to clear the site's storage).
  function forget() {
    if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage("forget");
    if (window.caches) {
      caches.keys().then(function (keys) {
        keys.forEach(function (key) {
          if (key.indexOf("arshjul-") === 0) {
            caches.open(key).then(function (cache) { cache.delete("/nasta-apt"); });
          }
        });
      });
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && form.classList && form.classList.contains("site-nav__signout")) forget();
  }, true);

  navigator.serviceWorker
    .register("/sw.js")
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      var signedIn = document.querySelector(".site-nav__signout");
      if (signedIn && navigator.onLine && registration.active) {
        registration.active.postMessage("refresh-next");
      }
    })
    .catch(function () {
      // No worker (private mode, old browser): the app works the same, only not offline.
    });
})();
