/*
 * entities.c - entity aliases and their mentions; see entities.h.
 *
 * Each alias is tokenised once with the same tokenizer as the texts and
 * kept as the sequence of its tokens' keys (a hash of the folded word; see
 * word_key()).  An index from the first key to the aliases that start
 * with it, longest first, makes finding the mentions one hash probe per
 * token of the text.
 */
#include "claims/entities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "common/builtin.h"

#define MAX_FIELDS 8
#define MAX_FILE (16u << 20)
#define MAX_WORD 300             /* bytes of a word that is folded */


struct alias {
	uint64_t first;              /* the key of its first token */
	uint32_t entity;
	uint32_t key;                /* offset of its keys in set->keys */
	uint32_t seq;                /* order of loading: later wins ties */
	uint8_t ntok;
	uint8_t exact;               /* keys[key + ntok ..] hold exact-case
	                              * keys too */
	uint8_t keep_end;            /* a mention ends where its last token
	                              * does, particle and all ("김정은") */
};

struct slot {
	uint64_t key;
	uint32_t first, count;       /* aliases in set->al; count 0: empty */
};

struct ue_entities {
	struct ue_entity *e;
	char **parent_id;            /* while loading */
	size_t ne, e_alloc;
	struct alias *al;
	size_t nal, al_alloc;
	uint64_t *keys;
	size_t nkeys, keys_alloc;
	size_t naliases;             /* alias strings accepted */
	struct slot *tab;
	size_t tab_mask;
	struct ue_tokenizer *tk;     /* while loading */
	struct ue_tokens toks;
};

static const char *const kind_names[] = {
	"country", "government", "organisation", "person", "place"};

const char *ue_entity_kind_name(unsigned kind)
{
	return kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] :
	       "";
}

static int kind_of(const char *s)
{
	for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
		if (!strcmp(s, kind_names[k]))
			return (int)k;
	if (!strcmp(s, "organization"))
		return UE_ENTITY_ORGANISATION;
	return -1;
}

/* ---- word keys ---- */

/* Cyrillic letters an inflection may end with. */
static int cyr_ending(int32_t c)
{
	switch (c) {
	case 0x430: case 0x435: case 0x438: case 0x439: case 0x43E:
	case 0x443: case 0x44B: case 0x44C: case 0x44E: case 0x44F:
	case 0x43C: case 0x445: case 0x432: case 0x433: case 0x456:
		return 1;
	}
	return 0;
}

/* p, n without a trailing possessive: "Korea's", "Korea’s", "forces'". */
static size_t strip_possessive(const char *p, size_t n)
{
	if (n > 2 && p[n - 2] == '\'' && (p[n - 1] == 's' || p[n - 1] == 'S'))
		return n - 2;
	if (n > 4 && !memcmp(p + n - 4, "\u2019", 3) &&
	    (p[n - 1] == 's' || p[n - 1] == 'S'))
		return n - 4;
	if (n > 2 && p[n - 1] == '\'' && p[n - 2] == 's')
		return n - 1;
	if (n > 4 && !memcmp(p + n - 3, "\u2019", 3) && p[n - 4] == 's')
		return n - 3;
	return n;
}

/*
 * The key of token i: a hash of the word case-folded (ё as е), without a
 * possessive, and for Cyrillic without up to three letters of inflection
 * while four remain.  Korean and Chinese/Japanese tokens use their form
 * (particles removed).  With exact, the hash of the word as written
 * (possessive dropped).
 */
