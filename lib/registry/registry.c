/* registry.c - loading the built-in registries and importing users'
 * outlet and origin files; see registry.h. */
#define _GNU_SOURCE   /* strcasestr */
#include "registry/registry.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "common/buf.h"
#include "common/builtin.h"
#include "ingest/reader.h"
#include "ingest/unwrap.h"
#include "registry/table.h"


const char *ue_builtin_data(const char *name, size_t *len)
{
	for (const struct ue_builtin_file *f = ue_builtin_files; f->name; f++)
		if (strcmp(f->name, name) == 0) {
			*len = f->len;
			return f->data;
		}
	return NULL;
}

static const char *const outlet_types[] = {
	"wire", "state", "public", "private", "government", "think-tank",
	"blog", "other", NULL,
};

static const char *const origin_kinds[] = {
	"intelligence", "military", "government", "official", "wire", "outlet",
	"think-tank", "ngo", "person", "anonymous", NULL,
};

static const char *in_set(const char *const *set, const char *s)
{
	for (; *set; set++)
		if (strcasecmp(*set, s) == 0)
			return *set;
	return NULL;
}

/* An outlet type from the registry's set, or from words that datasets
 * use for it; "other" when nothing fits. */
static const char *outlet_type(const char *s)
{
	static const struct { const char *word; const char *type; } words[] = {
		{"agency", "wire"}, {"state", "state"}, {"public", "public"},
		{"government", "government"}, {"think", "think-tank"},
		{"blog", "blog"},
	};
	if (!s)
		return NULL;
	const char *t = in_set(outlet_types, s);
	if (t)
		return t;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasestr(s, words[i].word))
			return words[i].type;
	return "other";
}

static int flag(const char *s)
{
	if (!s)
		return -1;
	if (!strcasecmp(s, "1") || !strcasecmp(s, "yes") || !strcasecmp(s, "true"))
		return 1;
	if (!strcasecmp(s, "0") || !strcasecmp(s, "no") || !strcasecmp(s, "false"))
		return 0;
	return -1;
}

/* A country cell that says there is none: "unknown", "n/a", "-"... */
static const char *known_value(const char *s)
{
	static const char *const none[] = {"unknown", "n/a", "na", "none",
	                                    "-", "?", NULL};
	return s && in_set(none, s) ? NULL : s;
}

/* Column renames "field=column,..." applied to a table's header. */
static ue_status apply_map(struct ue_table *t, const char *map,
                           char *err, size_t errlen)
{
	for (const char *p = map; p && *p; ) {
		size_t n = strcspn(p, ",");
		const char *eq = memchr(p, '=', n);
		if (!eq || eq == p || eq == p + n - 1) {
			snprintf(err, errlen, "bad --map entry '%.*s': expected "
			         "FIELD=COLUMN", (int)n, p);
			return UE_EINVAL;
		}
		char col[256];
		snprintf(col, sizeof col, "%.*s", (int)(p + n - eq - 1), eq + 1);
		int c = ue_table_column(t, col);
		if (c < 0) {
			snprintf(err, errlen, "--map names column '%.200s', which the "
			         "file does not have", col);
			return UE_EINVAL;
		}
		/* The mapped field gets its own column: add a copy of the cells
		 * under the new name so that one column can feed two fields. */
		char *name = strndup(p, (size_t)(eq - p));
		if (!name)
			return UE_ENOMEM;
		int old = ue_table_column(t, name);
		if (old >= 0 && old != c) {
			free(t->header[old]);
			t->header[old] = strdup("");
		}
		size_t cols = t->cols + 1;
		char **h = realloc(t->header, cols * sizeof *h);
		char **cells = malloc((t->rows * cols + 1) * sizeof *cells);
		if (!h || !cells) {
			free(name);
			free(cells);
			if (h)
				t->header = h;
			return UE_ENOMEM;
		}
		t->header = h;
		t->header[t->cols] = name;
		for (size_t r = 0; r < t->rows; r++) {
			memcpy(cells + r * cols, t->cell + r * t->cols,
			       t->cols * sizeof *cells);
			cells[r * cols + t->cols] = strdup(t->cell[r * t->cols + c]);
		}
		free(t->cell);
		t->cell = cells;
		t->cols = cols;
		p += n + (p[n] == ',');
	}
	return UE_OK;
}

struct importer {
	const char *path;
	const ue_import_options *o;
};

static void bad_row(void *ctx, uint64_t line, const char *reason)
{
	struct importer *im = ctx;
	if (im->o && im->o->on_reject)
		im->o->on_reject(im->o->ctx, im->path, line, reason);
}

static ue_status collect(void *ctx, const char *name, struct ue_reader *r)
{
	(void)name;
	return ue_reader_slurp(r, ctx, 256u << 20);
}

