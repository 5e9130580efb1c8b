/*
 * fuzz_stance.c - the stance classifier.  The first byte chooses the
 * language (en, ru or unknown); the rest is split at its first NUL byte
 * (or in the middle when there is none) into a claim and a body, each
 * normalised (the classifier takes stored texts: valid UTF-8, NFC, LF).
 * Checks that the label is known, the scores are probabilities that sum to
 * one, and the passage lies in the body on character boundaries; aborts
 * when not.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "stance/stance.h"
#include "text/normalise.h"

static const char *const langs[] = {"en", "ru", NULL};

static struct ue_stance *st;   /* kept between inputs, like its buffers */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!st && ue_stance_new(&st))
		return 0;
	const char *lang = langs[data[0] % (sizeof langs / sizeof *langs)];
	const char *rest = (const char *)data + 1;
	size_t n = size - 1;
	const char *nul = memchr(rest, 0, n);
	size_t split = nul ? (size_t)(nul - rest) : n / 2;
	size_t after = nul ? split + 1 : split;
	struct ue_buf c, b;
	ue_buf_init(&c, 1 << 20);
	ue_buf_init(&b, 1 << 22);
	if (ue_text_normalise(rest, split, &c) == UE_OK &&
	    ue_text_normalise(rest + after, n - after, &b) == UE_OK) {
		const char *claim = c.len ? ue_buf_str(&c) : "";
		const char *body = b.len ? ue_buf_str(&b) : "";
		struct ue_stance_result r;
		ue_status s = ue_stance_classify(st, claim, c.len, body, b.len,
		                                 lang, &r);
		if (s != UE_OK && s != UE_ENOMEM && s != UE_ELIMIT)
			abort();
		if (s == UE_OK) {
			double sum = 0;
			for (int k = 0; k < UE_STANCE_NLABELS; k++) {
				if (!(r.score[k] >= 0 && r.score[k] <= 1))
					abort();
				sum += r.score[k];
			}
			if (fabs(sum - 1) > 1e-6 || r.label >= UE_STANCE_NLABELS)
				abort();
			if (r.passage_start || r.passage_end) {
				if (r.passage_start >= r.passage_end ||
				    r.passage_end > b.len)
					abort();
				if (((unsigned char)body[r.passage_start] & 0xC0) == 0x80)
					abort();
				if (r.passage_end < b.len &&
				    ((unsigned char)body[r.passage_end] & 0xC0) == 0x80)
					abort();
			}
		}
	}
	ue_buf_release(&c);
	ue_buf_release(&b);
	return 0;
}
