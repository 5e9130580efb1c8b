/*
 * stance.c - the stance of a body towards a claim: features of the pair,
 * then two logistic models (see stance.h).
 *
 * The features:
 *   overlap  the share of the claim's content words (stems, no stop
 *            words) found in the body, in its lead (first two sentences),
 *            in its best-matching sentence and in its three best; claim
 *            bigrams found in the body; a log-tf cosine; the share of
 *            numbers, long words and words the body capitalises in
 *            mid-sentence (names) among those found;
 *   cues     per cue group (refute, negation, hedge, attribution,
 *            confirm), their counts in the claim, the body, its lead and
 *            its three best-matching sentences; and per cue word its
 *            presence in the claim and in those sentences;
 *   shape    claim and body lengths, a question mark in the claim, and
 *            whether the claim and the best sentence differ in negation.
 * The model file has one line per feature: name, then its weight for
 * "related" and for agree, disagree and discuss; "@threshold" is the
 * probability of "related" from which a pair counts as related.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "stance/stance.h"
#include "common/builtin.h"
#include "text/token.h"


#define MAX_CLAIM_TYPES 256   /* distinct content words of a claim kept */
#define MAX_FEATURES 512
#define NAME_LEN 48
#define TOP 3                 /* best-matching sentences read for cues */
#define LEAD 2                /* sentences of the lead */

enum group { G_REFUTE, G_NEG, G_HEDGE, G_ATTR, G_CONFIRM, NGROUPS };
static const char *const group_name[NGROUPS] = {
	"refute", "neg", "hedge", "attr", "confirm"};

/* Cue words (surface forms; their stems are what is matched). */
static const struct cue_word {
	const char *word;
	uint8_t group;
} cue_words[] = {
	{"fake", G_REFUTE}, {"fraud", G_REFUTE}, {"hoax", G_REFUTE},
	{"false", G_REFUTE}, {"falsely", G_REFUTE}, {"deny", G_REFUTE},
	{"denied", G_REFUTE}, {"denial", G_REFUTE}, {"debunk", G_REFUTE},
	{"debunked", G_REFUTE}, {"bogus", G_REFUTE}, {"doubt", G_REFUTE},
	{"prank", G_REFUTE}, {"retract", G_REFUTE}, {"myth", G_REFUTE},
	{"untrue", G_REFUTE}, {"satire", G_REFUTE}, {"satirical", G_REFUTE},
	{"fabricated", G_REFUTE}, {"misleading", G_REFUTE},
	{"rumour", G_REFUTE}, {"rumor", G_REFUTE}, {"refute", G_REFUTE},
	{"dismissed", G_REFUTE}, {"nonsense", G_REFUTE}, {"despite", G_REFUTE},
	{"wrong", G_REFUTE}, {"incorrect", G_REFUTE}, {"lie", G_REFUTE},
	{"photoshopped", G_REFUTE}, {"scam", G_REFUTE}, {"joke", G_REFUTE},
	{"not", G_NEG}, {"no", G_NEG}, {"never", G_NEG}, {"nothing", G_NEG},
	{"none", G_NEG}, {"nor", G_NEG}, {"neither", G_NEG},
	{"without", G_NEG},
	{"reportedly", G_HEDGE}, {"allegedly", G_HEDGE}, {"alleged", G_HEDGE},
	{"purportedly", G_HEDGE}, {"apparently", G_HEDGE}, {"claim", G_HEDGE},
	{"unconfirmed", G_HEDGE}, {"unverified", G_HEDGE}, {"may", G_HEDGE},
	{"might", G_HEDGE}, {"could", G_HEDGE}, {"possibly", G_HEDGE},
	{"perhaps", G_HEDGE}, {"speculation", G_HEDGE}, {"believed", G_HEDGE},
	{"suggest", G_HEDGE}, {"if", G_HEDGE}, {"whether", G_HEDGE},
	{"appears", G_HEDGE}, {"seems", G_HEDGE}, {"likely", G_HEDGE},
	{"according", G_ATTR}, {"said", G_ATTR}, {"says", G_ATTR},
	{"told", G_ATTR}, {"report", G_ATTR}, {"source", G_ATTR},
	{"statement", G_ATTR}, {"spokesman", G_ATTR}, {"spokeswoman", G_ATTR},
	{"tweet", G_ATTR}, {"posted", G_ATTR},
	{"confirmed", G_CONFIRM}, {"official", G_CONFIRM},
	{"announced", G_CONFIRM}, {"verified", G_CONFIRM}, {"indeed", G_CONFIRM},
	{"revealed", G_CONFIRM}, {"proof", G_CONFIRM}, {"evidence", G_CONFIRM},
	{"true", G_CONFIRM}, {"real", G_CONFIRM}, {"actually", G_CONFIRM},
	{"definitely", G_CONFIRM}, {"shows", G_CONFIRM}, {"footage", G_CONFIRM},
	{"photo", G_CONFIRM}, {"video", G_CONFIRM},
};
#define NCUES (sizeof cue_words / sizeof cue_words[0])