/* Reads a (possibly compressed) registry file into a table. */
static ue_status load_table(struct ue_store *s, struct importer *im,
                            struct ue_table *t)
{
	struct ue_buf all = UE_BUF_INIT;
	char err[256];
	struct ue_unwrap_limits lim = {1u << 30, 1000, NULL};
	ue_status st = ue_unwrap_file(im->path, &lim, collect, &all, err,
	                              sizeof err);
	if (st) {
		ue_store_set_error(s, "%s: %s", im->path,
		                   err[0] ? err : ue_strerror(st));
		ue_buf_release(&all);
		return st;
	}
	st = ue_table_parse(t, ue_buf_str(&all), all.len, bad_row, im, err,
	                    sizeof err);
	ue_buf_release(&all);
	if (!st && (st = apply_map(t, im->o ? im->o->map : NULL, err,
	                           sizeof err)))
		ue_table_release(t);
	if (st)
		ue_store_set_error(s, "%s: %s", im->path, err);
	return st;
}

/* Checks and stores one outlet row; a reason in why when refused. */
static ue_status outlet_row(struct ue_store *s, const struct ue_table *t,
                            size_t r, const char *source, char *why,
                            size_t whylen)
{
	const char *name = ue_table_get(t, r, ue_table_column(t, "name"));
	const char *country = known_value(ue_table_get(t, r,
	                                  ue_table_column(t, "country")));
	const char *domains = ue_table_get(t, r, ue_table_column(t, "domains"));
	if (!name) {
		snprintf(why, whylen, "no outlet name");
		return UE_EFORMAT;
	}
	const char *code = NULL;
	if (country && !(code = ue_country_code(country))) {
		snprintf(why, whylen, "unknown country '%s'", country);
		return UE_EFORMAT;
	}
	/* A name that is a domain (as in domain lists) is one. */
	if (!domains && strchr(name, '.') && !strchr(name, ' '))
		domains = name;
	struct ue_outlet_entry e = {
		.name = name, .domains = domains, .country = code,
		.type = outlet_type(ue_table_get(t, r, ue_table_column(t, "type"))),
		.state_affiliated = flag(ue_table_get(t, r,
		                    ue_table_column(t, "state_affiliated"))),
		.owner = ue_table_get(t, r, ue_table_column(t, "owner")),
		.language = ue_table_get(t, r, ue_table_column(t, "language")),
		.aliases = ue_table_get(t, r, ue_table_column(t, "aliases")),
		.source = source,
	};
	return ue_store_outlet_put(s, &e);
}

static ue_status origin_row(struct ue_store *s, const struct ue_table *t,
                            size_t r, const char *source, char *why,
                            size_t whylen)
{
	const char *id = ue_table_get(t, r, ue_table_column(t, "id"));
	const char *name = ue_table_get(t, r, ue_table_column(t, "name"));
	const char *kind = ue_table_get(t, r, ue_table_column(t, "kind"));
	const char *country = known_value(ue_table_get(t, r,
	                                  ue_table_column(t, "country")));
	const char *rel = ue_table_get(t, r, ue_table_column(t, "reliability"));
	if (!id || !name) {
		snprintf(why, whylen, "an origin needs an id and a name");
		return UE_EFORMAT;
	}
	const char *k = kind ? in_set(origin_kinds, kind) : NULL;
	if (!k) {
		snprintf(why, whylen, "unknown origin kind '%s' (one of "
		         "intelligence, military, government, official, wire, "
		         "outlet, think-tank, ngo, person, anonymous)",
		         kind ? kind : "");
		return UE_EFORMAT;
	}
	const char *code = NULL;
	if (country && !(code = ue_country_code(country))) {
		snprintf(why, whylen, "unknown country '%s'", country);
		return UE_EFORMAT;
	}
	char grade[2] = "F";
	if (rel) {
		if (strlen(rel) != 1 || toupper((unsigned char)rel[0]) < 'A' ||
		    toupper((unsigned char)rel[0]) > 'F') {
			snprintf(why, whylen, "reliability '%s' is not a grade "
			         "from A to F", rel);
			return UE_EFORMAT;
		}
		grade[0] = (char)toupper((unsigned char)rel[0]);
	}
	struct ue_origin_entry e = {
		.id = id, .name = name, .kind = k, .country = code,
		.reliability = grade,
		.aliases = ue_table_get(t, r, ue_table_column(t, "aliases")),
		.source = source,
	};
	return ue_store_origin_put(s, &e);
}

typedef ue_status (*row_fn)(struct ue_store *, const struct ue_table *,
                            size_t, const char *, char *, size_t);

