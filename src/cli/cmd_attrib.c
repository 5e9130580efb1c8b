/*
 * cmd_attrib.c - unecho attributions: who is said to have said what.
 *
 * File mode (--file PATH ..., --files-from LIST) reads texts from files and
 * needs no database; it reaches the extractor through the library's
 * internal headers (lib/attrib/attrib.h).  The database mode (--doc ID)
 * is to come with 'unecho analyze'.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "attrib/attrib.h"
#include "text/normalise.h"
#include "text/token.h"

/* The database mode's table. */
static const struct out_column db_columns[] = {
	{"doc", "DOC", 20},
	{"kind", "KIND", 0},
	{"source_kind", "SOURCE KIND", 0},
	{"source", "SOURCE", 30},
	{"cue", "CUE", 16},
	{"origin", "ORIGIN", 30},
};

static const struct out_column columns[] = {
	{"file", "FILE", 24},
	{"kind", "KIND", 0},
	{"source_kind", "SOURCE KIND", 0},
	{"source", "SOURCE", 28},
	{"cue", "CUE", 20},
	{"content", "CONTENT", 60},
};

struct file_mode {
	const char **files;
	size_t n, alloc;
	const char *lang;
	int json;
	int features;       /* print the cue model's features instead */
	struct ue_tokenizer *tk;
	struct ue_attrib *ax;
	struct ue_tokens tok;
	struct ue_attributions rel;
	struct out *out;
};

static int add_file(struct file_mode *m, const char *path)
{
	if (m->n == m->alloc) {
		size_t n = m->alloc ? m->alloc * 2 : 16;
		const char **p = realloc(m->files, n * sizeof *p);
		if (!p)
			return -1;
		m->files = p;
		m->alloc = n;
	}
	m->files[m->n++] = path;
	return 0;
}

/* Reads the paths listed in list, one a line; they are kept for the run. */
static int read_list(struct file_mode *m, const char *list)
{
	FILE *f = strcmp(list, "-") ? fopen(list, "r") : stdin;
	if (!f) {
		cli_error("attributions: %s: cannot open", list);
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if (n == 0)
			continue;
		char *p = strdup(line);
		if (!p || add_file(m, p)) {
			free(p);
			free(line);
			if (f != stdin)
				fclose(f);
			return -1;
		}
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return 0;
}

static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n == cap) {
			if (cap > UE_ATTRIB_MAX_TEXT) {
				free(buf);
				buf = NULL;
				break;
			}
			char *b = realloc(buf, cap * 2);
			if (!b) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = b;
			cap *= 2;
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

static int count_row(void *ctx, const char *json, size_t len)
{
	(void)json;
	(void)len;
	++*(int *)ctx;
	return 0;
}

static int print_features(void *ctx, uint32_t start, uint32_t end,
                          const char *const *feat, size_t nfeat)
{
	const char *file = ctx;
	printf("%s\t%u\t%u", file, start, end);
	for (size_t i = 0; i < nfeat; i++)
		printf("\t%s", feat[i]);
	putchar('\n');
	return 0;
}

static json_t *span_text(const char *text, uint32_t a, uint32_t b)
{
	return json_stringn(text + a, b - a);
}

static void emit(struct file_mode *m, const char *path, const char *text,
                 const struct ue_attribution *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "file", json_string(path));
	if (m->json) {
		static const char *const keys[] = {
			"source_start", "source_end", "cue_start", "cue_end",
			"content_start", "content_end",
		};
		const uint32_t v[] = {r->source_start, r->source_end, r->cue_start,
		                      r->cue_end, r->content_start, r->content_end};
		for (int i = 0; i < 6; i++)
			json_object_set_new(o, keys[i], json_integer(v[i]));
		json_object_set_new(o, "kind",
		                    json_string(ue_attrib_kind_name(r->kind)));
		json_object_set_new(o, "source_kind",
		                    json_string(ue_source_kind_name(r->source_kind)));
		json_object_set_new(o, "hedged", json_boolean(r->hedged));
		json_object_set_new(o, "resolved_start",
		                    json_integer(r->resolved_start));
		json_object_set_new(o, "resolved_end", json_integer(r->resolved_end));
	} else {
		json_object_set_new(o, "kind",
		                    json_string(ue_attrib_kind_name(r->kind)));
		json_object_set_new(o, "source_kind",
		                    json_string(ue_source_kind_name(r->source_kind)));
		json_t *src = span_text(text, r->source_start, r->source_end);
		if (r->resolved_end && src) {
			char *s = NULL;
			size_t n = (size_t)(r->source_end - r->source_start) +
			           (r->resolved_end - r->resolved_start) + 8;
			s = malloc(n);
			if (s) {
				snprintf(s, n, "%.*s (%.*s)",
				         (int)(r->source_end - r->source_start),
				         text + r->source_start,
				         (int)(r->resolved_end - r->resolved_start),
				         text + r->resolved_start);
				json_decref(src);
				src = json_string(s);
				free(s);
			}
		}
		json_object_set_new(o, "source", src);
		json_object_set_new(o, "cue",
		                    span_text(text, r->cue_start, r->cue_end));
		json_object_set_new(o, "content",
		                    span_text(text, r->content_start, r->content_end));
	}
	char *s = json_dumps(o, JSON_COMPACT);
	if (s) {
		out_row(m->out, s, strlen(s));
		free(s);
	}
	json_decref(o);
}

