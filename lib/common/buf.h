/*
 * buf.h - a growable byte buffer with a hard size cap.
 *
 * The contents are always NUL-terminated (the NUL is not counted in len),
 * so a buffer of text can be handed to C string functions.  Growing past
 * cap fails with UE_ELIMIT instead of taking the machine down.
 */
#ifndef UE_BUF_H
#define UE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "unecho/unecho.h"

struct ue_buf {
	char *data;     /* owned; NULL until the first append */
	size_t len;
	size_t alloc;
	size_t cap;     /* 0: no cap */
};

#define UE_BUF_INIT {NULL, 0, 0, 0}

void ue_buf_init(struct ue_buf *b, size_t cap);
void ue_buf_release(struct ue_buf *b);
/* Empties the buffer, keeping its memory for reuse. */
void ue_buf_reset(struct ue_buf *b);
/* Makes room for extra more bytes (plus the NUL). */
ue_status ue_buf_reserve(struct ue_buf *b, size_t extra);
ue_status ue_buf_append(struct ue_buf *b, const void *data, size_t len);
ue_status ue_buf_putc(struct ue_buf *b, char c);
ue_status ue_buf_puts(struct ue_buf *b, const char *s);
ue_status ue_buf_printf(struct ue_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the contents to the caller (free() them) and empties b. */
char *ue_buf_detach(struct ue_buf *b, size_t *len);
/* The contents as a string; "" when empty.  Owned by b. */
const char *ue_buf_str(const struct ue_buf *b);

#endif
