/* test_unwrap.c - compression and archives (lib/ingest/unwrap.c), over
 * archives made here with libarchive's writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <archive.h>
#include <archive_entry.h>

#include "ingest/unwrap.h"
#include "testlib.h"

/* ---- making archives ---- */

static la_ssize_t write_cb(struct archive *a, void *ctx, const void *p,
                           size_t n)
{
	(void)a;
	return ue_buf_append(ctx, p, n) ? -1 : (la_ssize_t)n;
}

struct member {
	const char *name;
	const void *data;
	size_t len;      /* 0 with data: strlen(data) */
	int dir;         /* a folder entry */
};

enum filter { NONE, GZIP, ZSTD, XZ };
enum format { RAW, TAR, ZIP };

/* Adds filter to a; 0 when this libarchive cannot write it. */
static int add_filter(struct archive *a, enum filter filter)
{
	switch (filter) {
	case NONE: return archive_write_add_filter_none(a) == ARCHIVE_OK;
	case GZIP: return archive_write_add_filter_gzip(a) == ARCHIVE_OK;
	case ZSTD: return archive_write_add_filter_zstd(a) == ARCHIVE_OK;
	case XZ: return archive_write_add_filter_xz(a) == ARCHIVE_OK;
	}
	return 0;
}

/* An archive of the members in out (a buffer to release), or 0 when the
 * filter is not available. */
static int make(struct ue_buf *out, enum format format, enum filter filter,
                const struct member *m, size_t n)
{
	ue_buf_init(out, 0);
	struct archive *a = archive_write_new();
	assert_non_null(a);
	if (!add_filter(a, filter)) {
		archive_write_free(a);
		return 0;
	}
	int rc = format == RAW ? archive_write_set_format_raw(a)
	       : format == TAR ? archive_write_set_format_pax_restricted(a)
	       : archive_write_set_format_zip(a);
	assert_int_equal(rc, ARCHIVE_OK);
	assert_int_equal(archive_write_set_bytes_in_last_block(a, 1),
	                 ARCHIVE_OK);
	assert_int_equal(archive_write_open(a, out, NULL, write_cb, NULL),
	                 ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		size_t len = m[i].len || !m[i].data ? m[i].len
		                                    : strlen(m[i].data);
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_filetype(e, m[i].dir ? AE_IFDIR : AE_IFREG);
		archive_entry_set_perm(e, m[i].dir ? 0755 : 0644);
		archive_entry_set_size(e, m[i].dir ? 0 : (la_int64_t)len);
		archive_entry_set_mtime(e, 1700000000, 0);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		if (!m[i].dir && len)
			assert_int_equal(archive_write_data(a, m[i].data, len),
			                 (la_ssize_t)len);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	return 1;
}

/* One compressed file (no archive). */
static int compress(struct ue_buf *out, enum filter filter, const void *data,
                    size_t len)
{
	struct member m = {"data", data, len, 0};
	return make(out, RAW, filter, &m, 1);
}

/* ---- reading them ---- */

#define MAXM 16

/* What the walk handed over: member names, their contents (the first
 * KEEP bytes) and sizes, and how reading each ended. */
#define KEEP 4096
struct got {
	size_t n;
	char *name[MAXM];
	char data[MAXM][KEEP + 1];
	uint64_t size[MAXM];
	ue_status end[MAXM];
	size_t stop_after;    /* return UE_ECANCELLED after this many */
};

static ue_status on_member(void *ctx, const char *name, struct ue_reader *r)
{
	struct got *g = ctx;
	assert_true(g->n < MAXM);
	size_t i = g->n++;
	g->name[i] = strdup(name);
	char buf[65536];
	long n;
	while ((n = ue_reader_read(r, buf, sizeof buf)) > 0) {
		if (g->size[i] < KEEP) {
			size_t k = KEEP - g->size[i] < (size_t)n ? KEEP - g->size[i]
			                                         : (size_t)n;
			memcpy(g->data[i] + g->size[i], buf, k);
		}
		g->size[i] += (uint64_t)n;
	}
	g->end[i] = n < 0 ? r->error : UE_OK;
	if (g->stop_after && g->n == g->stop_after)
		return UE_ECANCELLED;
	return g->end[i];
}

static void got_free(struct got *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->name[i]);
	memset(g, 0, sizeof *g);
}

