/*
 * stance.h - the stance of a document towards a claim (SPEC §4.6,
 * dissent): does the body agree with the claim, disagree with it (deny,
 * debunk, call it false), discuss it without taking a side, or is it
 * unrelated to it?
 *
 * Two small logistic models over features of the pair: the first decides
 * related or unrelated from the overlap of the claim's words and bigrams
 * with the body, its lead and its best-matching sentences; the second
 * chooses agree, disagree or discuss from refuting, hedging, confirming
 * and negation cues in the claim and in the body sentences that match the
 * claim best.  Weights are in data/stance/model.tsv (embedded at build
 * time), fitted on FNC-1 by eval/fnc1.py --derive.  The cues are English;
 * other languages get the overlap features only.  A classifier holds
 * per-thread state (a tokenizer, buffers): use one per thread.
 */
#ifndef UE_STANCE_H
#define UE_STANCE_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

/* The labels, in the order of ue_stance_result.score. */
enum ue_stance_label {
	UE_STANCE_AGREE = 0,
	UE_STANCE_DISAGREE,
	UE_STANCE_DISCUSS,
	UE_STANCE_UNRELATED,
	UE_STANCE_NLABELS
};

struct ue_stance_result {
	uint8_t label;        /* enum ue_stance_label */
	/* Probability of each label (they sum to 1): score[UE_STANCE_AGREE]
	 * ... score[UE_STANCE_UNRELATED]. */
	double score[UE_STANCE_NLABELS];
	/* The body sentence that most supports the label, as a byte span of
	 * body (for disagree: the matched sentence with the strongest refuting
	 * cue); 0,0 for unrelated or when the body has no sentence. */
	uint32_t passage_start, passage_end;
};

/* Hard limits: a longer claim or body fails with UE_ELIMIT.  Only the
 * first UE_STANCE_MAX_SENTENCES sentences of a body are read. */
#define UE_STANCE_MAX_CLAIM (64u << 10)
#define UE_STANCE_MAX_BODY (16u << 20)
#define UE_STANCE_MAX_SENTENCES 4096u

struct ue_stance;

/* A new classifier with its model loaded.  UE_ENOMEM, or UE_EFORMAT when
 * the built-in model is damaged. */
ue_status ue_stance_new(struct ue_stance **out);
void ue_stance_free(struct ue_stance *st);

/*
 * Classifies the stance of body (body_len bytes) towards claim (claim_len
 * bytes), both valid UTF-8 (NFC, LF: stored texts), written in lang (ISO
 * 639-1; NULL, "" and "und" are read as English).  Fills *out.  Fails with
 * UE_EINVAL for a bad argument, UE_ELIMIT for a claim or body over the
 * limits, UE_ENOMEM; *out is then unrelated with all scores 0.
 */
ue_status ue_stance_classify(struct ue_stance *st, const char *claim,
                             size_t claim_len, const char *body,
                             size_t body_len, const char *lang,
                             struct ue_stance_result *out);

/*
 * For fitting the model: calls fn once with the names and values of the
 * features of the pair, the same that ue_stance_classify() scores.  The
 * strings are owned by the classifier and valid during the call only.
 * Fails as ue_stance_classify() does; UE_ECANCELLED when fn returns
 * non-zero.
 */
typedef int (*ue_stance_feature_fn)(void *ctx, const char *const *name,
                                    const double *value, size_t n);
ue_status ue_stance_features(struct ue_stance *st, const char *claim,
                             size_t claim_len, const char *body,
                             size_t body_len, const char *lang,
                             ue_stance_feature_fn fn, void *ctx);

/* "agree", "disagree", "discuss", "unrelated"; "unknown" out of range. */
const char *ue_stance_label_name(unsigned label);

#endif
