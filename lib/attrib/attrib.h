/*
 * attrib.h - attribution relations (SPEC §4.4): who is said to have said,
 * claimed, reported or believed what, as byte spans of the stored text.
 *
 * Each relation has a source ("Defence officials"), a cue ("said",
 * "according to", "citing") and a content (what was said).  Cues are found
 * by a small scoring model over each word and its neighbours (weights in
 * data/attrib/cue-en.tsv, derived from annotated news by eval/polnear.py
 * --derive) and by fixed lexicons for Russian and Korean; sources and
 * contents by the shape of the sentence around the cue, quotations
 * included.  An extractor holds per-thread state: use one per thread.
 */
#ifndef UE_ATTRIB_H
#define UE_ATTRIB_H

#include <stddef.h>
#include <stdint.h>
#include "text/token.h"

/* How the statement is attributed (struct ue_attribution.kind). */
enum ue_attrib_kind {
	UE_ATTRIB_SAID = 0,      /* a reporting verb: said, claimed, warned */
	UE_ATTRIB_ACCORDING_TO,  /* according to X, по словам X, X에 따르면 */
	UE_ATTRIB_CITING,        /* citing X, со ссылкой на X */
	UE_ATTRIB_TOLD,          /* X told reporters / Y */
	UE_ATTRIB_QUOTE,         /* a quotation whose speaker is named nearby
	                            (cue empty: the speaker is in resolved);
	                            only with UE_ATTRIB_QUOTES */
	UE_ATTRIB_HEDGE,         /* reportedly, allegedly: no source */
	UE_ATTRIB_STATE,         /* an internal state: thinks, believes, wants */
	UE_ATTRIB_OTHER,         /* any other cue: a report, a statement */
	UE_ATTRIB_NKINDS
};

/* What the source is (struct ue_attribution.source_kind). */
enum ue_source_kind {
	UE_SOURCE_NONE = 0,      /* unattributed (reportedly) */
	UE_SOURCE_PERSON,        /* a named person: Haley Morris */
	UE_SOURCE_ORG,           /* a named organisation: the Pentagon, KCNA */
	UE_SOURCE_ANONYMOUS,     /* officials, a source familiar with ... */
	UE_SOURCE_PRONOUN,       /* he, she, they */
	UE_SOURCE_NOMINAL,       /* a description: the agency, the ministry */
	UE_SOURCE_NKINDS
};

struct ue_attribution {
	uint32_t source_start, source_end;   /* 0,0 when there is no source */
	uint32_t cue_start, cue_end;         /* 0,0 for UE_ATTRIB_QUOTE */
	uint32_t content_start, content_end;
	/* For a pronoun or description ("he", "the agency") or a quotation
	 * without a cue: the named source it most likely refers to (the
	 * nearest preceding named source or sentence subject of a compatible
	 * kind); else 0,0. */
	uint32_t resolved_start, resolved_end;
	uint8_t kind;          /* enum ue_attrib_kind */
	uint8_t source_kind;   /* enum ue_source_kind */
	uint8_t hedged;        /* 1: reportedly, allegedly, unconfirmed,
	                          could not be independently verified ... */
};

/* The relations of one text, in order of their cues.  Reuse it between
 * calls; release it with ue_attributions_release(). */
struct ue_attributions {
	struct ue_attribution *v;
	size_t n, alloc;
};

void ue_attributions_init(struct ue_attributions *a);
void ue_attributions_release(struct ue_attributions *a);

/* Hard limits: longer texts fail with UE_ELIMIT; at most this many
 * relations are kept per text (the rest are dropped silently). */
#define UE_ATTRIB_MAX_TEXT (64u << 20)
#define UE_ATTRIB_MAX_RELATIONS 65536u

struct ue_attrib;

/* A new extractor, with its model loaded.  UE_ENOMEM, or UE_EFORMAT when
 * the built-in model is damaged. */
ue_status ue_attrib_new(struct ue_attrib **out);
void ue_attrib_free(struct ue_attrib *ax);

/* Options of an extractor (none by default). */
enum {
	/* Also report quotations that stand as sentences of their own,
	 * taken by no other relation, as UE_ATTRIB_QUOTE with their speaker
	 * in resolved: the source of the relation just before them (or of
	 * the one right after).  Off by default: annotated news (PolNeAR)
	 * counts such a quotation as part of the content of the relation
	 * before it, and as separate relations they cost 0.016 content F1
	 * there (0.783 to 0.767 on train). */
	UE_ATTRIB_QUOTES = 1,
};
void ue_attrib_set_flags(struct ue_attrib *ax, unsigned flags);

/*
 * Extracts the attribution relations of text (valid UTF-8, NFC, LF line
 * endings; len bytes) written in lang (ISO 639-1 code: "en", NULL, ""
 * and "und" are read as English, "ru" and "ko" have their own cues, any
 * other language gives no relations) into out, replacing its contents.  tok may hold the tokens of exactly this
 * text from ue_tokenize() (saves tokenising twice); when NULL the
 * extractor tokenises the text itself.  Fails with UE_ELIMIT for texts
 * over UE_ATTRIB_MAX_TEXT, UE_EINVAL for a bad argument, UE_ENOMEM; out is
 * then empty.
 */
ue_status ue_attrib_extract(struct ue_attrib *ax, const char *text,
                            size_t len, const char *lang,
                            const struct ue_tokens *tok,
                            struct ue_attributions *out);

/*
 * For deriving the cue model: calls fn once for each word of text outside
 * quotations with its byte span and the names of its features, the same
 * features that ue_attrib_extract() scores.  fn returns non-zero to stop
 * (the result is then UE_ECANCELLED).  The feature strings are owned by
 * the extractor and valid during the call only.
 */
typedef int (*ue_attrib_feature_fn)(void *ctx, uint32_t start, uint32_t end,
                                    const char *const *feat, size_t nfeat);
ue_status ue_attrib_features(struct ue_attrib *ax, const char *text,
                             size_t len, const char *lang,
                             const struct ue_tokens *tok,
                             ue_attrib_feature_fn fn, void *ctx);

/* Short lower-case names for JSON ("said", "according-to", ...; "person",
 * "anonymous", ...); "unknown" for values out of range. */
const char *ue_attrib_kind_name(unsigned kind);
const char *ue_source_kind_name(unsigned kind);

#endif