static uint64_t word_key(const char *text, const struct ue_tokens *t, size_t i,
                         int exact)
{
	const struct ue_token *k = &t->tok[i];
	if (k->flags & (UE_TOK_HANGUL | UE_TOK_CJK))
		return k->hash;
	const char *p = text + k->start;
	size_t n = strip_possessive(p, k->end - k->start);
	if (exact || n > MAX_WORD)
		return XXH3_64bits(p, n);
	char buf[4 * MAX_WORD];
	size_t cpend[MAX_WORD + 1];    /* byte end of each code point in buf */
	size_t bn = 0, ncp = 0;
	int cyr = 0;
	for (size_t j = 0; j < n;) {
		unsigned char c = (unsigned char)p[j];
		if (c < 0x80) {
			buf[bn++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			j++;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)p + j,
			                                      (utf8proc_ssize_t)(n - j), &cp);
			if (r <= 0) {
				buf[bn++] = (char)c;
				j++;
			} else {
				j += (size_t)r;
				cp = utf8proc_tolower(cp);
				if (cp == 0x451)
					cp = 0x435;
				if (cp >= 0x400 && cp <= 0x4FF)
					cyr = 1;
				bn += (size_t)utf8proc_encode_char(cp,
				                                   (utf8proc_uint8_t *)buf + bn);
			}
		}
		cpend[ncp++] = bn;
	}
	if (cyr) {
		for (int strip = 0; strip < 3 && ncp > 4; strip++) {
			size_t from = cpend[ncp - 2];
			utf8proc_int32_t cp;
			if (utf8proc_iterate((const utf8proc_uint8_t *)buf + from,
			                     (utf8proc_ssize_t)(bn - from), &cp) <= 0 ||
			    !cyr_ending(cp))
				break;
			bn = from;
			ncp--;
		}
	}
	return XXH3_64bits(buf, bn);
}

/* ---- loading ---- */

static uint32_t find_id(const struct ue_entities *set, const char *id)
{
	for (size_t i = 0; i < set->ne; i++)
		if (!strcmp(set->e[i].id, id))
			return (uint32_t)i;
	return UE_ENTITY_NONE;
}

uint32_t ue_entities_index(const struct ue_entities *set, const char *id)
{
	return id ? find_id(set, id) : UE_ENTITY_NONE;
}

/* The language whose tokenizer rules fit alias s: by its script. */
static const char *alias_lang(const char *s)
{
	const char *lang = "en";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == 0xEA || *p == 0xEB || *p == 0xEC || *p == 0xED)
			return "ko";
		if (*p == 0xE3)
			lang = "ja";     /* kana */
		else if ((*p == 0xE4 || *p == 0xE5 || *p == 0xE6 || *p == 0xE7 ||
		          *p == 0xE8 || *p == 0xE9) && strcmp(lang, "ja"))
			lang = "zh";
		else if ((*p == 0xD0 || *p == 0xD1) && !strcmp(lang, "en"))
			lang = "ru";
	}
	return lang;
}

/* Short ASCII aliases and all-capital ones match with their case. */
static int exact_case(const char *s)
{
	size_t letters = 0, lowers = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80)
			return 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			letters++;
		if (*p >= 'a' && *p <= 'z')
			lowers++;
	}
	return letters && (letters <= 3 || (letters <= 5 && !lowers));
}

/* The key of token i of an alias; with whole, a Korean word's whole
 * surface rather than its form, for a name the tokenizer takes a particle
 * off ("김정은" → "김정", while "김정은과" → "김정은"). */
static uint64_t alias_key(const char *s, const struct ue_tokens *t, size_t i,
                          int whole)
{
	const struct ue_token *k = &t->tok[i];
	if (whole && (k->flags & UE_TOK_HANGUL))
		return XXH3_64bits(s + k->start, k->end - k->start);
	return word_key(s, t, i, 0);
}

/* Token i of an alias is a Korean word the tokenizer shortened. */
static int shortened(const struct ue_tokens *t, size_t i)
{
	const struct ue_token *k = &t->tok[i];
	return (k->flags & UE_TOK_HANGUL) && k->form_len != k->end - k->start;
}

static ue_status add_variant(struct ue_entities *set, uint32_t entity,
                             const char *buf, int exact, int whole);

static ue_status add_alias(struct ue_entities *set, uint32_t entity,
                           const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n || n > 256)
		return UE_OK;
	char buf[260];
	memcpy(buf, s, n);
	buf[n] = '\0';
	ue_status st = ue_tokenize(set->tk, buf, n, alias_lang(buf), &set->toks);
	if (st)
		return st;
	size_t nt = set->toks.n;
	if (!nt || nt > UE_ENTITY_MAX_ALIAS_TOKENS)
		return UE_OK;
	int exact = exact_case(buf);
	int whole = 0;
	for (size_t i = 0; i < nt; i++)
		whole |= shortened(&set->toks, i);
	st = add_variant(set, entity, buf, exact, 0);
	if (!st && whole)
		st = add_variant(set, entity, buf, exact, 1);
	if (!st)
		set->naliases++;
	return st;
}

