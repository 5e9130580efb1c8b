/*
 * token.h - the text layer of SPEC §4.1: tokens with their byte spans in
 * the stored text, case-folded and stemmed forms, stop words, and
 * sentences.  A tokenizer holds per-thread state (ICU break iterators,
 * Snowball stemmers, caches): use one per thread.
 */
#ifndef UE_TOKEN_H
#define UE_TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

enum {
	UE_TOK_STOP = 1,     /* a stop word of the text's language */
	UE_TOK_NUMBER = 2,   /* digits (with separators: 12,000  3.5) */
	UE_TOK_CJK = 4,      /* from dictionary segmentation (zh, ja) */
	UE_TOK_HANGUL = 8,   /* a Korean token (stem: particles removed) */
};

struct ue_token {
	uint32_t start, end;  /* byte span in the text */
	uint32_t sentence;    /* index of its sentence */
	uint32_t form;        /* offset of its form in ue_tokens.forms */
	uint32_t form_len;
	uint32_t flags;       /* UE_TOK_* */
	uint64_t hash;        /* XXH3-64 of the form */
};

struct ue_span {
	uint32_t start, end;
};

/* The result of tokenising one text.  Reuse it between calls; release it
 * with ue_tokens_release(). */
struct ue_tokens {
	struct ue_token *tok;
	size_t n, alloc;
	char *forms;          /* the forms, NUL-separated */
	size_t forms_len, forms_alloc;
	struct ue_span *sent; /* sentence spans, in order */
	size_t nsent, sent_alloc;
};

void ue_tokens_init(struct ue_tokens *t);
void ue_tokens_release(struct ue_tokens *t);

/* The form of token i: case-folded (Unicode full case folding, marks
 * kept), then stemmed where Snowball has a stemmer for the language.
 * Owned by t. */
static inline const char *ue_token_form(const struct ue_tokens *t, size_t i)
{
	return t->forms + t->tok[i].form;
}

struct ue_tokenizer;

ue_status ue_tokenizer_new(struct ue_tokenizer **out);
void ue_tokenizer_free(struct ue_tokenizer *tk);

/*
 * Tokenises text (valid UTF-8, len bytes) written in lang (an ISO 639-1
 * code, or NULL/"und" when unknown: the script then decides) into out,
 * replacing its contents, and splits it into sentences.  Word tokens are
 * letters/digits runs (with inner apostrophes and hyphens kept for Latin
 * and Cyrillic: "don't", "twenty-one"; numbers with , . separators as one
 * token); punctuation is not a token.  Chinese and Japanese runs are
 * segmented with ICU's dictionary word break; Korean words keep their
 * stem with common particles removed (e.g. 북한은 → 북한).
 * Sentence splitting survives abbreviations (Mr. Dr. U.S. Jan. etc.),
 * initials (J. R. R. Tolkien), decimals (3.5), and closing quotes.
 */
ue_status ue_tokenize(struct ue_tokenizer *tk, const char *text, size_t len,
                      const char *lang, struct ue_tokens *out);

/* Non-zero when form (a case-folded word) is a stop word of lang. */
int ue_stopword(const char *lang, const char *form, size_t len);

#endif
