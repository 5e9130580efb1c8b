/*
 * bench_attrib.c - attribution extractor throughput.
 *
 *   bench_attrib [--lang CODE] [--limit N] [--repeat N] FILE.jsonl[.gz]
 *
 * Reads the "text" of each JSON Lines record of FILE (gzip or not, read
 * in place), then on one thread tokenises each text and extracts its
 * attribution relations from those tokens, timing the two steps apart.
 * Prints MB/s for tokenise, extract and both, the number of relations and
 * a checksum of their spans to compare runs.  Times are the CPU time of
 * the thread, so that other work on the machine disturbs them less.  The language defaults to
 * "en"; --limit keeps the first N texts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include <zlib.h>

#include "attrib/attrib.h"
#include "text/token.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct texts {
	char **v;
	size_t *len;
	size_t n, alloc, bytes;
};

static int add_text(struct texts *t, const char *s, size_t n)
{
	if (t->n == t->alloc) {
		size_t a = t->alloc ? t->alloc * 2 : 1024;
		char **v = realloc(t->v, a * sizeof *v);
		if (!v)
			return -1;
		t->v = v;
		size_t *l = realloc(t->len, a * sizeof *l);
		if (!l)
			return -1;
		t->len = l;
		t->alloc = a;
	}
	char *c = malloc(n + 1);
	if (!c)
		return -1;
	memcpy(c, s, n);
	c[n] = 0;
	t->v[t->n] = c;
	t->len[t->n++] = n;
	t->bytes += n;
	return 0;
}

/* The texts of the JSON Lines file path (at most limit). */
static int read_texts(const char *path, size_t limit, struct texts *t)
{
	gzFile f = gzopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 64u << 20;
	char *line = malloc(cap);
	if (!line) {
		gzclose(f);
		return -1;
	}
	int rc = 0;
	while (t->n < limit && gzgets(f, line, (int)cap)) {
		json_t *o = json_loads(line, 0, NULL);
		if (!o)
			continue;
		json_t *s = json_object_get(o, "text");
		if (json_is_string(s) &&
		    add_text(t, json_string_value(s), json_string_length(s))) {
			rc = -1;
			json_decref(o);
			break;
		}
		json_decref(o);
	}
	free(line);
	gzclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	const char *lang = "en";
	size_t limit = (size_t)-1;
	int repeat = 1, i = 1;
	for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
		if (strcmp(argv[i], "--lang") == 0)
			lang = strcmp(argv[i + 1], "-") ? argv[i + 1] : NULL;
		else if (strcmp(argv[i], "--limit") == 0)
			limit = (size_t)strtoull(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--repeat") == 0)
			repeat = atoi(argv[i + 1]);
	}
	if (i + 1 != argc || repeat < 1) {
		fprintf(stderr, "usage: bench_attrib [--lang CODE] [--limit N] "
		                "[--repeat N] FILE.jsonl[.gz]\n");
		return 2;
	}
	struct texts t = {0};
	if (read_texts(argv[i], limit, &t)) {
		fprintf(stderr, "bench_attrib: %s: cannot read\n", argv[i]);
		return 1;
	}
	struct ue_tokenizer *tk;
	struct ue_attrib *ax;
	if (ue_tokenizer_new(&tk) || ue_attrib_new(&ax)) {
		fprintf(stderr, "bench_attrib: cannot make the extractor\n");
		return 1;
	}
	struct ue_tokens tok;
	ue_tokens_init(&tok);
	struct ue_attributions rel;
	ue_attributions_init(&rel);
	double ttok = 0, tex = 0;
	uint64_t sum = 0;
	size_t nrel = 0;
	for (int r = 0; r < repeat; r++) {
		for (size_t d = 0; d < t.n; d++) {
			double t0 = now();
			ue_status st = ue_tokenize(tk, t.v[d], t.len[d], lang, &tok);
			double t1 = now();
			if (!st)
				st = ue_attrib_extract(ax, t.v[d], t.len[d], lang, &tok,
				                       &rel);
			double t2 = now();
			if (st) {
				fprintf(stderr, "bench_attrib: text %zu: %s\n", d,
				        ue_strerror(st));
				return 1;
			}
			ttok += t1 - t0;
			tex += t2 - t1;
			nrel += rel.n;
			for (size_t k = 0; k < rel.n; k++) {
				const struct ue_attribution *a = &rel.v[k];
				sum = sum * 31 + a->cue_start + a->source_start * 7u +
				      a->content_end * 13u + a->kind;
			}
		}
	}
	double mb = (double)t.bytes * repeat / 1e6;
	printf("texts      %zu (%.1f MB) x %d\n", t.n, (double)t.bytes / 1e6,
	       repeat);
	printf("tokenise   %.1f MB/s (%.2f s)\n", mb / ttok, ttok);
	printf("extract    %.1f MB/s (%.2f s)\n", mb / tex, tex);
	printf("both       %.1f MB/s (%.2f s)\n", mb / (ttok + tex), ttok + tex);
	printf("relations  %zu, checksum %016llx\n", nrel,
	       (unsigned long long)sum);
	ue_attributions_release(&rel);
	ue_tokens_release(&tok);
	ue_attrib_free(ax);
	ue_tokenizer_free(tk);
	for (size_t d = 0; d < t.n; d++)
		free(t.v[d]);
	free(t.v);
	free(t.len);
	return 0;
}
