// pages.mjs - browser tests of unecho serve, with playwright-core driving
// Debian's Chromium.  Usage:
//   node pages.mjs BASE_URL demo      every page of the demo database,
//                                     story -> claim -> document -> source,
//                                     and an ACH rating edited in place (the
//                                     server's token in $UNECHO_TOKEN)
//   node pages.mjs BASE_URL hostile   every page of the hostile fixture and
//                                     its workbench: nothing of its markup
//                                     may execute
//   node pages.mjs BASE_URL readonly  (a server run --read-only) the ACH
//                                     grid shows its ratings, not editable
//   node pages.mjs BASE_URL shots DIR screenshots of the overview, the story
//                                     with the highest echo ratio and the
//                                     first ACH matrix
// Fails (exit 1) on any console error, page error, dialog or failed check.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

const [base, mode, outDir] = process.argv.slice(2);
const problems = [];
const fail = (msg) => { problems.push(msg); console.error('FAIL ' + msg); };

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
		'--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.on('console', (m) => {
	if (m.type() === 'error')
		fail(`console error on ${page.url()}: ${m.text()}`);
});
page.on('pageerror', (e) => fail(`page error on ${page.url()}: ${e.message}`));
page.on('dialog', async (d) => {
	fail(`dialog on ${page.url()}: ${d.message()}`);
	await d.dismiss();
});

async function api(p) {
	const r = await fetch(base + p);
	if (!r.ok)
		throw new Error(`${p}: ${r.status}`);
	return r.json();
}

// Opens a page of the application and waits until it is drawn, charts too.
async function open(hash) {
	await page.goto(base + '/#' + hash);
	await ready(hash);
}

async function ready(hash) {
	const want = decodeURIComponent(hash);
	await page.waitForFunction((h) => {
		const m = document.getElementById('main');
		return m && m.dataset.ready !== undefined &&
			decodeURIComponent(m.dataset.ready) === h;
	}, want, { timeout: 15000 });
	await page.waitForFunction(() => [...document.querySelectorAll('.chart')]
		.every((c) => c.querySelector('canvas')), null, { timeout: 15000 })
		.catch(() => fail(`charts not drawn on ${hash}`));
	const err = await page.$('main .error');
	if (err)
		fail(`${hash}: ${await err.textContent()}`);
}

async function pwned() {
	return page.evaluate(() => window.__pwned);
}

// Every page: overview, origins, each story, claim, document and origin.
async function everyPage() {
	const stories = (await api('/api/stories?limit=100000&sort=id')).stories;
	const hashes = ['/', '/origins'];
	const claims = new Set(), docs = new Set();
	for (const s of stories) {
		hashes.push('/story/' + s.id);
		const d = await api('/api/stories/' + s.id);
		d.claims.forEach((c) => claims.add(c.id));
		d.docs.forEach((x) => docs.add(x.id));
	}
	claims.forEach((c) => hashes.push('/claim/' + c));
	docs.forEach((d) => hashes.push('/doc/' + encodeURIComponent(d)));
	const origins = (await api('/api/origins?limit=50')).origins;
	origins.forEach((o) => hashes.push('/origin/' + encodeURIComponent(o.id)));
	hashes.push('/workbench');
	(await api('/api/ach')).matrices.forEach((m) => hashes.push('/ach/' + m.id));
	(await api('/api/actors')).actors.forEach((a) => hashes.push('/actor/' + a.id));
	for (const h of hashes) {
		await open(h);
		if (await pwned())
			fail(`${h}: window.__pwned is set`);
	}
	return hashes.length;
}

