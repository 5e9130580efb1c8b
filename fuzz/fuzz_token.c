/*
 * fuzz_token.c - tokenizer and sentence splitter.  The first byte chooses
 * the language (en, ru, ko, zh, ja, fr or unknown); the rest is the text,
 * tokenised as given (the tokenizer must survive invalid UTF-8) and after
 * ue_text_normalise() (the valid UTF-8 it is meant for).  The quotation
 * finder (quotes.h) reads the same texts.  Checks the span invariants and
 * aborts when one fails.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "common/buf.h"
#include "text/normalise.h"
#include "text/quotes.h"
#include "text/token.h"

static const char *const langs[] = {"en", "ru", "ko", "zh", "ja", "fr", NULL};

static struct ue_tokenizer *tk;   /* kept between inputs, like its caches */

static void check(const char *text, size_t len, const struct ue_tokens *t)
{
	for (size_t i = 0; i < t->nsent; i++) {
		const struct ue_span *s = &t->sent[i];
		if (s->start >= s->end || s->end > len ||
		    (i && s->start < t->sent[i - 1].end))
			abort();
	}
	if (t->n && !t->nsent)
		abort();
	for (size_t i = 0; i < t->n; i++) {
		const struct ue_token *k = &t->tok[i];
		if (k->start >= k->end || k->end > len || k->end - k->start > 256)
			abort();
		if (i && (k->start < t->tok[i - 1].end ||
		          k->sentence < t->tok[i - 1].sentence))
			abort();
		if (k->sentence >= t->nsent ||
		    k->start < t->sent[k->sentence].start ||
		    k->end > t->sent[k->sentence].end)
			abort();
		if (!k->form_len || (size_t)k->form + k->form_len >= t->forms_len)
			abort();
		const char *form = ue_token_form(t, i);
		if (strlen(form) != k->form_len ||
		    XXH3_64bits(form, k->form_len) != k->hash)
			abort();
		unsigned char c = (unsigned char)text[k->start];
		if (c == ' ' || c == '\n' || c == '\t')
			abort();
	}
}

/* Quotations lie in the text, in order, without overlapping, and
 * ue_quotes_overlap() counts no more than the span asked about. */
static void check_quotes(const char *text, size_t len)
{
	struct ue_quotes q;
	ue_quotes_init(&q);
	ue_status st = ue_quotes_find(text, len, len & 1 ? UE_QUOTES_SINGLE : 0,
	                              &q);
	if (st != UE_OK && st != UE_ENOMEM)
		abort();
	for (size_t i = 0; st == UE_OK && i < q.n; i++) {
		const struct ue_quote *x = &q.v[i];
		if (!(x->open < x->start && x->start < x->end &&
		      x->end <= x->close && x->close <= len))
			abort();
		if (i && x->open < q.v[i - 1].close)
			abort();
	}
	uint32_t half = (uint32_t)(len / 2);
	if (st == UE_OK && (ue_quotes_overlap(&q, 0, (uint32_t)len) > len ||
	                    ue_quotes_overlap(&q, half, (uint32_t)len) >
	                    len - half))
		abort();
	ue_quotes_release(&q);
}

static void run(const char *text, size_t len, const char *lang)
{
	check_quotes(text, len);
	struct ue_tokens t;
	ue_tokens_init(&t);
	ue_status st = ue_tokenize(tk, text, len, lang, &t);
	if (st == UE_OK)
		check(text, len, &t);
	else if (st != UE_ENOMEM)
		abort();
	ue_tokens_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!tk && ue_tokenizer_new(&tk))
		return 0;
	const char *lang = langs[data[0] % (sizeof langs / sizeof *langs)];
	const char *text = (const char *)data + 1;
	size--;
	run(text, size, lang);
	struct ue_buf b;
	ue_buf_init(&b, 1 << 22);
	if (ue_text_normalise(text, size, &b) == UE_OK) {
		if (!ue_utf8_valid(ue_buf_str(&b), b.len))
			abort();
		run(ue_buf_str(&b), b.len, lang);
	}
	ue_buf_release(&b);
	if (ue_stopword(lang, text, size > 8 ? 8 : size) < 0)
		abort();
	return 0;
}
