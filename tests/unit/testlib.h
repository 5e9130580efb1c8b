/*
 * testlib.h - helpers the unit tests share: a sink that keeps copies of
 * what a parser delivers, a source that hands out a few bytes per read,
 * running a parser over memory and in pieces, keeping the rows of the
 * listings, and temporary files and databases.
 *
 * Include it after <cmocka.h>.  A helper that cannot do its work fails the
 * running test (through cmocka) unless its comment says it returns -1.
 */
#ifndef UE_TESTLIB_H
#define UE_TESTLIB_H

#include <stddef.h>
#include <stdint.h>

#include "ingest/formats.h"

/* ---- a sink that keeps what it is given ---- */

#define TL_MAX 16         /* records, and rejections, a tl_got keeps */
#define TL_ERRLEN 256     /* the size of the err buffers the runners fill */

/*
 * What a parser delivered, copied out of the borrowed records: record i's
 * fields (NUL-terminated copies, NULL where absent, and their lengths),
 * metadata JSON, line and format; rejection i's line and reason.  Start
 * from {0}; a sink that is given more than TL_MAX of either fails the test.
 */
struct tl_got {
	size_t n, nrej;
	char *field[TL_MAX][UE_F_COUNT];
	size_t len[TL_MAX][UE_F_COUNT];
	char *meta[TL_MAX];
	uint64_t line[TL_MAX];
	char format[TL_MAX][16];
	uint64_t rej_line[TL_MAX];
	char *rej[TL_MAX];
	/* record() returns stop_with once it has kept stop_after records
	 * (0: from the first), UE_OK before. */
	ue_status stop_with;
	size_t stop_after;
};

/* Record i's field f (ID, TITLE, ...) in a struct tl_got, or NULL. */
#define TL_F(g, i, f) ((g).field[i][UE_F_##f])

/* A sink that fills g; map (may be NULL) and max_doc as in ue_sink. */
struct ue_sink tl_sink(struct tl_got *g, const struct ue_field_map *map,
                       size_t max_doc);
/* tl_sink's reject callback (ctx a struct tl_got), for other callbacks of
 * its shape. */
void tl_on_reject(void *ctx, uint64_t line, const char *reason);
/* Frees the copies and zeroes g (stop_with and stop_after too). */
void tl_got_free(struct tl_got *g);

/* Fails the test unless a and b are both NULL or the same string. */
void tl_same_str(const char *a, const char *b);

/* ---- a source in small pieces ---- */

/*
 * Hands out step bytes per read (the last read fewer), so that a parser
 * meets a chunk boundary everywhere.  With fail_at set, the read that
 * would hand out byte fail_at (1-based) fails with UE_EIO instead.
 * calls counts the reads.
 */
struct tl_trickle {
	const char *p;
	size_t len, off, step;
	size_t fail_at;     /* 0: never */
	size_t calls;
};

/* Clears t and opens r over len bytes at p: from memory when step is 0,
 * else through t, step bytes per read.  Release r with ue_reader_release. */
void tl_reader_open(struct ue_reader *r, struct tl_trickle *t, const char *p,
                    size_t len, size_t step);

/* ---- running a parser into a tl_got ---- */

struct tl_opts {
	const struct ue_field_map *map;   /* NULL: none */
	size_t max_doc;     /* the sink's max_doc_bytes; 0: 1 MiB */
	size_t max_line;    /* 0: 1 MiB */
	size_t step;        /* tl_parse: 0 reads from memory, else step bytes
	                     * per read; the tl_run family: the pieces of the
	                     * second run, 0 meaning 1 */
};

/*
 * Runs parse once over len bytes of in into g; o may be NULL for the
 * defaults.  err (TL_ERRLEN bytes) is emptied first and then holds what
 * the parser wrote.  Returns the parser's status.
 */
ue_status tl_parse(ue_parse_fn parse, const char *in, size_t len,
                   const struct tl_opts *o, struct tl_got *g, char *err);

/*
 * Runs parse over len bytes of in twice, from memory and in pieces of
 * o->step bytes (1 when o is NULL or step is 0), and fails the test unless
 * both runs give the same status, err, records (lines, formats, fields,
 * lengths, metadata) and rejections.  g's stop_with and stop_after apply
 * to both; the first run's results are left in g.  Returns the status.
 */
ue_status tl_run_len(ue_parse_fn parse, const char *in, size_t len,
                     const struct tl_opts *o, struct tl_got *g, char *err);
/* tl_run_len over the string in. */
ue_status tl_run_with(ue_parse_fn parse, const char *in,
                      const struct tl_opts *o, struct tl_got *g, char *err);
/* tl_run_with with the default options. */
ue_status tl_run(ue_parse_fn parse, const char *in, struct tl_got *g,
                 char *err);

/* ---- rows from the listings ---- */

#define TL_ROWS 4096      /* rows a tl_rows keeps */

/* Copies of the JSON rows a listing (ue_docs, ue_stats, ...) hands its
 * callback, in order.  Start from {0}; more than TL_ROWS fails the test. */
struct tl_rows {
	size_t n;
	char *row[TL_ROWS];
};

/* A ue_row_fn that keeps each row in ctx (a struct tl_rows) and goes on. */
int tl_on_row(void *ctx, const char *json, size_t len);
/* Frees the rows and empties r. */
void tl_rows_free(struct tl_rows *r);
/* The first row of r that starts with prefix, or NULL. */
const char *tl_find_row(const struct tl_rows *r, const char *prefix);

/* ---- temporary files and databases ---- */

/* Makes an empty file /tmp/NAME-XXXXXX and writes its path into path
 * (size bytes).  Returns 0, or -1 when it cannot. */
int tl_temp_file(char *path, size_t size, const char *name);
/* Makes an empty folder /tmp/NAME-XXXXXX likewise.  Returns 0 or -1. */
int tl_temp_dir(char *path, size_t size, const char *name);
/* Removes the folder at path and everything in it, as far as it can. */
void tl_remove_tree(const char *path);

/* Writes len bytes to dir/name, making the folders in name below dir;
 * with dir NULL, to the path name, whose folder must exist. */
void tl_write_file(const char *dir, const char *name, const void *data,
                   size_t len);

/* Removes the SQLite database at path and its -wal and -shm files, those
 * that exist. */
void tl_db_remove(const char *path);

/* Runs sql on its own connection to the database at db; returns the rows
 * as the sqlite3 shell prints them: a line each, values separated by '|',
 * NULL as empty (the caller frees the text).  An SQL error fails the
 * test. */
char *tl_query(const char *db, const char *sql);
/* Fails the test unless tl_query(db, sql) gives want. */
void tl_check_query(const char *db, const char *sql, const char *want);

#endif
