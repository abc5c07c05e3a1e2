// The web app in a real browser: Debian's headless chromium driven by playwright-core (no
// browser download). Starts `trekant serve` on a temporary copy of examples/ on a free port,
// then does what a freelancer does: pastes an e-mail and sees the findings underlined, opens a
// brief, takes an item out of scope and sees the price and the odds change, keeps that in the
// brief, edits a field and saves; the file on disk has the changes and still has its
// comments. Screenshots of every page at 1280 px and 390 px go to $TREKANT_SCREENSHOTS (default:
// target/browser-screenshots). No request may leave the app.
//
//   node crates/trekant-web/e2e/browser.test.mjs   (after `cargo build -p trekant-cli`)
//
// Environment: TREKANT_BIN (default target/debug/trekant), CHROMIUM (default /usr/bin/chromium).

import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const bin = process.env.TREKANT_BIN || path.join(root, 'target/debug/trekant');
const shots = process.env.TREKANT_SCREENSHOTS || path.join(root, 'target/browser-screenshots');
const step = (text) => console.log(`browser test: ${text}`);

fs.mkdirSync(shots, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trekant-browser-'));
for (const name of fs.readdirSync(path.join(root, 'examples'))) {
  fs.copyFileSync(path.join(root, 'examples', name), path.join(dir, name));
}

// The server, on a free port; its first line says where it listens.
// A history database of its own, so accepting and logging hours touch nothing of the user's.
const server = spawn(bin, ['serve', dir, '--bind', '127.0.0.1:0', '--lang', 'en', '--db', path.join(dir, 'history.db')], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
const base = await new Promise((resolve, reject) => {
  let said = '';
  const timer = setTimeout(() => reject(new Error(`trekant serve said nothing in 10 s: ${said}`)), 10000);
  const listen = (chunk) => {
    said += chunk;
    const found = said.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (found) {
      clearTimeout(timer);
      resolve(found[0]);
    }
  };
  server.stdout.on('data', listen);
  server.stderr.on('data', listen);
  server.on('exit', (code) => reject(new Error(`trekant serve exited with ${code}: ${said}`)));
});
step(`serving ${dir} at ${base}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const outside = [];
const problems = [];
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(base) || url.startsWith('data:') || url === 'about:blank') return route.continue();
  outside.push(url);
  return route.abort();
});
const page = await context.newPage();
page.setDefaultTimeout(15000);
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });

async function screenshots(name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${name} at ${width} px is ${overflow} px wider than the screen`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

try {
  // Start: paste an e-mail, see the findings underlined and the questions.
  await page.goto(base + '/');
  assert.ok(await page.locator('meta[name="trekant-csrf"]').getAttribute('content'));
  const email = fs.readFileSync(path.join(root, 'examples/client-email.txt'), 'utf8');
  await page.fill('#email', email);
  await page.click('#review-form button[type=submit]');
  await page.locator('#words mark.finding').first().waitFor();
  const marks = await page.locator('#words mark.finding').count();
  assert.ok(marks >= 2, `findings underlined: ${marks}`);
  // The underlined text is the e-mail's, word for word.
  assert.equal((await page.locator('#words').evaluate((b) => {
    const copy = b.cloneNode(true);
    copy.querySelectorAll('.tip').forEach((t) => t.remove());
    return copy.textContent;
  })), email);
  // Keyboard: tab to a finding and its message shows.
  await page.locator('#words mark.finding').first().focus();
  assert.ok(await page.locator('#words mark.finding').first().locator('.tip').isVisible());
  const questions = await page.inputValue('#questions');
  assert.ok(questions.split('\n').filter((l) => /^\d+\. /.test(l)).length >= 2, questions);
  step(`e-mail reviewed: ${marks} findings underlined`);
  await screenshots('start');

  const made = await page.evaluate(async () => {
    const csrf = document.querySelector('meta[name="trekant-csrf"]').content;
    const r = await fetch('/api/briefs', { method: 'POST', headers: { 'X-Trekant-CSRF': csrf, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'probe.toml', text: 'x' }) });
    return r.status;
  });
  if (made === 201) {
    fs.rmSync(path.join(dir, 'probe.toml'));
    await page.fill('#brief-name', 'bakery');
    await page.click('#make-form button[type=submit]');
    await page.waitForURL('**/briefs/bakery.toml');
    assert.ok(fs.existsSync(path.join(dir, 'bakery.toml')));
    assert.ok(fs.readFileSync(path.join(dir, 'bakery.toml'), 'utf8').includes('Lagkagehuset'));
    await page.locator('#client-words mark.finding').first().waitFor();
    await screenshots('new-brief');
    step('a brief made from the e-mail');
  } else {
    step(`making a brief from an e-mail is not in this build (POST answered ${made}); skipped`);
  }

  // Briefs: every brief, with its verdict and price.
  await page.goto(base + '/briefs');
  const cards = await page.locator('.card').count();
  assert.ok(cards >= 3, `briefs listed: ${cards}`);
  assert.ok(await page.locator('.card .verdict').count() >= 3);
  await screenshots('briefs');

  // A brief: take an item out, the price and the odds change.
  await page.click('text=Webshop for Kaffe Nord');
  await page.waitForURL('**/briefs/kaffe-nord.toml');
  await page.locator('#client-words mark.finding').first().waitFor();
  const readPanel = async () => ({
    price: await page.textContent('#price'),
    budget: await page.textContent('#p-budget'),
    deadline: await page.textContent('#p-deadline'),
    both: await page.textContent('#p-both'),
  });
  await page.waitForFunction(() => /\d/.test(document.getElementById('price').textContent));
  await page.locator('#option-cards .option').nth(3).waitFor();
  const before = await readPanel();
  await page.locator('#tweaks input[value="blog"]').uncheck();
  await page.locator('#tweaks input[value="subscriptions"]').uncheck();
  await page.waitForFunction((old) => document.getElementById('price').textContent !== old, before.price);
  await page.waitForFunction(() => document.getElementById('outcome').getAttribute('aria-busy') === 'false');
  const after = await readPanel();
  assert.notEqual(after.price, before.price);
  assert.ok(after.budget !== before.budget || after.deadline !== before.deadline || after.both !== before.both,
    `the odds moved: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  step(`without blog and subscriptions: ${before.price} → ${after.price}, odds ${before.both} → ${after.both}`);
  assert.equal(await page.locator('#option-cards .option').count(), 4);
  await screenshots('brief');

  // Keep it in the brief: the items out of scope become "won't", comments stay.
  const original = fs.readFileSync(path.join(dir, 'kaffe-nord.toml'), 'utf8');
  await Promise.all([page.waitForEvent('load'), page.click('#keep')]);
  let saved = fs.readFileSync(path.join(dir, 'kaffe-nord.toml'), 'utf8');
  const item = (text, id) => text.split('[[item]]').find((t) => t.includes(`id = "${id}"`));
  assert.match(item(saved, 'blog'), /priority = "wont"/);
  assert.match(item(saved, 'subscriptions'), /priority = "wont"/);
  for (const comment of original.split('\n').filter((l) => l.trim().startsWith('#'))) {
    assert.ok(saved.includes(comment), `comment kept: ${comment}`);
  }
  assert.ok(await page.locator('#tweaks input[value="blog"]').isDisabled());

  // The form: a new budget, saved; the reloaded page and the file have it.
  await page.locator('[data-path="request.budget"]').fill('65000');
  await Promise.all([page.waitForEvent('load'), page.click('#save-form')]);
  saved = fs.readFileSync(path.join(dir, 'kaffe-nord.toml'), 'utf8');
  assert.match(saved, /^budget = 65000$/m);
  assert.ok(saved.startsWith(original.split('\n[project]')[0]), 'the opening comments are kept');
  assert.equal(await page.inputValue('[data-path="request.budget"]'), '65000');
  step('saved from the panel and the form: the file has the changes and its comments');

  // The offer preview and the Danish page.
  assert.ok(await page.frameLocator('#offer-frame').locator('body').textContent().then((t) => t.includes('Kaffe Nord')));
  await page.goto(base + '/briefs/kaffe-nord.toml?lang=da');
  await page.waitForFunction(() => /\d/.test(document.getElementById('price').textContent));
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  await screenshots('brief-da');
  await page.goto(base + '/?lang=da');
  await screenshots('start-da');

  // The client said yes: choose the option at a normal pace and accept it; the offer is
  // recorded and its work tracked. Then log hours once on the History page.
  await page.goto(base + '/briefs/kaffe-nord.toml');
  await page.locator('#option-cards .option').nth(1).waitFor();
  await page.locator('#option-cards .option').nth(1).locator('button').click();
  await page.waitForFunction(() => document.getElementById('outcome').getAttribute('aria-busy') === 'false'
    && document.querySelector('#option-cards .option.chosen'));
  await page.click('#accept');
  await page.locator('#accept-status a').waitFor();
  step(`accepted: ${await page.textContent('#accept-status')}`);
  await page.locator('#accept-box').scrollIntoViewIfNeeded();
  await screenshots('accepted');
  await Promise.all([page.waitForURL('**/history'), page.click('#accept-status a')]);
  const project = page.locator('article.project').first();
  await project.locator('input[name="hours"]').fill('2.5');
  await Promise.all([page.waitForEvent('load'), project.locator('form[data-log] button[type="submit"]').click()]);
  const firstRow = await page.locator('article.project table.track tbody tr').first().textContent();
  assert.ok(firstRow.includes('2.5'), `hours logged: ${firstRow}`);
  step('hours logged on the History page');
  await screenshots('history');
  // At 390 px no table is wider than its panel (the offers and the people stack as cards).
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
    .filter((w) => w.scrollWidth > w.clientWidth + 1)
    .map((w) => `${w.closest('section').id}: ${w.scrollWidth} px in ${w.clientWidth} px`));
  assert.deepEqual(wide, [], 'every table of the History page fits at 390 px');

  assert.deepEqual(outside, [], 'no request leaves the app');
  assert.deepEqual(problems, [], 'no script errors');
  step(`green; screenshots in ${shots}`);
} finally {
  await browser.close();
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