struct cue {
	uint64_t hash;      /* of the stem */
	uint16_t word;      /* index in cue_words of its first word */
	uint8_t group;
};

struct weights {
	uint64_t key;       /* hash of the feature name; 0: empty slot */
	float w[4];         /* related, agree, disagree, discuss */
};

struct claimtype {
	uint64_t hash;
	uint32_t count;       /* in the body */
	uint32_t last_sent;   /* last body sentence it was seen in, +1 */
	uint8_t is_num, is_long, capped, in_lead, in_top;
};

struct sent {
	uint32_t first_tok;   /* its first token in the body */
	uint16_t match;       /* distinct claim words in it */
	uint16_t g[NGROUPS];
};

struct ue_stance {
	struct ue_tokenizer *tk;
	struct ue_tokens ct, bt;
	struct cue cue[NCUES];
	size_t ncue;
	struct weights *model;
	size_t model_mask;
	double threshold;
	/* per call */
	struct claimtype ty[MAX_CLAIM_TYPES];
	size_t nty;
	uint64_t filter[64];  /* 4096 bits: the claim's words */
	uint64_t *cbigram;    /* claim bigrams */
	size_t ncbigram, cbigram_alloc;
	uint8_t *cbigram_seen;
	size_t cbigram_seen_alloc;
	struct sent *s;
	size_t ns, s_alloc;
	uint64_t *bkeys;      /* body word counts: an open table */
	uint32_t *bvals;
	size_t bmask;
	uint8_t cue_claim[NCUES], cue_top[NCUES];
	uint32_t cue_body[NCUES];
	int gclaim[NGROUPS];
	uint32_t gbody[NGROUPS];
	size_t top[TOP], ntop;
	size_t found;         /* claim words found in the body */
	/* the features */
	char name[MAX_FEATURES][NAME_LEN];
	const char *namep[MAX_FEATURES];
	double val[MAX_FEATURES];
	size_t nf;
};

static ue_status grow(void **p, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return UE_OK;
	size_t n = *alloc ? *alloc : 64;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return UE_ENOMEM;
	*p = q;
	*alloc = n;
	return UE_OK;
}

static uint64_t fhash(const char *s, size_t n)
{
	uint64_t h = XXH3_64bits(s, n);
	return h ? h : 1;
}

/* ------------------------------------------------------------------ */
/* the model                                                            */

static struct weights *model_slot(const struct ue_stance *st, uint64_t key)
{
	for (size_t i = key & st->model_mask;; i = (i + 1) & st->model_mask)
		if (st->model[i].key == key || st->model[i].key == 0)
			return &st->model[i];
}

