// The "Share with client" button of a brief's page on a team server: makes a link to the
// offer as the page shows it (the tweaks of the offer below, the option chosen above) and
// shows it to copy. Kept apart from app.js: it reads what app.js leaves in the page.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const button = $('share');
  if (!button) return;
  const csrf = (document.querySelector('meta[name="trekant-csrf"]') || {}).content || '';

  // The tweaks are those of the offer shown in the frame; its address carries them.
  function body() {
    const out = {};
    const frame = $('offer-frame');
    const query = frame ? new URL(frame.getAttribute('src'), location.href).searchParams : new URLSearchParams();
    const exclude = query.get('exclude');
    if (exclude) out.exclude = exclude.split(',').filter(Boolean);
    for (const key of ['budget', 'hours_per_week', 'confidence']) {
      const value = Number(query.get(key));
      if (query.get(key) && Number.isFinite(value)) out[key] = value;
    }
    if (query.get('deadline')) out.deadline = query.get('deadline');
    const option = $('accept-box') && $('accept-box').dataset.option;
    if (option) out.option = option;
    return out;
  }

  button.addEventListener('click', async () => {
    const status = $('share-status');
    button.disabled = true;
    status.className = 'status';
    status.textContent = button.dataset.working;
    try {
      const response = await fetch(button.dataset.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Trekant-CSRF': csrf,
          'Accept-Language': document.documentElement.lang,
        },
        body: JSON.stringify(body()),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(answer.error || response.statusText);
      $('share-url').value = new URL(answer.url, location.href).href;
      $('share-link').hidden = false;
      $('share-url').select();
      status.className = 'status accepted';
      status.textContent = answer.message || '';
    } catch (error) {
      status.className = 'status error';
      status.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  });

  $('share-copy').addEventListener('click', async () => {
    const url = $('share-url');
    try {
      await navigator.clipboard.writeText(url.value);
    } catch (_) {
      url.select();
      document.execCommand('copy');
    }
    $('share-status').textContent = button.dataset.copied;
  });
})();
