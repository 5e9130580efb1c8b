/* record.c - field names, aliases and --map renames; see record.h. */
#include "ingest/record.h"

#include "text/normalise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const names[UE_F_COUNT] = {
	"id", "outlet", "url", "title", "author", "published", "language",
	"text",
};

/* SPEC §3.1: the recognised fields and their aliases. */
static const struct {
	const char *key;
	enum ue_field field;
} aliases[] = {
	{"id", UE_F_ID},
	{"outlet", UE_F_OUTLET}, {"source", UE_F_OUTLET},
	{"publisher", UE_F_OUTLET}, {"source_name", UE_F_OUTLET},
	{"url", UE_F_URL}, {"link", UE_F_URL},
	{"title", UE_F_TITLE}, {"headline", UE_F_TITLE},
	{"author", UE_F_AUTHOR}, {"authors", UE_F_AUTHOR},
	{"byline", UE_F_AUTHOR},
	{"published", UE_F_PUBLISHED}, {"date", UE_F_PUBLISHED},
	{"published_at", UE_F_PUBLISHED}, {"pubdate", UE_F_PUBLISHED},
	{"datetime", UE_F_PUBLISHED},
	{"language", UE_F_LANGUAGE}, {"lang", UE_F_LANGUAGE},
	{"text", UE_F_TEXT}, {"body", UE_F_TEXT}, {"content", UE_F_TEXT},
	{"articlebody", UE_F_TEXT}, {"story_text", UE_F_TEXT},
};

const char *ue_field_name(enum ue_field f)
{
	return f < UE_F_COUNT ? names[f] : "?";
}

enum ue_field ue_field_lookup(const char *key, size_t len)
{
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strlen(aliases[i].key) == len &&
		    strncasecmp(aliases[i].key, key, len) == 0)
			return aliases[i].field;
	return UE_F_COUNT;
}

static enum ue_field field_by_name(const char *s, size_t len)
{
	for (int f = 0; f < UE_F_COUNT; f++)
		if (strlen(names[f]) == len && strncasecmp(names[f], s, len) == 0)
			return (enum ue_field)f;
	return UE_F_COUNT;
}

ue_status ue_field_map_parse(struct ue_field_map *map, const char *spec,
                             char *err, size_t errlen)
{
	memset(map, 0, sizeof *map);
	if (!spec)
		return UE_OK;
	const char *p = spec;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		const char *eq = memchr(p, '=', n);
		if (n == 0) {
			p += end ? 1 : 0;
			continue;
		}
		if (!eq || eq == p || eq == p + n - 1) {
			snprintf(err, errlen, "bad --map entry '%.*s': expected "
			         "FIELD=COLUMN", (int)n, p);
			goto fail;
		}
		enum ue_field f = field_by_name(p, (size_t)(eq - p));
		if (f == UE_F_COUNT) {
			snprintf(err, errlen, "bad --map entry '%.*s': unknown "
			         "field '%.*s' (fields: id, outlet, url, title, "
			         "author, published, language, text)", (int)n, p,
			         (int)(eq - p), p);
			goto fail;
		}
		free(map->key[f]);
		map->key[f] = strndup(eq + 1, (size_t)(p + n - eq - 1));
		if (!map->key[f]) {
			ue_field_map_release(map);
			return UE_ENOMEM;
		}
		p += n + (end ? 1 : 0);
	}
	return UE_OK;
fail:
	ue_field_map_release(map);
	return UE_EINVAL;
}

void ue_field_map_release(struct ue_field_map *map)
{
	for (int f = 0; f < UE_F_COUNT; f++) {
		free(map->key[f]);
		map->key[f] = NULL;
	}
}

enum ue_field ue_field_map_lookup(const struct ue_field_map *map,
                                  const char *key, size_t len)
{
	if (map) {
		for (int f = 0; f < UE_F_COUNT; f++)
			if (map->key[f] && strlen(map->key[f]) == len &&
			    strncasecmp(map->key[f], key, len) == 0)
				return (enum ue_field)f;
	}
	enum ue_field f = ue_field_lookup(key, len);
	/* A field renamed by the map is no longer read from its own key. */
	if (map && f != UE_F_COUNT && map->key[f])
		return UE_F_COUNT;
	return f;
}

/* s itself when it is valid UTF-8 without NUL, else its repaired copy in
 * tmp; NULL when out of memory. */
static const char *valid_utf8(const char *s, size_t *n, struct ue_buf *tmp)
{
	if (ue_utf8_valid(s, *n) && !memchr(s, '\0', *n))
		return s;
	if (ue_text_normalise(s, *n, tmp))
		return NULL;
	*n = tmp->len;
	return ue_buf_str(tmp);
}

ue_status ue_record_meta_add(json_t **meta, const char *key, size_t klen,
                             const char *v, size_t vlen)
{
	struct ue_buf kb = UE_BUF_INIT, vb = UE_BUF_INIT;
	ue_status st = UE_ENOMEM;
	key = valid_utf8(key, &klen, &kb);
	v = valid_utf8(v, &vlen, &vb);
	if (key && v && (*meta || (*meta = json_object()))) {
		st = UE_OK;
		if (!json_object_getn(*meta, key, klen)) {
			json_t *s = json_stringn(v, vlen);
			if (json_object_setn_new(*meta, key, klen, s))
				st = UE_ENOMEM;
		}
	}
	ue_buf_release(&kb);
	ue_buf_release(&vb);
	return st;
}
