/*
 * reader.h - a byte stream from one input file (or archive member), with
 * the hard limits that keep hostile input from exhausting the machine.
 *
 * Parsers read either line by line (JSON Lines, CSV), or the whole content
 * at once (HTML, feeds, text), or in chunks (WARC).  They never see
 * compression or archives: ingest.c unwraps those and gives each member
 * its own reader.
 */
#ifndef UE_READER_H
#define UE_READER_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"

struct ue_reader {
	/* Reads up to len bytes into buf; returns the count, 0 at the end,
	 * or -1 on failure with the status in *st. */
	long (*read)(void *ctx, void *buf, size_t len, ue_status *st);
	void *ctx;
	/* Look-ahead kept by the reader for peek and getline. */
	char *pending;
	size_t pending_len, pending_off, pending_alloc;
	int eof;
	ue_status error;    /* sticky: the status that ended reading */
	const char *why;    /* static text on why, set by the source; or NULL */
	uint64_t offset;    /* bytes handed out so far */
};

/* Initialises r over a read function. */
void ue_reader_init(struct ue_reader *r,
                    long (*read)(void *ctx, void *buf, size_t len,
                                 ue_status *st),
                    void *ctx);
/* Initialises r over a memory block (borrowed, must outlive r). */
void ue_reader_init_mem(struct ue_reader *r, const void *data, size_t len);
void ue_reader_release(struct ue_reader *r);

/* Up to want bytes from the start of what is left, without consuming
 * them; *len receives how many are available (fewer at the end). */
const char *ue_reader_peek(struct ue_reader *r, size_t want, size_t *len);

/*
 * Reads one line (without its LF; a CR before it is kept) into line,
 * replacing its contents.  Returns UE_OK, UE_ENOTFOUND at the end of input,
 * UE_ELIMIT when the line is longer than max (the rest of that line is
 * skipped, so the next call reads the next line), or a read error.
 */
ue_status ue_reader_getline(struct ue_reader *r, struct ue_buf *line,
                            size_t max);

/* Reads up to len bytes; returns the count (0 at the end) or -1. */
long ue_reader_read(struct ue_reader *r, void *buf, size_t len);

/* Appends everything left to all; UE_ELIMIT when more than max. */
ue_status ue_reader_slurp(struct ue_reader *r, struct ue_buf *all,
                          size_t max);

#endif
