/*
 * entities.h - actors and places with their aliases across languages, so
 * that the claims stage sees that "Pyongyang dispatched some 12,000
 * soldiers" and "North Korea has sent around 12,000 troops" name the same
 * actor (SPEC §4.4).
 *
 * A set is loaded once: every country of data/countries.tsv (its names
 * and aliases), then data/entities.tsv (hand-written: metonyms such as
 * Pyongyang, Kremlin, Washington; governments, armed forces, intelligence
 * services, international organisations, leaders, places; aliases in
 * English, Russian, Ukrainian, Korean, Chinese, Japanese), then any files
 * the user adds.  A row whose id is already there adds its aliases to that
 * entity and replaces its other fields where given, so entities.tsv
 * enriches the countries ("north-korea") and a user's file can enrich
 * either.  Once loaded a set is read-only and may be shared by threads.
 *
 * Matching works on tokens (ue_tokenize) and is the same for the aliases
 * and the text: words are case-folded, a possessive "'s" is dropped
 * ("Pyongyang's"), Korean particles are already gone (북한은 → 북한), and
 * Cyrillic words lose up to three letters of inflection while four remain
 * ("Северной Кореи" = "Северная Корея", "Кремля" = "Кремль").  Short
 * ASCII aliases (three letters or fewer, "US", "UN", "Xi") and all-capital
 * ones of up to five ("NATO", "DPRK") must match with their case.  The
 * longest alias wins; a mention never starts or ends inside a token.
 */
#ifndef UE_ENTITIES_H
#define UE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"
#include "text/token.h"

enum ue_entity_kind {
	UE_ENTITY_COUNTRY = 0,   /* a state, its metonyms included */
	UE_ENTITY_GOVERNMENT,    /* a body of a state: ministry, army, agency */
	UE_ENTITY_ORGANISATION,  /* international or non-state */
	UE_ENTITY_PERSON,
	UE_ENTITY_PLACE,
};

#define UE_ENTITY_NONE UINT32_MAX

struct ue_entity {
	const char *id;          /* slug, unique: "north-korea", "us-dod" */
	const char *name;
	uint8_t kind;            /* enum ue_entity_kind */
	char country[3];         /* ISO 3166-1 alpha-2, "" when none */
	uint32_t parent;         /* index of the parent entity, or
	                          * UE_ENTITY_NONE */
};

struct ue_entity_mention {
	uint32_t start, end;     /* bytes in the text */
	uint32_t entity;         /* index in the set */
};

/* The mentions of one text, in text order, never overlapping.  Reuse
 * between calls; release with ue_entity_mentions_release(). */
struct ue_entity_mentions {
	struct ue_entity_mention *m;
	size_t n, alloc;
	uint64_t *scratch;       /* per-token keys; internal */
	size_t scratch_alloc;
};

#define UE_ENTITY_MAX_ALIAS_TOKENS 8   /* longer aliases are left out */

struct ue_entities;

/*
 * Loads the built-in entities (countries.tsv, then entities.tsv) into a
 * new set.  Returns UE_ENOMEM, or UE_EFORMAT with a message in err
 * ("entities.tsv:12: unknown kind 'x'") when the built-in data is bad.
 */
ue_status ue_entities_new(struct ue_entities **out, char *err, size_t errlen);
void ue_entities_free(struct ue_entities *set);

/*
 * Adds the rows of a tab-separated table (len bytes; a header line naming
 * the columns id, name, kind and optionally country, parent, aliases;
 * lines starting with '#' are comments) to set; source names it in err.
 * A bad row (unknown kind, missing id, a parent that is not there) fails
 * the whole call with UE_EFORMAT and a message "SOURCE:LINE: reason" in
 * err, and leaves set as it was.  Not to be called while another thread
 * uses set.
 */
ue_status ue_entities_add(struct ue_entities *set, const char *data,
                          size_t len, const char *source, char *err,
                          size_t errlen);
/* ue_entities_add() on the contents of the file at path (at most 16 MiB;
 * UE_EIO or UE_ELIMIT otherwise). */
ue_status ue_entities_add_file(struct ue_entities *set, const char *path,
                               char *err, size_t errlen);

/* The number of entities, and entity i (i < count); owned by set. */
size_t ue_entities_count(const struct ue_entities *set);
const struct ue_entity *ue_entities_get(const struct ue_entities *set,
                                        size_t i);
/* The index of the entity with this id, or UE_ENTITY_NONE. */
uint32_t ue_entities_index(const struct ue_entities *set, const char *id);
/* The number of aliases the set matches (variants of one alias count
 * once). */
size_t ue_entities_alias_count(const struct ue_entities *set);

/* "country", "government", "organisation", "person", "place"; "" for an
 * unknown value.  Static. */
const char *ue_entity_kind_name(unsigned kind);

void ue_entity_mentions_init(struct ue_entity_mentions *ms);
void ue_entity_mentions_release(struct ue_entity_mentions *ms);

/*
 * Finds the mentions of set's entities in text (len bytes, the text t was
 * made from by ue_tokenize), replacing the contents of out.  Linear in the
 * tokens.  Returns UE_ENOMEM (out then empty) or UE_OK.
 */
ue_status ue_entities_find(const struct ue_entities *set, const char *text,
                           size_t len, const struct ue_tokens *t,
                           struct ue_entity_mentions *out);

#endif
