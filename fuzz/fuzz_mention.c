/*
 * fuzz_mention.c - the stored blobs of the per-text pass and the claim
 * mention finder.  The first byte chooses what the rest is: a mention
 * blob or a term vector blob to unpack (the database may hand back a
 * damaged one: it must be refused, never read past), or a text whose
 * mentions are found with the real extractors, packed and unpacked again
 * (the result must be the same), and looked up in a small gazetteer.
 * Aborts when an invariant fails.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib.h"
#include "claims/entities.h"
#include "claims/gazetteer.h"
#include "claims/mention.h"
#include "claims/quantity.h"
#include "common/buf.h"
#include "story/termvec.h"
#include "text/normalise.h"
#include "text/token.h"

static struct ue_tokenizer *tk;
static struct ue_attrib *ax;
static struct ue_entities *set;
static struct ue_gazetteer *gaz;

static void setup(void)
{
	char err[128];
	if (ue_tokenizer_new(&tk) || ue_attrib_new(&ax) ||
	    ue_entities_new(&set, err, sizeof err) || ue_gazetteer_new(&gaz) ||
	    ue_gazetteer_add(gaz, "National Intelligence Service", 0) ||
	    ue_gazetteer_add(gaz, "국정원", 1) ||
	    ue_gazetteer_add(gaz, "Кремль", 2) || ue_gazetteer_ready(gaz))
		abort();
}

static void blobs(const unsigned char *p, size_t n)
{
	struct ue_mentions ms;
	struct ue_termvec tv;
	ue_mentions_init(&ms);
	ue_termvec_init(&tv);
	if (ue_mentions_unpack(&ms, p, n) == UE_OK)
		for (size_t i = 0; i < ms.n; i++)
			if (ms.m[i].nterm > UE_MENTION_MAX_TERMS ||
			    strlen(ms.m[i].source) > UE_MENTION_MAX_SOURCE)
				abort();
	if (ue_termvec_unpack(&tv, p, n) == UE_OK)
		for (size_t i = 0; i < tv.n; i++)
			if (tv.term[i].word >= tv.words_len)
				abort();
	ue_mentions_release(&ms);
	ue_termvec_release(&tv);
}

static void text(const char *raw, size_t n)
{
	struct ue_buf norm = UE_BUF_INIT;
	struct ue_tokens tok;
	struct ue_attributions at;
	struct ue_quantities qs;
	struct ue_entity_mentions em;
	struct ue_mentions ms, back;
	ue_tokens_init(&tok);
	ue_attributions_init(&at);
	ue_quantities_init(&qs);
	ue_entity_mentions_init(&em);
	ue_mentions_init(&ms);
	ue_mentions_init(&back);
	if (ue_text_normalise(raw, n, &norm) != UE_OK)
		goto out;
	const char *t = norm.data ? norm.data : "";
	size_t len = norm.len;
	if (ue_tokenize(tk, t, len, "en", &tok) ||
	    ue_attrib_extract(ax, t, len, "en", &tok, &at) ||
	    ue_quantity_find(t, len, "en", &tok, &qs) ||
	    ue_entities_find(set, t, len, &tok, &em))
		goto out;
	struct ue_entity_span es[32];
	size_t ne = em.n < 32 ? em.n : 32;
	for (size_t i = 0; i < ne; i++)
		es[i] = (struct ue_entity_span){em.m[i].start, em.m[i].end,
		                                em.m[i].entity, 0};
	struct ue_mention_input in = {t, len, "en", &tok, &at, &qs, es, ne};
	if (ue_mentions_find(&in, &ms))
		goto out;
	unsigned char *blob;
	size_t blen;
	if (ue_mentions_pack(&ms, &blob, &blen))
		goto out;
	if (ue_mentions_unpack(&back, blob, blen) != UE_OK || back.n != ms.n)
		abort();
	for (size_t i = 0; i < ms.n; i++) {
		const struct ue_mention *m = &ms.m[i];
		if (m->start > m->end || m->end > len || m->sent_end > len ||
		    back.m[i].start != m->start || back.m[i].end != m->end ||
		    strcmp(back.m[i].source, m->source) != 0 ||
		    back.m[i].nterm != m->nterm)
			abort();
		ue_gazetteer_find(gaz, m->source, strlen(m->source));
	}
	free(blob);
	ue_gazetteer_find(gaz, t, len);
out:
	ue_buf_release(&norm);
	ue_tokens_release(&tok);
	ue_attributions_release(&at);
	ue_quantities_release(&qs);
	ue_entity_mentions_release(&em);
	ue_mentions_release(&ms);
	ue_mentions_release(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!tk)
		setup();
	if (size == 0)
		return 0;
	if (data[0] & 1)
		blobs(data + 1, size - 1);
	else
		text((const char *)data + 1, size - 1);
	return 0;
}
