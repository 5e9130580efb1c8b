/* progress.c - a progress bar on stderr, drawn only on a terminal and at
 * most ten times a second. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

struct progress {
	const char *label;
	double last, start;
	int drawn;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct progress *progress_new(const char *label)
{
	if (!isatty(STDERR_FILENO))
		return NULL;
	struct progress *p = calloc(1, sizeof *p);
	if (p) {
		p->label = label;
		p->start = now();
	}
	return p;
}

void progress_update(struct progress *p, uint64_t done, uint64_t total,
                     uint64_t items)
{
	if (!p)
		return;
	double t = now();
	if (p->drawn && t - p->last < 0.1)
		return;
	p->last = t;
	p->drawn = 1;
	double mb = done / 1e6, rate = mb / (t - p->start + 1e-9);
	if (total && done <= total) {
		int width = 30, fill = (int)(width * (double)done / (double)total);
		fprintf(stderr, "\r%s [", p->label);
		for (int i = 0; i < width; i++)
			fputc(i < fill ? '#' : '.', stderr);
		fprintf(stderr, "] %3d%%  %.1f MB  %.1f MB/s  %llu records ",
		        (int)(100.0 * (double)done / (double)total), mb, rate,
		        (unsigned long long)items);
	} else {
		fprintf(stderr, "\r%s %.1f MB  %.1f MB/s  %llu records ", p->label,
		        mb, rate, (unsigned long long)items);
	}
	fflush(stderr);
}

void progress_done(struct progress *p)
{
	if (!p)
		return;
	if (p->drawn)
		fputs("\r\033[K", stderr);
	free(p);
}