/* Adds alias buf, tokenised in set->toks, with its keys. */
static ue_status add_variant(struct ue_entities *set, uint32_t entity,
                             const char *buf, int exact, int whole)
{
	size_t nt = set->toks.n;
	size_t need = exact ? 2 * nt : nt;
	if (set->nkeys + need > set->keys_alloc) {
		size_t na = set->keys_alloc ? set->keys_alloc * 2 : 1024;
		while (na < set->nkeys + need)
			na *= 2;
		uint64_t *nk = realloc(set->keys, na * sizeof *nk);
		if (!nk)
			return UE_ENOMEM;
		set->keys = nk;
		set->keys_alloc = na;
	}
	if (set->nal == set->al_alloc) {
		size_t na = set->al_alloc ? set->al_alloc * 2 : 256;
		struct alias *nal = realloc(set->al, na * sizeof *nal);
		if (!nal)
			return UE_ENOMEM;
		set->al = nal;
		set->al_alloc = na;
	}
	struct alias *a = &set->al[set->nal];
	a->entity = entity;
	a->key = (uint32_t)set->nkeys;
	a->seq = (uint32_t)set->nal;
	a->ntok = (uint8_t)nt;
	a->exact = (uint8_t)exact;
	a->keep_end = (uint8_t)(!whole && shortened(&set->toks, nt - 1));
	for (size_t i = 0; i < nt; i++)
		set->keys[set->nkeys++] = alias_key(buf, &set->toks, i, whole);
	if (exact)
		for (size_t i = 0; i < nt; i++)
			set->keys[set->nkeys++] = word_key(buf, &set->toks, i, 1);
	a->first = set->keys[a->key];
	set->nal++;
	return UE_OK;
}

/* Adds each ";"-separated alias of list; short ASCII aliases in lower case
 * (as countries.tsv writes "uk", "usa") are taken in upper case. */
static ue_status add_aliases(struct ue_entities *set, uint32_t entity,
                             const char *list, int upper_short)
{
	while (list && *list) {
		const char *semi = strchr(list, ';');
		size_t n = semi ? (size_t)(semi - list) : strlen(list);
		ue_status st;
		if (upper_short && n <= 5) {
			char up[8];
			size_t m = 0, letters = 0;
			int ascii = 1;
			for (size_t i = 0; i < n; i++) {
				unsigned char c = (unsigned char)list[i];
				if (c >= 0x80)
					ascii = 0;
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
					letters++;
				up[m++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
			}
			st = add_alias(set, entity, ascii && letters <= 4 ? up : list, n);
		} else if (memchr(list, ',', n) || memchr(list, '(', n)) {
			st = UE_OK;   /* "korea, republic of": a list form, not text */
		} else {
			st = add_alias(set, entity, list, n);
		}
		if (st)
			return st;
		list = semi ? semi + 1 : NULL;
	}
	return UE_OK;
}

static char *dup(const char *s)
{
	size_t n = strlen(s);
	char *d = malloc(n + 1);
	if (d)
		memcpy(d, s, n + 1);
	return d;
}

/* A line of a table split at tabs (in place). */
struct row {
	char *f[MAX_FIELDS];
	size_t n;
};

static void split(char *line, struct row *r)
{
	r->n = 0;
	char *p = line;
	for (;;) {
		char *tab = strchr(p, '\t');
		if (r->n < MAX_FIELDS)
			r->f[r->n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	for (size_t i = 0; i < r->n; i++) {
		size_t n = strlen(r->f[i]);
		while (n && (r->f[i][n - 1] == '\r' || r->f[i][n - 1] == ' '))
			r->f[i][--n] = '\0';
		while (*r->f[i] == ' ')
			r->f[i]++;
	}
}

static const char *field(const struct row *r, int col)
{
	return col >= 0 && (size_t)col < r->n && *r->f[col] ? r->f[col] : NULL;
}

/* A slug of name for the id of a country: "North Korea" → "north-korea". */
static void slug(const char *name, char *out, size_t cap)
{
	size_t n = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < cap;
	     p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80) {
			if (dash && n)
				out[n++] = '-';
			dash = 0;
			out[n++] = (char)*p;
		} else if (*p >= 'A' && *p <= 'Z') {
			if (dash && n)
				out[n++] = '-';
			dash = 0;
			out[n++] = (char)(*p + 32);
		} else if (*p != '\'') {
			dash = 1;
		}
	}
	out[n] = '\0';
}

static void set_err(char *err, size_t errlen, const char *source,
                    size_t line, const char *reason, const char *what)
{
	if (err && errlen)
		snprintf(err, errlen, "%s:%zu: %s%s%s%s", source, line, reason,
		         what ? " '" : "", what ? what : "", what ? "'" : "");
}

/* The aliases sorted by first key, longest first, later loaded first. */
static int by_first(const void *pa, const void *pb)
{
	const struct alias *a = pa, *b = pb;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->ntok != b->ntok)
		return a->ntok > b->ntok ? -1 : 1;
	return a->seq > b->seq ? -1 : a->seq < b->seq;
}