static const struct ue_unwrap_limits generous = {1u << 30, 1000, NULL};

static ue_status walk_mem(const struct ue_buf *b,
                          const struct ue_unwrap_limits *lim, struct got *g,
                          char *err)
{
	return ue_unwrap_mem(b->data, b->len, lim, on_member, g, err, 256);
}

static const char doc1[] = "{\"text\": \"one\"}\n";
static const char doc2[] = "{\"text\": \"two\"}\n{\"text\": \"three\"}\n";
static const char doc3[] = "third member, plain text\n";

/* Member i of g is name with contents data. */
static void check(const struct got *g, size_t i, const char *name,
                  const char *data)
{
	assert_true(i < g->n);
	assert_string_equal(g->name[i], name);
	assert_int_equal(g->size[i], strlen(data));
	assert_string_equal(g->data[i], data);
	assert_int_equal(g->end[i], UE_OK);
}

static void test_plain(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct ue_buf b = UE_BUF_INIT;
	ue_buf_puts(&b, doc2);
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 1);
	check(&g, 0, "", doc2);
	got_free(&g);
	ue_buf_release(&b);
}

static void test_compressed(void **state)
{
	(void)state;
	static const enum filter filters[] = {GZIP, ZSTD, XZ};
	for (size_t f = 0; f < 3; f++) {
		struct ue_buf b;
		if (!compress(&b, filters[f], doc2, strlen(doc2))) {
			fprintf(stderr, "filter %zu not available, skipped\n", f);
			continue;
		}
		assert_true(b.len > 0);
		assert_false(memcmp(b.data, "{\"text\"", 7) == 0);
		struct got g = {0};
		char err[256];
		assert_int_equal(walk_mem(&b, &generous, &g, err), UE_OK);
		assert_string_equal(err, "");
		assert_int_equal(g.n, 1);
		check(&g, 0, "", doc2);
		got_free(&g);
		ue_buf_release(&b);
	}
}

static void test_tar(void **state)
{
	(void)state;
	const struct member m[] = {
		{"a.jsonl", doc1, 0, 0},
		{"dir", NULL, 0, 1},
		{"dir/b.jsonl", doc2, 0, 0},
		{"c.txt", doc3, 0, 0},
		{"empty.txt", "", 0, 0},
	};
	static const enum filter filters[] = {NONE, GZIP, ZSTD, XZ};
	for (size_t f = 0; f < 4; f++) {
		struct ue_buf b;
		if (!make(&b, TAR, filters[f], m, 5))
			continue;
		struct got g = {0};
		char err[256];
		assert_int_equal(walk_mem(&b, &generous, &g, err), UE_OK);
		assert_string_equal(err, "");
		/* Folders are left out. */
		assert_int_equal(g.n, 4);
		check(&g, 0, "a.jsonl", doc1);
		check(&g, 1, "dir/b.jsonl", doc2);
		check(&g, 2, "c.txt", doc3);
		check(&g, 3, "empty.txt", "");
		got_free(&g);
		ue_buf_release(&b);
	}
}

static void test_zip(void **state)
{
	(void)state;
	const struct member m[] = {
		{"a.jsonl", doc1, 0, 0},
		{"sub/", NULL, 0, 1},
		{"sub/b.jsonl", doc2, 0, 0},
		{"c.txt", doc3, 0, 0},
	};
	struct ue_buf b;
	assert_true(make(&b, ZIP, NONE, m, 4));
	assert_memory_equal(b.data, "PK\x03\x04", 4);
	struct got g = {0};
	char err[256];
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 3);
	check(&g, 0, "a.jsonl", doc1);
	check(&g, 1, "sub/b.jsonl", doc2);
	check(&g, 2, "c.txt", doc3);
	got_free(&g);
	ue_buf_release(&b);
}

