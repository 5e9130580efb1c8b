/*
 * bench_token.c - tokenizer throughput.
 *
 *   bench_token [--lang CODE] [--repeat N] FILE
 *
 * Splits FILE into documents (at form feeds when it has any, otherwise
 * into pieces of about 8 KB ending at a newline), tokenises each with one
 * tokenizer on one thread, and prints MB/s, tokens, sentences and a
 * checksum of the token hashes and spans to compare runs.  The language
 * defaults to "en"; "-" means unknown.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/token.h"

static double now(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t alloc = 1 << 20, n = 0;
	char *p = malloc(alloc);
	size_t got;
	while (p && (got = fread(p + n, 1, alloc - n, f)) > 0) {
		n += got;
		if (n == alloc) {
			char *q = realloc(p, alloc * 2);
			if (!q) {
				free(p);
				fclose(f);
				return NULL;
			}
			p = q;
			alloc *= 2;
		}
	}
	fclose(f);
	*len = n;
	return p;
}

/* The end of the document starting at p. */
static size_t doc_end(const char *p, size_t n, int ff)
{
	if (ff) {
		const char *e = memchr(p, '\f', n);
		return e ? (size_t)(e - p) + 1 : n;
	}
	if (n <= 8192)
		return n;
	const char *e = memchr(p + 8192, '\n', n - 8192);
	return e ? (size_t)(e - p) + 1 : n;
}

int main(int argc, char **argv)
{
	const char *lang = "en";
	int repeat = 1, i = 1;
	for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
		if (strcmp(argv[i], "--lang") == 0)
			lang = strcmp(argv[i + 1], "-") ? argv[i + 1] : NULL;
		else if (strcmp(argv[i], "--repeat") == 0)
			repeat = atoi(argv[i + 1]);
	}
	if (i + 1 != argc || repeat < 1) {
		fprintf(stderr, "usage: bench_token [--lang CODE] [--repeat N] "
		                "FILE\n");
		return 2;
	}
	size_t len;
	char *text = read_file(argv[i], &len);
	if (!text) {
		perror(argv[i]);
		return 1;
	}
	int ff = memchr(text, '\f', len) != NULL;
	struct ue_tokenizer *tk;
	if (ue_tokenizer_new(&tk)) {
		fprintf(stderr, "bench_token: out of memory\n");
		return 1;
	}
	size_t ndocs = 0;
	for (size_t off = 0; off < len; off += doc_end(text + off, len - off, ff))
		ndocs++;
	size_t *doc = malloc((ndocs + 1) * sizeof *doc);
	ndocs = 0;
	if (!doc) {
		fprintf(stderr, "bench_token: out of memory\n");
		return 1;
	}
	for (size_t off = 0; off < len; off += doc_end(text + off, len - off, ff))
		doc[ndocs++] = off;
	doc[ndocs] = len;
	struct ue_tokens t;
	ue_tokens_init(&t);
	uint64_t sum = 0;
	size_t ntok = 0, nsent = 0;
	double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (int r = 0; r < repeat; r++) {
		for (size_t d = 0; d < ndocs; d++) {
			size_t off = doc[d], n = doc[d + 1] - off;
			ue_status st = ue_tokenize(tk, text + off, n, lang, &t);
			if (st) {
				fprintf(stderr, "bench_token: %s\n",
				        ue_strerror(st));
				return 1;
			}
			for (size_t k = 0; k < t.n; k++)
				sum = sum * 31 + t.tok[k].hash + t.tok[k].start +
				      t.tok[k].sentence;
			ntok += t.n;
			nsent += t.nsent;
		}
	}
	double dt = now(CLOCK_MONOTONIC) - t0;
	double ct = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	double mb = (double)len * repeat / 1e6;
	printf("tokenize: %.1f MB in %.3f s: %.1f MB/s, %.1f MB/s of CPU time "
	       "(%zu docs, %zu tokens, %zu sentences)\n", mb, dt, mb / dt,
	       mb / ct, ndocs * repeat, ntok, nsent);
	printf("checksum: %016llx\n", (unsigned long long)sum);
	ue_tokens_release(&t);
	ue_tokenizer_free(tk);
	free(doc);
	free(text);
	return 0;
}
