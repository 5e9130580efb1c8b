/* unwrap.c - compression and archives through libarchive; see unwrap.h. */
#include "ingest/unwrap.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 3
#define RATIO_GRACE (1u << 20)   /* ratios are judged past 1 MB out */

/* One level of unwrapping: an archive reading from a file descriptor, a
 * memory block, or the current member of the level above. */
struct level {
	struct archive *a;
	const struct ue_unwrap_limits *limits;
	void *progress_ctx;
	struct level *outer;        /* NULL at the top */
	struct ue_reader *outer_r;  /* the outer member being read */
	char chunk[64 * 1024];      /* input buffer for nested levels */
	uint64_t out;               /* bytes out of the current member */
	ue_status st;               /* why reading stopped, if it did */
	const char *why;            /* and in words */
	struct ue_reader *reader;   /* of the current member */
	int depth;
};

/* Compressed bytes consumed at the top level. */
static uint64_t bytes_in(const struct level *lv)
{
	while (lv->outer)
		lv = lv->outer;
	la_int64_t n = archive_filter_bytes(lv->a, -1);
	return n > 0 ? (uint64_t)n : 0;
}

static long member_read(void *ctx, void *buf, size_t len, ue_status *st)
{
	struct level *lv = ctx;
	la_ssize_t n = archive_read_data(lv->a, buf, len);
	if (n < 0) {
		*st = lv->st ? lv->st : UE_EFORMAT;
		return -1;
	}
	lv->out += (uint64_t)n;
	const struct ue_unwrap_limits *lim = lv->limits;
	uint64_t in = bytes_in(lv);
	if (lim->max_decompressed && lv->out > lim->max_decompressed) {
		lv->reader->why = lv->why =
		        "decompressed size over the limit (--max-decompressed)";
		*st = lv->st = UE_ELIMIT;
		return -1;
	}
	if (lim->max_ratio && lv->out > RATIO_GRACE &&
	    lv->out / (in ? in : 1) > lim->max_ratio) {
		lv->reader->why = lv->why = "compression ratio over the limit "
		        "(--max-ratio): a decompression bomb?";
		*st = lv->st = UE_ELIMIT;
		return -1;
	}
	if (lim->progress && !lv->outer)
		lim->progress(lv->progress_ctx, in);
	return (long)n;
}

/* libarchive read callback for a nested level. */
static la_ssize_t nested_read(struct archive *a, void *ctx, const void **buf)
{
	(void)a;
	struct level *lv = ctx;
	long n = ue_reader_read(lv->outer_r, lv->chunk, sizeof lv->chunk);
	*buf = lv->chunk;
	if (n < 0) {
		lv->st = lv->outer_r->error;
		return -1;
	}
	return n;
}