static ue_status build_index(struct ue_entities *set)
{
	qsort(set->al, set->nal, sizeof *set->al, by_first);
	size_t distinct = 0;
	for (size_t i = 0; i < set->nal; i++)
		if (!i || set->al[i].first != set->al[i - 1].first)
			distinct++;
	size_t size = 16;
	while (size < 2 * distinct + 1)
		size *= 2;
	struct slot *tab = calloc(size, sizeof *tab);
	if (!tab)
		return UE_ENOMEM;
	for (size_t i = 0; i < set->nal;) {
		uint64_t k = set->al[i].first;
		size_t j = i;
		while (j < set->nal && set->al[j].first == k)
			j++;
		size_t h = (size_t)k & (size - 1);
		while (tab[h].count)
			h = (h + 1) & (size - 1);
		tab[h].key = k;
		tab[h].first = (uint32_t)i;
		tab[h].count = (uint32_t)(j - i);
		i = j;
	}
	free(set->tab);
	set->tab = tab;
	set->tab_mask = size - 1;
	return UE_OK;
}

static ue_status grow_entities(struct ue_entities *set)
{
	if (set->ne < set->e_alloc)
		return UE_OK;
	size_t na = set->e_alloc ? set->e_alloc * 2 : 256;
	struct ue_entity *ne = realloc(set->e, na * sizeof *ne);
	if (!ne)
		return UE_ENOMEM;
	set->e = ne;
	char **np = realloc(set->parent_id, na * sizeof *np);
	if (!np)
		return UE_ENOMEM;
	set->parent_id = np;
	set->e_alloc = na;
	return UE_OK;
}

/* Names seen in a table, with their lines. */
struct names {
	char **s;
	size_t *line;
	size_t n, alloc;
};

static ue_status note(struct names *ns, const char *s, const char *source,
                      size_t line)
{
	(void)source;
	if (ns->n == ns->alloc) {
		size_t na = ns->alloc ? ns->alloc * 2 : 64;
		char **s2 = realloc(ns->s, na * sizeof *s2);
		if (!s2)
			return UE_ENOMEM;
		ns->s = s2;
		size_t *l2 = realloc(ns->line, na * sizeof *l2);
		if (!l2)
			return UE_ENOMEM;
		ns->line = l2;
		ns->alloc = na;
	}
	if (!(ns->s[ns->n] = dup(s)))
		return UE_ENOMEM;
	ns->line[ns->n++] = line;
	return UE_OK;
}

static int has(const struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (!strcmp(ns->s[i], s))
			return 1;
	return 0;
}

static void names_release(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->s[i]);
	free(ns->s);
	free(ns->line);
}