static void test_nested(void **state)
{
	(void)state;
	struct ue_buf gz, tar, zip, outer;
	assert_true(compress(&gz, GZIP, doc2, strlen(doc2)));
	const struct member tm[] = {
		{"p.jsonl", doc1, 0, 0},
		{"q.txt", doc3, 0, 0},
	};
	assert_true(make(&tar, TAR, NONE, tm, 2));
	const struct member zm[] = {{"z.jsonl", doc1, 0, 0}};
	assert_true(make(&zip, ZIP, NONE, zm, 1));
	const struct member m[] = {
		{"first.jsonl", doc1, 0, 0},
		{"inner.jsonl.gz", gz.data, gz.len, 0},
		{"inner.tar", tar.data, tar.len, 0},
		{"inner.zip", zip.data, zip.len, 0},
		{"last.txt", doc3, 0, 0},
	};
	assert_true(make(&outer, TAR, GZIP, m, 5));
	struct got g = {0};
	char err[256];
	assert_int_equal(walk_mem(&outer, &generous, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 6);
	check(&g, 0, "first.jsonl", doc1);
	check(&g, 1, "inner.jsonl.gz", doc2);
	check(&g, 2, "inner.tar:p.jsonl", doc1);
	check(&g, 3, "inner.tar:q.txt", doc3);
	check(&g, 4, "inner.zip:z.jsonl", doc1);
	check(&g, 5, "last.txt", doc3);
	got_free(&g);
	ue_buf_release(&gz);
	ue_buf_release(&tar);
	ue_buf_release(&zip);
	ue_buf_release(&outer);
}

static void test_depth(void **state)
{
	(void)state;
	/* l1.tar holds l2.tar holds l3.tar holds l4.tar holds doc.txt: three
	 * levels are opened, the fourth is handed over as it is. */
	struct ue_buf t[5];
	const struct member leaf = {"doc.txt", doc3, 0, 0};
	assert_true(make(&t[4], TAR, NONE, &leaf, 1));
	for (int i = 3; i >= 1; i--) {
		char name[16];
		snprintf(name, sizeof name, "l%d.tar", i + 1);
		const struct member m = {name, t[i + 1].data, t[i + 1].len, 0};
		assert_true(make(&t[i], TAR, NONE, &m, 1));
	}
	const struct member top = {"l1.tar", t[1].data, t[1].len, 0};
	assert_true(make(&t[0], TAR, NONE, &top, 1));
	struct got g = {0};
	char err[256];
	assert_int_equal(walk_mem(&t[0], &generous, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.name[0], "l1.tar:l2.tar:l3.tar:l4.tar");
	assert_int_equal(g.size[0], t[4].len);
	assert_true(t[4].len <= KEEP);
	assert_memory_equal(g.data[0], t[4].data, t[4].len);
	got_free(&g);
	for (int i = 0; i < 5; i++)
		ue_buf_release(&t[i]);
}

#define BOMB ((size_t)50 << 20)

/* 50 MB of one letter, gzipped to about 50 KB.  (Zeros would do as well,
 * but libarchive reads a stream of zero blocks as an empty tar.) */
static void make_bomb(struct ue_buf *b)
{
	char *same = malloc(BOMB);
	assert_non_null(same);
	memset(same, 'A', BOMB);
	assert_true(compress(b, GZIP, same, BOMB));
	free(same);
	assert_true(b->len < BOMB / 500);
}

static void test_bomb_ratio(void **state)
{
	(void)state;
	struct ue_buf b;
	make_bomb(&b);
	struct got g = {0};
	char err[256];
	const struct ue_unwrap_limits lim = {1u << 30, 100, NULL};
	assert_int_equal(walk_mem(&b, &lim, &g, err), UE_ELIMIT);
	assert_string_equal(err, "decompressed size over the limit "
	                    "(1073741824 bytes, ratio 100)");
	assert_int_equal(g.n, 1);
	assert_int_equal(g.end[0], UE_ELIMIT);
	/* Stopped early: past the grace of 1 MB, soon after the ratio. */
	assert_true(g.size[0] >= (1u << 20));
	assert_true(g.size[0] < 8u << 20);
	got_free(&g);

	/* Without a ratio limit all of it comes out. */
	const struct ue_unwrap_limits none = {0, 0, NULL};
	assert_int_equal(walk_mem(&b, &none, &g, err), UE_OK);
	assert_int_equal(g.size[0], BOMB);
	got_free(&g);
	ue_buf_release(&b);
}

static void test_bomb_size(void **state)
{
	(void)state;
	struct ue_buf b;
	make_bomb(&b);
	struct got g = {0};
	char err[256];
	const struct ue_unwrap_limits lim = {10u << 20, 0, NULL};
	assert_int_equal(walk_mem(&b, &lim, &g, err), UE_ELIMIT);
	assert_string_equal(err, "decompressed size over the limit "
	                    "(10485760 bytes, ratio 0)");
	assert_int_equal(g.n, 1);
	assert_int_equal(g.end[0], UE_ELIMIT);
	assert_true(g.size[0] <= 10u << 20);
	assert_true(g.size[0] >= 9u << 20);
	got_free(&g);
	ue_buf_release(&b);
}

static void test_bomb_in_tar(void **state)
{
	(void)state;
	/* A bomb inside an archive: the member is stopped and the walk with
	 * it, named in the message. */
	struct ue_buf bomb, tar;
	make_bomb(&bomb);
	const struct member m[] = {
		{"a.jsonl", doc1, 0, 0},
		{"zeros.gz", bomb.data, bomb.len, 0},
		{"c.txt", doc3, 0, 0},
	};
	assert_true(make(&tar, TAR, NONE, m, 3));
	struct got g = {0};
	char err[256];
	const struct ue_unwrap_limits lim = {1u << 30, 100, NULL};
	assert_int_equal(walk_mem(&tar, &lim, &g, err), UE_ELIMIT);
	assert_string_equal(err, "zeros.gz: decompressed size over the limit "
	                    "(1073741824 bytes, ratio 100)");
	assert_int_equal(g.n, 2);
	check(&g, 0, "a.jsonl", doc1);
	assert_string_equal(g.name[1], "zeros.gz");
	assert_int_equal(g.end[1], UE_ELIMIT);
	assert_true(g.size[1] < 8u << 20);
	got_free(&g);
	ue_buf_release(&tar);
	ue_buf_release(&bomb);
}

static void test_corrupt_gzip(void **state)
{
	(void)state;
	char text[20000];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + (i * 7 + i / 13) % 26);
	struct ue_buf b;
	assert_true(compress(&b, GZIP, text, sizeof text));
	assert_memory_equal(b.data, "\x1f\x8b", 2);
	/* Damage the deflate stream after the header. */
	for (size_t i = 20; i < 60 && i < b.len; i++)
		b.data[i] = (char)0xff;
	struct got g = {0};
	char err[256];
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_EFORMAT);
	assert_string_equal(err, "gzip decompression failed");
	/* Whatever was handed over did not come out whole. */
	for (size_t i = 0; i < g.n; i++)
		assert_int_equal(g.end[i], UE_EFORMAT);
	got_free(&g);

	/* Cut short: the same. */
	ue_buf_release(&b);
	assert_true(compress(&b, GZIP, text, sizeof text));
	b.len /= 2;
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_EFORMAT);
	assert_string_equal(err, "truncated gzip input");
	got_free(&g);
	ue_buf_release(&b);
}

