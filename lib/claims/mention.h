/*
 * mention.h - the claim mentions of one text: the statements the claims
 * stage clusters into claims (SPEC §4.4).
 *
 * A mention is either the content of an attribution ("North Korea has
 * decided to send about 12,000 troops" in "... NIS said") or, where no
 * attribution covers it, a sentence that asserts something checkable: a
 * quantity, or at least two entities in one of the first three sentences.  Each carries what clustering
 * compares (its signature: entities, quantities, content terms and
 * polarity) and what origin resolution needs (its source as written, and
 * the kind of source).  Mentions are stored per text as one blob.
 */
#ifndef UE_MENTION_H
#define UE_MENTION_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

struct ue_tokens;
struct ue_attributions;
struct ue_quantities;

#define UE_MENTION_MAX_ENTITIES 8
#define UE_MENTION_MAX_QUANTITIES 3
#define UE_MENTION_MAX_TERMS 24
#define UE_MENTION_MAX_SOURCE 96    /* bytes of the source kept */
#define UE_MENTIONS_PER_TEXT 256

/* A quantity as compared: its range, qualifier and object class. */
struct ue_mention_qty {
	double lo, hi;
	uint64_t object;       /* object class key; 0 when none */
	uint8_t qualifier;     /* enum ue_qualifier */
};

struct ue_mention {
	uint32_t start, end;           /* the statement */
	uint32_t sent_start, sent_end; /* the sentence it is in */
	int32_t attribution;           /* its attribution's index; -1 none */
	int8_t polarity;               /* 1 asserts, -1 denies */
	uint8_t source_kind;           /* enum ue_source_kind */
	uint8_t hedged;
	uint8_t nentity, nqty, nterm;
	char source[UE_MENTION_MAX_SOURCE + 1];  /* as written, or "" */
	uint64_t entity[UE_MENTION_MAX_ENTITIES]; /* entity keys, sorted */
	struct ue_mention_qty qty[UE_MENTION_MAX_QUANTITIES];
	uint64_t term[UE_MENTION_MAX_TERMS];     /* content term hashes,
	                                            sorted */
};

struct ue_mentions {
	struct ue_mention *m;
	size_t n, alloc;
};

void ue_mentions_init(struct ue_mentions *ms);
void ue_mentions_release(struct ue_mentions *ms);

/* An entity found in the text: its span and a key naming the entity
 * (the same for all its aliases, in every language). */
struct ue_entity_span {
	uint32_t start, end;
	uint64_t key;
	uint8_t person;        /* the entity is a person */
};

/* The key of the entity with this id (stable across runs and builds). */
uint64_t ue_entity_key(const char *id);

/* What one text gives to find its mentions. */
struct ue_mention_input {
	const char *text;
	size_t len;
	const char *lang;
	const struct ue_tokens *tok;
	const struct ue_attributions *attrib;
	const struct ue_quantities *qty;
	const struct ue_entity_span *entity;   /* in text order */
	size_t nentity;
};

/* Replaces out with the mentions of the text, in text order (at most
 * UE_MENTIONS_PER_TEXT). */
ue_status ue_mentions_find(const struct ue_mention_input *in,
                           struct ue_mentions *out);

/* Serialises the mentions into a blob (*out to free()), and back;
 * unpacking fails with UE_EFORMAT on a damaged blob. */
ue_status ue_mentions_pack(const struct ue_mentions *ms, unsigned char **out,
                           size_t *len);
ue_status ue_mentions_unpack(struct ue_mentions *ms,
                             const unsigned char *blob, size_t len);

#endif