/* Loads rows; countries selects the columns of countries.tsv. */
static ue_status load(struct ue_entities *set, const char *data, size_t len,
                      const char *source, int countries, char *err,
                      size_t errlen)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return UE_ENOMEM;
	memcpy(copy, data, len);
	copy[len] = '\0';
	ue_status st = UE_OK;
	int c_id = -1, c_name = -1, c_kind = -1, c_country = -1, c_parent = -1,
	    c_alias = -1, header = 0;

	/* pass 1: check every row; pass 2: apply */
	struct names ids = {0}, parents = {0};
	for (int pass = 1; pass <= 2 && !st; pass++) {
		if (pass == 2) {
			/* every parent is known or defined in this table */
			for (size_t i = 0; i < parents.n && !st; i++)
				if (find_id(set, parents.s[i]) == UE_ENTITY_NONE &&
				    !has(&ids, parents.s[i])) {
					set_err(err, errlen, source, parents.line[i],
					        "unknown parent", parents.s[i]);
					st = UE_EFORMAT;
				}
			if (st)
				break;
		}
		char *p = copy;
		size_t line = 0;
		header = 0;
		while (p < copy + len && !st) {
			char *nl = memchr(p, '\n', (size_t)(copy + len - p));
			char *end = nl ? nl : copy + len;
			char save = *end;
			*end = '\0';
			line++;
			char buf[4096];
			size_t ln = (size_t)(end - p);
			char *text = p;
			p = nl ? nl + 1 : copy + len;
			if (!ln || text[0] == '#' || (ln == 1 && text[0] == '\r')) {
				*end = save;
				continue;
			}
			if (ln >= sizeof buf) {
				set_err(err, errlen, source, line, "line too long", NULL);
				st = UE_EFORMAT;
				*end = save;
				break;
			}
			memcpy(buf, text, ln + 1);
			*end = save;
			struct row r;
			split(buf, &r);
			if (!header) {
				header = 1;
				for (size_t c = 0; c < r.n; c++) {
					const char *h = r.f[c];
					if (!strcmp(h, countries ? "code" : "id"))
						c_id = (int)c;
					else if (!strcmp(h, "name"))
						c_name = (int)c;
					else if (!strcmp(h, "kind"))
						c_kind = (int)c;
					else if (!strcmp(h, "country"))
						c_country = (int)c;
					else if (!strcmp(h, "parent"))
						c_parent = (int)c;
					else if (!strcmp(h, "aliases"))
						c_alias = (int)c;
				}
				if (c_id < 0 || c_name < 0 || (!countries && c_kind < 0)) {
					set_err(err, errlen, source, line,
					        "the header must name the columns id, name and kind",
					        NULL);
					st = UE_EFORMAT;
				}
				continue;
			}
			const char *id = field(&r, c_id), *name = field(&r, c_name);
			const char *kind = field(&r, c_kind);
			const char *country = field(&r, c_country);
			const char *parent = field(&r, c_parent);
			const char *aliases = field(&r, c_alias);
			char idbuf[128];
			int k = UE_ENTITY_COUNTRY;
			if (countries) {
				if (!id || strlen(id) != 2 || !name)
					continue;
				country = id;
				slug(name, idbuf, sizeof idbuf);
				id = idbuf;
				kind = NULL;
				parent = NULL;
			}
			if (!id) {
				set_err(err, errlen, source, line, "no id", NULL);
				st = UE_EFORMAT;
				break;
			}
			if (kind && (k = kind_of(kind)) < 0) {
				set_err(err, errlen, source, line, "unknown kind", kind);
				st = UE_EFORMAT;
				break;
			}
			uint32_t idx = find_id(set, id);
			if (idx == UE_ENTITY_NONE && !countries && (!name || !kind)) {
				set_err(err, errlen, source, line,
				        "a new entity needs a name and a kind", NULL);
				st = UE_EFORMAT;
				break;
			}
			if (country && strlen(country) != 2) {
				set_err(err, errlen, source, line,
				        "country is not a two-letter code", country);
				st = UE_EFORMAT;
				break;
			}
			if (pass == 1) {
				if (!countries && (st = note(&ids, id, NULL, 0)) == UE_OK &&
				    parent)
					st = note(&parents, parent, source, line);
				continue;
			}
			/* pass 2 */
			if (idx == UE_ENTITY_NONE) {
				if ((st = grow_entities(set)))
					break;
				struct ue_entity *e = &set->e[set->ne];
				memset(e, 0, sizeof *e);
				e->id = dup(id);
				e->name = dup(name);
				e->parent = UE_ENTITY_NONE;
				set->parent_id[set->ne] = NULL;
				if (!e->id || !e->name) {
					free((char *)e->id);
					free((char *)e->name);
					st = UE_ENOMEM;
					break;
				}
				idx = (uint32_t)set->ne++;
			} else if (name) {
				char *nn = dup(name);
				if (!nn) {
					st = UE_ENOMEM;
					break;
				}
				free((char *)set->e[idx].name);
				set->e[idx].name = nn;
			}
			struct ue_entity *e = &set->e[idx];
			if (kind || countries)
				e->kind = (uint8_t)k;
			if (country) {
				e->country[0] = (char)(country[0] & ~0x20);
				e->country[1] = (char)(country[1] & ~0x20);
				e->country[2] = '\0';
			}
			if (parent) {
				char *pp = dup(parent);
				if (!pp) {
					st = UE_ENOMEM;
					break;
				}
				free(set->parent_id[idx]);
				set->parent_id[idx] = pp;
			}
			if (name)
				st = add_alias(set, idx, name, strlen(name));
			if (!st)
				st = add_aliases(set, idx, aliases, countries);
		}
	}
	free(copy);
	names_release(&ids);
	names_release(&parents);
	if (st)
		return st;
	for (size_t i = 0; i < set->ne; i++)
		if (set->parent_id[i]) {
			uint32_t pi = find_id(set, set->parent_id[i]);
			set->e[i].parent = pi == (uint32_t)i ? UE_ENTITY_NONE : pi;
		}
	return build_index(set);
}

