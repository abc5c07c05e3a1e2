// trekant's pages, made live: the review of a pasted e-mail, the triangle panel, the brief's
// form and TOML. Plain JavaScript, no dependencies, served by the binary. Every sentence comes
// from the server (the page's <script id="trekant-messages">); every text from a client or a
// user is put in the page as text (textContent), never as HTML.
(function () {
  'use strict';

  const messages = JSON.parse(document.getElementById('trekant-messages').textContent);
  const msg = (id) => messages[id] || id;
  const lang = document.documentElement.lang || 'en';
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const csrf = document.querySelector('meta[name="trekant-csrf"]').content;
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  let toastTimer;
  function toast(text) {
    const box = $('toast');
    box.textContent = text;
    box.classList.add('shown');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => box.classList.remove('shown'), 3000);
  }

  // A request to the API, with the CSRF header; the answer as JSON, or an Error with the
  // server's message and status.
  async function api(method, url, body, headers) {
    // Answers, errors included, in the page's language.
    const init = { method, headers: Object.assign({ 'X-Trekant-CSRF': csrf, 'Accept-Language': lang }, headers || {}) };
    if (body !== undefined) {
      if (typeof body === 'string') {
        init.body = body;
        init.headers['Content-Type'] = 'text/plain; charset=utf-8';
      } else {
        init.body = JSON.stringify(body);
        init.headers['Content-Type'] = 'application/json';
      }
    }
    if (headers && headers.signal) {
      init.signal = headers.signal;
      delete init.headers.signal;
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let value;
    try { value = JSON.parse(text); } catch (_) { value = { error: text }; }
    if (!response.ok) {
      const error = new Error((value && value.error) || response.statusText);
      error.status = response.status;
      throw error;
    }
    return value;
  }

  function debounce(fn, ms) {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  const number = (x, digits) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits || 0 }).format(x);
  const percent = (p) => (p === null || p === undefined) ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p);
  function money(x, currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(x);
    } catch (_) {
      return number(x) + ' ' + currency;
    }
  }
  const dateText = (iso) => iso ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z')) : '–';
  function addDays(iso, days) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  // ---- Findings underlined in a text -------------------------------------------------------

  // Character offsets (code points, as the server counts) from 1-based line and column.
  function offsetsFromLines(text, diagnostics) {
    const starts = [0];
    const chars = Array.from(text);
    chars.forEach((c, i) => { if (c === '\n') starts.push(i + 1); });
    const at = (line, column) => (starts[line - 1] || 0) + column - 1;
    return diagnostics.map((d) => Object.assign({}, d, {
      start: at(d.line, d.column),
      end: at(d.end_line, d.end_column),
    }));
  }

  // Puts `text` into `box` with each finding (`start`, `end` in characters) as a focusable
  // mark whose tip shows the message and the question (hover, focus or tap).
  function underline(box, text, marks) {
    box.textContent = '';
    const chars = Array.from(text);
    const sorted = marks.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
    let at = 0;
    sorted.forEach((m, i) => {
      if (m.start < at) return; // overlapping: listed below, underlined once
      box.append(chars.slice(at, m.start).join(''));
      const tip = el('span', { class: 'tip', role: 'tooltip', id: box.id + '-tip-' + i },
        el('strong', {}, m.message),
        m.question ? el('span', { class: 'q' }, msg('web-js-question') + ' ' + m.question) : null);
      box.append(el('mark', {
        class: 'finding ' + m.severity, tabindex: '0', 'data-code': m.code,
        'aria-describedby': box.id + '-tip-' + i,
      }, chars.slice(m.start, m.end).join(''), tip));
      at = m.end;
    });
    box.append(chars.slice(at).join(''));
  }

  function listFindings(list, findings, withPlace) {
    list.textContent = '';
    if (!findings.length) {
      list.append(el('li', { class: 'muted' }, msg('web-js-no-findings')));
      return;
    }
    for (const f of findings) {
      list.append(el('li', { class: f.severity },
        el('span', { class: 'code' }, withPlace ? `${f.line}:${f.column} ` : '', f.code),
        el('span', { class: 'message' }, f.message),
        f.question ? el('span', { class: 'q' }, f.question) : null));
    }
  }

  // ---- Start: paste an e-mail ---------------------------------------------------------------

  function startPage() {
    const form = $('review-form');
    let reviewed = '';
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = $('email').value;
      if (!text.trim()) return;
      $('review-status').textContent = msg('web-js-reviewing');
      try {
        const review = await api('POST', '/api/review', text);
        reviewed = text;
        const findings = offsetsFromLines(text, review.diagnostics);
        underline($('words'), text, findings);
        listFindings($('findings'), review.diagnostics, false);
        const questions = review.diagnostics.filter((d) => d.question).map((d) => d.question);
        const unique = [...new Set(questions)];
        $('questions').value = unique.length
          ? [msg('web-js-email-intro'), '', ...unique.map((q, i) => `${i + 1}. ${q}`), '', msg('web-js-email-closing')].join('\n')
          : msg('web-js-no-findings');
        $('result').hidden = false;
        $('review-status').textContent = '';
        $('words').scrollIntoView({ behavior: 'smooth', block: 'start' });
      } catch (error) {
        $('review-status').textContent = error.message;
      }
    });
    $('copy').addEventListener('click', async () => {
      const box = $('questions');
      try {
        await navigator.clipboard.writeText(box.value);
      } catch (_) {
        box.select();
        document.execCommand('copy');
      }
      toast(msg('web-js-copied'));
    });
    $('make-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      let name = $('brief-name').value.trim().toLowerCase().replace(/\s+/g, '-');
      if (!name) {
        $('make-status').textContent = msg('web-js-name-needed');
        $('brief-name').focus();
        return;
      }
      if (!name.endsWith('.toml')) name += '.toml';
      try {
        await api('POST', '/api/briefs', { name, text: reviewed || $('email').value });
        toast(msg('web-js-created'));
        location.href = '/briefs/' + encodeURIComponent(name) + location.search;
      } catch (error) {
        $('make-status').textContent = error.message;
      }
    });
  }

  // ---- A brief ------------------------------------------------------------------------------

  function briefPage() {
    const data = JSON.parse($('trekant-brief').textContent);
    const base = '/api/briefs/' + encodeURIComponent(data.name);
    let etag = data.etag;

    if (data.words && $('client-words')) {
      underline($('client-words'), data.words.text, data.words.marks);
      listFindings($('word-findings'), data.words.marks, false);
    }
    listFindings($('toml-findings'), data.review.diagnostics, true);

    const fields = data.fields;
    if (fields && $('tweaks')) triangle(fields);
    if (fields) briefForm();
    tomlView();

    function triangle(fields) {
      const budget = $('budget');
      const deadline = $('deadline');
      const hours = $('hours');
      const confidence = $('confidence');
      if (fields.budget) {
        const step = Math.pow(10, Math.max(0, Math.floor(Math.log10(fields.budget)) - 2));
        budget.min = String(Math.round(fields.budget * 0.3 / step) * step);
        budget.max = String(Math.round(fields.budget * 3 / step) * step);
        budget.step = String(step);
        budget.value = String(fields.budget);
      } else {
        budget.closest('label').hidden = true;
      }
      if (!fields.deadline) deadline.closest('label').hidden = true;
      hours.max = String(Math.max(60, Math.ceil(fields.hours_per_week)));
      hours.value = String(fields.hours_per_week);
      confidence.value = String(fields.confidence);

      function tweaks() {
        const body = {
          exclude: [...document.querySelectorAll('#tweaks input[name="scope"]:not(:checked):not(:disabled)')].map((i) => i.value),
          hours_per_week: Number(hours.value),
          confidence: Number(confidence.value),
        };
        if (fields.budget) body.budget = Number(budget.value);
        if (fields.deadline) body.deadline = addDays(fields.deadline, Number(deadline.value));
        return body;
      }

      function showLimits(t) {
        $('budget-out').textContent = t.budget ? money(t.budget, fields.currency) : '';
        $('deadline-out').textContent = t.deadline ? dateText(t.deadline) : '';
        $('hours-out').textContent = number(t.hours_per_week) + ' ' + msg('web-hours-short');
        $('confidence-out').textContent = percent(t.confidence);
      }

      let inflight;
      let chosen = null;
      async function simulate() {
        const t = tweaks();
        showLimits(t);
        if (inflight) inflight.abort();
        inflight = new AbortController();
        const signal = inflight.signal;
        $('outcome').setAttribute('aria-busy', 'true');
        try {
          const [report, offers] = await Promise.all([
            api('POST', base + '/estimate', t, { signal }),
            api('POST', base + '/options', t, { signal }),
          ]);
          showReport(report, t);
          showOptions(offers);
          showOffer(t);
        } catch (error) {
          if (error.name !== 'AbortError') toast(error.message);
        } finally {
          if (!signal.aborted) $('outcome').setAttribute('aria-busy', 'false');
        }
      }
      const later = debounce(simulate, 200);
      $('tweaks').addEventListener('input', () => { chosen = null; showLimits(tweaks()); later(); });
      $('reset').addEventListener('click', () => {
        document.querySelectorAll('#tweaks input[name="scope"]:not(:disabled)').forEach((i) => { i.checked = true; });
        if (fields.budget) budget.value = String(fields.budget);
        deadline.value = '0';
        hours.value = String(fields.hours_per_week);
        confidence.value = String(fields.confidence);
        chosen = null;
        simulate();
      });
      $('keep').addEventListener('click', async () => {
        const t = tweaks();
        const set = {};
        if (fields.budget && t.budget !== fields.budget) set['request.budget'] = t.budget;
        if (fields.deadline && t.deadline !== fields.deadline) set['request.deadline'] = t.deadline;
        if (t.hours_per_week !== fields.hours_per_week) set['me.hours_per_week'] = t.hours_per_week;
        if (Math.abs(t.confidence - fields.confidence) > 1e-9) set['me.confidence'] = t.confidence;
        for (const id of t.exclude) set['item.' + id + '.priority'] = 'wont';
        await patch({ set, remove: [] }, $('form-status'));
      });

      function showReport(report, t) {
        const v = report.verdict;
        const box = $('verdict');
        const hasLimit = v.p_budget !== null || v.p_deadline !== null;
        box.className = 'verdict ' + (hasLimit ? v.class : 'none');
        box.textContent = hasLimit ? msg('web-js-verdict-' + v.class) : msg('web-js-no-limit');
        $('p-budget').textContent = percent(v.p_budget);
        $('p-deadline').textContent = percent(v.p_deadline);
        $('p-both').textContent = percent(v.p_both);
        $('price-label').textContent = msg('web-js-price-at') + ' · ' + percent(report.confidence);
        $('finish-label').textContent = msg('web-js-finish-at') + ' · ' + percent(report.confidence);
        $('price').textContent = money(report.price, fields.currency);
        $('finish').textContent = dateText(report.finish_at_confidence);
        const curves = report.curves || {};
        chart($('price-chart'), (curves.price || []).map(([x, p]) => [x, p]),
          t.budget ? { x: t.budget, label: msg('web-js-budget-line') + ' ' + money(t.budget, fields.currency) } : null,
          { x: report.price, label: money(report.price, fields.currency) },
          (x) => money(x, fields.currency));
        const day = (iso) => Date.parse(iso + 'T00:00:00Z') / 86400000;
        const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
        chart($('finish-chart'), (curves.finish || []).map(([d, p]) => [day(d), p]),
          t.deadline ? { x: day(t.deadline), label: msg('web-js-deadline-line') + ' ' + dateText(t.deadline) } : null,
          { x: day(report.finish_at_confidence), label: dateText(report.finish_at_confidence) },
          (d) => dateText(iso(Math.round(d))));
      }

      const titles = Object.fromEntries(fields.items.map((i) => [i.id, i.title || i.id]));
      const named = (ids) => ids.map((id) => titles[id] || id).join(', ');
      function showOptions(offers) {
        const box = $('option-cards');
        box.textContent = '';
        for (const o of offers.options) {
          const deferred = o.deferred || [];
          const card = el('article', { class: 'option' + (o.kind === 'recommended' ? ' recommended' : '') + (chosen === o.kind ? ' chosen' : '') },
            el('h3', {}, msg('web-js-option-' + o.kind)),
            el('p', { class: 'price' }, money(o.price, offers.currency)),
            el('dl', {},
              el('div', {}, el('dt', {}, msg('web-js-option-finish')), el('dd', {}, dateText(o.finish))),
              el('div', {}, el('dt', {}, msg('web-js-option-odds')), el('dd', {}, percent(o.p_both))),
              el('div', {}, el('dt', {}, msg('web-js-option-items')), el('dd', {}, named(o.items))),
              deferred.length ? el('div', {}, el('dt', {}, msg('web-js-option-deferred')), el('dd', {}, named(deferred))) : null,
              (o.swapped || []).length ? el('div', {}, el('dt', {}, msg('web-js-option-swapped')), el('dd', {}, named(o.swapped))) : null),
            o.feasible ? null : el('p', { class: 'warn' }, msg('web-js-option-not-feasible')),
            el('button', {
              type: 'button', class: chosen === o.kind ? 'primary' : '', 'aria-pressed': chosen === o.kind ? 'true' : 'false',
              onclick: () => {
                chosen = o.kind;
                document.querySelectorAll('#tweaks input[name="scope"]:not(:disabled)').forEach((i) => { i.checked = o.items.includes(i.value); });
                hours.value = String(o.hours_per_week);
                simulate();
              },
            }, chosen === o.kind ? msg('web-js-chosen') : msg('web-js-choose')));
          box.append(card);
        }
        showAcceptOption();
      }

      // The accept button: the chosen option (else the recommended one) with the panel's
      // tweaks, recorded as `trekant accept` records it.
      const today = new Date().toISOString().slice(0, 10);
      function showAcceptOption() {
        if ($('accept-option')) $('accept-option').textContent = msg('web-js-option-' + (chosen || 'recommended'));
        // The share button (assets/share.js) shares the offer with this option.
        if ($('accept-box')) $('accept-box').dataset.option = chosen || 'recommended';
      }
      if ($('accept')) {
        $('accept-date').value = today;
        $('accept-date').max = today;
        $('accept').addEventListener('click', async () => {
          const body = Object.assign(tweaks(), { option: chosen || 'recommended' });
          if ($('accept-date').value) body.date = $('accept-date').value;
          const status = $('accept-status');
          $('accept').disabled = true;
          status.className = 'status';
          status.textContent = msg('web-js-accepting');
          try {
            const answer = await api('POST', base + '/accept', body);
            status.textContent = '';
            status.className = 'status accepted';
            status.append(answer.message, ' ', el('a', { href: '/history' + location.search }, msg('web-js-see-history')));
            $('accept-box').classList.add('done');
          } catch (error) {
            status.className = 'status error';
            status.textContent = error.message;
            $('accept').disabled = false;
          }
        });
      }

      const showOffer = debounce((t) => {
        const query = new URLSearchParams();
        if (t.exclude.length) query.set('exclude', t.exclude.join(','));
        if (t.budget) query.set('budget', String(t.budget));
        if (t.deadline) query.set('deadline', t.deadline);
        query.set('hours_per_week', String(t.hours_per_week));
        query.set('confidence', String(t.confidence));
        const q = '?' + query.toString();
        $('offer-frame').src = base + '/proposal.html' + q;
        for (const [id, ext] of [['dl-html', 'html'], ['dl-md', 'md'], ['dl-pdf', 'pdf']]) {
          if ($(id)) $(id).href = base + '/proposal.' + ext + q;
        }
      }, 600);

      simulate();
    }

    // A cumulative curve (P(X ≤ x)) with the client's limit and the quote marked.
    function chart(svg, points, limit, quote, fmt) {
      const W = 600, H = 180, L = 8, R = 8, T = 22, B = 26;
      svg.textContent = '';
      if (!points.length) return;
      const ns = 'http://www.w3.org/2000/svg';
      const s = (tag, attrs, text) => {
        const node = document.createElementNS(ns, tag);
        for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
        if (text !== undefined) node.textContent = text;
        svg.append(node);
        return node;
      };
      let lo = points[0][0], hi = points[points.length - 1][0];
      for (const m of [limit, quote]) {
        if (!m) continue;
        const span = Math.max(hi - lo, 1);
        if (m.x < lo && m.x > lo - span) lo = m.x;
        if (m.x > hi && m.x < hi + span) hi = m.x;
      }
      if (hi <= lo) hi = lo + 1;
      const X = (x) => L + (W - L - R) * (x - lo) / (hi - lo);
      const Y = (p) => H - B - (H - T - B) * p;
      s('line', { x1: L, x2: W - R, y1: Y(0), y2: Y(0), class: 'axis' });
      s('line', { x1: L, x2: W - R, y1: Y(0.5), y2: Y(0.5), class: 'grid' });
      s('line', { x1: L, x2: W - R, y1: Y(1), y2: Y(1), class: 'grid' });
      const path = points.map(([x, p], i) => (i ? 'L' : 'M') + X(x).toFixed(1) + ' ' + Y(p).toFixed(1)).join(' ');
      s('path', { d: path + ` L${X(points[points.length - 1][0]).toFixed(1)} ${Y(0)} L${X(points[0][0]).toFixed(1)} ${Y(0)} Z`, class: 'area' });
      s('path', { d: path, class: 'curve' });
      s('text', { x: L, y: H - 8, class: 'tick' }, fmt(lo));
      s('text', { x: W - R, y: H - 8, class: 'tick end' }, fmt(hi));
      const mark = (m, cls, y) => {
        if (!m || m.x < lo || m.x > hi) return;
        const x = X(m.x);
        s('line', { x1: x, x2: x, y1: T - 6, y2: Y(0), class: cls });
        const anchor = x > W * 0.66 ? 'end' : (x < W * 0.33 ? 'start' : 'middle');
        s('text', { x: x, y: y, class: 'label ' + cls + ' ' + anchor }, m.label);
      };
      mark(limit, 'limit', 12);
      mark(quote, 'quote', H - 8 - 14);
    }

    async function patch(body, status) {
      status.textContent = msg('web-js-saving');
      try {
        const answer = await api('PATCH', base, body, { 'If-Match': etag });
        etag = answer.etag;
        status.textContent = msg('web-js-saved');
        sessionStorage.setItem('trekant-saved', '1');
        location.reload();
      } catch (error) {
        status.textContent = error.status === 412 ? msg('web-js-conflict') : error.message;
      }
    }

    function briefForm() {
      const form = $('brief-form');
      const removals = new Set();
      form.addEventListener('input', (event) => {
        if (event.target.dataset.path) event.target.dataset.dirty = '1';
        $('form-status').textContent = msg('web-js-unsaved');
      });
      form.addEventListener('click', (event) => {
        const button = event.target.closest('[data-remove]');
        if (!button) return;
        removals.add(button.dataset.remove);
        button.closest('tr').classList.add('removed');
        button.disabled = true;
        $('form-status').textContent = msg('web-js-unsaved');
      });
      $('save-form').addEventListener('click', async () => {
        const set = {};
        const remove = [...removals];
        const value = (input) => (input.type === 'number' ? Number(input.value) : input.value);
        for (const input of form.querySelectorAll('[data-path][data-dirty]')) {
          const path = input.dataset.path;
          if ([...removals].some((r) => path.startsWith(r + '.'))) continue;
          if (input.dataset.part !== undefined) {
            const parts = [...form.querySelectorAll(`[data-path="${path}"]`)].map((i) => Number(i.value));
            set[path] = parts;
          } else if (input.value.trim() === '') {
            if (input.defaultValue !== '') remove.push(path);
          } else {
            set[path] = value(input);
          }
        }
        const id = $('new-id').value.trim();
        if (id) {
          const estimate = [0, 1, 2].map((i) => Number($('new-est-' + i).value || 0));
          set['item.' + id] = { title: $('new-title').value.trim() || id, estimate };
        }
        if (!Object.keys(set).length && !remove.length) return;
        await patch({ set, remove }, $('form-status'));
      });
    }

    function tomlView() {
      const box = $('toml-text');
      const review = debounce(async () => {
        try {
          const answer = await api('POST', '/api/review', box.value);
          listFindings($('toml-findings'), answer.diagnostics, true);
        } catch (error) {
          $('toml-status').textContent = error.message;
        }
      }, 400);
      box.addEventListener('input', () => { $('toml-status').textContent = msg('web-js-unsaved'); review(); });
      $('save-toml').addEventListener('click', async () => {
        $('toml-status').textContent = msg('web-js-saving');
        try {
          const answer = await api('PUT', base, box.value, { 'If-Match': etag });
          etag = answer.etag;
          sessionStorage.setItem('trekant-saved', '1');
          location.reload();
        } catch (error) {
          $('toml-status').textContent = error.status === 412 ? msg('web-js-conflict') : error.message;
        }
      });
    }
  }

  if (sessionStorage.getItem('trekant-saved')) {
    sessionStorage.removeItem('trekant-saved');
    toast(msg('web-js-saved'));
  }
  // ---- History: log hours, mark items done, close a project ---------------------------------

  function historyPage() {
    for (const project of document.querySelectorAll('article.project')) {
      const base = '/api/history/' + encodeURIComponent(project.dataset.project);
      const send = async (url, body, status) => {
        if (status) { status.className = 'status'; status.textContent = msg('web-js-saving'); }
        try {
          await api('POST', url, body);
          location.reload();
        } catch (error) {
          if (status) { status.className = 'status error'; status.textContent = error.message; } else toast(error.message);
        }
      };
      const log = project.querySelector('form[data-log]');
      log.addEventListener('submit', (event) => {
        event.preventDefault();
        const f = new FormData(log);
        const body = { item: f.get('item'), hours: Number(String(f.get('hours')).replace(',', '.')), date: f.get('date') };
        if (String(f.get('note')).trim()) body.note = f.get('note');
        send(base + '/log', body, log.querySelector('.status'));
      });
      for (const button of project.querySelectorAll('button[data-done]')) {
        button.addEventListener('click', () => send(base + '/done', { item: button.dataset.done }, null));
      }
      const close = project.querySelector('form[data-close]');
      close.addEventListener('submit', (event) => {
        event.preventDefault();
        const unfinished = new FormData(close).get('unfinished');
        send(base + '/close', unfinished ? { unfinished } : {}, close.querySelector('.status'));
      });
    }
  }

  const page = document.body.dataset.page;
  if (page === 'history') historyPage();
  if (page === 'start') startPage();
  if (page === 'brief') briefPage();
})();
