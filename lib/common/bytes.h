/*
 * bytes.h - little-endian integers in blobs, and a bounds-checked reader
 * for unpacking them: blobs in the database may be damaged, and reading
 * one must never go past its end.
 */
#ifndef UE_BYTES_H
#define UE_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline void ue_put_le(unsigned char *p, uint64_t x, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(x >> (8 * i));
}

static inline uint64_t ue_get_le(const unsigned char *p, int bytes)
{
	uint64_t x = 0;
	for (int i = 0; i < bytes; i++)
		x |= (uint64_t)p[i] << (8 * i);
	return x;
}

/* Reads a blob front to back; ok turns 0 at the first read past the end
 * and every later read then gives zeros. */
struct ue_bytes_in {
	const unsigned char *p;
	size_t len, at;
	int ok;
};

static inline uint64_t ue_bytes_get(struct ue_bytes_in *in, int bytes)
{
	if (!in->ok || in->len - in->at < (size_t)bytes) {
		in->ok = 0;
		return 0;
	}
	uint64_t x = ue_get_le(in->p + in->at, bytes);
	in->at += (size_t)bytes;
	return x;
}

/* Copies n bytes out (zeros past the end). */
static inline void ue_bytes_copy(struct ue_bytes_in *in, void *out, size_t n)
{
	if (!in->ok || in->len - in->at < n) {
		in->ok = 0;
		memset(out, 0, n);
		return;
	}
	memcpy(out, in->p + in->at, n);
	in->at += n;
}

static inline double ue_bytes_get_double(struct ue_bytes_in *in)
{
	uint64_t x = ue_bytes_get(in, 8);
	double d;
	memcpy(&d, &x, sizeof d);
	return d;
}

static inline void ue_put_double(unsigned char *p, double d)
{
	uint64_t x;
	memcpy(&x, &d, sizeof x);
	ue_put_le(p, x, 8);
}

#endif