ue_status ue_entities_add(struct ue_entities *set, const char *data,
                          size_t len, const char *source, char *err,
                          size_t errlen)
{
	if (!set || (!data && len))
		return UE_EINVAL;
	if (len > MAX_FILE)
		return UE_ELIMIT;
	int own = !set->tk;
	if (own) {
		ue_status st = ue_tokenizer_new(&set->tk);
		if (st)
			return st;
	}
	ue_status st = load(set, data ? data : "", len, source ? source : "entities",
	                    0, err, errlen);
	if (own) {
		ue_tokenizer_free(set->tk);
		set->tk = NULL;
	}
	return st;
}

ue_status ue_entities_add_file(struct ue_entities *set, const char *path,
                               char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (err && errlen)
			snprintf(err, errlen, "%s: cannot open", path);
		return UE_EIO;
	}
	char *data = malloc(MAX_FILE + 1);
	if (!data) {
		fclose(f);
		return UE_ENOMEM;
	}
	size_t n = fread(data, 1, MAX_FILE + 1, f);
	int bad = ferror(f);
	fclose(f);
	ue_status st;
	if (bad) {
		if (err && errlen)
			snprintf(err, errlen, "%s: cannot read", path);
		st = UE_EIO;
	} else if (n > MAX_FILE) {
		if (err && errlen)
			snprintf(err, errlen, "%s: larger than 16 MiB", path);
		st = UE_ELIMIT;
	} else {
		st = ue_entities_add(set, data, n, path, err, errlen);
	}
	free(data);
	return st;
}


ue_status ue_entities_new(struct ue_entities **out, char *err, size_t errlen)
{
	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	struct ue_entities *set = calloc(1, sizeof *set);
	if (!set)
		return UE_ENOMEM;
	ue_tokens_init(&set->toks);
	ue_status st = ue_tokenizer_new(&set->tk);
	const struct ue_builtin_file *f = ue_builtin_find("countries.tsv");
	if (!st && f)
		st = load(set, f->data, f->len, "countries.tsv", 1, err, errlen);
	f = ue_builtin_find("entities.tsv");
	if (!st && f)
		st = load(set, f->data, f->len, "entities.tsv", 0, err, errlen);
	ue_tokenizer_free(set->tk);
	set->tk = NULL;
	if (!st && !set->tab)
		st = build_index(set);
	if (st) {
		ue_entities_free(set);
		return st;
	}
	*out = set;
	return UE_OK;
}

void ue_entities_free(struct ue_entities *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->ne; i++) {
		free((char *)set->e[i].id);
		free((char *)set->e[i].name);
		free(set->parent_id[i]);
	}
	free(set->e);
	free(set->parent_id);
	free(set->al);
	free(set->keys);
	free(set->tab);
	ue_tokenizer_free(set->tk);
	ue_tokens_release(&set->toks);
	free(set);
}

size_t ue_entities_count(const struct ue_entities *set)
{
	return set ? set->ne : 0;
}

size_t ue_entities_alias_count(const struct ue_entities *set)
{
	return set ? set->naliases : 0;
}

