/*
 * bench_ingest.c - ingest throughput and peak memory.
 *
 *   bench_ingest [--db PATH] FILE...
 *
 * Ingests the files into a fresh database (removed first) and prints the
 * documents added, MB of stored text per second, wall time and peak
 * resident memory, plus a checksum line (counts) to compare runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "unecho/unecho.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void remove_db(const char *db)
{
	char p[4096];
	unlink(db);
	snprintf(p, sizeof p, "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db);
	unlink(p);
}

int main(int argc, char **argv)
{
	const char *db = "bench-ingest.db";
	int i = 1;
	if (argc > 2 && strcmp(argv[1], "--db") == 0) {
		db = argv[2];
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: bench_ingest [--db PATH] FILE...\n");
		return 2;
	}
	remove_db(db);
	ue_corpus *c;
	char err[512];
	if (ue_corpus_open(db, &c, err, sizeof err)) {
		fprintf(stderr, "bench_ingest: %s\n", err);
		return 1;
	}
	ue_ingest_summary s;
	double t0 = now();
	ue_status st = ue_ingest(c, (const char *const *)argv + i,
	                         (size_t)(argc - i), NULL, &s);
	double dt = now() - t0;
	if (st) {
		fprintf(stderr, "bench_ingest: %s\n", ue_errmsg(c));
		ue_corpus_free(c);
		return 1;
	}
	ue_corpus_free(c);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("ingest: %llu records, %llu added, %llu duplicates, "
	       "%llu rejected\n", (unsigned long long)s.records,
	       (unsigned long long)s.added, (unsigned long long)s.duplicates,
	       (unsigned long long)s.rejected);
	printf("ingest: %.1f MB of text in %.2f s = %.1f MB/s, "
	       "%.0f documents/s\n", s.bytes_text / 1e6, dt,
	       s.bytes_text / 1e6 / dt, s.added / dt);
	printf("ingest: peak memory %.1f MB\n", ru.ru_maxrss / 1024.0);
	printf("checksum: records=%llu added=%llu bytes=%llu\n",
	       (unsigned long long)s.records, (unsigned long long)s.added,
	       (unsigned long long)s.bytes_text);
	return 0;
}