static ue_status model_load(struct ue_stance *st, const char *data,
                            size_t len)
{
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += data[i] == '\n';
	size_t cap = 16;
	while (cap < lines * 2 + 2)
		cap *= 2;
	st->model = calloc(cap, sizeof *st->model);
	if (!st->model)
		return UE_ENOMEM;
	st->model_mask = cap - 1;
	st->threshold = 0.5;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		char line[256];
		size_t n = (size_t)(nl - p);
		if (n >= sizeof line)
			return UE_EFORMAT;
		memcpy(line, p, n);
		line[n] = 0;
		p = nl + 1;
		if (n == 0 || line[0] == '#')
			continue;
		char *tab = strchr(line, '\t');
		if (!tab)
			return UE_EFORMAT;
		*tab = 0;
		char *e = tab + 1;
		float w[4];
		for (int k = 0; k < 4; k++) {
			char *q;
			w[k] = strtof(e, &q);
			if (q == e || !isfinite(w[k]))
				return UE_EFORMAT;
			e = q;
			if (strcmp(line, "@threshold") == 0)
				break;
		}
		if (strcmp(line, "@threshold") == 0) {
			if (!(w[0] > 0 && w[0] < 1))
				return UE_EFORMAT;
			st->threshold = w[0];
			continue;
		}
		uint64_t key = fhash(line, strlen(line));
		struct weights *slot = model_slot(st, key);
		slot->key = key;
		memcpy(slot->w, w, sizeof w);
	}
	return UE_OK;
}

/* ------------------------------------------------------------------ */
/* life                                                                 */

static int cue_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct cue *)a)->hash;
	uint64_t y = ((const struct cue *)b)->hash;
	return x < y ? -1 : x > y;
}

/* The stems of the cue words, from the tokenizer itself. */
static ue_status cues_load(struct ue_stance *st)
{
	st->ncue = 0;
	for (size_t i = 0; i < NCUES; i++) {
		const char *w = cue_words[i].word;
		ue_status s = ue_tokenize(st->tk, w, strlen(w), "en", &st->ct);
		if (s)
			return s;
		if (st->ct.n != 1)
			continue;
		uint64_t h = st->ct.tok[0].hash;
		int dup = 0;
		for (size_t k = 0; k < st->ncue; k++)
			dup |= st->cue[k].hash == h;
		if (dup)
			continue;
		st->cue[st->ncue].hash = h;
		st->cue[st->ncue].word = (uint16_t)i;
		st->cue[st->ncue].group = cue_words[i].group;
		st->ncue++;
	}
	qsort(st->cue, st->ncue, sizeof *st->cue, cue_cmp);
	return UE_OK;
}

