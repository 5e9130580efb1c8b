/* reader.c - byte stream with look-ahead and capped lines; see reader.h. */
#include "ingest/reader.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK (64 * 1024)

struct mem_src {
	const char *data;
	size_t len, off;
};

void ue_reader_init(struct ue_reader *r,
                    long (*read)(void *ctx, void *buf, size_t len,
                                 ue_status *st),
                    void *ctx)
{
	memset(r, 0, sizeof *r);
	r->read = read;
	r->ctx = ctx;
}

void ue_reader_init_mem(struct ue_reader *r, const void *data, size_t len)
{
	/* A memory reader needs no source: the block is its look-ahead. */
	ue_reader_init(r, NULL, NULL);
	r->pending = (char *)data;
	r->pending_len = len;
	r->pending_alloc = 0;   /* 0: pending is borrowed */
	r->eof = 1;
}

void ue_reader_release(struct ue_reader *r)
{
	if (r->pending_alloc)
		free(r->pending);
	r->pending = NULL;
	r->pending_len = r->pending_off = r->pending_alloc = 0;
}

/* Reads more input into the look-ahead; returns bytes added, 0 at end. */
static size_t fill(struct ue_reader *r, size_t want)
{
	if (r->eof || r->error)
		return 0;
	if (r->pending_off && r->pending_off == r->pending_len)
		r->pending_off = r->pending_len = 0;
	if (r->pending_off > r->pending_alloc / 2) {
		memmove(r->pending, r->pending + r->pending_off,
		        r->pending_len - r->pending_off);
		r->pending_len -= r->pending_off;
		r->pending_off = 0;
	}
	if (want < CHUNK)
		want = CHUNK;
	if (r->pending_alloc - r->pending_len < want) {
		size_t n = r->pending_len + want;
		char *p = realloc(r->pending, n);
		if (!p) {
			r->error = UE_ENOMEM;
			return 0;
		}
		r->pending = p;
		r->pending_alloc = n;
	}
	ue_status st = UE_OK;
	long got = r->read(r->ctx, r->pending + r->pending_len,
	                   r->pending_alloc - r->pending_len, &st);
	if (got < 0) {
		r->error = st ? st : UE_EIO;
		return 0;
	}
	if (got == 0) {
		r->eof = 1;
		return 0;
	}
	r->pending_len += (size_t)got;
	return (size_t)got;
}

const char *ue_reader_peek(struct ue_reader *r, size_t want, size_t *len)
{
	while (r->pending_len - r->pending_off < want && fill(r, want))
		;
	*len = r->pending_len - r->pending_off;
	if (*len > want)
		*len = want;
	return r->pending ? r->pending + r->pending_off : "";
}

static void consume(struct ue_reader *r, size_t n)
{
	r->pending_off += n;
	r->offset += n;
}

ue_status ue_reader_getline(struct ue_reader *r, struct ue_buf *line,
                            size_t max)
{
	ue_buf_reset(line);
	int too_long = 0;
	for (;;) {
		size_t avail = r->pending_len - r->pending_off;
		const char *p = r->pending ? r->pending + r->pending_off : NULL;
		const char *nl = avail ? memchr(p, '\n', avail) : NULL;
		size_t take = nl ? (size_t)(nl - p) : avail;
		if (!too_long) {
			if (line->len + take > max) {
				too_long = 1;
			} else if (take) {
				ue_status st = ue_buf_append(line, p, take);
				if (st)
					return st;
			}
		}
		if (nl) {
			consume(r, take + 1);
			break;
		}
		consume(r, take);
		if (!fill(r, 0)) {
			if (r->error)
				return r->error;
			if (line->len == 0 && !too_long && take == 0)
				return UE_ENOTFOUND;
			break;
		}
	}
	return too_long ? UE_ELIMIT : UE_OK;
}

long ue_reader_read(struct ue_reader *r, void *buf, size_t len)
{
	if (r->pending_len == r->pending_off && !fill(r, 0))
		return r->error ? -1 : 0;
	size_t avail = r->pending_len - r->pending_off;
	size_t n = avail < len ? avail : len;
	memcpy(buf, r->pending + r->pending_off, n);
	consume(r, n);
	return (long)n;
}

ue_status ue_reader_slurp(struct ue_reader *r, struct ue_buf *all, size_t max)
{
	for (;;) {
		size_t avail = r->pending_len - r->pending_off;
		if (avail) {
			if (all->len + avail > max)
				return UE_ELIMIT;
			ue_status st = ue_buf_append(all,
			        r->pending + r->pending_off, avail);
			if (st)
				return st;
			consume(r, avail);
		}
		if (!fill(r, 0))
			return r->error;
	}
}
