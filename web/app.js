/*
 * app.js - the pages of unecho serve: a small single-page application
 * over the JSON API (docs/api.md), routed by the address's fragment:
 *   #/               overview: corpus statistics, stories by echo ratio
 *   #/story/ID       a story: coverage, blindspots, claims, provenance,
 *                    dissent, framing, timeline, documents
 *   #/claim/ID       a claim: every report with its origin and chain
 *   #/doc/ID         a document: its text, reused passages, attributions
 *   #/origin/KEY     an origin and the claims resting on it
 *   #/origins        every origin found
 *   #/workbench      ACH matrices, key assumptions, actor models
 *   #/ach/ID         an ACH matrix: scores collapsed by origin and
 *                    inflated, the rating grid (editable in place),
 *                    origin rows, diagnosticity, sensitivity
 *   #/actor/ID       an actor model: rankings under both weight sets,
 *                    the mirror-image gap, the weight changes that flip it
 *
 * Corpus text is hostile: it only ever enters the page as text nodes
 * (el() below, textContent), never as markup, and links are built from
 * our own fragments; a document's own URL is linked only when it is
 * http(s).  The Content-Security-Policy forbids inline scripts anyway.
 */
'use strict';

(function () {
	const main = document.getElementById('main');

	/* ---- building the page safely ---- */

	/* An element with attributes (class, href, title, ... as strings) and
	 * children (nodes, or strings and numbers as text). */
	function el(tag, attrs, ...kids) {
		const e = document.createElement(tag);
		for (const [k, v] of Object.entries(attrs || {})) {
			if (v === null || v === undefined)
				continue;
			if (k === 'class')
				e.className = v;
			else if (k === 'href')
				e.setAttribute('href', safeHref(v));
			else if (!/^on/i.test(k))
				e.setAttribute(k, String(v));
		}
		for (const kid of kids.flat(Infinity)) {
			if (kid === null || kid === undefined || kid === false)
				continue;
			e.appendChild(kid instanceof Node ? kid
				: document.createTextNode(String(kid)));
		}
		return e;
	}

	/* Our own fragments and http(s) addresses; anything else goes
	 * nowhere. */
	function safeHref(h) {
		h = String(h);
		if (h.startsWith('#/') || h.startsWith('/api/'))
			return h;
		try {
			const u = new URL(h);
			if (u.protocol === 'http:' || u.protocol === 'https:')
				return u.href;
		} catch (e) { /* not an address */ }
		return '#/';
	}

	const enc = encodeURIComponent;
	const storyLink = (id, text) => el('a', {href: '#/story/' + enc(id)}, text);
	const claimLink = (id, text) => el('a', {href: '#/claim/' + enc(id)}, text);
	const docLink = (id, text) => el('a', {href: '#/doc/' + enc(id)}, text || id);
	const originLink = (key, text) =>
		el('a', {href: '#/origin/' + enc(key)}, text || key);

	function num(x, digits) {
		if (x === null || x === undefined || x === '')
			return '—';
		if (typeof x !== 'number')
			return String(x);
		return digits === undefined ? String(x) : x.toFixed(digits);
	}

	function when(t) {
		return t ? String(t).replace('T', ' ').replace(/:00Z$|Z$/, '') : '—';
	}

	/* A table: columns of [heading, function of a row giving a cell]. */
	function row(r, columns) {
		return el('tr', null, columns.map(c => el('td', null, c[1](r))));
	}

	function table(rows, columns, cls, id) {
		return el('table', {class: cls || 'data', id},
			el('thead', null, el('tr', null,
				columns.map(c => el('th', null, c[0])))),
			el('tbody', null, rows.map(r => row(r, columns))));
	}

	/* A table that shows its first `page` rows and a button for the
	 * next ones, so that thousands of rows cost nothing until asked for. */
	function pagedTable(rows, columns, page) {
		const t = table(rows.slice(0, page), columns);
		if (rows.length <= page)
			return t;
		const body = t.querySelector('tbody');
		const more = el('button', {type: 'button', class: 'more'});
		let shown = page;
		const label = () => {
			more.textContent = 'Show ' + Math.min(page, rows.length - shown)
				+ ' more (' + shown + ' of ' + rows.length + ' shown)';
		};
		label();
		more.addEventListener('click', () => {
			for (const r of rows.slice(shown, shown + page))
				body.appendChild(row(r, columns));
			shown = Math.min(rows.length, shown + page);
			if (shown >= rows.length)
				more.remove();
			else
				label();
		});
		return [t, more];
	}

	function section(title, ...kids) {
		return el('section', null, el('h2', null, title), kids);
	}

	function facts(pairs) {
		return el('dl', {class: 'facts'}, pairs.map(([k, v]) =>
			el('div', null, el('dt', null, k), el('dd', null, v))));
	}

	function note(text) {
		return el('p', {class: 'note'}, text);
	}

	/* ---- data ---- */

	async function api(path) {
		const r = await fetch(path, {
			headers: {'Accept': 'application/json'},
			credentials: 'same-origin',
		});
		if (!r.ok) {
			let msg = r.status + ' ' + r.statusText;
			try {
				msg = (await r.json()).error || msg;
			} catch (e) { /* not JSON */ }
			const err = new Error(msg);
			err.status = r.status;
			throw err;
		}
		return r.json();
	}

	/* A Vega-Lite chart into a new element (canvas: no inline styles);
	 * box.view is a promise of its Vega view. */
	function chart(spec) {
		const box = el('div', {class: 'chart'});
		spec.$schema = 'https://vega.github.io/schema/vega-lite/v6.json';
		spec.background = null;
		spec.config = Object.assign({font: 'system-ui, sans-serif',
			view: {stroke: null}}, spec.config || {});
		if (typeof window.vegaEmbed === 'function') {
			box.view = window.vegaEmbed(box, spec, {
				actions: false, renderer: 'canvas', defaultStyle: false,
				tooltip: false,
			}).then(r => r.view);
			box.view.catch(e => console.error('chart:', e));
		} else {
			box.appendChild(note('(charts need the Vega libraries)'));
		}
		return box;
	}

	/* ---- overview ---- */

	async function overview() {
		const [stats, page] = await Promise.all([
			api('/api/stats'), api('/api/stories?limit=50')]);
		document.title = 'unecho — overview';
		const blocs = Object.entries(stats.blocs || {})
			.map(([bloc, docs]) => ({bloc, docs}));
		const rows = el('tbody');
		const stories = el('table', {class: 'data', id: 'stories'},
			el('thead', null, el('tr', null,
				['#', 'Echo ratio', 'Docs', 'Outlets', 'Eff. origins', 'Claims',
					'First', 'Story'].map(h => el('th', null, h)))),
			rows);
		let shown = 0;
		const more = el('button', {type: 'button', class: 'more'}, 'More stories');
		function add(list) {
			for (const s of list) {
				shown++;
				rows.appendChild(el('tr', null,
					el('td', null, shown),
					el('td', {class: 'n'}, num(s.echo_ratio, 2)),
					el('td', {class: 'n'}, s.docs),
					el('td', {class: 'n'}, s.outlets),
					el('td', {class: 'n'}, num(s.effective_origins, 2)),
					el('td', {class: 'n'}, s.claims),
					el('td', null, when(s.first)),
					el('td', null, storyLink(s.id, s.headline || s.label),
						el('div', {class: 'sub'}, s.label))));
			}
		}
		add(page.stories);
		more.hidden = shown >= page.total;
		more.addEventListener('click', async () => {
			const next = await api('/api/stories?limit=50&offset=' + shown);
			add(next.stories);
			more.hidden = shown >= next.total;
		});
		main.replaceChildren(
			el('h1', null, 'Overview'),
			facts([
				['Documents', stats.documents],
				['Distinct texts', stats.distinct_texts],
				['Duplicate groups', stats.duplicate_groups],
				['Outlets', stats.outlets],
				['Unknown outlets', stats.unknown_outlets],
				['Undated', stats.undated],
				['From', when(stats.first)],
				['To', when(stats.last)],
				['Stories', page.total],
			]),
			section('Documents by bloc', chart({
				data: {values: blocs}, width: 'container', height: 160,
				mark: 'bar',
				encoding: {
					y: {field: 'bloc', type: 'nominal', sort: '-x', title: null},
					x: {field: 'docs', type: 'quantitative', title: 'documents'},
				},
			})),
			section('Stories by echo ratio',
				note('Echo ratio: documents per effective independent origin. '
					+ 'High means many reports resting on few origins.'),
				stories, more));
	}

	/* ---- story ---- */

	/* The provenance graph: origins -> the documents' sources (the outlet
	 * a report took its text from) -> outlets, as an SVG of three
	 * columns, edges as wide as the reports they carry. */
	function provenance(claims, docsById) {
		const edges = new Map();
		const weight = [new Map(), new Map(), new Map()];
		const names = new Map();
		for (const c of claims)
			for (const o of c.origins || [])
				names.set(o.id, o.name);
		const seen = new Set();
		function bump(m, k, n) { m.set(k, (m.get(k) || 0) + n); }
		for (const c of claims) {
			for (const m of c.mentions || []) {
				const key = m.doc + '\u0000' + m.origin;
				if (seen.has(key))
					continue;
				seen.add(key);
				const d = docsById.get(m.doc);
				const outlet = d ? d.outlet || '(no outlet)' : m.doc;
				const v = m.via ? docsById.get(m.via) : null;
				const through = m.via ? (v ? v.outlet : m.via) : '(direct)';
				const origin = m.origin;
				bump(weight[0], origin, 1);
				bump(weight[1], through, 1);
				bump(weight[2], outlet, 1);
				bump(edges, '0\u0000' + origin + '\u0000' + through, 1);
				bump(edges, '1\u0000' + through + '\u0000' + outlet, 1);
			}
		}
		if (!seen.size)
			return note('No claim of this story is reported twice.');
		const top = 14;
		const cols = weight.map(w => {
			const list = [...w.entries()].sort((a, b) => b[1] - a[1]);
			const keep = new Set(list.slice(0, top).map(x => x[0]));
			return {list: list.slice(0, top), keep};
		});
		const rowH = 26, width = 900, colX = [10, 340, 670], boxW = 220;
		const height = Math.max(...cols.map(c => c.list.length + 1)) * rowH + 30;
		const ns = 'http://www.w3.org/2000/svg';
		const svg = document.createElementNS(ns, 'svg');
		svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
		svg.setAttribute('class', 'provenance');
		svg.setAttribute('role', 'img');
		svg.setAttribute('aria-label', 'provenance graph');
		function node(tag, attrs, text) {
			const n = document.createElementNS(ns, tag);
			for (const [k, v] of Object.entries(attrs))
				n.setAttribute(k, String(v));
			if (text !== undefined)
				n.textContent = text;
			svg.appendChild(n);
			return n;
		}
		const pos = cols.map(c => new Map(c.list.map((x, i) =>
			[x[0], 30 + i * rowH + rowH / 2])));
		['Origins', 'Taken through', 'Outlets'].forEach((t, i) =>
			node('text', {x: colX[i], y: 14, class: 'colhead'}, t));
		for (const [key, n] of edges) {
			const [col, a, b] = key.split('\u0000');
			const i = Number(col);
			const ya = pos[i].get(a), yb = pos[i + 1].get(b);
			if (ya === undefined || yb === undefined)
				continue;
			const x1 = colX[i] + boxW, x2 = colX[i + 1];
			node('path', {
				d: `M${x1},${ya} C${x1 + 50},${ya} ${x2 - 50},${yb} ${x2},${yb}`,
				class: 'edge', 'stroke-width': Math.min(14, 1 + 2 * Math.sqrt(n)),
			});
		}
		cols.forEach((c, i) => c.list.forEach(([k, n]) => {
			const y = pos[i].get(k);
			const label = (i === 0 ? names.get(k) || k : k);
			node('rect', {x: colX[i], y: y - 10, width: boxW, height: 20,
				rx: 3, class: 'node col' + i});
			const t = node('text', {x: colX[i] + 6, y: y + 4},
				(label.length > 30 ? label.slice(0, 29) + '…' : label)
				+ ' (' + n + ')');
			const title = document.createElementNS(ns, 'title');
			title.textContent = label;
			t.appendChild(title);
		}));
		return svg;
	}

	async function storyPage(id) {
		const d = await api('/api/stories/' + enc(id));
		const s = d.story;
		document.title = 'unecho — story ' + s.id;
		const docsById = new Map(d.docs.map(x => [x.id, x]));
		const blind = d.coverage.filter(c => c.blindspot);
		const cov = d.coverage.map(c => ({bloc: c.bloc, which: 'story',
			share: c.share})).concat(d.coverage.map(c => ({bloc: c.bloc,
			which: 'corpus', share: c.corpus_share})));
		const claimBars = d.claims.slice(0, 15).map(c => [
			{claim: '#' + c.id, what: 'reports', n: c.reports},
			{claim: '#' + c.id, what: 'effective origins', n: c.effective_origins},
		]).flat();
		const groups = new Map();
		for (const f of d.framing) {
			if (!groups.has(f.group))
				groups.set(f.group, []);
			groups.get(f.group).push(f);
		}
		const dissent = d.dissent.filter(x => x.score > 0).slice(0, 10);
		const timeline = d.docs.filter(x => x.published).map(x => ({
			published: x.published, bloc: x.bloc || 'unknown',
			outlet: x.outlet || ''}));
		main.replaceChildren(
			el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Overview'),
				' › story ' + s.id),
			el('h1', null, s.headline || s.label),
			el('p', {class: 'sub'}, s.label),
			facts([
				['Documents', s.docs], ['Outlets', s.outlets],
				['Claims', s.claims], ['Origins', s.origins],
				['Effective origins', num(s.effective_origins, 2)],
				['Echo ratio', num(s.echo_ratio, 2)],
				['First', when(s.first)], ['Last', when(s.last)],
			]),
			section('Coverage by bloc', chart({
				data: {values: cov}, width: 'container', height: 180,
				mark: 'bar',
				encoding: {
					y: {field: 'bloc', type: 'nominal', title: null},
					yOffset: {field: 'which', type: 'nominal'},
					x: {field: 'share', type: 'quantitative',
						title: 'share of documents', axis: {format: '%'}},
					color: {field: 'which', type: 'nominal', title: null},
				},
			}), table(d.coverage, [
				['Bloc', c => c.bloc],
				['Docs', c => c.docs],
				['Share', c => num(c.share, 3)],
				['Corpus share', c => num(c.corpus_share, 3)],
				['Ratio', c => num(c.ratio, 2)],
				['Blindspot', c => c.blindspot ? 'yes' : ''],
				['Claims absent', c => (c.claims_absent || []).map(i =>
					[claimLink(i, '#' + i), ' '])],
			])),
			section('Blindspots', blind.length
				? el('ul', null, blind.map(b => el('li', null, b.bloc + ': '
					+ b.docs + ' documents where ' + num(b.expected, 1)
					+ ' were expected')))
				: note('No bloc is far below its share of the corpus here.')),
			section('Claims: reports against effective origins',
				claimBars.length ? chart({
					data: {values: claimBars}, width: 'container', height: 200,
					mark: 'bar',
					encoding: {
						x: {field: 'claim', type: 'nominal', sort: null, title: null},
						xOffset: {field: 'what', type: 'nominal'},
						y: {field: 'n', type: 'quantitative', title: null},
						color: {field: 'what', type: 'nominal', title: null},
					},
				}) : null,
				table(d.claims, [
					['#', c => claimLink(c.id, '#' + c.id)],
					['Claim', c => claimLink(c.id, c.text)],
					['Polarity', c => c.polarity],
					['Reports', c => c.reports],
					['Eff. origins', c => num(c.effective_origins, 2)],
					['Echo', c => num(c.echo_ratio, 2)],
					['First seen', c => when(c.first_seen)],
				])),
			section('Provenance: origins → sources → outlets',
				provenance(d.claims, docsById)),
			section('Dissenting documents', dissent.length
				? table(dissent, [
					['Document', x => docLink(x.doc,
						(docsById.get(x.doc) || {}).title || x.doc)],
					['Outlet', x => x.outlet], ['Bloc', x => x.bloc],
					['Stance', x => x.stance], ['Score', x => num(x.score, 3)],
					['Passage', x => el('q', null, x.passage || '')],
				])
				: note('No document diverges from the main claim.')),
			section('Framing: words distinctive of each bloc', groups.size
				? el('div', {class: 'framing'}, [...groups].map(([g, terms]) =>
					el('div', {class: 'group'}, el('h3', null, g),
						el('ol', null, terms.map(t => el('li', null, t.term,
							el('span', {class: 'z'}, ' z ' + num(t.z, 1))))))))
				: note('Too few words to compare the blocs.')),
			section('Timeline', timeline.length ? chart({
				data: {values: timeline}, width: 'container', height: 160,
				mark: {type: 'circle', size: 70, opacity: 0.7},
				encoding: {
					x: {field: 'published', type: 'temporal', title: null},
					y: {field: 'bloc', type: 'nominal', title: null},
					color: {field: 'bloc', type: 'nominal', legend: null},
				},
			}) : note('No dated documents.'),
			table(Object.entries(s.bloc_first_seen || {}), [
				['Bloc', x => x[0]], ['First document', x => when(x[1])],
			])),
			section('Documents', table(d.docs, [
				['Published', x => when(x.published)],
				['Outlet', x => x.outlet], ['Bloc', x => x.bloc],
				['Document', x => docLink(x.id, x.title || x.id)],
				['Reuse', x => x.reuse_class || ''],
			])));
	}

	/* ---- claim ---- */

	async function claimPage(id) {
		const d = await api('/api/claims/' + enc(id));
		const c = d.claim;
		document.title = 'unecho — claim ' + c.id;
		const docs = new Map(d.docs.map(x => [x.id, x]));
		const via = new Map();
		for (const m of c.mentions)
			if (!via.has(m.doc))
				via.set(m.doc, m.via);
		const names = new Map(c.origins.map(o => [o.id, o.name]));
		/* the chain a report came down: its source, that one's, ... */
		function chain(doc) {
			const out = [];
			const seen = new Set([doc]);
			for (let v = via.get(doc); v && !seen.has(v); v = via.get(v)) {
				seen.add(v);
				out.push(v);
			}
			return out;
		}
		const quantities = (c.quantities || []).map(q => (q.lo === q.hi
			? num(q.lo) : num(q.lo) + '–' + (q.hi === null ? '…' : num(q.hi)))
			+ ' ' + (q.object || '') + ' (' + q.qualifier + ')');
		main.replaceChildren(
			el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Overview'), ' › ',
				c.story ? storyLink(c.story, 'story ' + c.story) : 'no story',
				' › claim ' + c.id),
			el('h1', null, el('q', null, c.text)),
			facts([
				['Polarity', c.polarity],
				['Quantities', quantities.length ? quantities.join('; ') : '—'],
				['Reports', c.reports], ['Outlets', c.outlets],
				['Effective origins', num(c.effective_origins, 2)],
				['Echo ratio', num(c.echo_ratio, 2)],
				['First seen', when(c.first_seen)],
				['First report', c.first_doc ? docLink(c.first_doc) : '—'],
			]),
			section('Origins', table(c.origins, [
				['Origin', o => originLink(o.id, o.name)],
				['Kind', o => o.kind], ['Specificity', o => o.specificity],
				['Country', o => o.country || ''], ['Reports', o => o.reports],
			])),
			section('Uptake by bloc', table(Object.entries(c.bloc_first_seen
				|| {}), [
				['Bloc', x => x[0]], ['First report', x => when(x[1])],
				['Hours after the first', x => num((c.bloc_lag_hours || {})[x[0]], 1)],
			])),
			section('Every report', pagedTable(c.mentions, [
				['Published', m => when((docs.get(m.doc) || {}).published)],
				['Outlet', m => (docs.get(m.doc) || {}).outlet || ''],
				['Document', m => docLink(m.doc, (docs.get(m.doc) || {}).title)],
				['Origin', m => originLink(m.origin, names.get(m.origin))],
				['Came through', m => {
					const ch = chain(m.doc);
					return ch.length ? ch.map((v, i) => [i ? ' ← ' : '',
						docLink(v, ((docs.get(v) || {}).outlet || v))]) : 'direct';
				}],
			], 200)));
	}

	/* ---- document ---- */

	/* The text with marked spans.  Offsets are bytes of the UTF-8 text,
	 * so the text is cut as bytes and each piece decoded. */
	function markedText(text, spans) {
		const bytes = new TextEncoder().encode(text);
		const dec = new TextDecoder();
		const cuts = new Set([0, bytes.length]);
		for (const s of spans) {
			s.start = Math.max(0, Math.min(bytes.length, s.start));
			s.end = Math.max(s.start, Math.min(bytes.length, s.end));
			cuts.add(s.start);
			cuts.add(s.end);
		}
		const at = [...cuts].sort((a, b) => a - b);
		const out = el('div', {class: 'text', id: 'doctext'});
		for (let i = 0; i + 1 < at.length; i++) {
			const a = at[i], b = at[i + 1];
			const piece = dec.decode(bytes.subarray(a, b));
			const on = spans.filter(s => s.start <= a && s.end >= b && s.end > s.start);
			if (!on.length) {
				out.appendChild(document.createTextNode(piece));
				continue;
			}
			const link = on.find(s => s.link);
			const cls = [...new Set(on.map(s => s.cls))].join(' ');
			const title = on.map(s => s.title).filter(Boolean).join('; ');
			out.appendChild(link
				? el('a', {href: link.link, class: cls, title}, piece)
				: el('span', {class: cls, title}, piece));
		}
		return out;
	}

	async function docPage(id) {
		const d = await api('/api/docs/' + enc(id));
		const doc = d.doc;
		document.title = 'unecho — ' + (doc.title || doc.id);
		const spans = [];
		for (const r of d.reuse) {
			const copy = r.copy === doc.id;
			for (const p of r.passages || []) {
				const quote = p.quoted >= 0.5 ? ', a quotation both carry' : '';
				if (copy)
					spans.push({start: p.copy_start, end: p.copy_end,
						cls: 'reused', link: '#/doc/' + enc(r.source),
						title: 'taken from ' + r.source + ' (' + r.source_outlet + ')'
							+ quote});
				else
					spans.push({start: p.source_start, end: p.source_end,
						cls: 'copied', title: 'taken by ' + r.copy + ' ('
							+ r.copy_outlet + ')' + quote});
			}
		}
		for (const a of d.attributions) {
			if (a.source_start !== null)
				spans.push({start: a.source_start, end: a.source_end,
					cls: 'a-source', title: 'source' + (a.origin ? ': ' + a.origin : '')});
			if (a.cue_start !== null)
				spans.push({start: a.cue_start, end: a.cue_end, cls: 'a-cue',
					title: 'cue (' + a.kind + ')'});
			if (a.content_start !== null)
				spans.push({start: a.content_start, end: a.content_end,
					cls: 'a-content', title: 'attributed content'});
		}
		main.replaceChildren(
			el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Overview'), ' › ',
				doc.story ? [storyLink(doc.story, 'story ' + doc.story), ' › ']
					: null, 'document'),
			el('h1', null, doc.title || doc.id),
			facts([
				['Id', doc.id], ['Outlet', doc.outlet || '—'],
				['Bloc', doc.bloc || '—'], ['Country', doc.country || '—'],
				['Type', doc.outlet_type || '—'],
				['Published', when(doc.published)],
				['Language', doc.language || '—'], ['Author', doc.author || '—'],
				['Reuse', doc.reuse_class ? doc.reuse_class + ' ('
					+ num(doc.reuse_fraction, 2) + ')' : '—'],
				['Address', doc.url ? (/^https?:\/\//i.test(doc.url)
					? el('a', {href: doc.url, rel: 'noopener noreferrer'}, doc.url)
					: doc.url) : '—'],
			]),
			section('Sources of its text', (doc.reuse_sources || []).length
				? el('ul', null, doc.reuse_sources.map(s => el('li', null,
					docLink(s.doc), ' (' + (s.outlet || '') + '), covering '
					+ num(s.covered * 100, 0) + '%')))
				: note('None found.')),
			section('Text',
				el('p', {class: 'legend'},
					el('span', {class: 'reused'}, 'taken from another document'), ' ',
					el('span', {class: 'copied'}, 'taken by others'), ' ',
					el('span', {class: 'a-source'}, 'source'), ' ',
					el('span', {class: 'a-cue'}, 'cue'), ' ',
					el('span', {class: 'a-content'}, 'attributed content')),
				markedText(doc.text || '', spans)),
			section('Shared text', d.reuse.length ? table(d.reuse, [
				['', r => r.copy === doc.id ? 'taken from' : 'taken by'],
				['Document', r => r.copy === doc.id ? docLink(r.source)
					: docLink(r.copy)],
				['Outlet', r => r.copy === doc.id ? r.source_outlet : r.copy_outlet],
				['Direction by', r => r.direction],
				['Kind', r => r.kind === 'quotation' ? 'shared quotation' : 'copy'],
				['Covers of this', r => num(r.copy === doc.id ? r.copy_coverage
					: r.source_coverage, 2)],
				['Exact copy', r => r.exact ? 'yes' : ''],
			]) : note('No passage shared with another outlet.')),
			section('Attributions', d.attributions.length
				? table(d.attributions, [
					['Source', a => a.resolved ? a.source + ' (' + a.resolved + ')'
						: a.source || ''],
					['Cue', a => a.cue || ''], ['Kind', a => a.kind],
					['Hedged', a => a.hedged ? 'yes' : ''],
					['Origin', a => a.origin ? originLink(a.origin) : ''],
				])
				: note('None found.')));
	}

	/* ---- origins ---- */

	async function originPage(key) {
		const d = await api('/api/origins/' + enc(key));
		const o = d.origin;
		document.title = 'unecho — ' + o.name;
		main.replaceChildren(
			el('p', {class: 'crumbs'}, el('a', {href: '#/origins'}, 'Origins'),
				' › ' + o.id),
			el('h1', null, o.name),
			facts([
				['Key', o.id], ['Kind', o.kind], ['Specificity', o.specificity],
				['Country', o.country || '—'], ['Claims', o.claims],
				['Reports', o.reports], ['Outlets', o.outlets],
				['Reliability', d.known ? d.known.reliability || '—' : '—'],
				['Also called', d.known && d.known.aliases.length
					? d.known.aliases.join(', ') : '—'],
			]),
			section('Reports by bloc', table(Object.entries(o.blocs || {}), [
				['Bloc', x => x[0]], ['Reports', x => x[1]],
			])),
			section('Claims resting on it', table(d.claims, [
				['#', c => claimLink(c.id, '#' + c.id)],
				['Claim', c => claimLink(c.id, c.text)],
				['Story', c => c.story ? storyLink(c.story, c.story) : ''],
				['Its reports', c => c.origin_reports],
				['All reports', c => c.reports],
				['Eff. origins', c => num(c.effective_origins, 2)],
			])));
	}

	async function originsPage() {
		const d = await api('/api/origins?limit=500');
		document.title = 'unecho — origins';
		main.replaceChildren(
			el('h1', null, 'Origins'),
			note(d.total + ' origins found; the most reported first'
				+ (d.total > d.origins.length ? ' (the first '
					+ d.origins.length + ' shown)' : '') + '.'),
			table(d.origins, [
				['Origin', o => originLink(o.id, o.name)],
				['Kind', o => o.kind], ['Specificity', o => o.specificity],
				['Country', o => o.country || ''], ['Claims', o => o.claims],
				['Reports', o => o.reports], ['Outlets', o => o.outlets],
			], 'data', 'origins'));
	}

	/* ---- the analyst's workbench ---- */

	/* Replaces the page's content by kids, leaving out the absent ones
	 * (which replaceChildren would show as text). */
	function show(...kids) {
		main.replaceChildren(...kids.filter(k => k !== null && k !== undefined));
	}

	const ratings = ['CC', 'C', 'N', 'I', 'II', 'NA'];
	const achLink = (id, text) => el('a', {href: '#/ach/' + enc(id)}, text);
	const actorLink = (id, text) => el('a', {href: '#/actor/' + enc(id)}, text);
	const labels = (list) => (list || []).join(', ') || '—';

	/* A change: method, JSON body, the header the server asks of
	 * changes (X-Unecho); the token travels in its cookie. */
	async function send(method, path, body) {
		const r = await fetch(path, {
			method, credentials: 'same-origin',
			headers: {'Accept': 'application/json',
				'Content-Type': 'application/json', 'X-Unecho': '1'},
			body: JSON.stringify(body),
		});
		const d = await r.json().catch(() => ({}));
		if (!r.ok)
			throw new Error(d.error || r.status + ' ' + r.statusText);
		return d;
	}

	/* The flags of a key assumption, as marks. */
	function flags(list) {
		return (list || []).length ? list.map(f => el('span', {class: 'flag'}, f))
			: el('span', {class: 'ok'}, 'none');
	}

	async function workbenchPage() {
		const [ach, as, actors] = await Promise.all([api('/api/ach'),
			api('/api/assumptions'), api('/api/actors')]);
		document.title = 'unecho — workbench';
		show(
			el('h1', null, 'The analyst\'s workbench'),
			section('Competing hypotheses (ACH)', ach.matrices.length
				? table(ach.matrices, [
					['Matrix', m => achLink(m.id, m.name)],
					['Question', m => m.question || ''],
					['Hypotheses', m => m.hypotheses],
					['Evidence', m => m.evidence],
					['Top', m => labels(m.top)],
					['Top if every report counted', m => labels(m.inflated_top)],
				], 'data', 'matrices')
				: note('No matrix yet: unecho ach new NAME.')),
			section('Key assumptions', assumptionsTable(as.assumptions)),
			section('Actor models', actors.actors.length
				? table(actors.actors, [
					['Actor', a => actorLink(a.id, a.name)],
					['Description', a => a.description || ''],
					['Options', a => a.options], ['Criteria', a => a.criteria],
					['Actor\'s top', a => a.top || '—'],
					['Analyst\'s top', a => a.analyst_top || '—'],
				], 'data', 'actors')
				: note('No actor model yet: unecho actor new NAME.')));
	}

	/* Key assumptions with what supports them and their flags: one
	 * origin or one bloc behind all the support, or none. */
	function assumptionsTable(list) {
		if (!list.length)
			return note('No assumption yet: unecho assumptions add TEXT.');
		return table(list, [
			['', a => a.label],
			['Assumption', a => a.text],
			['Support', a => a.support.length ? el('ul', {class: 'plain'},
				a.support.map(s => el('li', null, s.claim
					? claimLink(s.claim, 'claim #' + s.claim)
					: s.matrix + ' ' + s.evidence, s.missing ? ' (missing)' : '',
				s.note ? ' — ' + s.note : ''))) : '—'],
			['Origins', a => Object.keys(a.origins || {}).length],
			['Reports', a => a.reports],
			['Blocs', a => Object.entries(a.blocs || {}).map(([b, n]) =>
				b + ' ' + n).join(', ') || '—'],
			['Flags', a => flags(a.flags)],
		], 'data', 'assumptions');
	}

	/* The editable cell of evidence e against hypothesis h: a select when
	 * changes are allowed, else the rating as text. */
	function ratingCell(e, h, edit) {
		const r = (e.ratings || {})[h.label] || '';
		const td = el('td', {class: 'rating r-' + (r || 'none')});
		if (!edit) {
			td.appendChild(document.createTextNode(r || '·'));
			return td;
		}
		const sel = el('select', {'data-e': e.label, 'data-h': h.label,
			'aria-label': e.label + ' against ' + h.label},
		el('option', {value: ''}, '—'),
		ratings.map(x => el('option', {value: x}, x)));
		sel.value = r;
		sel.addEventListener('change', () => edit(sel, r));
		td.appendChild(sel);
		return td;
	}

	/* The scores of the hypotheses, collapsed by origin and inflated. */
	function scoreValues(d) {
		return d.hypotheses.flatMap(h => [
			{hypothesis: h.label, which: 'collapsed by origin', score: h.score},
			{hypothesis: h.label, which: 'every report counted',
				score: h.inflated_score}]);
	}

	/* The parts of a matrix's page drawn from its data, redrawn after an
	 * edit; the chart is kept and given the new scores. */
	function achParts(d, edit) {
		const hyp = d.hypotheses;
		const inf = d.inflation || {};
		return {
			facts: facts([
				['Top', labels(d.top)],
				['Top if every report counted', labels(inf.top)],
				['Origin rows', inf.rows], ['Reports', inf.reports],
				['Reports per row', num(inf.ratio, 2)],
				['Echo changes the top', inf.top_changes ? 'yes' : 'no'],
			]),
			scores: table(hyp, [
				['', h => h.label], ['Hypothesis', h => h.text],
				['Score', h => el('span', {'data-score': h.label}, num(h.score, 3))],
				['Rank', h => h.rank],
				['Every report counted', h => el('span',
					{'data-inflated': h.label}, num(h.inflated_score, 3))],
				['Rank', h => h.inflated_rank],
			], 'data', 'scores'),
			grid: el('table', {class: 'data grid', id: 'grid'},
				el('thead', null, el('tr', null, el('th', null, 'Evidence'),
					hyp.map(h => el('th', {title: h.text}, h.label)),
					el('th', null, 'Diagnosticity'))),
				el('tbody', null, d.evidence.map(e => el('tr', null,
					el('th', {scope: 'row', title: e.text || ''}, e.label, ' ',
						el('span', {class: 'sub'}, clip(e.text, 70))),
					hyp.map(h => ratingCell(e, h, edit)),
					el('td', {class: 'n'}, num(e.diagnosticity, 1)))))),
			rows: table(d.rows || [], [
				['Origin', r => /^evidence:/.test(r.origin)
					? 'typed evidence ' + r.origin.slice(9) + ', no origin named'
					: originLink(r.origin, r.origin_name)],
				['Kind', r => r.origin_kind || ''],
				['Evidence', r => labels(r.evidence)],
				['Reports', r => r.reports],
			].concat(hyp.map(h => [h.label,
				r => num((r.contributions || {})[h.label], 3)])), 'data', 'rows'),
			evidence: table(d.evidence, [
				['', e => e.label],
				['Evidence', e => e.text || ''],
				['Claim', e => e.claim ? claimLink(e.claim, '#' + e.claim) : '—'],
				['Relevance', e => e.relevance || ''],
				['Rests on', e => el('ul', {class: 'plain'}, (e.units || []).map(u =>
					el('li', null, u.origin_name || u.origin, ' — ', u.reports,
						u.reports === 1 ? ' report' : ' reports', ', grade ',
						u.credibility || '?', ', weight ', num(u.weight, 2))))],
				['Diagnosticity', e => num(e.diagnosticity, 1)],
			], 'data', 'evidence'),
			sensitivity: (d.sensitivity || []).length
				? el('ul', {id: 'sensitivity'}, d.sensitivity.map(s =>
					el('li', null, s.change === 'removed'
						? 'Without ' + s.evidence
						: s.evidence + ' against ' + s.hypothesis + ' rated '
							+ s.to + ' instead of ' + s.from,
					', the top would be ' + labels(s.top) + '.')))
				: note('No single removal or one-step change of a rating '
					+ 'changes which hypothesis ranks first.'),
		};
	}

	function clip(s, n) {
		s = String(s || '');
		return s.length > n ? s.slice(0, n - 1) + '…' : s;
	}

	async function achPage(id) {
		const [first, meta] = await Promise.all([
			api('/api/ach/' + enc(id)), api('/api/meta')]);
		let d = first;
		document.title = 'unecho — ' + d.name;
		const status = el('p', {class: 'status', role: 'status'});
		const boxes = {};
		for (const k of ['facts', 'scores', 'grid', 'rows', 'evidence',
			'sensitivity'])
			boxes[k] = el('div', {class: 'part'});
		const scoreChart = chart({
			data: {name: 'scores', values: scoreValues(d)},
			width: 'container', height: 34 * d.hypotheses.length, mark: 'bar',
			encoding: {
				y: {field: 'hypothesis', type: 'nominal', title: null, sort: null},
				yOffset: {field: 'which', type: 'nominal'},
				x: {field: 'score', type: 'quantitative',
					title: 'weighted inconsistency (0 is best)'},
				color: {field: 'which', type: 'nominal', title: null,
					legend: {orient: 'bottom'}},
			},
		});
		/* one edit at a time: the grid is redrawn from the answer */
		async function edit(sel, was) {
			const body = {evidence: sel.dataset.e, hypothesis: sel.dataset.h,
				rating: sel.value};
			main.querySelectorAll('#grid select').forEach(s => { s.disabled = true; });
			status.textContent = 'Saving ' + body.evidence + ' against '
				+ body.hypothesis + '…';
			try {
				d = await send('PUT', '/api/ach/' + enc(d.id) + '/ratings', body);
				status.textContent = 'Saved: ' + body.evidence + ' against '
					+ body.hypothesis + ' is ' + (body.rating || 'unrated') + '.';
				draw();
				const again = main.querySelector('#grid select[data-e="'
					+ CSS.escape(body.evidence) + '"][data-h="'
					+ CSS.escape(body.hypothesis) + '"]');
				if (again)
					again.focus();
			} catch (e) {
				sel.value = was;
				status.textContent = 'Not saved: ' + e.message;
				main.querySelectorAll('#grid select').forEach(s => { s.disabled = false; });
			}
		}
		function draw(first) {
			const parts = achParts(d, meta.can_change ? edit : null);
			for (const k of Object.keys(boxes))
				boxes[k].replaceChildren(parts[k]);
			if (!first && scoreChart.view)
				scoreChart.view.then(v => v.change('scores', window.vega.changeset()
					.remove(() => true).insert(scoreValues(d))).run())
					.catch(e => console.error('chart:', e));
			main.dataset.edits = String(Number(main.dataset.edits || 0) + 1);
		}
		draw(true);
		const why = meta.read_only ? 'The server is read-only: ratings are shown, '
			+ 'not edited.' : 'To edit the ratings, open this server with the '
			+ 'address (and token) it printed at start.';
		show(
			el('p', {class: 'crumbs'}, el('a', {href: '#/workbench'}, 'Workbench'),
				' › ACH matrix ' + d.id),
			el('h1', null, d.name),
			d.question ? el('p', {class: 'question'}, d.question) : null,
			boxes.facts,
			section('Scores: collapsed by origin, and as if every report counted',
				note('A score sums weight × inconsistency (I −1, II −2) over the '
					+ 'evidence; evidence resting on one origin is one row. '
					+ 'The least inconsistent hypothesis ranks first.'),
				el('div', {class: 'side'}, scoreChart, boxes.scores)),
			section('Ratings: evidence × hypotheses',
				meta.can_change ? note('Change a rating and the scores follow. '
					+ 'CC very consistent, C consistent, N neutral, I inconsistent, '
					+ 'II very inconsistent, NA not applicable.') : note(why),
				boxes.grid, status),
			section('Evidence collapsed by origin', note('Each row is one origin: '
				+ 'its most inconsistent unit counts, once, for all the evidence '
				+ 'resting on it.'), boxes.rows),
			section('Evidence and its diagnosticity', note('Diagnosticity: the '
				+ 'range of an item\'s ratings across hypotheses (0 to 4); '
				+ 'items that rate every hypothesis alike do not help choose.'),
			boxes.evidence),
			section('Sensitivity', boxes.sensitivity));
	}

	async function actorPage(id) {
		const a = await api('/api/actors/' + enc(id));
		document.title = 'unecho — ' + a.name;
		const text = new Map((a.options || []).map(o => [o.label, o.text]));
		const crit = new Map((a.criteria || []).map(c => [c.label, c.text]));
		const ar = new Map((a.analyst_ranking || []).map(r => [r.option, r]));
		const gap = a.gap || {};
		const flip = a.flip || {};
		const bars = (a.ranking || []).map(r => ({option: r.option,
			weights: 'the actor\'s', utility: r.utility})).concat(
			(a.analyst_ranking || []).map(r => ({option: r.option,
				weights: 'the analyst\'s', utility: r.utility})));
		const scores = a.scores || {};
		show(
			el('p', {class: 'crumbs'}, el('a', {href: '#/workbench'}, 'Workbench'),
				' › actor model ' + a.id),
			el('h1', null, a.name),
			a.description ? el('p', {class: 'question'}, a.description) : null,
			facts([
				['Actor\'s top option', (a.ranking || [])[0] ? a.ranking[0].option : '—'],
				['Analyst\'s top option', gap.analyst_top || '—'],
				['Analyst', a.analyst || '—'],
				['Tops differ', gap.top_differs ? 'yes' : 'no'],
				['Pairs ranked the other way', gap.discordant_pairs ?? '—'],
			]),
			a.problem ? el('p', {class: 'error-note'}, a.problem) : null,
			section('Options ranked under both weight sets', bars.length ? chart({
				data: {values: bars}, width: 'container',
				height: 34 * (a.ranking || []).length,
				mark: 'bar',
				encoding: {
					y: {field: 'option', type: 'nominal', title: null, sort: null},
					yOffset: {field: 'weights', type: 'nominal'},
					x: {field: 'utility', type: 'quantitative',
						title: 'utility (Σ weight × score)'},
					color: {field: 'weights', type: 'nominal', title: 'weights',
						legend: {orient: 'bottom'}},
				},
			}) : null, table(a.ranking || [], [
				['Option', r => r.option], ['', r => text.get(r.option) || ''],
				['Actor\'s utility', r => num(r.utility, 3)],
				['Rank', r => r.rank],
				['Analyst\'s utility', r => num((ar.get(r.option) || {}).utility, 3)],
				['Rank', r => (ar.get(r.option) || {}).rank ?? '—'],
			], 'data', 'ranking')),
			section('The mirror-image gap', note('Where the analyst\'s weights '
				+ 'differ from the actor\'s: the analyst may be reasoning as '
				+ 'themselves, not as the actor.'),
			table(gap.criteria || [], [
				['Criterion', c => c.criterion], ['', c => crit.get(c.criterion) || ''],
				['Actor\'s weight', c => num(c.actor_weight, 3)],
				['Analyst\'s weight', c => num(c.analyst_weight, 3)],
				['Difference', c => num(c.difference, 3)],
			], 'data', 'gap')),
			section('What would flip the actor\'s choice',
				(flip.one_weight || []).length ? table(flip.one_weight, [
					['Criterion', f => f.criterion],
					['Weight', f => num(f.weight, 3)],
					['Change', f => (f.delta > 0 ? '+' : '') + num(f.delta, 3)],
					['New weight', f => num(f.new_weight, 3)],
					['Its share then', f => num(f.share * 100, 1) + '%'],
					['Top becomes', f => f.becomes],
				], 'data', 'flips') : note('No single weight can flip it.'),
				flip.vector ? el('p', null, 'Moving '
					+ num(flip.vector.shift * 100, 1) + '% of the total weight '
					+ '(L1 ' + num(flip.vector.l1, 3) + ') makes '
					+ flip.vector.becomes + ' draw level with ' + flip.top + ': ',
				Object.entries(flip.vector.weights || {}).filter(([k, w]) =>
					Math.abs(w - ((a.weights || {})[k] || 0)) > 1e-6).map(([k, w]) =>
					k + ' ' + num((a.weights || {})[k], 3) + ' → ' + num(w, 3))
					.join(', '), '.')
					: note('No weights can flip it.')),
			section('Scores of the options', table(a.options || [], [
				['Option', o => o.label],
			].concat((a.criteria || []).map(c => [c.label, o =>
				num((scores[o.label] || {})[c.label] ?? 0)])), 'data', 'scores')));
	}

	/* ---- routing ---- */

	const pages = [
		[/^\/?$/, overview],
		[/^\/story\/([0-9]+)$/, storyPage],
		[/^\/claim\/([0-9]+)$/, claimPage],
		[/^\/doc\/(.+)$/, docPage],
		[/^\/origin\/(.+)$/, originPage],
		[/^\/origins$/, originsPage],
		[/^\/workbench$/, workbenchPage],
		[/^\/ach\/(.+)$/, achPage],
		[/^\/actor\/(.+)$/, actorPage],
	];

	async function render() {
		const path = location.hash.replace(/^#/, '');
		for (const [re, page] of pages) {
			const m = re.exec(path);
			if (!m)
				continue;
			main.setAttribute('aria-busy', 'true');
			delete main.dataset.ready;
			try {
				await page(m[1] === undefined ? undefined
					: decodeURIComponent(m[1]));
			} catch (e) {
				main.replaceChildren(el('h1', null, 'Not shown'),
					el('p', {class: 'error'}, e.message || String(e)));
			}
			main.removeAttribute('aria-busy');
			main.dataset.ready = path || '/';
			window.scrollTo(0, 0);
			return;
		}
		main.replaceChildren(el('h1', null, 'No such page'),
			el('p', null, el('a', {href: '#/'}, 'Overview')));
	}

	window.addEventListener('hashchange', render);
	render();
})();
