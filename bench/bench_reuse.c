/*
 * bench_reuse.c - the reuse stage's speed, memory and growth.
 *
 *   bench_reuse [--threads N] [--scale K] [--repeat N] [--work DIR]
 *               FILE.jsonl[.gz]
 *
 * Ingests FILE into a fresh database and times `analyze` (the reuse
 * stage) alone: MB of text per second and peak memory.  With --scale K it
 * also builds a deterministic K-fold enlargement of the corpus and reports
 * the time ratio K-fold / 1-fold: each document plus K-1 perturbed copies
 * under other outlets, copy k having every content word respelt the same
 * way (a prefix letter k; stop words and numbers kept), so that each copy
 * is a corpus with the same sizes, vocabulary statistics and reuse
 * structure as the original but no passage in common with it.  The ratio
 * then shows how the stage scales with corpus size (all-pairs work would
 * show K squared).  Each analysis runs in a process of its own, on a
 * fresh copy of the ingested database, as `unecho analyze` would; the peak
 * memory shown is the analysis' own.  With --repeat N each corpus is
 * analysed N times and the fastest run counts: on a shared machine the
 * slower ones measure the neighbours.  Each phase's page faults are shown
 * beside its time (on a virtual machine, memory touched for the first
 * time can cost more than the work done in it).  The last line is a
 * checksum of the counts, to compare runs.
 *
 * With --all-stages it times every stage of `analyze` instead (reuse, the
 * per-text pass, stories, claims), each on its own line, and the whole.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "unecho/unecho.h"
#include "text/lang.h"
#include "text/token.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of the process so far, user and system, all threads. */
static double cpu_seconds(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void remove_db(const char *db)
{
	char p[4200];
	unlink(db);
	snprintf(p, sizeof p, "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db);
	unlink(p);
}

/*
 * Copy k of a text: every content word (not a stop word, not a number)
 * gets the prefix letter k, a consonant, matching its case.  A prefix,
 * unlike a suffix, leaves the stemmer's work unchanged, and stop words
 * stay stop words, so the copy has the same content tokens, shingles and
 * sentences as the original, respelt.  NULL when the text cannot be
 * tokenised.
 */
static char *perturb(struct ue_tokenizer *tk, struct ue_tokens *tok,
                     const char *text, int k)
{
	size_t n = strlen(text);
	const char *lang = ue_lang_detect(text, n);
	if (ue_tokenize(tk, text, n, lang, tok))
		return NULL;
	char *out = malloc(n + tok->n + 1);
	if (!out)
		return NULL;
	const char prefix = "bcdfghjklmnpqrstvwxz"[(k - 1) % 20];
	size_t o = 0, at = 0;
	for (size_t t = 0; t < tok->n; t++) {
		const struct ue_token *w = &tok->tok[t];
		if (w->flags & (UE_TOK_STOP | UE_TOK_NUMBER))
			continue;
		memcpy(out + o, text + at, w->start - at);
		o += w->start - at;
		at = w->start;
		char c = text[at];
		if (c >= 'A' && c <= 'Z') {   /* Trump -> Btrump */
			out[o++] = (char)(prefix - 'a' + 'A');
			out[o++] = (char)(c - 'A' + 'a');
			at++;
		} else {
			out[o++] = prefix;
		}
	}
	memcpy(out + o, text + at, n - at);
	out[o + n - at] = 0;
	return out;
}

/* Writes the K-fold corpus of in (JSON Lines, gzip or not) to out. */
static int enlarge(const char *in, const char *out, int scale)
{
	gzFile f = gzopen(in, "rb");
	FILE *w = fopen(out, "w");
	if (!f || !w) {
		perror(in);
		return -1;
	}
	char *line = malloc(64 << 20);
	struct ue_tokenizer *tk;
	struct ue_tokens tok;
	ue_tokens_init(&tok);
	if (!line || ue_tokenizer_new(&tk)) {
		fprintf(stderr, "bench_reuse: out of memory\n");
		free(line);
		gzclose(f);
		fclose(w);
		return -1;
	}
	while (gzgets(f, line, 64 << 20)) {
		json_t *o = json_loads(line, 0, NULL);
		if (!o)
			continue;
		const char *id = json_string_value(json_object_get(o, "id"));
		const char *text = json_string_value(json_object_get(o, "text"));
		const char *outlet = json_string_value(json_object_get(o, "outlet"));
		for (int k = 0; k < scale && id && text; k++) {
			json_t *c = json_deep_copy(o);
			char buf[512];
			if (k) {
				snprintf(buf, sizeof buf, "%s~%d", id, k);
				json_object_set_new(c, "id", json_string(buf));
				snprintf(buf, sizeof buf, "%s copy %d",
				         outlet ? outlet : "outlet", k);
				json_object_set_new(c, "outlet", json_string(buf));
				json_object_del(c, "url");
				char *t = perturb(tk, &tok, text, k);
				json_object_set_new(c, "text", json_string(t ? t : text));
				free(t);
			}
			char *s = json_dumps(c, JSON_COMPACT);
			fprintf(w, "%s\n", s);
			free(s);
			json_decref(c);
		}
		json_decref(o);
	}
	free(line);
	ue_tokens_release(&tok);
	ue_tokenizer_free(tk);
	gzclose(f);
	return fclose(w);
}

#define MAX_PHASES 16
#define MAX_RUNS 8

struct result {
	double seconds, cpu, mb;  /* wall and CPU (all threads) time */
	double runs[MAX_RUNS];    /* wall time of each run */
	ue_analyze_summary sum;
	long rss_kb;                  /* peak memory of the analysis */
	char phase[MAX_PHASES][16];   /* stage phases, as reported */
	double start[MAX_PHASES];     /* when each was first reported */
	long faults[MAX_PHASES];      /* page faults in each, at first the
	                                 count when it began */
	int nphase;
};

/* Page faults of the process so far: each is a page of memory touched
 * for the first time (or again after the system took it back). */
static long page_faults(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt + ru.ru_majflt;
}

/* Notes when each phase of the analysis begins. */
static void on_progress(void *ctx, const char *stage, uint64_t done,
                        uint64_t total)
{
	struct result *r = ctx;
	(void)done;
	(void)total;
	if (r->nphase > 0 && !strcmp(r->phase[r->nphase - 1], stage))
		return;
	if (r->nphase == MAX_PHASES)
		return;
	snprintf(r->phase[r->nphase], sizeof r->phase[0], "%s", stage);
	r->faults[r->nphase] = page_faults();
	r->start[r->nphase++] = now();
}

static int all_stages;

/* Copies file from to file to, on disk before it returns (so that writing
 * it back does not run into the timed analysis); -1 on failure. */
static int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	int rc = in && out ? 0 : -1;
	char buf[1 << 16];
	size_t n;
	while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (in && ferror(in))
		rc = -1;
	if (in)
		fclose(in);
	if (out && (fflush(out) || fsync(fileno(out))))
		rc = -1;
	if (out && fclose(out))
		rc = -1;
	return rc;
}

static int repeat = 1;

/* One analysis of a copy of the ingested database db, timed into r. */
static int analyse_copy(const char *db, unsigned threads, struct result *r)
{
	char run[4104];
	snprintf(run, sizeof run, "%s.run", db);
	remove_db(run);
	ue_corpus *c;
	char err[512];
	if (copy_file(db, run) || ue_corpus_open(run, &c, err, sizeof err)) {
		fprintf(stderr, "bench_reuse: cannot copy %s to %s\n", db, run);
		return -1;
	}
	ue_analyze_options o = {
		.threads = threads,
		.stages = all_stages ? UE_STAGE_ALL : UE_STAGE_REUSE,
		.on_progress = on_progress,
		.ctx = r,
	};
	r->nphase = 0;
	double t0 = now(), c0 = cpu_seconds();
	ue_status st = ue_analyze(c, &o, &r->sum);
	r->seconds = now() - t0;
	r->cpu = cpu_seconds() - c0;
	long f_end = page_faults();
	for (int k = 0; k < r->nphase; k++) {  /* starts to durations */
		r->start[k] = (k + 1 < r->nphase ? r->start[k + 1] : t0 +
		               r->seconds) - r->start[k];
		r->faults[k] = (k + 1 < r->nphase ? r->faults[k + 1] : f_end) -
		               r->faults[k];
	}
	if (st)
		fprintf(stderr, "bench_reuse: %s\n", ue_errmsg(c));
	ue_corpus_free(c);
	remove_db(run);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	r->rss_kb = ru.ru_maxrss;
	return st ? -1 : 0;
}

/*
 * The analysis in a process of its own, as `unecho analyze` runs after
 * `unecho ingest`: its memory starts empty, not as another run or the
 * ingestion left it, and its peak memory is its own.
 */
static int analyse_apart(const char *db, unsigned threads, struct result *r)
{
	int fd[2];
	if (pipe(fd))
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		int rc = analyse_copy(db, threads, r);
		if (write(fd[1], r, sizeof *r) != sizeof *r)
			rc = -1;
		_exit(rc ? 1 : 0);
	}
	close(fd[1]);
	int status = 0;
	ssize_t got = read(fd[0], r, sizeof *r);
	close(fd[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) || got != (ssize_t)sizeof *r)
		return -1;
	return 0;
}

