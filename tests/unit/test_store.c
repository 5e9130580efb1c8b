/* test_store.c - the SQLite store (lib/store/) through the public handle
 * (include/unecho/unecho.h) and the storage interface (store/store.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>
#include <jansson.h>

#include "unecho/unecho.h"
#include "common/buf.h"
#include "registry/registry.h"
#include "store/store.h"
#include "testlib.h"

/* ---- a temporary database ---- */

static char db[64];

static int db_new(void **state)
{
	(void)state;
	return tl_temp_file(db, sizeof db, "ue-store");
}

static int db_remove(void **state)
{
	(void)state;
	tl_db_remove(db);
	return 0;
}

/* tl_query and tl_check_query (testlib.h) on the test's database. */
static char *query(const char *sql)
{
	return tl_query(db, sql);
}

static void check_query(const char *sql, const char *want)
{
	tl_check_query(db, sql, want);
}

/* ---- result rows (struct tl_rows) ---- */

/* tl_on_row that stops the listing at the second row. */
static int stop_at_two(void *ctx, const char *json, size_t len)
{
	tl_on_row(ctx, json, len);
	return ((struct tl_rows *)ctx)->n == 2;
}

/* ---- the public handle ---- */

static void test_open_new(void **state)
{
	(void)state;
	ue_corpus *c = NULL;
	char err[256] = "";
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	assert_non_null(c);
	assert_string_equal(err, "");
	assert_string_equal(ue_errmsg(c), "");
	assert_int_equal(ue_schema_version(), 5);
	ue_corpus_free(c);
	check_query("PRAGMA user_version", "5\n");
	check_query("PRAGMA journal_mode", "wal\n");
	/* The built-in registries are loaded once, with their fingerprint. */
	char *fp = query("SELECT value FROM meta WHERE key = 'builtin_registry'");
	assert_int_equal(strlen(fp), 17);
	assert_int_equal(strspn(fp, "0123456789abcdef"), 16);
	free(fp);
	check_query("SELECT name, country, type, source FROM outlets"
	            " WHERE name = 'Reuters'", "Reuters|GB|wire|builtin\n");
	check_query("SELECT bloc FROM blocs WHERE country = 'KP'",
	            "North Korean\n");
	ue_corpus_free(NULL);
	assert_string_equal(ue_errmsg(NULL), "");
}

static void test_reopen(void **state)
{
	(void)state;
	struct ue_store *s;
	char err[256];
	assert_int_equal(ue_store_open(db, &s, err, sizeof err), UE_OK);
	assert_int_equal(ue_store_meta_set(s, "test_key", "kept"), UE_OK);
	ue_store_free(s);
	/* The same file again: no migration, the data is there. */
	assert_int_equal(ue_store_open(db, &s, err, sizeof err), UE_OK);
	char *v = NULL;
	assert_int_equal(ue_store_meta_get(s, "test_key", &v), UE_OK);
	assert_string_equal(v, "kept");
	free(v);
	assert_int_equal(ue_store_meta_get(s, "no_such_key", &v), UE_OK);
	assert_null(v);
	assert_int_equal(ue_store_meta_set(s, "test_key", "replaced"), UE_OK);
	assert_int_equal(ue_store_meta_get(s, "test_key", &v), UE_OK);
	assert_string_equal(v, "replaced");
	free(v);
	ue_store_free(s);
	check_query("PRAGMA user_version", "5\n");

	/* Through the public handle, twice: the registry is loaded once. */
	ue_corpus *c;
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	ue_corpus_free(c);
	char *before = query("SELECT count(*) FROM outlets");
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	ue_corpus_free(c);
	check_query("SELECT count(*) FROM outlets", before);
	free(before);
	check_query("SELECT value FROM meta WHERE key = 'test_key'",
	            "replaced\n");
}