static void test_corrupt_tar(void **state)
{
	(void)state;
	const struct member m[] = {
		{"a.jsonl", doc1, 0, 0},
		{"b.jsonl", doc2, 0, 0},
	};
	struct ue_buf cut = UE_BUF_INIT;
	/* The compressed tar cut inside the second member's data. */
	struct ue_buf plain;
	assert_true(make(&plain, TAR, NONE, m, 2));
	assert_true(compress(&cut, GZIP, plain.data, 512 * 3 + 10));
	struct got g = {0};
	char err[256];
	assert_int_equal(walk_mem(&cut, &generous, &g, err), UE_EFORMAT);
	assert_string_equal(err, "b.jsonl: Truncated tar archive");
	/* b.jsonl failed at its first bytes, before it was handed over. */
	assert_int_equal(g.n, 1);
	check(&g, 0, "a.jsonl", doc1);
	got_free(&g);
	ue_buf_release(&cut);
	ue_buf_release(&plain);
}

static void test_empty(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(ue_unwrap_mem("", 0, &generous, on_member, &g, err,
	                               sizeof err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.name[0], "");
	assert_int_equal(g.size[0], 0);
	got_free(&g);

	/* An empty file, compressed. */
	struct ue_buf b;
	assert_true(compress(&b, GZIP, "", 0));
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.size[0], 0);
	got_free(&g);
	ue_buf_release(&b);

	/* An empty archive. */
	assert_true(make(&b, TAR, NONE, NULL, 0));
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	got_free(&g);
	ue_buf_release(&b);
}

