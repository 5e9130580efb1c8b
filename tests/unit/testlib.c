/* testlib.c - helpers the unit tests share; see testlib.h. */
#define _XOPEN_SOURCE 700   /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "common/buf.h"
#include "testlib.h"

/* ---- a sink that keeps what it is given ---- */

/* A NUL-terminated copy of len bytes at s (which may hold NULs), or NULL
 * when s is. */
static char *copy(const char *s, size_t len)
{
	if (!s)
		return NULL;
	char *p = malloc(len + 1);
	assert_non_null(p);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static ue_status on_record(void *ctx, const struct ue_record *rec)
{
	struct tl_got *g = ctx;
	assert_true(g->n < TL_MAX);
	for (int f = 0; f < UE_F_COUNT; f++) {
		g->field[g->n][f] = copy(rec->field[f], rec->field_len[f]);
		g->len[g->n][f] = rec->field_len[f];
	}
	g->meta[g->n] = rec->meta_json ? strdup(rec->meta_json) : NULL;
	g->line[g->n] = rec->line;
	snprintf(g->format[g->n], sizeof g->format[0], "%s",
	         rec->format ? rec->format : "");
	g->n++;
	return g->n >= g->stop_after ? g->stop_with : UE_OK;
}

void tl_on_reject(void *ctx, uint64_t line, const char *reason)
{
	struct tl_got *g = ctx;
	assert_true(g->nrej < TL_MAX);
	g->rej_line[g->nrej] = line;
	g->rej[g->nrej++] = strdup(reason);
}

struct ue_sink tl_sink(struct tl_got *g, const struct ue_field_map *map,
                       size_t max_doc)
{
	struct ue_sink sink = {g, on_record, tl_on_reject, map, max_doc};
	return sink;
}

void tl_got_free(struct tl_got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (int f = 0; f < UE_F_COUNT; f++)
			free(g->field[i][f]);
		free(g->meta[i]);
	}
	for (size_t i = 0; i < g->nrej; i++)
		free(g->rej[i]);
	memset(g, 0, sizeof *g);
}

void tl_same_str(const char *a, const char *b)
{
	if (!a)
		assert_null(b);
	else
		assert_string_equal(a, b);
}

/* ---- a source in small pieces ---- */

static long read_trickle(void *ctx, void *buf, size_t len, ue_status *st)
{
	struct tl_trickle *t = ctx;
	size_t step = t->step ? t->step : 1;
	t->calls++;
	if (t->fail_at && t->off < t->fail_at && t->fail_at <= t->off + step) {
		*st = UE_EIO;
		return -1;
	}
	size_t n = t->len - t->off;
	if (n > step)
		n = step;
	if (n > len)
		n = len;
	memcpy(buf, t->p + t->off, n);
	t->off += n;
	return (long)n;
}

void tl_reader_open(struct ue_reader *r, struct tl_trickle *t, const char *p,
                    size_t len, size_t step)
{
	memset(t, 0, sizeof *t);
	t->p = p;
	t->len = len;
	t->step = step;
	if (step)
		ue_reader_init(r, read_trickle, t);
	else
		ue_reader_init_mem(r, p, len);
}

/* ---- running a parser into a tl_got ---- */

ue_status tl_parse(ue_parse_fn parse, const char *in, size_t len,
                   const struct tl_opts *o, struct tl_got *g, char *err)
{
	static const struct tl_opts none;
	if (!o)
		o = &none;
	struct ue_sink sink = tl_sink(g, o->map,
	                              o->max_doc ? o->max_doc : 1 << 20);
	struct ue_reader r;
	struct tl_trickle t;
	tl_reader_open(&r, &t, in, len, o->step);
	err[0] = '\0';
	ue_status st = parse(&r, &sink, o->max_line ? o->max_line : 1 << 20,
	                     err, TL_ERRLEN);
	ue_reader_release(&r);
	return st;
}