/*
 * Ingests path into db and times the analysis `repeat` times, each on a
 * fresh copy of the ingested database (as `unecho ingest` then `unecho
 * analyze`: the write-ahead log folded in) in a fresh process; r is the
 * fastest run, whose time is the least disturbed by the rest of the
 * machine, with the highest peak memory of all.
 */
static int measure(const char *db, const char *path, unsigned threads,
                   struct result *r)
{
	remove_db(db);
	ue_corpus *c;
	char err[512];
	if (ue_corpus_open(db, &c, err, sizeof err)) {
		fprintf(stderr, "bench_reuse: %s\n", err);
		return -1;
	}
	ue_ingest_summary is;
	const char *paths[] = {path};
	ue_status st = ue_ingest(c, paths, 1, NULL, &is);
	if (st)
		fprintf(stderr, "bench_reuse: %s\n", ue_errmsg(c));
	ue_corpus_free(c);
	long rss_kb = 0;
	for (int k = 0; !st && k < repeat; k++) {
		struct result one;
		if (analyse_apart(db, threads, &one)) {
			fprintf(stderr, "bench_reuse: the analysis failed\n");
			st = UE_EDB;
			break;
		}
		r->runs[k] = one.seconds;
		rss_kb = one.rss_kb > rss_kb ? one.rss_kb : rss_kb;
		if (k == 0 || one.seconds < r->seconds) {
			double runs[MAX_RUNS];
			memcpy(runs, r->runs, sizeof runs);
			*r = one;
			memcpy(r->runs, runs, sizeof runs);
		}
	}
	r->rss_kb = rss_kb;
	r->mb = is.bytes_text / 1e6;
	remove_db(db);
	return st ? -1 : 0;
}

