/* test_ingest.c - the ingest driver (lib/ingest/ingest.c) through the
 * public API, over small files written to a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>
#include <zlib.h>

#include "unecho/unecho.h"
#include "common/buf.h"
#include "testlib.h"

/* ---- the test's folder and database ---- */

static char dir[64];      /* input files */
static char db[64];
static ue_corpus *corpus;

static int setup(void **state)
{
	(void)state;
	if (tl_temp_dir(dir, sizeof dir, "ue-ingest") ||
	    tl_temp_file(db, sizeof db, "ue-ingest-db"))
		return -1;
	char err[256];
	return ue_corpus_open(db, &corpus, err, sizeof err) == UE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ue_corpus_free(corpus);
	corpus = NULL;
	tl_remove_tree(dir);
	tl_db_remove(db);
	return 0;
}

/* The path of name in the folder (static, one of four in turn). */
static const char *path(const char *name)
{
	static char buf[4][256];
	static int i;
	char *p = buf[i++ % 4];
	snprintf(p, 256, "%s/%s", dir, name);
	return p;
}

static void write_file(const char *name, const char *data)
{
	tl_write_file(dir, name, data, strlen(data));
}

/* ---- queries ---- */

/* tl_query on the test's database, with the folder's path shown as "D". */
static char *query(const char *sql)
{
	char *rows = tl_query(db, sql);
	struct ue_buf out = UE_BUF_INIT;
	const char *s = rows, *hit;
	while ((hit = strstr(s, dir))) {
		ue_buf_append(&out, s, (size_t)(hit - s));
		ue_buf_putc(&out, 'D');
		s = hit + strlen(dir);
	}
	ue_buf_puts(&out, s);
	free(rows);
	return ue_buf_detach(&out, NULL);
}

static void check_query(const char *sql, const char *want)
{
	char *got = query(sql);
	assert_string_equal(got, want);
	free(got);
}

/* ---- ingesting ---- */

#define MAXREJ 32

struct rejects {
	size_t n;
	char *file[MAXREJ];
	uint64_t line[MAXREJ];
	char *reason[MAXREJ];
};

static struct rejects rej;

static void on_reject(void *ctx, const char *file, uint64_t line,
                      const char *reason)
{
	struct rejects *r = ctx;
	assert_true(r->n < MAXREJ);
	/* The folder's path shown as "D", as in queries. */
	char f[512];
	if (strncmp(file, dir, strlen(dir)) == 0)
		snprintf(f, sizeof f, "D%s", file + strlen(dir));
	else
		snprintf(f, sizeof f, "%s", file);
	r->file[r->n] = strdup(f);
	r->line[r->n] = line;
	r->reason[r->n++] = strdup(reason);
}

static void rej_free(void)
{
	for (size_t i = 0; i < rej.n; i++) {
		free(rej.file[i]);
		free(rej.reason[i]);
	}
	memset(&rej, 0, sizeof rej);
}

/* Rejection i was file:line: reason. */
static void check_rej(size_t i, const char *file, uint64_t line,
                      const char *reason)
{
	assert_true(i < rej.n);
	assert_string_equal(rej.file[i], file);
	assert_int_equal(rej.line[i], line);
	assert_string_equal(rej.reason[i], reason);
}

static ue_status ingest_opts(const char *name, ue_ingest_options *o,
                             ue_ingest_summary *sum)
{
	o->on_reject = on_reject;
	o->ctx = &rej;
	rej_free();
	const char *paths[] = {path(name)};
	return ue_ingest(corpus, paths, 1, o, sum);
}

static ue_status ingest(const char *name, ue_ingest_summary *sum)
{
	ue_ingest_options o = {0};
	return ingest_opts(name, &o, sum);
}