ue_status tl_run_len(ue_parse_fn parse, const char *in, size_t len,
                     const struct tl_opts *o, struct tl_got *g, char *err)
{
	struct tl_opts o1 = {0}, o2;
	if (o)
		o1 = *o;
	o2 = o1;
	o1.step = 0;
	if (!o2.step)
		o2.step = 1;
	struct tl_got g2 = {.stop_with = g->stop_with,
	                    .stop_after = g->stop_after};
	char err2[TL_ERRLEN];
	ue_status st = tl_parse(parse, in, len, &o1, g, err);
	ue_status st2 = tl_parse(parse, in, len, &o2, &g2, err2);
	assert_int_equal(st, st2);
	assert_string_equal(err, err2);
	assert_int_equal(g->n, g2.n);
	assert_int_equal(g->nrej, g2.nrej);
	for (size_t i = 0; i < g->n; i++) {
		assert_int_equal(g->line[i], g2.line[i]);
		assert_string_equal(g->format[i], g2.format[i]);
		for (int f = 0; f < UE_F_COUNT; f++) {
			tl_same_str(g->field[i][f], g2.field[i][f]);
			assert_int_equal(g->len[i][f], g2.len[i][f]);
		}
		tl_same_str(g->meta[i], g2.meta[i]);
	}
	for (size_t i = 0; i < g->nrej; i++) {
		assert_int_equal(g->rej_line[i], g2.rej_line[i]);
		assert_string_equal(g->rej[i], g2.rej[i]);
	}
	tl_got_free(&g2);
	return st;
}

ue_status tl_run_with(ue_parse_fn parse, const char *in,
                      const struct tl_opts *o, struct tl_got *g, char *err)
{
	return tl_run_len(parse, in, strlen(in), o, g, err);
}

ue_status tl_run(ue_parse_fn parse, const char *in, struct tl_got *g,
                 char *err)
{
	return tl_run_len(parse, in, strlen(in), NULL, g, err);
}

/* ---- rows from the listings ---- */

int tl_on_row(void *ctx, const char *json, size_t len)
{
	struct tl_rows *r = ctx;
	assert_int_equal(strlen(json), len);
	assert_true(r->n < TL_ROWS);
	r->row[r->n] = strdup(json);
	assert_non_null(r->row[r->n]);
	r->n++;
	return 0;
}

void tl_rows_free(struct tl_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->row[i]);
	r->n = 0;
}

const char *tl_find_row(const struct tl_rows *r, const char *prefix)
{
	for (size_t i = 0; i < r->n; i++)
		if (strncmp(r->row[i], prefix, strlen(prefix)) == 0)
			return r->row[i];
	return NULL;
}

/* ---- temporary files and databases ---- */

/* Writes /tmp/NAME-XXXXXX into path; 0, or -1 when it does not fit. */
static int temp_name(char *path, size_t size, const char *name)
{
	int n = snprintf(path, size, "/tmp/%s-XXXXXX", name);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int tl_temp_file(char *path, size_t size, const char *name)
{
	if (temp_name(path, size, name))
		return -1;
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int tl_temp_dir(char *path, size_t size, const char *name)
{
	if (temp_name(path, size, name))
		return -1;
	return mkdtemp(path) ? 0 : -1;
}

static int remove_one(const char *path, const struct stat *sb, int flag,
                      struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tl_remove_tree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

void tl_write_file(const char *dir, const char *name, const void *data,
                   size_t len)
{
	char p[256];
	const char *path = name;
	if (dir) {
		snprintf(p, sizeof p, "%s/%s", dir, name);
		for (char *s = p + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
			*s = '\0';
			mkdir(p, 0755);
			*s = '/';
		}
		path = p;
	}
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

void tl_db_remove(const char *path)
{
	char p[512];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int add_row(void *ctx, int n, char **v, char **names)
{
	(void)names;
	struct ue_buf *b = ctx;
	for (int i = 0; i < n; i++) {
		if (i)
			ue_buf_putc(b, '|');
		ue_buf_puts(b, v[i] ? v[i] : "");
	}
	ue_buf_putc(b, '\n');
	return 0;
}

char *tl_query(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	struct ue_buf b = UE_BUF_INIT;
	char *msg = NULL;
	if (sqlite3_exec(h, sql, add_row, &b, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(h);
	return ue_buf_detach(&b, NULL);
}

void tl_check_query(const char *db, const char *sql, const char *want)
{
	char *got = tl_query(db, sql);
	assert_string_equal(got, want);
	free(got);
}
