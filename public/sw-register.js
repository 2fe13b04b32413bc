// Registers Vigie's service worker and tells the app when a new release is waiting
// (window event `vigie:update-ready`); `window.vigieApplyUpdate()` switches to it and reloads.
(function () {
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;
  const announce = (registration) => {
    window.vigieWaitingWorker = registration.waiting;
    window.dispatchEvent(new CustomEvent('vigie:update-ready'));
  };
  window.vigieApplyUpdate = function () {
    const waiting = window.vigieWaitingWorker;
    if (waiting) waiting.postMessage({ type: 'vigie:skip-waiting' });
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !window.vigieHadController) return;
    reloading = true;
    window.location.reload();
  });
  window.vigieHadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(registration);
        if (worker.state === 'activated') window.vigieHadController = true;
      });
    });
    window.vigieServiceWorkerReady = navigator.serviceWorker.ready.then(() => true);
    // Look for a new release now and then while the page stays open.
    setInterval(() => registration.update().catch(() => {}), 60 * 1000);
  }).catch((e) => console.warn('service worker not registered', e));
})();
