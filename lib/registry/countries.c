/* countries.c - country names to ISO 3166 alpha-2 codes, from the
 * built-in data/countries.tsv; see registry.h. */
#include "registry/registry.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry/table.h"

struct entry {
	char *name;         /* lower case */
	const char *code;   /* points into codes */
};

static struct entry *entries;
static size_t nentries;
static char (*codes)[3];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
	              ((const struct entry *)b)->name);
}

static char *lower(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return out;
}

static void add(const char *name, size_t n, const char *code)
{
	while (n && isspace((unsigned char)*name)) {
		name++;
		n--;
	}
	while (n && isspace((unsigned char)name[n - 1]))
		n--;
	if (!n)
		return;
	struct entry *e = realloc(entries, (nentries + 1) * sizeof *e);
	if (!e)
		return;
	entries = e;
	entries[nentries].name = lower(name, n);
	entries[nentries].code = code;
	if (entries[nentries].name)
		nentries++;
}

static void load(void)
{
	size_t len;
	const char *data = ue_builtin_data("countries.tsv", &len);
	struct ue_table t;
	char err[64];
	if (!data || ue_table_parse(&t, data, len, NULL, NULL, err, sizeof err))
		return;
	int c_code = ue_table_column(&t, "code");
	int c_name = ue_table_column(&t, "name");
	int c_alias = ue_table_column(&t, "aliases");
	codes = calloc(t.rows ? t.rows : 1, sizeof *codes);
	if (!codes) {
		ue_table_release(&t);
		return;
	}
	for (size_t r = 0; r < t.rows; r++) {
		const char *code = ue_table_get(&t, r, c_code);
		if (!code || strlen(code) != 2)
			continue;
		memcpy(codes[r], code, 3);
		add(code, 2, codes[r]);
		const char *name = ue_table_get(&t, r, c_name);
		if (name)
			add(name, strlen(name), codes[r]);
		for (const char *a = ue_table_get(&t, r, c_alias); a && *a; ) {
			size_t n = strcspn(a, ";");
			add(a, n, codes[r]);
			a += n + (a[n] == ';');
		}
	}
	ue_table_release(&t);
	if (nentries > 1)
		qsort(entries, nentries, sizeof *entries, by_name);
}

/* Looks up the first n bytes of name, trimmed and lower-cased. */
static const char *lookup(const char *name, size_t n)
{
	char key[128];
	while (n && isspace((unsigned char)name[n - 1]))
		n--;
	while (n && isspace((unsigned char)*name)) {
		name++;
		n--;
	}
	if (!n || n >= sizeof key)
		return NULL;
	for (size_t i = 0; i < n; i++)
		key[i] = (char)tolower((unsigned char)name[i]);
	key[n] = '\0';
	struct entry probe = {key, NULL};
	struct entry *e = bsearch(&probe, entries, nentries, sizeof *entries,
	                          by_name);
	return e ? e->code : NULL;
}

const char *ue_country_code(const char *name)
{
	pthread_once(&once, load);
	if (!name)
		return NULL;
	const char *code = lookup(name, strlen(name));
	/* Datasets append notes: "usa (44/180 press freedom)", "italy
	 * (vatican city)", "usa|". */
	if (!code)
		code = lookup(name, strcspn(name, "(|"));
	return code;
}