// Story -> claim -> document -> the source document it took text from.
async function follow() {
	const top = (await api('/api/stories?limit=1')).stories[0];
	await open('/story/' + top.id);
	await page.click('main a[href^="#/claim/"]');
	const claimHash = decodeURIComponent(new URL(page.url()).hash.slice(1));
	await ready(claimHash);
	const docLinks = await page.$$eval('main a[href^="#/doc/"]',
		(as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
	for (const href of docLinks) {
		await page.goto(base + '/' + href);
		await ready(decodeURIComponent(href.slice(1)));
		const reused = await page.$('#doctext a.reused');
		if (!reused)
			continue;
		const target = await reused.getAttribute('href');
		await reused.click();
		await ready(decodeURIComponent(target.slice(1)));
		const text = await page.textContent('#doctext');
		if (!text || !text.trim())
			fail('the source document shows no text');
		console.log(`followed story ${top.id} -> ${claimHash} -> ${href} -> ${target}`);
		return;
	}
	fail('no document of the claim links to a source document');
}

// Edits one rating of the first ACH matrix in its grid, as an analyst
// would (the token's cookie set by opening the server with ?token=), sees
// the hypothesis's score change on the page, and puts it back.
async function editRating() {
	const token = process.env.UNECHO_TOKEN;
	if (!token) {
		fail('editing a rating needs the token in UNECHO_TOKEN');
		return;
	}
	const m = (await api('/api/ach')).matrices[0];
	const before = await api('/api/ach/' + m.id);
	const e = before.evidence[0].label, h = before.hypotheses[1].label;
	const was = before.evidence[0].ratings[h] || '';
	const to = was === 'II' ? 'C' : 'II';
	await page.goto(base + '/?token=' + encodeURIComponent(token));
	await ready('/');
	await open('/ach/' + m.id);
	const select = `#grid select[data-e="${e}"][data-h="${h}"]`;
	const score = `[data-score="${h}"]`;
	const old = await page.textContent(score);
	const changed = (want) => page.waitForFunction(([s, o, eq]) => {
		const x = document.querySelector(s);
		return x && (x.textContent === o) === eq;
	}, want, { timeout: 10000 });
	await page.selectOption(select, to);
	await changed([score, old, false]);
	const now = await page.textContent(score);
	const after = await api('/api/ach/' + m.id);
	if (after.evidence[0].ratings[h] !== to)
		fail(`the rating of ${e} against ${h} is not ${to} after the edit`);
	if (now !== after.hypotheses[1].score.toFixed(3))
		fail(`the page shows ${now}, the API ${after.hypotheses[1].score}`);
	if (await page.inputValue(select) !== to)
		fail('the grid does not show the new rating');
	console.log(`rated ${e} against ${h} ${was} -> ${to}: score ${old} -> ${now}`);
	await page.selectOption(select, was);
	await changed([score, old, true]);
}

// Fails when the page has an element that hostile text might have made.
async function noHostileElements(where) {
	const bad = await page.$$eval('main script, main img, main svg:not(.provenance), ' +
		'main iframe, main textarea, main style, main [onerror], main [onload], ' +
		'main [onmouseover], main a[href^="javascript:"], main a[href^="data:"], ' +
		'main a[href^="vbscript:"], main b',
		(els) => els.map((e) => e.outerHTML.slice(0, 80)));
	if (bad.length)
		fail(`hostile elements in ${where}: ` + bad.join(' | '));
}

// The hostile workbench: its names and texts shown as text, nothing made.
async function hostileWorkbench() {
	const m = (await api('/api/ach')).matrices[0];
	await open('/ach/' + m.id);
	if (!(await page.textContent('main h1')).includes('<script>window.__pwned=11'))
		fail('the hostile matrix name is not shown as text');
	await noHostileElements('the hostile ACH matrix');
	const a = (await api('/api/actors')).actors[0];
	await open('/actor/' + a.id);
	if (!(await page.textContent('main h1')).includes('<b onmouseover='))
		fail('the hostile actor name is not shown as text');
	await noHostileElements('the hostile actor model');
	await open('/workbench');
	await noHostileElements('the hostile workbench');
}

try {
	if (mode === 'demo') {
		const n = await everyPage();
		await follow();
		await editRating();
		console.log(`${n} pages loaded`);
	} else if (mode === 'hostile') {
		const n = await everyPage();
		// The markup must be there as text, and nothing of it as elements.
		const doc = (await api('/api/stories/1')).docs[0].id;
		await open('/doc/' + encodeURIComponent(doc));
		const text = await page.textContent('#doctext');
		if (!text.includes('<script>window.__pwned'))
			fail('the hostile text is not shown as text');
		await noHostileElements('the document');
		await hostileWorkbench();
		await page.waitForTimeout(500);
		if (await pwned())
			fail('window.__pwned is set');
		console.log(`${n} hostile pages loaded, nothing executed`);
	} else if (mode === 'readonly') {
		if (process.env.UNECHO_TOKEN)
			await page.goto(base + '/?token=' + encodeURIComponent(process.env.UNECHO_TOKEN));
		const m = (await api('/api/ach')).matrices[0];
		await open('/ach/' + m.id);
		const selects = await page.$$('#grid select');
		const cells = await page.$$('#grid td.rating');
		if (selects.length || !cells.length)
			fail(`read-only: ${selects.length} editable cells, ${cells.length} cells`);
		if (!(await page.textContent('main')).includes('read-only'))
			fail('read-only: the page does not say so');
		console.log('read-only: the grid is not editable');
	} else if (mode === 'shots') {
		const top = (await api('/api/stories?limit=1')).stories[0];
		await open('/');
		await page.screenshot({ path: path.join(outDir, 'serve-overview.png'), fullPage: false });
		await page.setViewportSize({ width: 1200, height: 2400 });
		await open('/story/' + top.id);
		await page.screenshot({ path: path.join(outDir, 'serve-story.png') });
		await page.setViewportSize({ width: 1200, height: 900 });
		if (process.env.UNECHO_TOKEN)   // the grid as an analyst edits it
			await page.goto(base + '/?token=' + encodeURIComponent(process.env.UNECHO_TOKEN));
		await open('/ach/' + (await api('/api/ach')).matrices[0].id);
		await page.screenshot({ path: path.join(outDir, 'serve-ach.png'), fullPage: true });
		console.log('screenshots written to ' + outDir);
	} else {
		fail('usage: node pages.mjs BASE_URL demo|hostile|readonly|shots [DIR]');
	}
} catch (e) {
	fail(e.stack || String(e));
} finally {
	await browser.close();
}
if (problems.length) {
	console.error(`${problems.length} problem(s)`);
	process.exit(1);
}