/* Applies every row; refused rows are reported and skipped. */
static ue_status apply_rows(struct ue_store *s, const struct ue_table *t,
                            row_fn fn, const char *source,
                            struct importer *im, uint64_t *count)
{
	for (size_t r = 0; r < t->rows; r++) {
		char why[256] = "";
		ue_status st = fn(s, t, r, source, why, sizeof why);
		if (st == UE_EFORMAT) {
			bad_row(im, t->line[r], why);
			continue;
		}
		if (st)
			return st;
		if (count)
			(*count)++;
	}
	return UE_OK;
}

static ue_status import(struct ue_store *s, const char *path,
                        const ue_import_options *o, row_fn fn,
                        const char *required, uint64_t *count)
{
	struct importer im = {path, o};
	struct ue_table t;
	if (count)
		*count = 0;
	ue_status st = load_table(s, &im, &t);
	if (st)
		return st;
	if (ue_table_column(&t, required) < 0) {
		ue_store_set_error(s, "%s: no '%s' column (use --map %s=COLUMN)",
		                   path, required, required);
		ue_table_release(&t);
		return UE_EFORMAT;
	}
	if (!(st = ue_store_begin(s))) {
		st = apply_rows(s, &t, fn, "import", &im, count);
		if (st)
			ue_store_rollback(s);
		else
			st = ue_store_commit(s);
	}
	ue_table_release(&t);
	return st;
}

ue_status ue_registry_import_outlets(struct ue_store *s, const char *path,
                                     const ue_import_options *o,
                                     uint64_t *count)
{
	return import(s, path, o, outlet_row, "name", count);
}

ue_status ue_registry_import_origins(struct ue_store *s, const char *path,
                                     const ue_import_options *o,
                                     uint64_t *count)
{
	return import(s, path, o, origin_row, "id", count);
}

/* ---- the built-in registries ---- */

static ue_status builtin_table(struct ue_store *s, const char *name,
                               struct ue_table *t)
{
	size_t len;
	const char *data = ue_builtin_data(name, &len);
	char err[128];
	if (!data) {
		ue_store_set_error(s, "built-in %s is missing", name);
		return UE_ENOTFOUND;
	}
	ue_status st = ue_table_parse(t, data, len, NULL, NULL, err, sizeof err);
	if (st)
		ue_store_set_error(s, "built-in %s: %s", name, err);
	return st;
}

static ue_status load_blocs(struct ue_store *s)
{
	struct ue_table t;
	ue_status st = builtin_table(s, "blocs.tsv", &t);
	if (st)
		return st;
	int c = ue_table_column(&t, "country"), b = ue_table_column(&t, "bloc");
	for (size_t r = 0; r < t.rows && !st; r++) {
		const char *country = ue_table_get(&t, r, c);
		const char *bloc = ue_table_get(&t, r, b);
		if (country && bloc)
			st = ue_store_bloc_put(s, country, bloc);
	}
	ue_table_release(&t);
	return st;
}

static ue_status load_builtin(struct ue_store *s, const char *name, row_fn fn)
{
	struct ue_table t;
	ue_status st = builtin_table(s, name, &t);
	if (st)
		return st;
	struct importer im = {name, NULL};
	st = apply_rows(s, &t, fn, "builtin", &im, NULL);
	ue_table_release(&t);
	return st;
}

/* A fingerprint of the built-in data, to notice when it changes. */
static void fingerprint(char out[17])
{
	XXH64_state_t *h = XXH64_createState();
	XXH64_reset(h, 0);
	for (const struct ue_builtin_file *f = ue_builtin_files; f->name; f++)
		XXH64_update(h, f->data, f->len);
	snprintf(out, 17, "%016llx", (unsigned long long)XXH64_digest(h));
	XXH64_freeState(h);
}

ue_status ue_registry_sync(struct ue_store *s)
{
	char want[17];
	fingerprint(want);
	char *have = NULL;
	ue_status st = ue_store_meta_get(s, "builtin_registry", &have);
	int same = have && strcmp(have, want) == 0;
	free(have);
	if (st || same)
		return st;
	if ((st = ue_store_begin(s)))
		return st;
	/* Check again under the write lock: another process may have. */
	if (!(st = ue_store_meta_get(s, "builtin_registry", &have)) &&
	    !(have && strcmp(have, want) == 0)) {
		if (!st)
			st = load_blocs(s);
		if (!st)
			st = load_builtin(s, "outlets.tsv", outlet_row);
		if (!st)
			st = load_builtin(s, "origins.tsv", origin_row);
		if (!st)
			st = ue_store_meta_set(s, "builtin_registry", want);
	}
	free(have);
	if (st) {
		ue_store_rollback(s);
		return st;
	}
	return ue_store_commit(s);
}