static void configure(struct archive *a)
{
	archive_read_support_filter_all(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_gnutar(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_raw(a);
	archive_read_support_format_empty(a);   /* raw needs one byte */
}

/* The member's first bytes say it is compressed or an archive. */
static int wrapped(const char *p, size_t n)
{
	static const struct { const char *magic; size_t len; size_t off; } m[] = {
		{"\x1f\x8b", 2, 0},                 /* gzip */
		{"\x28\xb5\x2f\xfd", 4, 0},         /* zstd */
		{"\xfd" "7zXZ", 5, 0},              /* xz */
		{"BZh", 3, 0},                      /* bzip2 */
		{"PK\x03\x04", 4, 0},               /* zip */
		{"ustar", 5, 257},                  /* tar */
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (n >= m[i].off + m[i].len &&
		    memcmp(p + m[i].off, m[i].magic, m[i].len) == 0)
			return 1;
	return 0;
}

static ue_status walk(struct level *lv, const char *prefix, ue_member_fn fn,
                      void *ctx, char *err, size_t errlen);

/* Hands one member to fn, or unwraps it one level further. */
static ue_status member(struct level *lv, const char *name, ue_member_fn fn,
                        void *ctx, char *err, size_t errlen)
{
	struct ue_reader r;
	ue_reader_init(&r, member_read, lv);
	lv->out = 0;
	lv->reader = &r;
	size_t n;
	const char *head = ue_reader_peek(&r, 512, &n);
	ue_status st;
	if (lv->depth < MAX_DEPTH && wrapped(head, n)) {
		struct level inner = {
			.limits = lv->limits, .progress_ctx = lv->progress_ctx,
			.outer = lv, .outer_r = &r, .depth = lv->depth + 1,
		};
		inner.a = archive_read_new();
		if (!inner.a) {
			ue_reader_release(&r);
			return UE_ENOMEM;
		}
		configure(inner.a);
		if (archive_read_open(inner.a, &inner, NULL, nested_read, NULL)
		    != ARCHIVE_OK) {
			const char *why = archive_error_string(inner.a);
			snprintf(err, errlen, "%s: %s", name,
			         why ? why : "unreadable archive");
			st = UE_EFORMAT;
		} else {
			st = walk(&inner, name, fn, ctx, err, errlen);
		}
		archive_read_free(inner.a);
	} else {
		st = r.error ? r.error : fn(ctx, name, &r);
	}
	if (st == UE_OK && r.error == UE_ELIMIT)
		st = UE_ELIMIT;
	if (st == UE_ELIMIT && !err[0])
		snprintf(err, errlen, "%s%sdecompressed size over the limit "
		         "(%llu bytes, ratio %u)", name, *name ? ": " : "",
		         (unsigned long long)lv->limits->max_decompressed,
		         lv->limits->max_ratio);
	const char *why = archive_error_string(lv->a);
	if (st == UE_EFORMAT && !err[0])   /* the member's data is corrupt */
		snprintf(err, errlen, "%s%s%s", name, *name ? ": " : "",
		         why ? why : "corrupt data");
	ue_reader_release(&r);
	return st;
}

static ue_status walk(struct level *lv, const char *prefix, ue_member_fn fn,
                      void *ctx, char *err, size_t errlen)
{
	struct archive_entry *e;
	int rc;
	while ((rc = archive_read_next_header(lv->a, &e)) == ARCHIVE_OK ||
	       rc == ARCHIVE_WARN) {
		int raw = archive_format(lv->a) == ARCHIVE_FORMAT_RAW;
		if (!raw && archive_entry_filetype(e) != AE_IFREG)
			continue;
		const char *path = archive_entry_pathname(e);
		char name[4096];
		if (raw)
			snprintf(name, sizeof name, "%s", prefix);
		else
			snprintf(name, sizeof name, "%s%s%s", prefix,
			         *prefix ? ":" : "", path ? path : "?");
		ue_status st = member(lv, name, fn, ctx, err, errlen);
		if (st)
			return st;
		if (raw)
			return UE_OK;
	}
	if (rc == ARCHIVE_EOF &&
	    archive_format(lv->a) == ARCHIVE_FORMAT_EMPTY) {
		/* An empty file (or one that decompresses to nothing) is one
		 * empty member, so that callers can say so. */
		struct ue_reader r;
		ue_reader_init_mem(&r, "", 0);
		ue_status st = fn(ctx, prefix, &r);
		ue_reader_release(&r);
		return st;
	}
	if (rc == ARCHIVE_EOF)
		return UE_OK;
	if (lv->st == UE_ELIMIT)
		return UE_OK;   /* reported with the member that hit it */
	if (lv->st)
		return lv->st;
	snprintf(err, errlen, "%s%s%s", prefix, *prefix ? ": " : "",
	         archive_error_string(lv->a) ? archive_error_string(lv->a)
	                                     : "unreadable archive");
	return UE_EFORMAT;
}

static ue_status run(struct archive *a, int rc,
                     const struct ue_unwrap_limits *limits,
                     ue_member_fn fn, void *ctx, char *err, size_t errlen)
{
	struct level top = {.a = a, .limits = limits, .progress_ctx = ctx};
	ue_status st;
	if (rc != ARCHIVE_OK) {
		snprintf(err, errlen, "%s", archive_error_string(a) ?
		         archive_error_string(a) : "cannot open");
		st = errno == ENOENT || errno == EACCES ? UE_EIO : UE_EFORMAT;
	} else {
		st = walk(&top, "", fn, ctx, err, errlen);
	}
	archive_read_free(a);
	return st;
}

ue_status ue_unwrap_file(const char *path,
                         const struct ue_unwrap_limits *limits,
                         ue_member_fn fn, void *ctx,
                         char *err, size_t errlen)
{
	err[0] = '\0';
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO
	                                : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return UE_EIO;
	}
	struct stat sb;
	if (fd != STDIN_FILENO && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size == 0) {
		/* libarchive does not read empty input: it is one empty member */
		close(fd);
		struct ue_reader r;
		ue_reader_init_mem(&r, "", 0);
		ue_status st = fn(ctx, "", &r);
		ue_reader_release(&r);
		return st;
	}
	struct archive *a = archive_read_new();
	if (!a) {
		if (fd != STDIN_FILENO)
			close(fd);
		return UE_ENOMEM;
	}
	configure(a);
	int rc = archive_read_open_fd(a, fd, 64 * 1024);
	ue_status st = run(a, rc, limits, fn, ctx, err, errlen);
	if (fd != STDIN_FILENO)
		close(fd);
	return st;
}

ue_status ue_unwrap_mem(const void *data, size_t len,
                        const struct ue_unwrap_limits *limits,
                        ue_member_fn fn, void *ctx,
                        char *err, size_t errlen)
{
	err[0] = '\0';
	struct archive *a = archive_read_new();
	if (!a)
		return UE_ENOMEM;
	configure(a);
	int rc = archive_read_open_memory(a, data, len);
	return run(a, rc, limits, fn, ctx, err, errlen);
}
