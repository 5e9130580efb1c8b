/*
 * cmd_stance.c - unecho stance: the stance of documents towards claims,
 * for pairs read from a JSON Lines file (no database needed):
 *
 *   {"id": ..., "claim": "...", "body": "..."}
 *
 * Prints one line per pair: a table row, or with --json an object
 * {"id", "stance", "scores": {...}, "passage_start", "passage_end"}
 * (offsets are bytes of the normalised body).  --features prints the
 * model's features instead, for eval/fnc1.py --derive.  Bad lines are
 * reported as FILE:LINE: reason and skipped.  Reaches the classifier
 * through the library's internal header (lib/stance/stance.h).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common/buf.h"
#include "stance/stance.h"
#include "text/normalise.h"

#define MAX_LINE ((size_t)UE_STANCE_MAX_BODY + UE_STANCE_MAX_CLAIM + 4096)

struct run {
	const char *path;
	const char *lang;
	int json, features;
	struct ue_stance *st;
	struct ue_buf claim, body;
	json_t *row;        /* the features row being built */
};

static int feature_row(void *ctx, const char *const *name,
                       const double *value, size_t n)
{
	struct run *r = ctx;
	json_t *f = json_object();
	if (!f)
		return 1;
	for (size_t i = 0; i < n; i++)
		if (value[i] != 0)
			json_object_set_new(f, name[i], json_real(value[i]));
	json_object_set_new(r->row, "features", f);
	return 0;
}

/* One pair; returns 0, or -1 after reporting a bad line, or -2 when the
 * system failed. */
static int pair(struct run *r, const char *line, size_t len, size_t lineno)
{
	json_error_t err;
	json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &err);
	if (!o || !json_is_object(o)) {
		fprintf(stderr, "%s:%zu: %s\n", r->path, lineno,
		        o ? "not a JSON object" : err.text);
		json_decref(o);
		return -1;
	}
	json_t *id = json_object_get(o, "id");
	json_t *claim = json_object_get(o, "claim");
	json_t *body = json_object_get(o, "body");
	if (!json_is_string(claim) || !json_is_string(body)) {
		fprintf(stderr, "%s:%zu: needs string fields \"claim\" and "
		        "\"body\"\n", r->path, lineno);
		json_decref(o);
		return -1;
	}
	ue_buf_reset(&r->claim);
	ue_buf_reset(&r->body);
	ue_status s = ue_text_normalise_line(json_string_value(claim),
	                                     json_string_length(claim),
	                                     &r->claim);
	if (!s)
		s = ue_text_normalise(json_string_value(body),
		                      json_string_length(body), &r->body);
	const char *ctext = r->claim.len ? ue_buf_str(&r->claim) : "";
	const char *btext = r->body.len ? ue_buf_str(&r->body) : "";
	json_t *row = json_object();
	if (!row) {
		json_decref(o);
		return -2;
	}
	json_object_set(row, "id", id ? id : json_null());
	struct ue_stance_result res;
	if (!s && r->features) {
		r->row = row;
		s = ue_stance_features(r->st, ctext, r->claim.len, btext,
		                       r->body.len, r->lang, feature_row, r);
	} else if (!s) {
		s = ue_stance_classify(r->st, ctext, r->claim.len, btext,
		                       r->body.len, r->lang, &res);
	}
	json_decref(o);
	if (s) {
		json_decref(row);
		if (s == UE_ENOMEM)
			return -2;
		fprintf(stderr, "%s:%zu: %s\n", r->path, lineno, ue_strerror(s));
		return -1;
	}
	if (!r->features) {
		json_t *sc = json_object();
		for (unsigned k = 0; k < UE_STANCE_NLABELS; k++)
			json_object_set_new(sc, ue_stance_label_name(k),
			                    json_real(res.score[k]));
		json_object_set_new(row, "stance",
		                    json_string(ue_stance_label_name(res.label)));
		json_object_set_new(row, "scores", sc);
		json_object_set_new(row, "passage_start",
		                    json_integer(res.passage_start));
		json_object_set_new(row, "passage_end",
		                    json_integer(res.passage_end));
	}
	if (r->json || r->features) {
		char *text = json_dumps(row, JSON_COMPACT | JSON_REAL_PRECISION(6));
		if (text)
			puts(text);
		free(text);
	} else {
		char *idtext = id ? (json_is_string(id)
		                     ? strdup(json_string_value(id))
		                     : json_dumps(id, JSON_ENCODE_ANY))
		                  : strdup("-");
		printf("%-16s %-9s %.3f %.3f %.3f %.3f\n", idtext ? idtext : "-",
		       ue_stance_label_name(res.label), res.score[0], res.score[1],
		       res.score[2], res.score[3]);
		free(idtext);
	}
	json_decref(row);
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: unecho stance --pairs FILE.jsonl [--lang xx] "
	        "[--json] [--features]\n");
}

int cmd_stance(int argc, char **argv)
{
	struct run r = {0};
	static const struct option opts[] = {
		{"pairs", required_argument, NULL, 'p'},
		{"lang", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{"features", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "p:l:jfh", opts, NULL)) != -1) {
		switch (c) {
		case 'p': r.path = optarg; break;
		case 'l': r.lang = optarg; break;
		case 'j': r.json = 1; break;
		case 'f': r.features = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (!r.path || optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	FILE *in = strcmp(r.path, "-") ? fopen(r.path, "r") : stdin;
	if (!in) {
		cli_error("stance: %s: cannot open", r.path);
		return EXIT_USAGE;
	}
	ue_status s = ue_stance_new(&r.st);
	if (s) {
		cli_error("stance: %s", ue_strerror(s));
		if (in != stdin)
			fclose(in);
		return EXIT_FAILURE_DB;
	}
	ue_buf_init(&r.claim, UE_STANCE_MAX_CLAIM * 2);
	ue_buf_init(&r.body, (size_t)UE_STANCE_MAX_BODY * 2);
	if (!r.json && !r.features)
		printf("%-16s %-9s %-5s %-5s %-5s %-5s\n", "ID", "STANCE", "AGREE",
		       "DISAG", "DISC", "UNREL");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = EXIT_OK;
	while ((n = getline(&line, &cap, in)) > 0) {
		lineno++;
		size_t len = (size_t)n;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len == 0)
			continue;
		if (len > MAX_LINE) {
			fprintf(stderr, "%s:%zu: line longer than %zu bytes\n",
			        r.path, lineno, MAX_LINE);
			rc = EXIT_REJECTED;
			continue;
		}
		int k = pair(&r, line, len, lineno);
		if (k == -1)
			rc = EXIT_REJECTED;
		if (k == -2) {
			cli_error("stance: %s", ue_strerror(UE_ENOMEM));
			rc = EXIT_FAILURE_DB;
			break;
		}
	}
	if (ferror(in)) {
		cli_error("stance: %s: read error", r.path);
		rc = EXIT_USAGE;
	}
	free(line);
	if (in != stdin)
		fclose(in);
	ue_buf_release(&r.claim);
	ue_buf_release(&r.body);
	ue_stance_free(r.st);
	return rc;
}