static void test_stop(void **state)
{
	(void)state;
	const struct member m[] = {
		{"a", doc1, 0, 0}, {"b", doc2, 0, 0}, {"c", doc3, 0, 0},
	};
	struct ue_buf b;
	assert_true(make(&b, TAR, NONE, m, 3));
	struct got g = {.stop_after = 2};
	char err[256];
	assert_int_equal(walk_mem(&b, &generous, &g, err), UE_ECANCELLED);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.name[1], "b");
	got_free(&g);
	ue_buf_release(&b);
}

/* A member read only in part: the walk goes on to the next. */
static ue_status peek_only(void *ctx, const char *name, struct ue_reader *r)
{
	struct got *g = ctx;
	size_t n;
	const char *p = ue_reader_peek(r, 4, &n);
	g->name[g->n] = strdup(name);
	memcpy(g->data[g->n], p, n);
	g->n++;
	return UE_OK;
}

static void test_partial_read(void **state)
{
	(void)state;
	const struct member m[] = {
		{"a", doc1, 0, 0}, {"b", doc2, 0, 0}, {"c", doc3, 0, 0},
	};
	struct ue_buf b;
	assert_true(make(&b, TAR, GZIP, m, 3));
	struct got g = {0};
	char err[256];
	assert_int_equal(ue_unwrap_mem(b.data, b.len, &generous, peek_only, &g,
	                               err, sizeof err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.data[0], "{\"te");
	assert_string_equal(g.data[2], "thir");
	got_free(&g);
	ue_buf_release(&b);
}

static uint64_t progress_last;
static size_t progress_calls;
static void *progress_ctx;

static void progress(void *ctx, uint64_t bytes_in)
{
	assert_ptr_equal(ctx, progress_ctx);   /* the walk's ctx */
	assert_true(bytes_in >= progress_last);
	progress_last = bytes_in;
	progress_calls++;
}

static void test_file(void **state)
{
	(void)state;
	char path[64];
	assert_int_equal(tl_temp_file(path, sizeof path, "ue-unwrap"), 0);
	const struct member m[] = {{"a.jsonl", doc1, 0, 0}, {"b", doc2, 0, 0}};
	struct ue_buf b;
	assert_true(make(&b, TAR, GZIP, m, 2));
	tl_write_file(NULL, path, b.data, b.len);
	struct got g = {0};
	char err[256];
	struct ue_unwrap_limits lim = generous;
	lim.progress = progress;
	progress_ctx = &g;
	assert_int_equal(ue_unwrap_file(path, &lim, on_member, &g, err,
	                                sizeof err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 2);
	check(&g, 0, "a.jsonl", doc1);
	check(&g, 1, "b", doc2);
	assert_true(progress_calls > 0);
	assert_true(progress_last > 0 && progress_last <= b.len);
	got_free(&g);
	unlink(path);
	ue_buf_release(&b);

	assert_int_equal(ue_unwrap_file("/nonexistent/ue-test", &generous,
	                                on_member, &g, err, sizeof err), UE_EIO);
	assert_string_equal(err, "No such file or directory");
	assert_int_equal(g.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_compressed),
		cmocka_unit_test(test_tar),
		cmocka_unit_test(test_zip),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_bomb_ratio),
		cmocka_unit_test(test_bomb_size),
		cmocka_unit_test(test_bomb_in_tar),
		cmocka_unit_test(test_corrupt_gzip),
		cmocka_unit_test(test_corrupt_tar),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_partial_read),
		cmocka_unit_test(test_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