static void test_newer_schema(void **state)
{
	(void)state;
	ue_corpus *c = NULL;
	char err[256];
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	ue_corpus_free(c);
	free(query("PRAGMA user_version = 99"));
	c = (ue_corpus *)1;
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_ESCHEMA);
	assert_null(c);
	assert_string_equal(err, "database schema version 99 is newer than "
	                    "this unecho's (5): upgrade unecho");
	/* Without an error buffer. */
	assert_int_equal(ue_corpus_open(db, &c, NULL, 0), UE_ESCHEMA);
}

static void test_open_errors(void **state)
{
	(void)state;
	ue_corpus *c = (ue_corpus *)1;
	char err[256];
	assert_int_equal(ue_corpus_open(NULL, &c, err, sizeof err), UE_EINVAL);
	assert_null(c);
	assert_string_equal(err, "no database path");
	assert_int_equal(ue_corpus_open("/nonexistent/dir/ue.db", &c, err,
	                                sizeof err), UE_EDB);
	assert_null(c);
	assert_string_equal(err, "cannot open database /nonexistent/dir/ue.db: "
	                    "unable to open database file");
	/* Not a database. */
	static const char junk[] = "this is not an SQLite database, but it is "
		"long enough to look like a header of one, which it is not.\n";
	tl_write_file(NULL, db, junk, sizeof junk - 1);
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_EDB);
	assert_null(c);
	char want[256];
	snprintf(want, sizeof want, "cannot open database %s: file is not a "
	         "database", db);
	assert_string_equal(err, want);
}

