/* buf.c - growable byte buffer with a cap; see buf.h. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ue_buf_init(struct ue_buf *b, size_t cap)
{
	b->data = NULL;
	b->len = b->alloc = 0;
	b->cap = cap;
}

void ue_buf_release(struct ue_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->alloc = 0;
}

void ue_buf_reset(struct ue_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

ue_status ue_buf_reserve(struct ue_buf *b, size_t extra)
{
	if (extra > SIZE_MAX / 2 - b->len)
		return UE_ELIMIT;
	size_t need = b->len + extra + 1;
	if (b->cap && need > b->cap + 1)
		return UE_ELIMIT;
	if (need <= b->alloc)
		return UE_OK;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need)
		n *= 2;
	if (b->cap && n > b->cap + 1)
		n = b->cap + 1;
	char *p = realloc(b->data, n);
	if (!p)
		return UE_ENOMEM;
	b->data = p;
	b->alloc = n;
	return UE_OK;
}

ue_status ue_buf_append(struct ue_buf *b, const void *data, size_t len)
{
	ue_status st = ue_buf_reserve(b, len);
	if (st)
		return st;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return UE_OK;
}

ue_status ue_buf_putc(struct ue_buf *b, char c)
{
	return ue_buf_append(b, &c, 1);
}

ue_status ue_buf_puts(struct ue_buf *b, const char *s)
{
	return ue_buf_append(b, s, strlen(s));
}

ue_status ue_buf_printf(struct ue_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return UE_EINVAL;
	ue_status st = ue_buf_reserve(b, (size_t)n);
	if (st)
		return st;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return UE_OK;
}

char *ue_buf_detach(struct ue_buf *b, size_t *len)
{
	char *p = b->data;
	if (len)
		*len = b->len;
	if (!p)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->alloc = 0;
	return p;
}

const char *ue_buf_str(const struct ue_buf *b)
{
	return b->data ? b->data : "";
}