const struct ue_entity *ue_entities_get(const struct ue_entities *set,
                                        size_t i)
{
	return set && i < set->ne ? &set->e[i] : NULL;
}

/* ---- finding mentions ---- */

void ue_entity_mentions_init(struct ue_entity_mentions *ms)
{
	memset(ms, 0, sizeof *ms);
}

void ue_entity_mentions_release(struct ue_entity_mentions *ms)
{
	free(ms->m);
	free(ms->scratch);
	memset(ms, 0, sizeof *ms);
}

/* Tokens a and a + 1 may be two words of one name: one sentence, and only
 * spaces, a hyphen or a dot between them. */
static int joined(const char *text, const struct ue_tokens *t, size_t a)
{
	const struct ue_token *x = &t->tok[a], *y = &t->tok[a + 1];
	if (x->sentence != y->sentence)
		return 0;
	size_t n = y->start - x->end;
	if (!n)
		return (x->flags & UE_TOK_CJK) || (y->flags & UE_TOK_CJK);
	if (n > 4)
		return 0;
	for (size_t i = x->end; i < y->start; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c != ' ' && c != '-' && c != '.' && c != 0xC2 && c != 0xA0)
			return 0;
	}
	return 1;
}

static const struct slot *lookup(const struct ue_entities *set, uint64_t key)
{
	if (!set->tab)
		return NULL;
	size_t h = (size_t)key & set->tab_mask;
	while (set->tab[h].count) {
		if (set->tab[h].key == key)
			return &set->tab[h];
		h = (h + 1) & set->tab_mask;
	}
	return NULL;
}

ue_status ue_entities_find(const struct ue_entities *set, const char *text,
                           size_t len, const struct ue_tokens *t,
                           struct ue_entity_mentions *out)
{
	out->n = 0;
	if (!set || !t || !t->n || !text)
		return UE_OK;
	(void)len;
	if (t->n > out->scratch_alloc) {
		uint64_t *ns = realloc(out->scratch, t->n * sizeof *ns);
		if (!ns)
			return UE_ENOMEM;
		out->scratch = ns;
		out->scratch_alloc = t->n;
	}
	uint64_t *keys = out->scratch;
	for (size_t i = 0; i < t->n; i++)
		keys[i] = word_key(text, t, i, 0);
	for (size_t i = 0; i < t->n; i++) {
		const struct slot *sl = lookup(set, keys[i]);
		if (!sl)
			continue;
		const struct alias *hit = NULL;
		for (uint32_t c = 0; c < sl->count && !hit; c++) {
			const struct alias *a = &set->al[sl->first + c];
			if (i + a->ntok > t->n)
				continue;
			const uint64_t *ak = set->keys + a->key;
			size_t j;
			for (j = 1; j < a->ntok; j++)
				if (keys[i + j] != ak[j] || !joined(text, t, i + j - 1))
					break;
			if (j < a->ntok)
				continue;
			if (a->exact) {
				for (j = 0; j < a->ntok; j++)
					if (word_key(text, t, i + j, 1) != ak[a->ntok + j])
						break;
				if (j < a->ntok)
					continue;
			}
			hit = a;
		}
		if (!hit)
			continue;
		if (out->n == out->alloc) {
			size_t na = out->alloc ? out->alloc * 2 : 32;
			struct ue_entity_mention *nm = realloc(out->m, na * sizeof *nm);
			if (!nm) {
				out->n = 0;
				return UE_ENOMEM;
			}
			out->m = nm;
			out->alloc = na;
		}
		size_t last = i + hit->ntok - 1;
		struct ue_entity_mention *m = &out->m[out->n++];
		m->start = t->tok[i].start;
		/* without a possessive or Korean particle */
		const struct ue_token *lt = &t->tok[last];
		m->end = lt->start + (uint32_t)strip_possessive(text + lt->start,
		                                                lt->end - lt->start);
		if (!hit->keep_end && (lt->flags & UE_TOK_HANGUL) &&
		    lt->form_len < lt->end - lt->start &&
		    !memcmp(text + lt->start, ue_token_form(t, last), lt->form_len))
			m->end = lt->start + lt->form_len;
		m->entity = hit->entity;
		i = last;
	}
	return UE_OK;
}
