// check-report.js - opens an HTML report from disk in headless Chromium
// (playwright-core, from web/node_modules) and fails when anything is
// wrong with it:
//   - any console error, page error or dialog (alert, confirm, prompt);
//   - any request that is not for the file itself (the report must work
//     offline and ask no other host for anything);
//   - a chart that was not drawn;
//   - any sign that corpus text became markup or ran: the flag the
//     hostile corpus's scripts would set, event-handler attributes,
//     javascript: links, or scripts beyond the report's own.
// With --screenshot PNG it also saves the page's first screen.
//
// Usage: node check-report.js [--screenshot PNG] [--full] REPORT.html
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium or
// playwright-core).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
let screenshot = null;
let fullPage = false;
while (args.length > 1) {
  const opt = args.shift();
  if (opt === '--screenshot') screenshot = args.shift();
  else if (opt === '--full') fullPage = true;
  else { console.error(`check-report: unknown option ${opt}`); process.exit(2); }
}
const report = path.resolve(args[0] || '');
if (!args[0] || !fs.existsSync(report)) {
  console.error('usage: node check-report.js [--screenshot PNG] REPORT.html');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
let playwright;
try {
  playwright = require(path.join(root, 'web', 'node_modules', 'playwright-core'));
} catch (e) {
  console.log('SKIP: playwright-core is not installed (tools/web-deps.sh)');
  process.exit(77);
}
if (!fs.existsSync(chromium)) {
  console.log(`SKIP: no Chromium at ${chromium} (tools/install-deps.sh --browser)`);
  process.exit(77);
}

async function main() {
  const problems = [];
  const browser = await playwright.chromium.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
           '--disable-background-networking'],
  });
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const url = 'file://' + report;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.type()} "${d.message()}"`); await d.dismiss(); });
  page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`); });
  await page.goto(url, {waitUntil: 'load'});
  // Every chart drawn (as SVG), or its failure shown.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('figure.chart'))
    .every((f) => f.querySelector('svg') || f.textContent.length > 0), null, {timeout: 20000})
    .catch(() => problems.push('charts were not drawn within 20 s'));
  const state = await page.evaluate(() => ({
    charts: document.querySelectorAll('figure.chart').length,
    drawn: document.querySelectorAll('figure.chart svg').length,
    pwned: window.__pwned !== undefined,
    handlers: Array.from(document.querySelectorAll('*')).filter((el) =>
      Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).length,
    jsLinks: Array.from(document.querySelectorAll('[href],[src],[action],[formaction]')).filter((el) =>
      /^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || el.getAttribute('formaction') || '')).length,
    scripts: document.querySelectorAll('script').length,
    sections: document.querySelectorAll('section.story').length,
  }));
  if (state.drawn !== state.charts) problems.push(`${state.drawn} of ${state.charts} charts drawn`);
  if (state.pwned) problems.push('a script from the corpus ran (window.__pwned is set)');
  if (state.handlers) problems.push(`${state.handlers} elements carry event-handler attributes`);
  if (state.jsLinks) problems.push(`${state.jsLinks} javascript: links`);
  if (state.scripts !== 5) problems.push(`${state.scripts} script elements, not the report's 5`);
  if (screenshot) await page.screenshot({path: screenshot, fullPage});
  await browser.close();
  console.log(`${path.basename(report)}: ${state.sections} stories, ${state.drawn}/${state.charts} charts drawn`);
  for (const p of problems) console.log(`FAIL: ${p}`);
  return problems.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.log(`FAIL: ${e.message}`);
  process.exit(1);
});
