// pages.mjs - browser tests of unecho serve, with playwright-core driving
// Debian's Chromium.  Usage:
//   node pages.mjs BASE_URL demo      every page of the demo database, and
//                                     story -> claim -> document -> source
//   node pages.mjs BASE_URL hostile   every page of the hostile fixture:
//                                     nothing of its markup may execute
//   node pages.mjs BASE_URL shots DIR screenshots of the overview and the
//                                     story with the highest echo ratio
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

try {
	if (mode === 'demo') {
		const n = await everyPage();
		await follow();
		console.log(`${n} pages loaded`);
	} else if (mode === 'hostile') {
		const n = await everyPage();
		// The markup must be there as text, and nothing of it as elements.
		const doc = (await api('/api/stories/1')).docs[0].id;
		await open('/doc/' + encodeURIComponent(doc));
		const text = await page.textContent('#doctext');
		if (!text.includes('<script>window.__pwned'))
			fail('the hostile text is not shown as text');
		const bad = await page.$$eval('main script, main img, main svg:not(.provenance), ' +
			'main iframe, main textarea, main style, main [onerror], main [onload], ' +
			'main a[href^="javascript:"], main a[href^="data:"], main a[href^="vbscript:"]',
			(els) => els.map((e) => e.outerHTML.slice(0, 80)));
		if (bad.length)
			fail('hostile elements in the page: ' + bad.join(' | '));
		await page.waitForTimeout(500);
		if (await pwned())
			fail('window.__pwned is set');
		console.log(`${n} hostile pages loaded, nothing executed`);
	} else if (mode === 'shots') {
		const top = (await api('/api/stories?limit=1')).stories[0];
		await open('/');
		await page.screenshot({ path: path.join(outDir, 'serve-overview.png'), fullPage: false });
		await page.setViewportSize({ width: 1200, height: 2400 });
		await open('/story/' + top.id);
		await page.screenshot({ path: path.join(outDir, 'serve-story.png') });
		console.log('screenshots written to ' + outDir);
	} else {
		fail('usage: node pages.mjs BASE_URL demo|hostile|shots [DIR]');
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