/* Extracts from one file; returns 0, or 1 when the file was rejected. */
static int one_file(struct file_mode *m, const char *path)
{
	size_t len;
	char *text = read_whole(path, &len);
	if (!text) {
		cli_error("%s: cannot read (or larger than %u MB)", path,
		          UE_ATTRIB_MAX_TEXT >> 20);
		return 1;
	}
	if (!ue_utf8_valid(text, len)) {
		cli_error("%s: not valid UTF-8", path);
		free(text);
		return 1;
	}
	ue_status st = ue_tokenize(m->tk, text, len, m->lang, &m->tok);
	if (!st && m->features)
		st = ue_attrib_features(m->ax, text, len, m->lang, &m->tok,
		                        print_features, (void *)path);
	else if (!st)
		st = ue_attrib_extract(m->ax, text, len, m->lang, &m->tok, &m->rel);
	if (st) {
		cli_error("%s: %s", path, ue_strerror(st));
		free(text);
		return 1;
	}
	if (!m->features)
		for (size_t i = 0; i < m->rel.n; i++)
			emit(m, path, text, &m->rel.v[i]);
	free(text);
	return 0;
}

static int run_files(struct file_mode *m)
{
	ue_status st = ue_tokenizer_new(&m->tk);
	if (!st)
		st = ue_attrib_new(&m->ax);
	if (st) {
		cli_error("attributions: %s", ue_strerror(st));
		return EXIT_FAILURE_DB;
	}
	ue_tokens_init(&m->tok);
	ue_attributions_init(&m->rel);
	if (!m->features)
		m->out = out_new(m->json ? OUT_JSON : OUT_TABLE, columns,
		                 (int)(sizeof columns / sizeof columns[0]));
	int rejected = 0;
	for (size_t i = 0; i < m->n; i++)
		rejected += one_file(m, m->files[i]);
	if (m->out)
		out_finish(m->out);
	ue_attributions_release(&m->rel);
	ue_tokens_release(&m->tok);
	ue_attrib_free(m->ax);
	ue_tokenizer_free(m->tk);
	fflush(stdout);
	return rejected == 0 ? EXIT_OK
	       : rejected == (int)m->n ? EXIT_USAGE : EXIT_REJECTED;
}

/* The relations found by `unecho analyze`, of one document or all. */
static int run_db(const char *doc, enum out_mode mode)
{
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, db_columns,
	                        (int)(sizeof db_columns / sizeof db_columns[0]));
	ue_status st = ue_attributions(corpus, doc, out_row, o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, "attributions") : EXIT_OK;
	if (!st && doc) {
		ue_doc_filter f = {.id = doc};
		int found = 0;
		if (ue_docs(corpus, &f, count_row, &found) == UE_OK && !found) {
			cli_error("no document '%s'", doc);
			rc = EXIT_USAGE;
		}
	}
	ue_corpus_free(corpus);
	return rc;
}

int cmd_attributions(int argc, char **argv)
{
	static const struct option opts[] = {
		{"file", required_argument, NULL, 'f'},
		{"files-from", required_argument, NULL, 'F'},
		{"lang", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{"features", no_argument, NULL, 'x'},
		{"doc", required_argument, NULL, 'd'},
		{"csv", no_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct file_mode m;
	memset(&m, 0, sizeof m);
	int c, rc = EXIT_USAGE, from_list = 0, csv = 0;
	const char *doc = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (add_file(&m, optarg))
				goto out;
			break;
		case 'F':
			if (read_list(&m, optarg))
				goto out;
			from_list = 1;
			break;
		case 'l': m.lang = optarg; break;
		case 'j': m.json = 1; break;
		case 'x': m.features = 1; break;
		case 'd': doc = optarg; break;
		case 'c': csv = 1; break;
		case 'h':
			printf("usage: unecho attributions [--doc ID] [--json|--csv]\n"
			       "       unecho attributions --file PATH [--file PATH "
			       "...] [--files-from LIST] [--lang xx] [--json]\n");
			rc = EXIT_OK;
			goto out;
		default:
			goto out;
		}
	}
	if (optind < argc) {
		cli_error("attributions: unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (m.n == 0 && !from_list)
		rc = run_db(doc, m.json ? OUT_JSON : csv ? OUT_CSV : OUT_TABLE);
	else if (doc)
		cli_error("attributions: --doc is for the database, not --file");
	else
		rc = run_files(&m);
out:
	/* paths from --files-from were copied; those from --file were not */
	if (from_list)
		for (size_t i = 0; i < m.n; i++) {
			int mine = 1;
			for (int k = 1; k < argc; k++)
				if (argv[k] == m.files[i])
					mine = 0;
			if (mine)
				free((char *)m.files[i]);
		}
	free(m.files);
	return rc;
}