static void check_sum(const ue_ingest_summary *s, uint64_t files,
                      uint64_t failed, uint64_t records, uint64_t added,
                      uint64_t duplicates, uint64_t rejected)
{
	assert_int_equal(s->files, files);
	assert_int_equal(s->files_failed, failed);
	assert_int_equal(s->records, records);
	assert_int_equal(s->added, added);
	assert_int_equal(s->duplicates, duplicates);
	assert_int_equal(s->rejected, rejected);
}

/* ---- listings ---- */

static char *stats(void)
{
	struct tl_rows r = {0};
	assert_int_equal(ue_stats(corpus, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 1);
	return r.row[0];
}

/* Every document, parsed, in ingest order (release with json_decref). */
static json_t *docs(void)
{
	struct tl_rows r = {0};
	assert_int_equal(ue_docs(corpus, NULL, tl_on_row, &r), UE_OK);
	json_t *all = json_array();
	for (size_t i = 0; i < r.n; i++) {
		json_t *d = json_loads(r.row[i], 0, NULL);
		assert_true(json_is_object(d));
		json_array_append_new(all, d);
	}
	tl_rows_free(&r);
	return all;
}

/* A string field of a document, or NULL for null. */
static const char *str(json_t *doc, const char *key)
{
	json_t *v = json_object_get(doc, key);
	assert_non_null(v);
	return json_is_null(v) ? NULL : json_string_value(v);
}

static void check_str(json_t *doc, const char *key, const char *want)
{
	const char *got = str(doc, key);
	if (!want)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

struct find {
	const char *prefix;
	char *found;
};

static int find_row(void *ctx, const char *json, size_t len)
{
	struct find *f = ctx;
	(void)len;
	if (!f->found && strncmp(json, f->prefix, strlen(f->prefix)) == 0)
		f->found = strdup(json);
	return 0;
}

static char *outlet(const char *name)
{
	char prefix[128];
	snprintf(prefix, sizeof prefix, "{\"name\":\"%s\",", name);
	struct find f = {prefix, NULL};
	assert_int_equal(ue_outlets(corpus, find_row, &f), UE_OK);
	return f.found;
}

/* The id derived from a URL, or from outlet, title and text. */
static void url_id(char out[18], const char *url)
{
	snprintf(out, 18, "u%016llx",
	         (unsigned long long)XXH3_64bits(url, strlen(url)));
}

static void content_id(char out[18], const char *outlet, const char *title,
                       const char *text)
{
	XXH3_state_t st;
	XXH3_64bits_reset(&st);
	XXH3_64bits_update(&st, outlet, strlen(outlet) + 1);
	XXH3_64bits_update(&st, title, strlen(title) + 1);
	XXH3_64bits_update(&st, text, strlen(text) + 1);
	snprintf(out, 18, "h%016llx",
	         (unsigned long long)XXH3_64bits_digest(&st));
}

/* ---- tests ---- */

static const char jsonl[] =
	"{\"id\": \"a1\", \"outlet\": \"Reuters\", \"title\": \"One\", "
	"\"text\": \"Alpha text.\", \"language\": \"en\", "
	"\"published\": \"2024-10-18T06:30:00Z\"}\n"
	"{\"id\":\"bad\", \"text\": \"unterminated\n"
	"{\"id\": \"e1\", \"text\": \"   \"}\n"
	"{\"url\": \"https://example.com/news/1\", \"text\": \" Beta text. \", "
	"\"language\": \"en\"}\n"
	"{\"outlet\": \"Gazette of Nowhere\", \"title\": \"Gamma\", "
	"\"text\": \"Gamma text.\", \"language\": \"fr\"}\n"
	"{\"id\": \"a1\", \"text\": \"the same id again\"}\n";

static void test_jsonl(void **state)
{
	(void)state;
	write_file("a.jsonl", jsonl);
	ue_ingest_summary s;
	assert_int_equal(ingest("a.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 6, 3, 1, 2);
	assert_int_equal(s.bytes_text, 11 + 10 + 11);
	assert_int_equal(rej.n, 2);
	check_rej(0, "D/a.jsonl", 2, "invalid JSON at column 35: "
	          "unterminated string");
	check_rej(1, "D/a.jsonl", 3, "no text");

	json_t *all = docs();
	assert_int_equal(json_array_size(all), 3);
	char id[18];
	json_t *d = json_array_get(all, 0);
	check_str(d, "id", "a1");
	check_str(d, "outlet", "Reuters");
	check_str(d, "title", "One");
	check_str(d, "published", "2024-10-18T06:30:00Z");
	check_str(d, "language", "en");
	assert_int_equal(json_integer_value(json_object_get(d, "bytes")), 11);
	/* No id: from the URL... */
	d = json_array_get(all, 1);
	url_id(id, "https://example.com/news/1");
	check_str(d, "id", id);
	check_str(d, "url", "https://example.com/news/1");
	check_str(d, "outlet", "example.com");
	assert_int_equal(json_integer_value(json_object_get(d, "bytes")), 10);
	/* ...else from the content. */
	d = json_array_get(all, 2);
	content_id(id, "Gazette of Nowhere", "Gamma", "Gamma text.");
	check_str(d, "id", id);
	assert_int_equal(id[0], 'h');
	assert_int_equal(strlen(id), 17);
	json_decref(all);

	check_query("SELECT path, format, status, records, added, duplicates,"
	            " rejected, error FROM ingest_files",
	            "D/a.jsonl|jsonl|done|6|3|1|2|\n");
	check_query("SELECT r.file, r.line, r.reason FROM ingest_rejections r"
	            " ORDER BY r.rowid",
	            "1|2|invalid JSON at column 35: unterminated string\n"
	            "1|3|no text\n");
	check_query("SELECT record, ingest_file FROM documents ORDER BY doc",
	            "1|1\n4|1\n5|1\n");
	/* The text is stored normalised (trimmed). */
	check_query("SELECT t.text FROM documents d JOIN texts t"
	            " ON t.id = d.text WHERE d.url IS NOT NULL", "Beta text.\n");
}

static void test_reingest(void **state)
{
	(void)state;
	write_file("a.jsonl", jsonl);
	ue_ingest_summary s;
	assert_int_equal(ingest("a.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 6, 3, 1, 2);
	char *before = stats();
	/* Again: every document is a duplicate, nothing changes. */
	assert_int_equal(ingest("a.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 6, 0, 4, 2);
	assert_int_equal(s.bytes_text, 0);
	char *after = stats();
	assert_string_equal(after, before);
	free(before);
	free(after);
	check_query("SELECT id, status, added, duplicates FROM ingest_files",
	            "1|done|3|1\n2|done|0|4\n");
	assert_int_equal(ue_ingest(corpus, NULL, 0, NULL, NULL), UE_OK);
}

static void test_duplicate_texts(void **state)
{
	(void)state;
	write_file("d.jsonl",
	           "{\"url\": \"https://one.example/a\", \"text\": \"Shared words.\"}\n"
	           "{\"url\": \"https://two.example/b\", \"text\": \"Other words.\"}\n"
	           "{\"url\": \"https://two.example/c\", "
	           "\"text\": \"  Shared words.\\r\\n\"}\n");
	ue_ingest_summary s;
	assert_int_equal(ingest("d.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 3, 3, 0, 0);
	json_t *all = docs();
	json_t *g0 = json_object_get(json_array_get(all, 0), "dup_group");
	json_t *g1 = json_object_get(json_array_get(all, 1), "dup_group");
	json_t *g2 = json_object_get(json_array_get(all, 2), "dup_group");
	/* Normalisation makes the third the same text as the first. */
	assert_true(json_is_integer(g0));
	assert_true(json_equal(g0, g2));
	assert_true(json_is_null(g1));
	json_decref(all);
	char *st = stats();
	assert_non_null(strstr(st, "\"documents\":3,\"distinct_texts\":2,"
	                       "\"duplicate_groups\":1,"));
	free(st);
	check_query("SELECT dup_group, documents, first_doc FROM"
	            " duplicate_groups", "1|2|1\n");
}

static void test_dates(void **state)
{
	(void)state;
	write_file("dates.jsonl",
	           "{\"id\": \"d1\", \"text\": \"x1\", \"date\": \"2024-10-18\"}\n"
	           "{\"id\": \"d2\", \"text\": \"x2\", "
	           "\"pubDate\": \"Fri, 18 Oct 2024 10:00:00 +0900\"}\n"
	           "{\"id\": \"d3\", \"text\": \"x3\", "
	           "\"published\": \"sometime last week\"}\n"
	           "{\"id\": \"d4\", \"text\": \"x4\", \"section\": \"world\", "
	           "\"published\": \"10/11/2024\"}\n"
	           "{\"id\": \"d5\", \"text\": \"x5\", "
	           "\"published\": 1729233000}\n");
	ue_ingest_summary s;
	assert_int_equal(ingest("dates.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 5, 5, 0, 0);
	check_query("SELECT id, published, published_ts, meta FROM documents"
	            " ORDER BY doc",
	            "d1|2024-10-18|1729209600|\n"
	            "d2|2024-10-18T01:00:00Z|1729213200|\n"
	            "d3|||{\"published_raw\":\"sometime last week\"}\n"
	            "d4|||{\"section\":\"world\",\"published_raw\":\"10/11/2024\"}\n"
	            "d5|2024-10-18T06:30:00Z|1729233000|\n");
	char *st = stats();
	assert_non_null(strstr(st, "\"first\":\"2024-10-18\","
	                       "\"last\":\"2024-10-18T06:30:00Z\","
	                       "\"undated\":2,"));
	free(st);
}

static void test_language(void **state)
{
	(void)state;
	write_file("lang.jsonl",
	           "{\"id\": \"l1\", \"text\": \"x\", \"language\": \"English\"}\n"
	           "{\"id\": \"l2\", \"text\": \"x\", \"lang\": \"ru_RU\"}\n"
	           "{\"id\": \"l3\", \"text\": \"The government said on Tuesday "
	           "that the new rules would come into force next month, and "
	           "that they were needed to protect the public from the "
	           "effects of the crisis.\"}\n"
	           "{\"id\": \"l4\", \"text\": \"Le gouvernement a annonc\\u00e9 "
	           "mardi que les nouvelles r\\u00e8gles entreront en vigueur le "
	           "mois prochain, et qu'elles sont n\\u00e9cessaires pour "
	           "prot\\u00e9ger le public.\", \"language\": \"klingon\"}\n"
	           "{\"id\": \"l5\", \"text\": \"ok\"}\n");
	ue_ingest_summary s;
	assert_int_equal(ingest("lang.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 5, 5, 0, 0);
	/* Given and recognised; else detected ("und" when too short). */
	check_query("SELECT id, language, language_detected FROM documents"
	            " ORDER BY doc",
	            "l1|en|0\nl2|ru|0\nl3|en|1\nl4|fr|1\nl5|und|1\n");
}

static void test_outlets(void **state)
{
	(void)state;
	write_file("o.jsonl",
	           "{\"id\": \"o1\", \"outlet\": \"Reuters\", \"text\": \"t1\", "
	           "\"language\": \"en\", \"published\": \"2024-10-18\"}\n"
	           "{\"id\": \"o2\", \"source\": \"thomson reuters\", "
	           "\"text\": \"t2\", \"language\": \"en\"}\n"
	           "{\"id\": \"o3\", \"url\": \"https://www.reuters.com/x\", "
	           "\"text\": \"t3\", \"language\": \"en\"}\n"
	           "{\"id\": \"o4\", \"outlet\": \"Gazette of Nowhere\", "
	           "\"text\": \"t4 t4\", \"language\": \"fr\"}\n"
	           "{\"id\": \"o5\", \"text\": \"t5\", \"language\": \"en\"}\n");
	ue_ingest_summary s;
	assert_int_equal(ingest("o.jsonl", &s), UE_OK);
	check_sum(&s, 1, 0, 5, 5, 0, 0);
	json_t *all = docs();
	static const char *const outlets[] = {
		"Reuters", "Reuters", "Reuters", "Gazette of Nowhere", NULL,
	};
	static const char *const blocs[] = {
		"Western", "Western", "Western", "unknown", "unknown",
	};
	for (size_t i = 0; i < 5; i++) {
		json_t *d = json_array_get(all, i);
		check_str(d, "outlet", outlets[i]);
		check_str(d, "bloc", blocs[i]);
		check_str(d, "country", i < 3 ? "GB" : NULL);
		check_str(d, "outlet_type", i < 3 ? "wire" : NULL);
	}
	json_decref(all);
	/* The name as given is kept. */
	check_query("SELECT coalesce(outlet_name, '-') FROM documents"
	            " ORDER BY doc",
	            "Reuters\nthomson reuters\n-\nGazette of Nowhere\n-\n");

	char *row = outlet("Gazette of Nowhere");
	assert_non_null(row);
	assert_string_equal(row, "{\"name\":\"Gazette of Nowhere\","
	                    "\"domains\":[],\"country\":null,\"bloc\":\"unknown\","
	                    "\"type\":null,\"state_affiliated\":null,"
	                    "\"owner\":null,\"language\":null,\"aliases\":[],"
	                    "\"known\":false,\"documents\":1}");
	free(row);
	row = outlet("Reuters");
	assert_non_null(strstr(row, "\"known\":true,\"documents\":3}"));
	free(row);

	char *st = stats();
	assert_string_equal(st, "{\"documents\":5,\"distinct_texts\":5,"
	                    "\"duplicate_groups\":0,\"outlets\":2,"
	                    "\"blocs\":{\"Western\":3,\"unknown\":2},"
	                    "\"languages\":{\"en\":4,\"fr\":1},"
	                    "\"first\":\"2024-10-18\",\"last\":\"2024-10-18\","
	                    "\"undated\":4,\"unknown_outlets\":1,\"bytes\":13}");
	free(st);

	/* Filtering documents by outlet alias and by bloc. */
	struct tl_rows r = {0};
	ue_doc_filter f = {.outlet = "Thomson Reuters"};
	assert_int_equal(ue_docs(corpus, &f, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 3);
	tl_rows_free(&r);
	f = (ue_doc_filter){.bloc = "unknown", .with_text = 1};
	assert_int_equal(ue_docs(corpus, &f, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 2);
	assert_non_null(strstr(r.row[0], "\"id\":\"o4\""));
	assert_non_null(strstr(r.row[0], "\"text\":\"t4 t4\"}"));
	tl_rows_free(&r);
}

static void test_outlets_import(void **state)
{
	(void)state;
	write_file("o.jsonl",
	           "{\"id\": \"o1\", \"outlet\": \"Gazette of Nowhere\", "
	           "\"text\": \"t1\"}\n"
	           "{\"id\": \"o2\", \"outlet\": \"Gazette of Nowhere\", "
	           "\"text\": \"t2\"}\n");
	ue_ingest_summary s;
	assert_int_equal(ingest("o.jsonl", &s), UE_OK);
	write_file("outlets.csv",
	           "name,country,aliases,type,state_affiliated\n"
	           "Nowhere Gazette,France,Gazette of Nowhere;NG,newspaper,no\n"
	           "Bad Row,Atlantis,,,\n"
	           "Short,FR\n"
	           "\"Quoted, Name\",gb,,news agency,yes\n");
	ue_import_options io = {.on_reject = on_reject, .ctx = &rej};
	rej_free();
	uint64_t count = 99;
	assert_int_equal(ue_outlets_import(corpus, path("outlets.csv"), &io,
	                                   &count), UE_OK);
	assert_int_equal(count, 2);
	assert_int_equal(rej.n, 2);
	check_rej(0, "D/outlets.csv", 4, "expected 5 fields, found 2");
	check_rej(1, "D/outlets.csv", 3, "unknown country 'Atlantis'");

	/* The unknown outlet is merged into the imported one, with its
	 * documents. */
	json_t *all = docs();
	for (size_t i = 0; i < 2; i++) {
		json_t *d = json_array_get(all, i);
		check_str(d, "outlet", "Nowhere Gazette");
		check_str(d, "bloc", "Western");
		check_str(d, "country", "FR");
		check_str(d, "outlet_type", "other");
	}
	json_decref(all);
	char *row = outlet("Nowhere Gazette");
	assert_non_null(row);
	assert_string_equal(row, "{\"name\":\"Nowhere Gazette\","
	                    "\"domains\":[],\"country\":\"FR\","
	                    "\"bloc\":\"Western\",\"type\":\"other\","
	                    "\"state_affiliated\":false,\"owner\":null,"
	                    "\"language\":null,\"aliases\":[\"Gazette of Nowhere\","
	                    "\"NG\"],\"known\":true,\"documents\":2}");
	free(row);
	assert_null(outlet("Gazette of Nowhere"));
	row = outlet("Quoted, Name");
	assert_non_null(row);
	assert_non_null(strstr(row, "\"country\":\"GB\",\"bloc\":\"Western\","
	                       "\"type\":\"wire\",\"state_affiliated\":true,"));
	free(row);
	char *st = stats();
	assert_non_null(strstr(st, "\"unknown_outlets\":0,"));
	free(st);

	/* New documents naming it by its old name go to it. */
	write_file("p.jsonl", "{\"id\": \"o3\", \"outlet\": \"gazette of "
	           "nowhere\", \"text\": \"t3\"}\n");
	assert_int_equal(ingest("p.jsonl", &s), UE_OK);
	row = outlet("Nowhere Gazette");
	assert_non_null(strstr(row, "\"documents\":3}"));
	free(row);
}

static void test_outlets_import_errors(void **state)
{
	(void)state;
	write_file("x.tsv", "source\tcountry\nSome Paper\tUS\n");
	uint64_t count = 99;
	assert_int_equal(ue_outlets_import(corpus, path("x.tsv"), NULL, &count),
	                 UE_EFORMAT);
	assert_int_equal(count, 0);
	char want[256];
	snprintf(want, sizeof want, "%s: no 'name' column (use --map "
	         "name=COLUMN)", path("x.tsv"));
	assert_string_equal(ue_errmsg(corpus), want);
	/* With a map. */
	ue_import_options io = {.map = "name=source"};
	assert_int_equal(ue_outlets_import(corpus, path("x.tsv"), &io, &count),
	                 UE_OK);
	assert_int_equal(count, 1);
	char *row = outlet("Some Paper");
	assert_non_null(row);
	assert_non_null(strstr(row, "\"country\":\"US\""));
	free(row);
	assert_int_equal(ue_outlets_import(corpus, path("missing.csv"), NULL,
	                                   &count), UE_EIO);
	snprintf(want, sizeof want, "%s: No such file or directory",
	         path("missing.csv"));
	assert_string_equal(ue_errmsg(corpus), want);
}

static void test_folder(void **state)
{
	(void)state;
	write_file("in/b.jsonl", "{\"text\": \"from jsonl\"}\n");
	write_file("in/a.csv", "title,text\nCsv title,\"from csv, quoted\"\n");
	write_file("in/sub/c.html",
	           "<html><head><title>Html title</title></head><body>"
	           "<article><p>From html.</p></article></body></html>");
	write_file("in/sub/d.txt", "From plain text.\n");
	write_file("in/.hidden.jsonl", "{\"text\": \"hidden\"}\n");
	write_file("in/sub/.cache/x.jsonl", "{\"text\": \"hidden too\"}\n");
	ue_ingest_summary s;
	assert_int_equal(ingest("in/", &s), UE_OK);
	check_sum(&s, 4, 0, 4, 4, 0, 0);
	check_query("SELECT path, format, status, records FROM ingest_files"
	            " ORDER BY id",
	            "D/in/a.csv|csv|done|1\n"
	            "D/in/b.jsonl|jsonl|done|1\n"
	            "D/in/sub/c.html|html|done|1\n"
	            "D/in/sub/d.txt|text|done|1\n");
	check_query("SELECT coalesce(d.title, '-'), t.text FROM documents d"
	            " JOIN texts t ON t.id = d.text ORDER BY d.doc",
	            "Csv title|from csv, quoted\n"
	            "-|from jsonl\n"
	            "Html title|From html.\n"
	            "-|From plain text.\n");
}

static void test_unreadable(void **state)
{
	(void)state;
	static const unsigned char bin[] = {
		0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0,
	};
	tl_write_file(dir, "bin/program", bin, sizeof bin);
	write_file("bin/empty.jsonl", "");
	write_file("bin/ok.jsonl", "{\"text\": \"fine\"}\n");
	ue_ingest_options o = {0};
	o.on_reject = on_reject;
	o.ctx = &rej;
	rej_free();
	const char *paths[] = {
		path("bin/program"), path("bin/missing.jsonl"),
		path("bin/empty.jsonl"), path("bin/ok.jsonl"),
	};
	ue_ingest_summary s;
	assert_int_equal(ue_ingest(corpus, paths, 4, &o, &s), UE_OK);
	check_sum(&s, 4, 3, 1, 1, 0, 3);
	assert_int_equal(rej.n, 3);
	check_rej(0, "D/bin/program", 0, "not a document format unecho reads "
	          "(binary data)");
	check_rej(1, "D/bin/missing.jsonl", 0, "No such file or directory");
	check_rej(2, "D/bin/empty.jsonl", 0, "empty file");
	check_query("SELECT path, coalesce(format, '-'), status, rejected,"
	            " error FROM ingest_files ORDER BY id",
	            "D/bin/program|unknown|failed|1|not a document format "
	            "unecho reads (binary data)\n"
	            "D/bin/missing.jsonl|-|failed|1|No such file or directory\n"
	            "D/bin/empty.jsonl|jsonl|failed|1|empty file\n"
	            "D/bin/ok.jsonl|jsonl|done|0|\n");
	check_query("SELECT file, line, reason FROM ingest_rejections"
	            " ORDER BY rowid",
	            "1|0|not a document format unecho reads (binary data)\n"
	            "2|0|No such file or directory\n"
	            "3|0|empty file\n");
}

static void test_compressed(void **state)
{
	(void)state;
	const char *data = "{\"id\": \"z1\", \"text\": \"compressed\"}\n"
	                   "{\"id\": \"z2\", \"text\": \"also compressed\"}\n";
	gzFile gz = gzopen(path("docs.jsonl.gz"), "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, data, (unsigned)strlen(data)),
	                 (int)strlen(data));
	gzclose(gz);
	ue_ingest_summary s;
	assert_int_equal(ingest("docs.jsonl.gz", &s), UE_OK);
	check_sum(&s, 1, 0, 2, 2, 0, 0);
	check_query("SELECT path, format, status FROM ingest_files",
	            "D/docs.jsonl.gz|jsonl|done\n");

	/* Corrupt: reported against the file. */
	tl_write_file(dir, "bad.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
	              "\xff\xff\xff\xff\xff\xff", 16);
	assert_int_equal(ingest("bad.gz", &s), UE_OK);
	check_sum(&s, 1, 1, 0, 0, 0, 1);
	assert_int_equal(rej.n, 1);
	assert_string_equal(rej.file[0], "D/bad.gz");
	assert_int_equal(rej.line[0], 0);
}

static void test_options(void **state)
{
	(void)state;
	write_file("a.jsonl", "{\"text\": \"a document\", \"body\": \"B\"}\n");
	ue_ingest_options o = {.format = "bogus"};
	ue_ingest_summary s;
	assert_int_equal(ingest_opts("a.jsonl", &o, &s), UE_EINVAL);
	assert_string_equal(ue_errmsg(corpus), "unknown format 'bogus' "
	                    "(formats: jsonl, csv, tsv, text, markdown, html, "
	                    "rss, warc)");
	o = (ue_ingest_options){.map = "nonsense"};
	assert_int_equal(ingest_opts("a.jsonl", &o, &s), UE_EINVAL);
	assert_string_equal(ue_errmsg(corpus), "bad --map entry 'nonsense': "
	                    "expected FIELD=COLUMN");
	check_query("SELECT count(*) FROM ingest_files", "0\n");

	/* A forced format: the JSON is one text. */
	o = (ue_ingest_options){.format = "text"};
	assert_int_equal(ingest_opts("a.jsonl", &o, &s), UE_OK);
	check_sum(&s, 1, 0, 1, 1, 0, 0);
	check_query("SELECT f.format, t.text FROM documents d JOIN texts t ON"
	            " t.id = d.text JOIN ingest_files f ON f.id = d.ingest_file",
	            "text|{\"text\": \"a document\", \"body\": \"B\"}\n");

	/* A map. */
	o = (ue_ingest_options){.map = "text=body"};
	assert_int_equal(ingest_opts("a.jsonl", &o, &s), UE_OK);
	check_sum(&s, 1, 0, 1, 1, 0, 0);
	check_query("SELECT t.text, d.meta FROM documents d JOIN texts t ON"
	            " t.id = d.text ORDER BY d.doc DESC LIMIT 1",
	            "B|{\"text\":\"a document\"}\n");

	/* A document over the size limit. */
	write_file("big.jsonl", "{\"text\": \"123456\"}\n{\"text\": \"12345\"}\n");
	o = (ue_ingest_options){.max_doc_bytes = 5};
	assert_int_equal(ingest_opts("big.jsonl", &o, &s), UE_OK);
	check_sum(&s, 1, 0, 2, 1, 0, 1);
	check_rej(0, "D/big.jsonl", 1, "document text over the limit of 5 "
	          "bytes");

	/* A line over the line limit. */
	write_file("long.jsonl", "{\"text\": \"a long line of text\"}\n"
	           "{\"text\": \"short\"}\n");
	o = (ue_ingest_options){.max_line_bytes = 20};
	assert_int_equal(ingest_opts("long.jsonl", &o, &s), UE_OK);
	check_sum(&s, 1, 0, 2, 1, 0, 1);
	check_rej(0, "D/long.jsonl", 1, "line longer than the limit of 20 bytes");
}

static uint64_t prog_done, prog_total;
static size_t prog_calls;

static void on_progress(void *ctx, uint64_t done, uint64_t total,
                        uint64_t records)
{
	(void)ctx;
	(void)records;
	assert_true(done >= prog_done);
	prog_done = done;
	prog_total = total;
	prog_calls++;
}

static void test_progress(void **state)
{
	(void)state;
	write_file("p/a.jsonl", "{\"text\": \"one\"}\n");
	write_file("p/b.jsonl", "{\"text\": \"two\"}\n{\"text\": \"three\"}\n");
	ue_ingest_options o = {.on_progress = on_progress};
	ue_ingest_summary s;
	assert_int_equal(ingest_opts("p", &o, &s), UE_OK);
	check_sum(&s, 2, 0, 3, 3, 0, 0);
	assert_true(prog_calls > 0);
	assert_int_equal(prog_total, 16 + 34);
	assert_true(prog_done <= prog_total);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_jsonl),
		T(test_reingest),
		T(test_duplicate_texts),
		T(test_dates),
		T(test_language),
		T(test_outlets),
		T(test_outlets_import),
		T(test_outlets_import_errors),
		T(test_folder),
		T(test_unreadable),
		T(test_compressed),
		T(test_options),
		T(test_progress),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	rej_free();
	return rc;
}