static const struct cue *cue_find(const struct ue_stance *st, uint64_t h)
{
	size_t lo = 0, hi = st->ncue;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (st->cue[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->ncue && st->cue[lo].hash == h ? &st->cue[lo] : NULL;
}

ue_status ue_stance_new(struct ue_stance **out)
{
	if (!out)
		return UE_EINVAL;
	*out = NULL;
	struct ue_stance *st = calloc(1, sizeof *st);
	if (!st)
		return UE_ENOMEM;
	ue_tokens_init(&st->ct);
	ue_tokens_init(&st->bt);
	for (size_t i = 0; i < MAX_FEATURES; i++)
		st->namep[i] = st->name[i];
	ue_status s = ue_tokenizer_new(&st->tk);
	if (!s)
		s = cues_load(st);
	if (!s) {
		const struct ue_builtin_file *f = ue_builtin_find("model.tsv");
		s = f ? model_load(st, f->data, f->len) : UE_EFORMAT;
	}
	if (s) {
		ue_stance_free(st);
		return s;
	}
	*out = st;
	return UE_OK;
}

void ue_stance_free(struct ue_stance *st)
{
	if (!st)
		return;
	if (st->tk)
		ue_tokenizer_free(st->tk);
	ue_tokens_release(&st->ct);
	ue_tokens_release(&st->bt);
	free(st->model);
	free(st->cbigram);
	free(st->cbigram_seen);
	free(st->s);
	free(st->bkeys);
	free(st->bvals);
	free(st);
}

const char *ue_stance_label_name(unsigned label)
{
	static const char *const names[] = {"agree", "disagree", "discuss",
	                                    "unrelated"};
	return label < UE_STANCE_NLABELS ? names[label] : "unknown";
}

/* ------------------------------------------------------------------ */
/* features                                                             */

static void feat(struct ue_stance *st, const char *name, double v)
{
	if (st->nf == MAX_FEATURES)
		return;
	snprintf(st->name[st->nf], NAME_LEN, "%s", name);
	st->val[st->nf++] = v;
}

static void featf(struct ue_stance *st, const char *a, const char *b,
                  double v)
{
	if (st->nf == MAX_FEATURES)
		return;
	snprintf(st->name[st->nf], NAME_LEN, "%s%s", a, b);
	st->val[st->nf++] = v;
}

static int is_content(const struct ue_token *t)
{
	return !(t->flags & UE_TOK_STOP);
}

static int is_negation(const struct ue_tokens *t, size_t i)
{
	const char *f = ue_token_form(t, i);
	size_t n = t->tok[i].form_len;
	return (n >= 3 && memcmp(f + n - 3, "n't", 3) == 0) ||
	       (n >= 5 && memcmp(f + n - 5, "n\xe2\x80\x99t", 5) == 0);
}

static int claimtype_find(const struct ue_stance *st, uint64_t h)
{
	if (!(st->filter[(h >> 6) & 63] & (1ull << (h & 63))))
		return -1;
	for (size_t i = 0; i < st->nty; i++)
		if (st->ty[i].hash == h)
			return (int)i;
	return -1;
}

static uint64_t bigram(uint64_t a, uint64_t b)
{
	uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull);
	return h ? h : 1;
}

/* Counts of the body's words: returns the count after adding one. */
static uint32_t body_add(struct ue_stance *st, uint64_t h)
{
	size_t i = h & st->bmask;
	while (st->bkeys[i] && st->bkeys[i] != h)
		i = (i + 1) & st->bmask;
	st->bkeys[i] = h;
	return ++st->bvals[i];
}

static ue_status compute(struct ue_stance *st, const char *claim,
                         size_t claim_len, const char *body,
                         size_t body_len, const char *lang)
{
	st->nf = 0;
	if (!claim || !body)
		return UE_EINVAL;
	if (claim_len > UE_STANCE_MAX_CLAIM || body_len > UE_STANCE_MAX_BODY)
		return UE_ELIMIT;
	if (!lang || !*lang || strcmp(lang, "und") == 0)
		lang = "en";
	int english = strcmp(lang, "en") == 0;
	ue_status s = ue_tokenize(st->tk, claim, claim_len, lang, &st->ct);
	if (!s)
		s = ue_tokenize(st->tk, body, body_len, lang, &st->bt);
	if (s)
		return s;
	const struct ue_tokens *ct = &st->ct, *bt = &st->bt;

	/* the claim */
	st->nty = 0;
	st->ncbigram = 0;
	memset(st->filter, 0, sizeof st->filter);
	memset(st->cue_claim, 0, sizeof st->cue_claim);
	memset(st->cue_top, 0, sizeof st->cue_top);
	memset(st->cue_body, 0, sizeof st->cue_body);
	memset(st->gclaim, 0, sizeof st->gclaim);
	memset(st->gbody, 0, sizeof st->gbody);
	int claim_neg = 0;
	uint64_t prev = 0;
	for (size_t i = 0; i < ct->n; i++) {
		const struct ue_token *t = &ct->tok[i];
		const struct cue *c = english ? cue_find(st, t->hash) : NULL;
		if (c) {
			st->cue_claim[c->word] = 1;
			st->gclaim[c->group]++;
		}
		if (is_negation(ct, i) || (c && c->group == G_NEG))
			claim_neg++;
		if (!is_content(t))
			continue;
		if (prev) {
			s = grow((void **)&st->cbigram, &st->cbigram_alloc,
			         st->ncbigram + 1, sizeof *st->cbigram);
			if (s)
				return s;
			if (st->ncbigram < MAX_CLAIM_TYPES)
				st->cbigram[st->ncbigram++] = bigram(prev, t->hash);
		}
		prev = t->hash;
		if (claimtype_find(st, t->hash) < 0 && st->nty < MAX_CLAIM_TYPES) {
			struct claimtype *y = &st->ty[st->nty++];
			memset(y, 0, sizeof *y);
			y->hash = t->hash;
			y->is_num = (t->flags & UE_TOK_NUMBER) != 0;
			y->is_long = t->end - t->start >= 7;
			st->filter[(t->hash >> 6) & 63] |= 1ull << (t->hash & 63);
		}
	}
	s = grow((void **)&st->cbigram_seen, &st->cbigram_seen_alloc,
	         st->ncbigram + 1, 1);
	if (s)
		return s;
	memset(st->cbigram_seen, 0, st->ncbigram);

	/* the body: sentences, counts, matches, cues */
	size_t nsent = bt->nsent < UE_STANCE_MAX_SENTENCES ? bt->nsent
	                                                  : UE_STANCE_MAX_SENTENCES;
	s = grow((void **)&st->s, &st->s_alloc, nsent + 1, sizeof *st->s);
	if (s)
		return s;
	memset(st->s, 0, (nsent + 1) * sizeof *st->s);
	st->ns = nsent;
	size_t want = 16;
	while (want < bt->n * 2 + 2)
		want *= 2;
	if (want > st->bmask + 1 || !st->bkeys) {
		free(st->bkeys);
		free(st->bvals);
		st->bkeys = calloc(want, sizeof *st->bkeys);
		st->bvals = calloc(want, sizeof *st->bvals);
		if (!st->bkeys || !st->bvals)
			return UE_ENOMEM;
		st->bmask = want - 1;
	} else {
		memset(st->bkeys, 0, (st->bmask + 1) * sizeof *st->bkeys);
		memset(st->bvals, 0, (st->bmask + 1) * sizeof *st->bvals);
	}
	double bnorm = 0;     /* sum over body words of (1 + log tf)^2 */
	size_t nbody = 0;
	prev = 0;
	uint32_t cursent = UINT32_MAX;
	for (size_t i = 0; i < bt->n; i++) {
		const struct ue_token *t = &bt->tok[i];
		if (t->sentence >= nsent)
			break;
		int sent_first = t->sentence != cursent;
		if (sent_first) {
			st->s[t->sentence].first_tok = (uint32_t)i;
			cursent = t->sentence;
		}
		struct sent *se = &st->s[t->sentence];
		const struct cue *c = english ? cue_find(st, t->hash) : NULL;
		if (c) {
			if (st->cue_body[c->word] < UINT32_MAX)
				st->cue_body[c->word]++;
			st->gbody[c->group]++;
			if (se->g[c->group] < UINT16_MAX)
				se->g[c->group]++;
		} else if (is_negation(bt, i)) {
			st->gbody[G_NEG]++;
			if (se->g[G_NEG] < UINT16_MAX)
				se->g[G_NEG]++;
		}
		if (!is_content(t))
			continue;
		nbody++;
		uint32_t tf = body_add(st, t->hash);
		/* (1+log tf)^2 - (1+log (tf-1))^2 */
		double a = 1 + log((double)tf);
		double b = tf > 1 ? 1 + log((double)(tf - 1)) : 0;
		bnorm += a * a - b * b;
		int y = claimtype_find(st, t->hash);
		if (y >= 0 && prev) {
			uint64_t bg = bigram(prev, t->hash);
			for (size_t k = 0; k < st->ncbigram; k++)
				if (st->cbigram[k] == bg)
					st->cbigram_seen[k] = 1;
		}
		prev = y >= 0 ? t->hash : 0;
		if (y < 0)
			continue;
		struct claimtype *ty = &st->ty[y];
		ty->count++;
		unsigned char c0 = (unsigned char)body[t->start];
		if (!sent_first && c0 >= 'A' && c0 <= 'Z')
			ty->capped = 1;
		if (ty->last_sent != t->sentence + 1) {
			ty->last_sent = t->sentence + 1;
			if (se->match < UINT16_MAX)
				se->match++;
		}
	}

	/* the best sentences */
	st->ntop = 0;
	for (size_t k = 0; k < nsent; k++) {
		size_t pos = st->ntop;
		while (pos > 0 && st->s[st->top[pos - 1]].match < st->s[k].match)
			pos--;
		if (pos >= TOP)
			continue;
		if (st->ntop < TOP)
			st->ntop++;
		memmove(&st->top[pos + 1], &st->top[pos],
		        (st->ntop - 1 - pos) * sizeof st->top[0]);
		st->top[pos] = k;
	}
	/* cue words and groups in the best sentences and in the lead */
	int gtop[NGROUPS] = {0}, glead[NGROUPS] = {0};
	for (size_t k = 0; k < nsent && k < LEAD; k++)
		for (int g = 0; g < NGROUPS; g++)
			glead[g] += st->s[k].g[g];
	size_t readsent[TOP + LEAD], nread = 0;
	for (size_t k = 0; k < st->ntop; k++) {
		if (st->s[st->top[k]].match == 0)
			continue;
		for (int g = 0; g < NGROUPS; g++)
			gtop[g] += st->s[st->top[k]].g[g];
		readsent[nread++] = st->top[k];
	}
	for (size_t k = 0; k < nsent && k < LEAD; k++) {
		int dup = 0;
		for (size_t j = 0; j < nread; j++)
			dup |= readsent[j] == k;
		if (!dup)
			readsent[nread++] = k;
	}
	for (size_t j = 0; j < nread; j++) {
		size_t k = readsent[j];
		int is_top = 0;
		for (size_t q = 0; q < st->ntop; q++)
			is_top |= st->top[q] == k;
		for (size_t i = st->s[k].first_tok;
		     i < bt->n && bt->tok[i].sentence == k; i++) {
			const struct cue *c =
				english ? cue_find(st, bt->tok[i].hash) : NULL;
			if (c)
				st->cue_top[c->word] = 1;
			int y = claimtype_find(st, bt->tok[i].hash);
			if (y >= 0) {
				st->ty[y].in_lead |= k < LEAD;
				st->ty[y].in_top |= is_top;
			}
		}
	}

	/* the features */
	double nty = (double)st->nty;
	size_t found = 0, nnum = 0, fnum = 0, nlong = 0, flong = 0, capped = 0;
	size_t lead = 0, top = 0;
	double rep = 0, dot = 0, cnorm = 0;
	for (size_t i = 0; i < st->nty; i++) {
		const struct claimtype *y = &st->ty[i];
		cnorm += 1;
		nnum += y->is_num;
		nlong += y->is_long;
		if (!y->count)
			continue;
		found++;
		fnum += y->is_num;
		flong += y->is_long;
		capped += y->capped;
		rep += (y->count > 8 ? 8 : y->count) / 8.0;
		dot += 1 + log((double)y->count);
	}
	for (size_t i = 0; i < st->nty; i++) {
		lead += st->ty[i].in_lead;
		top += st->ty[i].in_top;
	}
	st->found = found;
	double best = st->ntop && nty ? st->s[st->top[0]].match / nty : 0;
	double ov = nty ? found / nty : 0;
	size_t bifound = 0;
	for (size_t k = 0; k < st->ncbigram; k++)
		bifound += st->cbigram_seen[k];
	double bi = st->ncbigram ? (double)bifound / (double)st->ncbigram : 0;
	double cos = cnorm > 0 && bnorm > 0 ? dot / sqrt(cnorm * bnorm) : 0;

	feat(st, "bias", 1);
	feat(st, "n_claim", log1p(nty));
	feat(st, "n_body", log1p((double)nbody));
	feat(st, "ov", ov);
	feat(st, "ov2", ov * ov);
	feat(st, "ov_sqrt", sqrt(ov));
	feat(st, "ov_lead", nty ? lead / nty : 0);
	feat(st, "ov_top", nty ? top / nty : 0);
	feat(st, "ov_best", best);
	feat(st, "ov_best2", best * best);
	feat(st, "ov_bi", bi);
	feat(st, "ov_bi_sqrt", sqrt(bi));
	feat(st, "ov_rep", nty ? rep / nty : 0);
	feat(st, "cos", cos);
	feat(st, "cos_sqrt", sqrt(cos));
	feat(st, "ov_num", nnum ? (double)fnum / (double)nnum : 0);
	feat(st, "has_num", nnum > 0);
	feat(st, "ov_long", nlong ? (double)flong / (double)nlong : 0);
	feat(st, "ov_cap", nty ? capped / nty : 0);
	feat(st, "found", log1p((double)found));
	feat(st, "missing", log1p(nty - (double)found));
	int qmark = memchr(claim, '?', claim_len) != NULL;
	feat(st, "c_question", qmark);
	if (english) {
		for (int g = 0; g < NGROUPS; g++) {
			featf(st, "c_", group_name[g], st->gclaim[g] > 3 ? 3
			                                                : st->gclaim[g]);
			featf(st, "b_", group_name[g], log1p(st->gbody[g]));
			featf(st, "bd_", group_name[g],
			      nbody ? 100.0 * st->gbody[g] / (double)(nbody + 20) : 0);
			featf(st, "t_", group_name[g], gtop[g] > 5 ? 5 : gtop[g]);
			featf(st, "l_", group_name[g], glead[g] > 5 ? 5 : glead[g]);
		}
		for (size_t k = 0; k < st->ncue; k++) {
			size_t w = st->cue[k].word;
			if (st->cue_claim[w])
				featf(st, "c:", cue_words[w].word, 1);
			if (st->cue_top[w])
				featf(st, "t:", cue_words[w].word, 1);
			if (st->cue_body[w])
				featf(st, "b:", cue_words[w].word,
				      log1p(st->cue_body[w]));
		}
		int best_neg = st->ntop ? st->s[st->top[0]].g[G_NEG] : 0;
		feat(st, "pol_differ", (claim_neg & 1) != (best_neg & 1));
	}
	return UE_OK;
}

ue_status ue_stance_features(struct ue_stance *st, const char *claim,
                             size_t claim_len, const char *body,
                             size_t body_len, const char *lang,
                             ue_stance_feature_fn fn, void *ctx)
{
	if (!st || !fn)
		return UE_EINVAL;
	ue_status s = compute(st, claim, claim_len, body, body_len, lang);
	if (s)
		return s;
	return fn(ctx, st->namep, st->val, st->nf) ? UE_ECANCELLED : UE_OK;
}

/* The passage: the best-matching sentence; for disagree, the matched
 * sentence (of the best few and the lead) with the most refuting cues. */
static void passage(const struct ue_stance *st, struct ue_stance_result *out)
{
	if (st->ntop == 0 || out->label == UE_STANCE_UNRELATED)
		return;
	size_t k = st->top[0];
	if (out->label == UE_STANCE_DISAGREE) {
		int most = 0;
		for (size_t j = 0; j < st->ntop; j++) {
			const struct sent *se = &st->s[st->top[j]];
			int r = se->g[G_REFUTE] * 2 + se->g[G_NEG];
			if (se->match && r > most) {
				most = r;
				k = st->top[j];
			}
		}
		for (size_t j = 0; j < st->ns && j < LEAD; j++) {
			const struct sent *se = &st->s[j];
			int r = se->g[G_REFUTE] * 2 + se->g[G_NEG];
			if (se->match && r > most) {
				most = r;
				k = j;
			}
		}
	}
	if (k < st->bt.nsent) {
		out->passage_start = st->bt.sent[k].start;
		out->passage_end = st->bt.sent[k].end;
	}
}

ue_status ue_stance_classify(struct ue_stance *st, const char *claim,
                             size_t claim_len, const char *body,
                             size_t body_len, const char *lang,
                             struct ue_stance_result *out)
{
	if (!out)
		return UE_EINVAL;
	memset(out, 0, sizeof *out);
	out->label = UE_STANCE_UNRELATED;
	if (!st)
		return UE_EINVAL;
	ue_status s = compute(st, claim, claim_len, body, body_len, lang);
	if (s)
		return s;
	double z[4] = {0, 0, 0, 0};
	for (size_t i = 0; i < st->nf; i++) {
		uint64_t key = fhash(st->name[i], strlen(st->name[i]));
		const struct weights *w = model_slot(st, key);
		if (w->key != key)
			continue;
		for (int k = 0; k < 4; k++)
			z[k] += w->w[k] * st->val[i];
	}
	double prel = 1 / (1 + exp(-z[0]));
	double m = z[1];
	for (int k = 2; k < 4; k++)
		if (z[k] > m)
			m = z[k];
	double e[3], sum = 0;
	for (int k = 0; k < 3; k++)
		sum += e[k] = exp(z[k + 1] - m);
	int arg = 0;
	for (int k = 0; k < 3; k++) {
		out->score[k] = prel * e[k] / sum;
		if (e[k] > e[arg])
			arg = k;
	}
	out->score[UE_STANCE_UNRELATED] = 1 - prel;
	/* a body that shares no word with the claim is unrelated, whatever
	 * the model's (low) threshold says */
	out->label = prel >= st->threshold && st->found ? (uint8_t)arg
	                                                : UE_STANCE_UNRELATED;
	passage(st, out);
	return UE_OK;
}