static void test_stats_empty(void **state)
{
	(void)state;
	ue_corpus *c;
	char err[256];
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	struct tl_rows r = {0};
	assert_int_equal(ue_stats(c, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.row[0], "{\"documents\":0,\"distinct_texts\":0,"
	                    "\"duplicate_groups\":0,\"outlets\":0,\"blocs\":{},"
	                    "\"languages\":{},\"first\":null,\"last\":null,"
	                    "\"undated\":0,\"unknown_outlets\":0,\"bytes\":0}");
	tl_rows_free(&r);
	assert_int_equal(ue_docs(c, NULL, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 0);
	ue_corpus_free(c);
}

static void test_outlets_and_origins(void **state)
{
	(void)state;
	ue_corpus *c;
	char err[256];
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	struct tl_rows r = {0};
	assert_int_equal(ue_outlets(c, tl_on_row, &r), UE_OK);
	assert_true(r.n > 50);
	const char *row = tl_find_row(&r, "{\"name\":\"Reuters\",");
	assert_non_null(row);
	assert_string_equal(row, "{\"name\":\"Reuters\","
	                    "\"domains\":[\"reuters.com\"],\"country\":\"GB\","
	                    "\"bloc\":\"Western\",\"type\":\"wire\","
	                    "\"state_affiliated\":false,"
	                    "\"owner\":\"Thomson Reuters\",\"language\":\"en\","
	                    "\"aliases\":[\"Reuters News\",\"reuters.com\","
	                    "\"Thomson Reuters\"],\"known\":true,"
	                    "\"documents\":0}");
	/* In order of name, case-insensitively. */
	for (size_t i = 1; i < r.n; i++) {
		json_t *a = json_loads(r.row[i - 1], 0, NULL);
		json_t *b = json_loads(r.row[i], 0, NULL);
		assert_true(json_is_object(a) && json_is_object(b));
		assert_true(strcasecmp(json_string_value(json_object_get(a, "name")),
		                       json_string_value(json_object_get(b, "name")))
		            < 0);
		json_decref(a);
		json_decref(b);
	}
	tl_rows_free(&r);

	assert_int_equal(ue_origins_known(c, tl_on_row, &r), UE_OK);
	assert_true(r.n > 10);
	row = tl_find_row(&r, "{\"id\":\"us-white-house\",");
	assert_non_null(row);
	assert_string_equal(row, "{\"id\":\"us-white-house\","
	                    "\"name\":\"The White House\",\"kind\":\"government\","
	                    "\"country\":\"US\",\"reliability\":\"C\","
	                    "\"aliases\":[\"White House\","
	                    "\"White House press secretary\","
	                    "\"White House spokesman\","
	                    "\"White House spokesperson\","
	                    "\"\xd0\x91\xd0\xb5\xd0\xbb\xd1\x8b\xd0\xb9 "
	                    "\xd0\xb4\xd0\xbe\xd0\xbc\","
	                    "\"\xeb\xb0\xb1\xec\x95\x85\xea\xb4\x80\"],"
	                    "\"source\":\"builtin\"}");
	for (size_t i = 1; i < r.n; i++)
		assert_true(strcmp(r.row[i - 1], r.row[i]) < 0);   /* by id */
	tl_rows_free(&r);

	/* A callback that stops the listing. */
	assert_int_equal(ue_outlets(c, stop_at_two, &r), UE_ECANCELLED);
	assert_int_equal(r.n, 2);
	tl_rows_free(&r);
	ue_corpus_free(c);
}

/* ---- the storage interface ---- */

static struct ue_store *store_open(void)
{
	struct ue_store *s;
	char err[256];
	assert_int_equal(ue_store_open(db, &s, err, sizeof err), UE_OK);
	assert_int_equal(ue_registry_sync(s), UE_OK);
	return s;
}

static int64_t resolve(struct ue_store *s, const char *name, const char *url)
{
	int64_t id = -1;
	assert_int_equal(ue_store_outlet_resolve(s, name, url, &id), UE_OK);
	return id;
}

static void test_outlet_resolve(void **state)
{
	(void)state;
	struct ue_store *s = store_open();
	assert_int_equal(ue_store_begin(s), UE_OK);
	int64_t reuters = resolve(s, "Reuters", NULL);
	assert_true(reuters > 0);
	/* By alias, any case; by domain, with or without www and on a
	 * subdomain; the name wins over the URL. */
	assert_int_equal(resolve(s, "thomson reuters", NULL), reuters);
	assert_int_equal(resolve(s, "REUTERS NEWS", NULL), reuters);
	assert_int_equal(resolve(s, NULL, "https://www.reuters.com/world/x"),
	                 reuters);
	assert_int_equal(resolve(s, NULL, "http://uk.reuters.com:80/a?b#c"),
	                 reuters);
	assert_int_equal(resolve(s, "", "https://user@reuters.com/x"), reuters);
	assert_int_equal(resolve(s, "Reuters", "https://example.net/a"),
	                 reuters);
	/* Nothing to go by. */
	assert_int_equal(resolve(s, NULL, NULL), 0);
	assert_int_equal(resolve(s, "", "not a url"), 0);
	assert_int_equal(resolve(s, NULL, "https://localhost/x"), 0);
	/* Unknown: added once as seen, by name or else by host. */
	int64_t gazette = resolve(s, "Gazette of Nowhere", NULL);
	assert_true(gazette > 0 && gazette != reuters);
	assert_int_equal(resolve(s, "gazette of nowhere", NULL), gazette);
	int64_t host = resolve(s, NULL, "https://www.news.example.org/a");
	assert_true(host > 0 && host != gazette);
	assert_int_equal(resolve(s, NULL, "https://news.example.org/b"), host);
	/* A name seen with a URL: the host becomes its alias too. */
	int64_t blog = resolve(s, "Some Blog", "https://someblog.example.com/p");
	assert_int_equal(resolve(s, NULL, "https://someblog.example.com/q"),
	                 blog);
	assert_int_equal(ue_store_commit(s), UE_OK);
	ue_store_free(s);
	check_query("SELECT name, coalesce(domains, '-'), source FROM outlets"
	            " WHERE source = 'seen' ORDER BY id",
	            "Gazette of Nowhere|-|seen\n"
	            "news.example.org|news.example.org|seen\n"
	            "Some Blog|someblog.example.com|seen\n");
}

static void doc_init(struct ue_store_doc *d, const char *id,
                     const char *text)
{
	memset(d, 0, sizeof *d);
	d->id = id;
	d->text = text;
	d->text_len = strlen(text);
	/* Not the real hash: texts are told apart by it. */
	for (size_t i = 0; i < sizeof d->hash && text[i]; i++)
		d->hash[i] = (unsigned char)text[i];
	d->record = 1;
}

static void test_docs(void **state)
{
	(void)state;
	struct ue_store *s = store_open();
	assert_int_equal(ue_store_begin(s), UE_OK);
	struct ue_store_doc d;
	int exists = -1;
	assert_int_equal(ue_store_doc_exists(s, "d1", &exists), UE_OK);
	assert_int_equal(exists, 0);
	doc_init(&d, "d1", "First text.");
	d.outlet_name = "Reuters";
	d.outlet = resolve(s, "Reuters", NULL);
	d.title = "A title";
	d.published = "2024-10-18T06:30:00Z";
	d.published_ts = 1729233000;
	d.language = "en";
	d.meta = "{\"section\":\"world\"}";
	assert_int_equal(ue_store_doc_add(s, &d), UE_OK);
	assert_int_equal(ue_store_doc_exists(s, "d1", &exists), UE_OK);
	assert_int_equal(exists, 1);
	/* Another document with the same text shares its row. */
	doc_init(&d, "d2", "First text.");
	d.url = "https://example.com/x";
	assert_int_equal(ue_store_doc_add(s, &d), UE_OK);
	doc_init(&d, "d3", "Other text");
	d.language = "fr";
	d.language_detected = 1;
	assert_int_equal(ue_store_doc_add(s, &d), UE_OK);
	/* Ids are unique. */
	doc_init(&d, "d3", "First text.");
	assert_int_equal(ue_store_doc_add(s, &d), UE_EDB);
	assert_string_equal(ue_store_errmsg(s), "document insert: UNIQUE "
	                    "constraint failed: documents.id");
	assert_int_equal(ue_store_commit(s), UE_OK);

	struct tl_rows r = {0};
	assert_int_equal(ue_store_docs(s, NULL, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.row[0], "{\"id\":\"d1\",\"outlet\":\"Reuters\","
	        "\"bloc\":\"Western\",\"country\":\"GB\",\"outlet_type\":\"wire\","
	        "\"url\":null,\"title\":\"A title\",\"author\":null,"
	        "\"published\":\"2024-10-18T06:30:00Z\",\"language\":\"en\","
	        "\"bytes\":11,\"dup_group\":1,\"reuse_fraction\":null,"
	        "\"reuse_class\":null,\"reuse_sources\":[],"
	        "\"near_dup_group\":null,\"story\":null}");
	assert_string_equal(r.row[1], "{\"id\":\"d2\",\"outlet\":null,"
	        "\"bloc\":\"unknown\",\"country\":null,\"outlet_type\":null,"
	        "\"url\":\"https://example.com/x\",\"title\":null,"
	        "\"author\":null,\"published\":null,\"language\":null,"
	        "\"bytes\":11,\"dup_group\":1,\"reuse_fraction\":null,"
	        "\"reuse_class\":null,\"reuse_sources\":[],"
	        "\"near_dup_group\":null,\"story\":null}");
	assert_non_null(strstr(r.row[2], "\"bytes\":10,\"dup_group\":null,"));
	tl_rows_free(&r);

	/* Filters: by outlet alias, bloc, id; with the text. */
	ue_doc_filter f = {.outlet = "thomson reuters"};
	assert_int_equal(ue_store_docs(s, &f, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.row[0], "\"id\":\"d1\""));
	tl_rows_free(&r);
	f = (ue_doc_filter){.bloc = "UNKNOWN"};
	assert_int_equal(ue_store_docs(s, &f, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 2);
	tl_rows_free(&r);
	f = (ue_doc_filter){.id = "d3", .with_text = 1};
	assert_int_equal(ue_store_docs(s, &f, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.row[0], ",\"text\":\"Other text\"}"));
	tl_rows_free(&r);

	assert_int_equal(ue_store_stats(s, tl_on_row, &r), UE_OK);
	assert_string_equal(r.row[0], "{\"documents\":3,\"distinct_texts\":2,"
	                    "\"duplicate_groups\":1,\"outlets\":1,"
	                    "\"blocs\":{\"unknown\":2,\"Western\":1},"
	                    "\"languages\":{\"en\":1,\"fr\":1,\"und\":1},"
	                    "\"first\":\"2024-10-18T06:30:00Z\","
	                    "\"last\":\"2024-10-18T06:30:00Z\",\"undated\":2,"
	                    "\"unknown_outlets\":0,\"bytes\":32}");
	tl_rows_free(&r);
	ue_store_free(s);
	check_query("SELECT count(*) FROM texts", "2\n");
	check_query("SELECT id, text, language_detected, meta FROM documents"
	            " ORDER BY doc", "d1|1|0|{\"section\":\"world\"}\n"
	            "d2|1|0|\nd3|2|1|\n");
}

static void test_outlet_put_merges_seen(void **state)
{
	(void)state;
	struct ue_store *s = store_open();
	assert_int_equal(ue_store_begin(s), UE_OK);
	int64_t seen = resolve(s, "Daily Example", "https://dailyexample.com/a");
	struct ue_store_doc d;
	doc_init(&d, "x1", "Some text");
	d.outlet_name = "Daily Example";
	d.outlet = seen;
	assert_int_equal(ue_store_doc_add(s, &d), UE_OK);
	/* The registry learns the outlet under another name, with the name
	 * seen as an alias: the unknown one is merged into it. */
	struct ue_outlet_entry e = {
		.name = "The Daily Example", .aliases = "Daily Example; DE",
		.domains = "dailyexample.com", .country = "FR", .type = "private",
		.state_affiliated = 0, .source = "import",
	};
	assert_int_equal(ue_store_outlet_put(s, &e), UE_OK);
	int64_t known = resolve(s, "Daily Example", NULL);
	assert_true(known != seen);
	assert_int_equal(resolve(s, "DE", NULL), known);
	assert_int_equal(resolve(s, NULL, "https://dailyexample.com/b"), known);
	assert_int_equal(ue_store_commit(s), UE_OK);

	struct tl_rows r = {0};
	assert_int_equal(ue_store_outlets(s, tl_on_row, &r), UE_OK);
	const char *row = tl_find_row(&r, "{\"name\":\"The Daily Example\",");
	assert_non_null(row);
	assert_string_equal(row, "{\"name\":\"The Daily Example\","
	                    "\"domains\":[\"dailyexample.com\"],\"country\":\"FR\","
	                    "\"bloc\":\"Western\",\"type\":\"private\","
	                    "\"state_affiliated\":false,\"owner\":null,"
	                    "\"language\":null,\"aliases\":[\"Daily Example\","
	                    "\"dailyexample.com\",\"DE\"],\"known\":true,"
	                    "\"documents\":1}");
	assert_null(tl_find_row(&r, "{\"name\":\"Daily Example\","));
	tl_rows_free(&r);
	ue_store_free(s);
	check_query("SELECT count(*) FROM outlets WHERE id = 0 + (SELECT outlet"
	            " FROM documents WHERE id = 'x1') AND name = "
	            "'The Daily Example'", "1\n");
	check_query("SELECT outlet_name FROM documents", "Daily Example\n");
}

static void test_outlet_put_import_wins(void **state)
{
	(void)state;
	struct ue_store *s = store_open();
	assert_int_equal(ue_store_begin(s), UE_OK);
	/* An import changes a built-in outlet, named by an alias; the
	 * built-in data does not change it back. */
	struct ue_outlet_entry e = {
		.name = "Thomson Reuters", .country = "US", .owner = "TR",
		.state_affiliated = -1, .source = "import",
	};
	assert_int_equal(ue_store_outlet_put(s, &e), UE_OK);
	struct ue_outlet_entry b = {
		.name = "Reuters", .country = "GB", .owner = "Thomson Reuters",
		.state_affiliated = 0, .source = "builtin",
	};
	assert_int_equal(ue_store_outlet_put(s, &b), UE_OK);
	assert_int_equal(ue_store_commit(s), UE_OK);
	ue_store_free(s);
	check_query("SELECT name, country, owner, state_affiliated, source"
	            " FROM outlets WHERE name = 'Reuters'",
	            "Reuters|US|TR|0|import\n");
}

static void test_ingest_log(void **state)
{
	(void)state;
	struct ue_store *s = store_open();
	assert_int_equal(ue_store_begin(s), UE_OK);
	int64_t f1 = 0, f2 = 0;
	assert_int_equal(ue_store_file_begin(s, "a.jsonl", "jsonl", &f1), UE_OK);
	assert_int_equal(ue_store_file_reject(s, f1, 3, "no text"), UE_OK);
	struct ue_file_counts c = {4, 2, 1, 1};
	assert_int_equal(ue_store_file_update(s, f1, &c, "done", NULL), UE_OK);
	assert_int_equal(ue_store_file_begin(s, "b.tar:x.csv", "csv", &f2),
	                 UE_OK);
	assert_true(f2 == f1 + 1);
	c = (struct ue_file_counts){1, 1, 0, 0};
	assert_int_equal(ue_store_file_update(s, f2, &c, "running", NULL),
	                 UE_OK);
	assert_int_equal(ue_store_commit(s), UE_OK);
	check_query("SELECT path, format, status, records, added, duplicates,"
	            " rejected, finished IS NOT NULL, error FROM ingest_files"
	            " ORDER BY id",
	            "a.jsonl|jsonl|done|4|2|1|1|1|\n"
	            "b.tar:x.csv|csv|running|1|1|0|0|0|\n");
	check_query("SELECT file, line, reason FROM ingest_rejections",
	            "1|3|no text\n");
	/* A file left running was interrupted. */
	assert_int_equal(ue_store_files_interrupted(s), UE_OK);
	check_query("SELECT status FROM ingest_files ORDER BY id",
	            "done\ninterrupted\n");
	char *started = query("SELECT started FROM ingest_files WHERE id = 1");
	assert_int_equal(strlen(started), 21);   /* 2024-10-18T06:30:00Z */
	assert_int_equal(started[10], 'T');
	assert_int_equal(started[19], 'Z');
	free(started);
	ue_store_free(s);
}

static void test_rollback(void **state)
{
	(void)state;
	struct ue_store *s = store_open();
	assert_int_equal(ue_store_begin(s), UE_OK);
	struct ue_store_doc d;
	doc_init(&d, "gone", "Rolled back");
	assert_int_equal(ue_store_doc_add(s, &d), UE_OK);
	assert_int_equal(ue_store_rollback(s), UE_OK);
	int exists = -1;
	assert_int_equal(ue_store_doc_exists(s, "gone", &exists), UE_OK);
	assert_int_equal(exists, 0);
	/* Freeing the store inside a transaction rolls it back. */
	assert_int_equal(ue_store_begin(s), UE_OK);
	assert_int_equal(ue_store_doc_add(s, &d), UE_OK);
	ue_store_free(s);
	check_query("SELECT count(*) FROM documents", "0\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, db_new, db_remove)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_open_new),
		T(test_reopen),
		T(test_newer_schema),
		T(test_open_errors),
		T(test_stats_empty),
		T(test_outlets_and_origins),
		T(test_outlet_resolve),
		T(test_docs),
		T(test_outlet_put_merges_seen),
		T(test_outlet_put_import_wins),
		T(test_ingest_log),
		T(test_rollback),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
