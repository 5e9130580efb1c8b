/*
 * fuzz_align.c - alignment of two texts made from random bytes: the input
 * is split at its first NUL (or in the middle) into two texts, each
 * repaired to UTF-8, tokenised and aligned.  Passages must lie within both
 * texts, in order of the second, without overlapping in it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "reuse/align.h"
#include "text/normalise.h"
#include "text/token.h"

static void prepare(struct ue_tokenizer *tk, const uint8_t *p, size_t n,
                    struct ue_buf *text, struct ue_tokens *tok,
                    struct ue_seq *seq)
{
	ue_buf_reset(text);
	if (ue_text_normalise((const char *)p, n, text) ||
	    ue_tokenize(tk, ue_buf_str(text), text->len, "en", tok) ||
	    ue_seq_build(seq, tok, 2))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t cut = nul ? (size_t)(nul - data) : size / 2;
	struct ue_tokenizer *tk;
	struct ue_aligner *al;
	if (ue_tokenizer_new(&tk) || ue_aligner_new(&al))
		abort();
	struct ue_buf ta = UE_BUF_INIT, tb = UE_BUF_INIT;
	struct ue_tokens ka, kb;
	struct ue_seq sa, sb;
	ue_tokens_init(&ka);
	ue_tokens_init(&kb);
	ue_seq_init(&sa);
	ue_seq_init(&sb);
	prepare(tk, data, cut, &ta, &ka, &sa);
	prepare(tk, data + cut + (nul != NULL), size - cut - (nul != NULL), &tb,
	        &kb, &sb);
	struct ue_align_params p;
	ue_align_params_default(&p);
	p.min_evidence = 2;   /* report small passages too */
	p.min_run = 2;
	struct ue_passages ps = {0};
	if (ue_align(al, &sa, &sb, &p, &ps))
		abort();
	for (size_t i = 0; i < ps.n; i++) {
		const struct ue_passage *x = &ps.v[i];
		if (x->a_start >= x->a_end || x->a_end > ta.len ||
		    x->b_start >= x->b_end || x->b_end > tb.len ||
		    x->score <= 0 || x->score > 1 ||
		    (i && x->b_first <= ps.v[i - 1].b_last)) {
			fprintf(stderr, "bad passage %zu: a %u-%u of %zu, b %u-%u of "
			        "%zu, score %g, b tokens %u-%u (previous ends %u)\n",
			        i, x->a_start, x->a_end, ta.len, x->b_start, x->b_end,
			        tb.len, x->score, x->b_first, x->b_last,
			        i ? ps.v[i - 1].b_last : 0);
			abort();
		}
	}
	ue_passages_release(&ps);
	ue_seq_release(&sa);
	ue_seq_release(&sb);
	ue_tokens_release(&ka);
	ue_tokens_release(&kb);
	ue_buf_release(&ta);
	ue_buf_release(&tb);
	ue_aligner_free(al);
	ue_tokenizer_free(tk);
	return 0;
}
