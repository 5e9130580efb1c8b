/*
 * fuzz_quantity.c - quantities and entity mentions over tokenised text.
 * The first byte chooses the language (en, ru, ko, uk, zh or unknown);
 * the rest is normalised (ue_text_normalise, so valid UTF-8 as stored
 * texts are), tokenised, and given to ue_quantity_find() and
 * ue_entities_find().  Checks their invariants (spans inside the text and
 * in order, ranges ordered, qualifiers known, mentions not overlapping,
 * JSON written) and aborts when one fails.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claims/entities.h"
#include "claims/quantity.h"
#include "common/buf.h"
#include "text/normalise.h"
#include "text/token.h"

static const char *const langs[] = {"en", "ru", "ko", "uk", "zh", NULL};

static struct ue_tokenizer *tk;    /* kept between inputs */
static struct ue_entities *set;

static void check_quantities(const char *text, size_t len,
                             const struct ue_quantities *qs)
{
	if (qs->n > UE_QUANTITY_MAX)
		abort();
	struct ue_buf b;
	ue_buf_init(&b, 1 << 20);
	for (size_t i = 0; i < qs->n; i++) {
		const struct ue_quantity *q = &qs->q[i];
		if (q->start >= q->end || q->end > len)
			abort();
		if (i && q->start < qs->q[i - 1].start)
			abort();
		if (q->object_end && (q->object_start >= q->object_end ||
		                      q->object_end > len || !q->object_key))
			abort();
		if (q->qualifier > UE_QTY_RANGE ||
		    !*ue_quantity_qualifier_name(q->qualifier))
			abort();
		if (isnan(q->lo) || isnan(q->hi) || q->lo > q->hi || q->lo < 0 ||
		    !isfinite(q->lo))
			abort();
		if (!isfinite(q->hi) && q->qualifier != UE_QTY_LOWER)
			abort();
		if (!memchr(q->unit, '\0', sizeof q->unit))
			abort();
		ue_buf_reset(&b);
		ue_status st = ue_quantity_json(q, text, len, &b);
		if (st != UE_OK && st != UE_ENOMEM && st != UE_ELIMIT)
			abort();
		if (st == UE_OK && (b.len < 2 || ue_buf_str(&b)[0] != '{' ||
		                    ue_buf_str(&b)[b.len - 1] != '}'))
			abort();
	}
	ue_buf_release(&b);
}

static void check_mentions(size_t len, const struct ue_entity_mentions *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		const struct ue_entity_mention *m = &ms->m[i];
		if (m->start >= m->end || m->end > len ||
		    m->entity >= ue_entities_count(set))
			abort();
		if (i && m->start < ms->m[i - 1].end)
			abort();
		const struct ue_entity *e = ue_entities_get(set, m->entity);
		if (!e || !e->id || !e->name)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!tk && ue_tokenizer_new(&tk))
		return 0;
	if (!set) {
		char err[256];
		if (ue_entities_new(&set, err, sizeof err))
			abort();   /* the built-in data must load */
	}
	const char *lang = langs[data[0] % (sizeof langs / sizeof *langs)];
	struct ue_buf b;
	ue_buf_init(&b, 1 << 22);
	if (ue_text_normalise((const char *)data + 1, size - 1, &b) == UE_OK) {
		const char *text = ue_buf_str(&b);
		struct ue_tokens t;
		struct ue_quantities qs;
		struct ue_entity_mentions ms;
		ue_tokens_init(&t);
		ue_quantities_init(&qs);
		ue_entity_mentions_init(&ms);
		if (ue_tokenize(tk, text, b.len, lang, &t) == UE_OK) {
			ue_status st = ue_quantity_find(text, b.len, lang, &t, &qs);
			if (st == UE_OK)
				check_quantities(text, b.len, &qs);
			else if (st != UE_ENOMEM)
				abort();
			st = ue_entities_find(set, text, b.len, &t, &ms);
			if (st == UE_OK)
				check_mentions(b.len, &ms);
			else if (st != UE_ENOMEM)
				abort();
		}
		ue_entity_mentions_release(&ms);
		ue_quantities_release(&qs);
		ue_tokens_release(&t);
	}
	ue_buf_release(&b);
	return 0;
}
