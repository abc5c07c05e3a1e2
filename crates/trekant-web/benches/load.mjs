// Load benchmark of the web app on loopback (a benchmark, not a test: it reports figures).
//
//   cargo build --release -p trekant-cli
//   node crates/trekant-web/benches/load.mjs [seconds=30] [clients=16]
//
// Starts `trekant serve` (TREKANT_BIN, default target/release/trekant) on a temporary copy of
// examples/ plus a generated 30-item brief, then:
//   1. latency, one request at a time: POST …/estimate and …/options on the 30-item brief at
//      the default trials;
//   2. load: `clients` concurrent clients for `seconds` mixing estimate, options, review and
//      saves (GET for the etag, then PATCH) on the example briefs;
// and reports throughput, p50/p95/p99 per kind, failures (any answer but 2xx; a 412 on a save
// is the etag check doing its work and is counted apart), and checks that no file was
// corrupted: each brief is its original text with only the saved line changed, and no
// temporary file is left behind. Latencies are measured by the client, so they include
// loopback HTTP and the client's own overhead: an upper bound on server time.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const bin = process.env.TREKANT_BIN || path.join(root, 'target/release/trekant');
const seconds = Number(process.argv[2] || 30);
const clients = Number(process.argv[3] || 16);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trekant-load-'));
const examples = fs.readdirSync(path.join(root, 'examples')).filter((n) => n.endsWith('.toml'));
for (const name of examples) fs.copyFileSync(path.join(root, 'examples', name), path.join(dir, name));
const kaffe = fs.readFileSync(path.join(root, 'examples/kaffe-nord.toml'), 'utf8');
const thirty = kaffe.split('\n[[item]]')[0] + '\n' + Array.from({ length: 30 }, (_, i) => `
[[item]]
id = "item-${i + 1}"
title = "Item ${i + 1}"
estimate = [${3 + (i % 4)}, ${8 + (i % 7)}, ${15 + (i % 11)}]
priority = "${['must', 'should', 'could'][i % 3]}"
value = ${1 + (i % 10)}
`).join('');
fs.writeFileSync(path.join(dir, 'thirty.toml'), thirty);
const originals = Object.fromEntries(examples.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));

const server = spawn(bin, ['serve', dir, '--bind', '127.0.0.1:0', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let said = '';
  const listen = (chunk) => {
    said += chunk;
    const found = said.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (found) resolve(found[0]);
  };
  server.stderr.on('data', listen);
  server.stdout.on('data', listen);
  server.on('exit', (code) => reject(new Error(`trekant serve exited with ${code}: ${said}`)));
});
const { csrf } = await (await fetch(base + '/api/session')).json();
const headers = { 'X-Trekant-CSRF': csrf, 'Content-Type': 'application/json' };

async function timed(method, url, body, extra) {
  const start = performance.now();
  const response = await fetch(base + url, { method, headers: Object.assign({}, headers, extra || {}), body });
  const text = await response.text();
  return { ms: performance.now() - start, status: response.status, text };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const row = (name, xs, extra) => `| ${name} | ${xs.length} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.95).toFixed(1)} | ${quantile(xs, 0.99).toFixed(1)} |${extra || ''}`;

try {
  // 1. One at a time, the 30-item brief.
  const single = { estimate: [], options: [] };
  let singleFailures = 0;
  for (const [kind, n] of [['estimate', 200], ['options', 50]]) {
    for (let i = 0; i < n; i++) {
      const r = await timed('POST', `/api/briefs/thirty.toml/${kind}`, JSON.stringify(i % 2 ? { exclude: ['item-3'] } : {}));
      if (r.status !== 200) singleFailures++;
      single[kind].push(r.ms);
    }
  }

  // 2. Load: a mix on the example briefs.
  const kinds = ['estimate', 'estimate', 'estimate', 'options', 'options', 'review', 'review', 'save'];
  const lat = { estimate: [], options: [], review: [], save: [] };
  const failures = [];
  let conflicts = 0;
  const email = fs.readFileSync(path.join(root, 'examples/client-email.txt'), 'utf8');
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    let i = c;
    while (performance.now() < until) {
      const kind = kinds[i % kinds.length];
      const brief = examples[(i >> 3) % examples.length];
      i++;
      let r;
      if (kind === 'review') {
        r = await timed('POST', '/api/review', email, { 'Content-Type': 'text/plain' });
      } else if (kind === 'save') {
        const start = performance.now();
        const got = await fetch(`${base}/api/briefs/${brief}`);
        const { etag } = await got.json();
        const budget = 40000 + ((i * 7919) % 60) * 1000;
        r = await timed('PATCH', `/api/briefs/${brief}`, JSON.stringify({ set: { 'request.budget': budget } }), { 'If-Match': etag });
        r.ms = performance.now() - start;
        if (r.status === 412) { conflicts++; continue; }
      } else {
        r = await timed('POST', `/api/briefs/${brief}/${kind}`, JSON.stringify({ exclude: [], hours_per_week: 20 + (i % 10) }));
      }
      if (r.status < 200 || r.status > 299) failures.push(`${kind} ${brief}: ${r.status} ${r.text.slice(0, 120)}`);
      else lat[kind].push(r.ms);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const total = Object.values(lat).reduce((n, xs) => n + xs.length, 0) + conflicts;

  // 3. No file corrupted: each brief is its original with only the budget line changed.
  const corrupted = [];
  for (const name of examples) {
    const now = fs.readFileSync(path.join(dir, name), 'utf8');
    const budget = now.match(/^budget = .*$/m);
    const expected = budget ? originals[name].replace(/^budget = .*$/m, budget[0]) : originals[name];
    if (now !== expected) corrupted.push(name);
  }
  const leftovers = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

  console.log(`\n### One request at a time, the 30-item brief (${os.cpus().length} cores)\n`);
  console.log('| request | n | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|');
  console.log(row('POST …/estimate', single.estimate));
  console.log(row('POST …/options', single.options));
  console.log(`\nfailures: ${singleFailures}`);
  console.log(`\n### ${clients} clients for ${seconds} s on the example briefs\n`);
  console.log('| request | n | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|');
  for (const [kind, xs] of Object.entries(lat)) console.log(row(kind, xs));
  console.log(`\nthroughput: ${(total / elapsed).toFixed(1)} requests/s (${total} in ${elapsed.toFixed(1)} s); failures: ${failures.length}; saves refused by the etag check (412): ${conflicts}; corrupted files: ${corrupted.length}; temporary files left: ${leftovers.length}`);
  for (const f of failures.slice(0, 10)) console.log('  failure: ' + f);
  if (failures.length || singleFailures || corrupted.length || leftovers.length) process.exitCode = 1;
} finally {
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
