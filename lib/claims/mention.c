/* mention.c - the claim mentions of one text; see mention.h. */
#include "claims/mention.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "attrib/attrib.h"
#include "claims/quantity.h"
#include "common/bytes.h"
#include "text/token.h"

void ue_mentions_init(struct ue_mentions *ms)
{
	memset(ms, 0, sizeof *ms);
}

void ue_mentions_release(struct ue_mentions *ms)
{
	free(ms->m);
	ue_mentions_init(ms);
}

static struct ue_mention *mention_new(struct ue_mentions *ms)
{
	if (ms->n == ms->alloc) {
		size_t na = ms->alloc ? ms->alloc * 2 : 16;
		struct ue_mention *p = realloc(ms->m, na * sizeof *p);
		if (!p)
			return NULL;
		ms->m = p;
		ms->alloc = na;
	}
	struct ue_mention *m = &ms->m[ms->n++];
	memset(m, 0, sizeof *m);
	m->attribution = -1;
	m->polarity = 1;
	return m;
}

uint64_t ue_entity_key(const char *id)
{
	return XXH3_64bits(id, strlen(id));
}

/* The index of the first token ending after byte at (tokens are in text
 * order). */
static size_t first_token(const struct ue_tokens *t, uint32_t at)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->tok[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- polarity ---- */

/* Words that deny or dismiss what they report (case-folded stems or
 * prefixes; a word matches when it starts with one). */
static const char *const denial_cues[] = {
	"deni", "deny", "dismiss", "reject", "refut", "rebuff", "rebut",
	"опроверг", "отрица", "отверг", "опровер",
	"부인", "일축", "반박",
};

/* Words inside a statement that deny it. */
static const char *const negations[] = {
	"not", "n't", "no", "never", "fake", "fals", "baseless", "groundless",
	"unfound", "nonsens", "не", "нет", "никак", "фейк", "ложн", "않", "없",
	"아니", "가짜",
};

static int starts_with_any(const char *form, size_t len,
                           const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(list[i]);
		if (k <= len && memcmp(form, list[i], k) == 0) {
			/* Short English words must match whole. */
			if (k <= 3 && (unsigned char)list[i][0] < 0x80 && k != len)
				continue;
			return 1;
		}
	}
	return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* -1 when a token in [start, end) denies, with cues in [cs, ce). */
static int8_t polarity(const struct ue_tokens *t, uint32_t start,
                       uint32_t end, uint32_t cs, uint32_t ce)
{
	for (size_t i = first_token(t, cs); ce > cs && i < t->n &&
	     t->tok[i].start < ce; i++)
		if (starts_with_any(ue_token_form(t, i), t->tok[i].form_len,
		                    denial_cues, COUNT(denial_cues)))
			return -1;
	for (size_t i = first_token(t, start); i < t->n &&
	     t->tok[i].start < end; i++) {
		if (!starts_with_any(ue_token_form(t, i), t->tok[i].form_len,
		                     negations, COUNT(negations)))
			continue;
		/* "not only ... but also" asserts. */
		if (i + 1 < t->n && t->tok[i].form_len == 3 &&
		    memcmp(ue_token_form(t, i), "not", 3) == 0 &&
		    t->tok[i + 1].form_len == 4 &&
		    memcmp(ue_token_form(t, i + 1), "onli", 4) == 0)
			continue;
		return -1;
	}
	return 1;
}

/* ---- signature ---- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Sorts and removes duplicates; returns the new count. */
static uint8_t sort_unique(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_u64);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (m == 0 || v[m - 1] != v[i])
			v[m++] = v[i];
	return (uint8_t)m;
}

static int inside_any_entity(const struct ue_mention_input *in, uint32_t s,
                             uint32_t e)
{
	for (size_t i = 0; i < in->nentity; i++)
		if (s < in->entity[i].end && e > in->entity[i].start)
			return 1;
	return 0;
}

static int inside_any_quantity(const struct ue_quantities *qs, uint32_t s,
                               uint32_t e)
{
	for (size_t i = 0; qs && i < qs->n; i++)
		if (s < qs->q[i].end && e > qs->q[i].start)
			return 1;
	return 0;
}