/* The times of every run, when there were several. */
static void print_runs(const char *what, const struct result *r)
{
	if (repeat < 2)
		return;
	printf("%s: %d runs:", what, repeat);
	for (int k = 0; k < repeat; k++)
		printf(" %.2f s", r->runs[k]);
	printf("; the fastest is shown\n");
}

/* The time of each phase of a run. */
static void print_phases(const char *what, const struct result *r)
{
	for (int k = 0; k < r->nphase; k++)
		printf("%s: phase %-10s %6.2f s, %8ld page faults\n", what,
		       r->phase[k], r->start[k], r->faults[k]);
}

int main(int argc, char **argv)
{
	unsigned threads = 2;
	int scale = 0;
	const char *work = ".";
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "--all-stages")) {
			all_stages = 1;
			i--;
			continue;
		}
		if (i + 1 >= argc)
			break;
		if (!strcmp(argv[i], "--threads"))
			threads = (unsigned)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--scale"))
			scale = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--repeat"))
			repeat = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--work"))
			work = argv[i + 1];
	}
	if (i >= argc || repeat < 1 || repeat > MAX_RUNS) {
		fprintf(stderr, "usage: bench_reuse [--threads N] [--scale K] "
		        "[--repeat N (1 to %d)] [--all-stages] [--work DIR] "
		        "FILE.jsonl[.gz]\n", MAX_RUNS);
		return 2;
	}
	char db[4096], big[4096];
	snprintf(db, sizeof db, "%s/bench-reuse.db", work);
	snprintf(big, sizeof big, "%s/bench-reuse-x%d.jsonl", work, scale);

	struct result one;
	if (measure(db, argv[i], threads, &one)) {
		fprintf(stderr, "bench_reuse: the 1-fold run failed\n");
		return 1;
	}
	printf("reuse: %.1f MB of text, %llu texts, %llu candidates, %llu pairs\n",
	       one.mb, (unsigned long long)one.sum.texts,
	       (unsigned long long)one.sum.candidates,
	       (unsigned long long)one.sum.pairs);
	const char *what = all_stages ? "analyze" : "reuse";
	print_runs(what, &one);
	print_phases(what, &one);
	if (all_stages)
		printf("analyze: %llu stories, %llu claims, %llu origins\n",
		       (unsigned long long)one.sum.stories,
		       (unsigned long long)one.sum.claims,
		       (unsigned long long)one.sum.origins);
	printf("%s: %.2f s with %u threads = %.1f MB/s (%.2f s of CPU); peak "
	       "memory %.0f MB\n", what, one.seconds, threads,
	       one.mb / one.seconds, one.cpu, one.rss_kb / 1024.0);
	if (scale > 1) {
		struct result many;
		if (enlarge(argv[i], big, scale) ||
		    measure(db, big, threads, &many)) {
			unlink(big);
			return 1;
		}
		unlink(big);
		printf("reuse: %d-fold corpus: %.1f MB, %llu candidates, %llu "
		       "pairs in %.2f s (%.2f s of CPU), peak memory %.0f MB; "
		       "time ratio %.2f, CPU time ratio %.2f (linear would be "
		       "%d)\n", scale, many.mb,
		       (unsigned long long)many.sum.candidates,
		       (unsigned long long)many.sum.pairs, many.seconds, many.cpu,
		       many.rss_kb / 1024.0,
		       many.seconds / one.seconds, many.cpu / one.cpu, scale);
		print_runs("reuse: enlarged", &many);
		print_phases("reuse: enlarged", &many);
	}
	printf("checksum: texts=%llu candidates=%llu pairs=%llu\n",
	       (unsigned long long)one.sum.texts,
	       (unsigned long long)one.sum.candidates,
	       (unsigned long long)one.sum.pairs);
	return 0;
}