static void signature(const struct ue_mention_input *in,
                      struct ue_mention *m)
{
	size_t ne = 0;
	for (size_t i = 0; i < in->nentity && ne < UE_MENTION_MAX_ENTITIES; i++)
		if (in->entity[i].start >= m->start &&
		    in->entity[i].end <= m->end)
			m->entity[ne++] = in->entity[i].key;
	m->nentity = sort_unique(m->entity, ne);
	const struct ue_quantities *qs = in->qty;
	for (size_t i = 0; qs && i < qs->n &&
	     m->nqty < UE_MENTION_MAX_QUANTITIES; i++) {
		const struct ue_quantity *q = &qs->q[i];
		if (q->start >= m->start && q->start < m->end)
			m->qty[m->nqty++] = (struct ue_mention_qty){
				q->lo, q->hi, q->object_key, q->qualifier};
	}
	size_t nt = 0;
	const struct ue_tokens *t = in->tok;
	for (size_t i = first_token(t, m->start); i < t->n &&
	     t->tok[i].start < m->end && nt < UE_MENTION_MAX_TERMS; i++) {
		const struct ue_token *k = &t->tok[i];
		if (k->end > m->end ||
		    (k->flags & (UE_TOK_STOP | UE_TOK_NUMBER)) ||
		    k->form_len < 2 || inside_any_entity(in, k->start, k->end) ||
		    inside_any_quantity(qs, k->start, k->end))
			continue;
		m->term[nt++] = k->hash;
	}
	m->nterm = sort_unique(m->term, nt);
}

/* ---- finding mentions ---- */

/* The sentence holding byte at, as a span. */
static struct ue_span sentence_at(const struct ue_tokens *t, uint32_t at,
                                  size_t len)
{
	size_t lo = 0, hi = t->nsent;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->sent[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->nsent && t->sent[lo].start <= at)
		return t->sent[lo];
	return (struct ue_span){at, (uint32_t)(at < len ? len : at)};
}

static size_t content_tokens(const struct ue_tokens *t, uint32_t s,
                             uint32_t e)
{
	size_t n = 0;
	for (size_t i = first_token(t, s); i < t->n && t->tok[i].start < e;
	     i++)
		if (t->tok[i].end <= e && !(t->tok[i].flags & UE_TOK_STOP))
			n++;
	return n;
}

/* Copies text[s, e) into the mention's source, cut at a character
 * boundary. */
static void set_source(struct ue_mention *m, const char *text, uint32_t s,
                       uint32_t e)
{
	size_t n = e > s ? e - s : 0;
	if (n > UE_MENTION_MAX_SOURCE) {
		n = UE_MENTION_MAX_SOURCE;
		while (n > 0 && ((unsigned char)text[s + n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(m->source, text + s, n);
	m->source[n] = '\0';
}

/* Whether [s, e) is the name of an entity that is not a person. */
static int names_non_person(const struct ue_mention_input *in, uint32_t s,
                            uint32_t e)
{
	for (size_t i = 0; i < in->nentity; i++)
		if (in->entity[i].start <= s && in->entity[i].end >= e)
			return !in->entity[i].person;
	return 0;
}

static ue_status from_attributions(const struct ue_mention_input *in,
                                   struct ue_mentions *out)
{
	const struct ue_attributions *at = in->attrib;
	for (size_t i = 0; at && i < at->n; i++) {
		const struct ue_attribution *a = &at->v[i];
		if (out->n >= UE_MENTIONS_PER_TEXT)
			break;
		if (a->content_end <= a->content_start ||
		    a->content_end > in->len ||
		    content_tokens(in->tok, a->content_start,
		                   a->content_end) < 2)
			continue;
		struct ue_mention *m = mention_new(out);
		if (!m)
			return UE_ENOMEM;
		m->start = a->content_start;
		m->end = a->content_end;
		struct ue_span s = sentence_at(in->tok, m->start, in->len);
		m->sent_start = s.start;
		m->sent_end = s.end < m->end ? m->end : s.end;
		m->attribution = (int32_t)i;
		m->source_kind = a->source_kind;
		if (a->source_kind == UE_SOURCE_PERSON &&
		    names_non_person(in, a->source_start, a->source_end))
			m->source_kind = UE_SOURCE_ORG;   /* "North Korea said" */
		m->hedged = a->hedged;
		int use_resolved = a->resolved_end > a->resolved_start &&
		        a->resolved_end <= in->len &&
		        (a->source_end <= a->source_start ||
		         a->source_kind == UE_SOURCE_PRONOUN ||
		         a->source_kind == UE_SOURCE_NOMINAL);
		if (use_resolved)
			set_source(m, in->text, a->resolved_start,
			           a->resolved_end);
		else if (a->source_end > a->source_start &&
		         a->source_end <= in->len)
			set_source(m, in->text, a->source_start, a->source_end);
		m->polarity = polarity(in->tok, m->start, m->end,
		                       a->cue_start, a->cue_end);
		signature(in, m);
	}
	return UE_OK;
}

static int covered(const struct ue_mentions *ms, size_t n, struct ue_span s)
{
	for (size_t i = 0; i < n; i++)
		if (ms->m[i].start < s.end && ms->m[i].end > s.start)
			return 1;
	return 0;
}

static size_t distinct_entities(const struct ue_mention_input *in,
                                struct ue_span s)
{
	uint64_t seen[4];
	size_t n = 0;
	for (size_t i = 0; i < in->nentity && n < 4; i++) {
		const struct ue_entity_span *e = &in->entity[i];
		if (e->start < s.start || e->end > s.end)
			continue;
		size_t k = 0;
		while (k < n && seen[k] != e->key)
			k++;
		if (k == n)
			seen[n++] = e->key;
	}
	return n;
}

static int has_quantity(const struct ue_quantities *qs, struct ue_span s)
{
	for (size_t i = 0; qs && i < qs->n; i++)
		if (qs->q[i].start >= s.start && qs->q[i].start < s.end)
			return 1;
	return 0;
}

/* Sentences no attribution covers that state a quantity, or that relate
 * two entities in the lead (where news states what happened). */
#define LEAD_SENTENCES 3

static ue_status from_sentences(const struct ue_mention_input *in,
                                struct ue_mentions *out)
{
	size_t attributed = out->n;
	for (size_t i = 0; i < in->tok->nsent; i++) {
		if (out->n >= UE_MENTIONS_PER_TEXT)
			break;
		struct ue_span s = in->tok->sent[i];
		int lead = i < LEAD_SENTENCES;
		if (covered(out, attributed, s) ||
		    content_tokens(in->tok, s.start, s.end) < 3 ||
		    !(has_quantity(in->qty, s) ||
		      (lead && distinct_entities(in, s) >= 2)))
			continue;
		struct ue_mention *m = mention_new(out);
		if (!m)
			return UE_ENOMEM;
		m->start = m->sent_start = s.start;
		m->end = m->sent_end = s.end;
		m->source_kind = UE_SOURCE_NONE;
		m->polarity = polarity(in->tok, s.start, s.end, 0, 0);
		signature(in, m);
	}
	return UE_OK;
}

static int by_start(const void *a, const void *b)
{
	const struct ue_mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

ue_status ue_mentions_find(const struct ue_mention_input *in,
                           struct ue_mentions *out)
{
	out->n = 0;
	ue_status e = from_attributions(in, out);
	if (!e)
		e = from_sentences(in, out);
	if (e) {
		out->n = 0;
		return e;
	}
	if (out->n > 1)
		qsort(out->m, out->n, sizeof *out->m, by_start);
	return UE_OK;
}

/* ---- the blob ---- */

/* Layout: "MN2", the number of mentions (4 bytes), then per mention: start, end, sent_start, sent_end (4
 * bytes each), attribution (4, -1 as all ones), polarity, source_kind,
 * hedged (1 each), source length (1) and bytes, entity count (1) and keys
 * (8 each), quantity count (1) and each lo, hi (8, IEEE), object (8),
 * qualifier (1), term count (1) and hashes (8 each). */
static size_t packed_size(const struct ue_mention *m)
{
	return 20 + 3 + 1 + strlen(m->source) + 1 + 8 * (size_t)m->nentity +
	       1 + 25 * (size_t)m->nqty + 1 + 8 * (size_t)m->nterm;
}

ue_status ue_mentions_pack(const struct ue_mentions *ms, unsigned char **out,
                           size_t *len)
{
	size_t n = 7;
	for (size_t i = 0; i < ms->n; i++)
		n += packed_size(&ms->m[i]);
	unsigned char *p = malloc(n);
	if (!p)
		return UE_ENOMEM;
	memcpy(p, "MN2", 3);
	ue_put_le(p + 3, ms->n, 4);
	unsigned char *w = p + 7;
	for (size_t i = 0; i < ms->n; i++) {
		const struct ue_mention *m = &ms->m[i];
		ue_put_le(w, m->start, 4);
		ue_put_le(w + 4, m->end, 4);
		ue_put_le(w + 8, m->sent_start, 4);
		ue_put_le(w + 12, m->sent_end, 4);
		ue_put_le(w + 16, (uint32_t)m->attribution, 4);
		w[20] = (unsigned char)m->polarity;
		w[21] = m->source_kind;
		w[22] = m->hedged;
		size_t sl = strlen(m->source);
		w[23] = (unsigned char)sl;
		memcpy(w + 24, m->source, sl);
		w += 24 + sl;
		*w++ = m->nentity;
		for (size_t k = 0; k < m->nentity; k++, w += 8)
			ue_put_le(w, m->entity[k], 8);
		*w++ = m->nqty;
		for (size_t k = 0; k < m->nqty; k++, w += 25) {
			ue_put_double(w, m->qty[k].lo);
			ue_put_double(w + 8, m->qty[k].hi);
			ue_put_le(w + 16, m->qty[k].object, 8);
			w[24] = m->qty[k].qualifier;
		}
		*w++ = m->nterm;
		for (size_t k = 0; k < m->nterm; k++, w += 8)
			ue_put_le(w, m->term[k], 8);
	}
	*out = p;
	*len = n;
	return UE_OK;
}

ue_status ue_mentions_unpack(struct ue_mentions *ms,
                             const unsigned char *blob, size_t len)
{
	ms->n = 0;
	if (len < 7 || memcmp(blob, "MN2", 3) != 0)
		return UE_EFORMAT;
	struct ue_bytes_in in = {blob, len, 3, 1};
	size_t count = (size_t)ue_bytes_get(&in, 4);
	if (count > UE_MENTIONS_PER_TEXT)
		return UE_EFORMAT;
	while (in.ok && ms->n < count) {
		struct ue_mention *m = mention_new(ms);
		if (!m)
			return UE_ENOMEM;
		m->start = (uint32_t)ue_bytes_get(&in, 4);
		m->end = (uint32_t)ue_bytes_get(&in, 4);
		m->sent_start = (uint32_t)ue_bytes_get(&in, 4);
		m->sent_end = (uint32_t)ue_bytes_get(&in, 4);
		m->attribution = (int32_t)(uint32_t)ue_bytes_get(&in, 4);
		m->polarity = (int8_t)ue_bytes_get(&in, 1);
		m->source_kind = (uint8_t)ue_bytes_get(&in, 1);
		m->hedged = (uint8_t)ue_bytes_get(&in, 1);
		size_t sl = (size_t)ue_bytes_get(&in, 1);
		if (sl > UE_MENTION_MAX_SOURCE)
			in.ok = 0;
		ue_bytes_copy(&in, m->source, in.ok ? sl : 0);
		m->source[in.ok ? sl : 0] = '\0';
		m->nentity = (uint8_t)ue_bytes_get(&in, 1);
		if (m->nentity > UE_MENTION_MAX_ENTITIES)
			in.ok = 0;
		for (size_t k = 0; in.ok && k < m->nentity; k++)
			m->entity[k] = ue_bytes_get(&in, 8);
		m->nqty = (uint8_t)ue_bytes_get(&in, 1);
		if (m->nqty > UE_MENTION_MAX_QUANTITIES)
			in.ok = 0;
		for (size_t k = 0; in.ok && k < m->nqty; k++) {
			m->qty[k].lo = ue_bytes_get_double(&in);
			m->qty[k].hi = ue_bytes_get_double(&in);
			m->qty[k].object = ue_bytes_get(&in, 8);
			m->qty[k].qualifier = (uint8_t)ue_bytes_get(&in, 1);
		}
		m->nterm = (uint8_t)ue_bytes_get(&in, 1);
		if (m->nterm > UE_MENTION_MAX_TERMS)
			in.ok = 0;
		for (size_t k = 0; in.ok && k < m->nterm; k++)
			m->term[k] = ue_bytes_get(&in, 8);
	}
	if (!in.ok || in.at != len) {
		ms->n = 0;
		return UE_EFORMAT;
	}
	return UE_OK;
}
