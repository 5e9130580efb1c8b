/* ingest.c - the ingest driver; see ingest.h. */
#include "ingest/ingest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#define XXH_STATIC_LINKING_ONLY   /* XXH3_state_t on the stack */
#include <xxhash.h>

#include "common/json.h"
#include "ingest/formats.h"
#include "ingest/unwrap.h"
#include "text/date.h"
#include "text/lang.h"
#include "text/normalise.h"

#define BATCH_DOCS 2000
#define BATCH_BYTES ((size_t)32 << 20)

/* The state of one ingest run. */
struct run {
	struct ue_store *store;
	const ue_ingest_options *o;
	ue_ingest_options lim;           /* options with defaults filled in */
	struct ue_field_map map;
	enum ue_format forced;
	ue_ingest_summary sum;

	/* The file being read. */
	const char *path;                /* as named, for messages */
	char label[4096];                /* path, or path:member */
	int64_t file;
	struct ue_file_counts counts;

	/* The batch not yet committed. */
	size_t batch_docs, batch_bytes;

	/* Progress. */
	uint64_t total_bytes, done_before;   /* files finished */

	/* Per-record scratch, reused. */
	struct ue_buf field[UE_F_COUNT];
	struct ue_buf meta;
	char errbuf[512];
	ue_status fatal;                 /* a database failure */
};

static void report(struct run *r, uint64_t line, const char *reason)
{
	r->counts.rejected++;
	r->sum.rejected++;
	if (r->file && !r->fatal)
		r->fatal = ue_store_file_reject(r->store, r->file, line, reason);
	if (r->o->on_reject)
		r->o->on_reject(r->o->ctx, r->label, line, reason);
}

/* A record the parser could not read: it counts as read, and rejected. */
static void sink_reject(void *ctx, uint64_t line, const char *reason)
{
	struct run *r = ctx;
	r->counts.records++;
	r->sum.records++;
	report(r, line, reason);
}

/* Commits the batch and starts the next transaction. */
static ue_status checkpoint(struct run *r)
{
	ue_status st = UE_OK;
	if (r->file)
		st = ue_store_file_update(r->store, r->file, &r->counts,
		                          "running", NULL);
	if (!st)
		st = ue_store_commit(r->store);
	if (!st)
		st = ue_store_begin(r->store);
	r->batch_docs = r->batch_bytes = 0;
	return st;
}

static void hex64(char *out, char prefix, uint64_t h)
{
	snprintf(out, 18, "%c%016llx", prefix, (unsigned long long)h);
}

/* The document's id: given, else from its URL, else from its content. */
static const char *identity(struct run *r, char derived[18])
{
	struct ue_buf *id = &r->field[UE_F_ID];
	if (id->len)
		return id->data;
	struct ue_buf *url = &r->field[UE_F_URL];
	if (url->len) {
		hex64(derived, 'u', XXH3_64bits(url->data, url->len));
		return derived;
	}
	/* Outlet, title and text, each with its NUL as a separator. */
	static const enum ue_field parts[] = {UE_F_OUTLET, UE_F_TITLE, UE_F_TEXT};
	XXH3_state_t st;
	XXH3_64bits_reset(&st);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		XXH3_64bits_update(&st, ue_buf_str(&r->field[parts[i]]),
		                   r->field[parts[i]].len + 1);
	hex64(derived, 'h', XXH3_64bits_digest(&st));
	return derived;
}

/* Normalises the record's fields into the run's scratch buffers. */
static ue_status normalise(struct run *r, const struct ue_record *rec)
{
	for (int f = 0; f < UE_F_COUNT; f++) {
		struct ue_buf *b = &r->field[f];
		ue_buf_reset(b);
		if (!rec->field[f])
			continue;
		ue_status st = f == UE_F_TEXT
			? ue_text_normalise(rec->field[f], rec->field_len[f], b)
			: ue_text_normalise_line(rec->field[f], rec->field_len[f], b);
		if (st)
			return st;
	}
	return UE_OK;
}

/* Adds "published_raw" to the metadata when the date did not parse. */
static const char *meta_with(struct run *r, const char *meta,
                             const char *key, const char *value)
{
	struct ue_buf *b = &r->meta;
	ue_buf_reset(b);
	size_t n = meta ? strlen(meta) : 0;
	if (n >= 2 && meta[n - 1] == '}') {
		ue_buf_append(b, meta, n - 1);
		if (n > 2)
			ue_buf_putc(b, ',');
	} else {
		ue_buf_putc(b, '{');
	}
	ue_buf_printf(b, "\"%s\":", key);
	ue_json_quote(b, value);
	ue_buf_putc(b, '}');
	return ue_buf_str(b);
}

static ue_status store_record(void *ctx, const struct ue_record *rec)
{
	struct run *r = ctx;
	r->counts.records++;
	r->sum.records++;
	ue_status st = normalise(r, rec);
	if (st == UE_ELIMIT || (st == UE_OK &&
	                        r->field[UE_F_TEXT].len > r->lim.max_doc_bytes)) {
		char msg[128];
		snprintf(msg, sizeof msg, "document text over the limit of %zu "
		         "bytes", r->lim.max_doc_bytes);
		report(r, rec->line, msg);
		return UE_OK;
	}
	if (st)
		return st;
	struct ue_buf *text = &r->field[UE_F_TEXT];
	if (text->len == 0) {
		report(r, rec->line, "no text");
		return UE_OK;
	}
	char derived[18];
	const char *id = identity(r, derived);
	int exists;
	if ((st = ue_store_doc_exists(r->store, id, &exists)))
		return r->fatal = st;
	if (exists) {
		r->counts.duplicates++;
		r->sum.duplicates++;
		return UE_OK;
	}

	struct ue_store_doc d = {
		.id = id, .text = text->data, .text_len = text->len,
		.ingest_file = r->file, .record = rec->line, .meta = rec->meta_json,
	};
	XXH128_hash_t h = XXH3_128bits(text->data, text->len);
	XXH128_canonicalFromHash((XXH128_canonical_t *)d.hash, h);
	const char *s;
#define FIELD(f) ((s = ue_buf_str(&r->field[f]))[0] ? s : NULL)
	d.outlet_name = FIELD(UE_F_OUTLET);
	d.url = FIELD(UE_F_URL);
	d.title = FIELD(UE_F_TITLE);
	d.author = FIELD(UE_F_AUTHOR);
	const char *date = FIELD(UE_F_PUBLISHED);
	const char *lang = FIELD(UE_F_LANGUAGE);
#undef FIELD
	char iso[32];
	int has_time;
	if (date && ue_date_parse(date, strlen(date), &d.published_ts,
	                          &has_time) == UE_OK) {
		ue_date_format(d.published_ts, has_time, iso);
		d.published = iso;
	} else if (date) {
		d.meta = meta_with(r, rec->meta_json, "published_raw", date);
	}
	d.language = lang ? ue_lang_normalise(lang, strlen(lang)) : NULL;
	if (!d.language) {
		d.language = ue_lang_detect(text->data, text->len);
		d.language_detected = 1;
	}
	if ((st = ue_store_outlet_resolve(r->store, d.outlet_name, d.url,
	                                  &d.outlet)) ||
	    (st = ue_store_doc_add(r->store, &d)))
		return r->fatal = st;
	r->counts.added++;
	r->sum.added++;
	r->sum.bytes_text += text->len;
	r->batch_bytes += text->len;
	if (++r->batch_docs >= BATCH_DOCS || r->batch_bytes >= BATCH_BYTES)
		if ((st = checkpoint(r)))
			return r->fatal = st;
	return UE_OK;
}

static void progress(void *ctx, uint64_t bytes_in)
{
	struct run *r = ctx;
	if (r->o->on_progress)
		r->o->on_progress(r->o->ctx, r->done_before + bytes_in,
		                  r->total_bytes, r->sum.records);
}

/* Binary data (NUL bytes, or mostly bytes that are not text). */
static int binary(const char *p, size_t n)
{
	size_t odd = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == 0)
			return 1;
		odd += c < 0x20 && c != '\n' && c != '\r' && c != '\t' &&
		       c != '\f' && c != 0x1b && c != 0x19;
	}
	return n && odd * 10 > n;
}

static ue_status member(void *ctx, const char *name, struct ue_reader *rd)
{
	struct run *r = ctx;
	snprintf(r->label, sizeof r->label, "%s%s%s", r->path,
	         *name ? ":" : "", name);
	size_t n;
	const char *head = ue_reader_peek(rd, 4096, &n);
	enum ue_format fmt = r->forced;
	if (fmt == UE_FMT_UNKNOWN && !binary(head, n))
		fmt = ue_format_detect(head, n, *name ? name : r->path);
	r->sum.files++;
	memset(&r->counts, 0, sizeof r->counts);
	ue_status st = ue_store_file_begin(r->store, r->label,
	                                   ue_format_name(fmt), &r->file);
	if (st)
		return r->fatal = st;
	const char *error = NULL;
	if (fmt == UE_FMT_UNKNOWN) {
		error = "not a document format unecho reads (binary data)";
	} else if (n == 0) {
		error = "empty file";
	} else {
		struct ue_sink sink = {
			.ctx = r, .record = store_record, .reject = sink_reject,
			.map = &r->map, .max_doc_bytes = r->lim.max_doc_bytes,
		};
		r->errbuf[0] = '\0';
		st = ue_format_parser(fmt)(rd, &sink, r->lim.max_line_bytes,
		                           r->errbuf, sizeof r->errbuf);
		if (r->fatal)
			return r->fatal;
		if (st == UE_ENOMEM)
			return st;
		if (st) {
			if (rd->why)
				snprintf(r->errbuf, sizeof r->errbuf, "%s", rd->why);
			else if (!r->errbuf[0])
				snprintf(r->errbuf, sizeof r->errbuf, "%s",
				         ue_strerror(st));
			error = r->errbuf;
		}
	}
	/* Parsers name the line of a fatal error as "line N: reason". */
	uint64_t line = 0;
	if (error && strncmp(error, "line ", 5) == 0) {
		char *end;
		unsigned long long at = strtoull(error + 5, &end, 10);
		if (end != error + 5 && end[0] == ':' && end[1] == ' ') {
			line = at;
			error = end + 2;
		}
	}
	if (error) {
		r->sum.files_failed++;
		report(r, line, error);
		if (r->fatal)
			return r->fatal;
	}
	st = ue_store_file_update(r->store, r->file, &r->counts,
	                          error ? "failed" : "done", error);
	r->file = 0;
	return st ? (r->fatal = st) : UE_OK;
}

static void ingest_file(struct run *r, const char *path)
{
	r->path = path;
	snprintf(r->label, sizeof r->label, "%s", path);
	struct ue_unwrap_limits lim = {
		r->lim.max_decompressed, r->lim.max_ratio, progress,
	};
	char err[512];
	ue_status st = ue_unwrap_file(path, &lim, member, r, err, sizeof err);
	if (st && !r->fatal && st != UE_ENOMEM) {
		/* The file could not be opened or its container broke. */
		snprintf(r->label, sizeof r->label, "%s", path);
		memset(&r->counts, 0, sizeof r->counts);
		r->sum.files++;
		r->sum.files_failed++;
		if ((r->fatal = ue_store_file_begin(r->store, path, NULL,
		                                    &r->file)))
			return;
		report(r, 0, err[0] ? err : ue_strerror(st));
		if (!r->fatal)
			r->fatal = ue_store_file_update(r->store, r->file, &r->counts,
			                                "failed", err);
		r->file = 0;
	} else if (st == UE_ENOMEM) {
		r->fatal = st;
	}
	struct stat sb;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0)
		r->done_before += (uint64_t)sb.st_size;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Calls fn for each file under path (sorted, hidden entries skipped). */
static void walk(struct run *r, const char *path,
                 void (*fn)(struct run *, const char *), int depth)
{
	struct stat sb;
	if (strcmp(path, "-") == 0 || stat(path, &sb) != 0 ||
	    !S_ISDIR(sb.st_mode)) {
		fn(r, path);
		return;
	}
	struct dirent **list;
	int n = depth < 64 ? scandir(path, &list, hidden, by_name) : -1;
	if (n < 0) {
		fn(r, path);   /* reported as unreadable */
		return;
	}
	for (int i = 0; i < n && !r->fatal; i++) {
		char sub[4096];
		snprintf(sub, sizeof sub, "%s%s%s", path,
		         path[strlen(path) - 1] == '/' ? "" : "/", list[i]->d_name);
		walk(r, sub, fn, depth + 1);
	}
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static void add_size(struct run *r, const char *path)
{
	struct stat sb;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0)
		r->total_bytes += (uint64_t)sb.st_size;
}

ue_status ue_ingest_run(struct ue_store *s, const char *const *paths,
                        size_t npaths, const ue_ingest_options *options,
                        ue_ingest_summary *summary)
{
	static const ue_ingest_options none;
	struct run *r = calloc(1, sizeof *r);
	if (!r)
		return UE_ENOMEM;
	r->store = s;
	r->o = options ? options : &none;
	r->lim = *r->o;
	if (!r->lim.max_doc_bytes)
		r->lim.max_doc_bytes = UE_DEFAULT_MAX_DOC;
	if (!r->lim.max_line_bytes)
		r->lim.max_line_bytes = UE_DEFAULT_MAX_LINE;
	if (!r->lim.max_decompressed)
		r->lim.max_decompressed = UE_DEFAULT_MAX_DECOMPRESSED;
	if (!r->lim.max_ratio)
		r->lim.max_ratio = UE_DEFAULT_MAX_RATIO;
	ue_status st = UE_OK;
	if (r->o->format &&
	    (r->forced = ue_format_from_name(r->o->format)) == UE_FMT_UNKNOWN) {
		ue_store_set_error(s, "unknown format '%s' (formats: jsonl, csv, "
		                   "tsv, text, markdown, html, rss, warc)",
		                   r->o->format);
		st = UE_EINVAL;
	}
	char err[256];
	if (!st && (st = ue_field_map_parse(&r->map, r->o->map, err, sizeof err)))
		ue_store_set_error(s, "%s", err);
	for (int f = 0; f < UE_F_COUNT; f++)
		ue_buf_init(&r->field[f], 0);
	ue_buf_init(&r->meta, 0);
	if (!st && !(st = ue_store_files_interrupted(s)) &&
	    !(st = ue_store_begin(s))) {
		for (size_t i = 0; i < npaths; i++)
			walk(r, paths[i], add_size, 0);
		for (size_t i = 0; i < npaths && !r->fatal; i++)
			walk(r, paths[i], ingest_file, 0);
		st = r->fatal;
		if (st)
			ue_store_rollback(s);
		else
			st = ue_store_commit(s);
	}
	if (summary)
		*summary = r->sum;
	for (int f = 0; f < UE_F_COUNT; f++)
		ue_buf_release(&r->field[f]);
	ue_buf_release(&r->meta);
	ue_field_map_release(&r->map);
	free(r);
	return st;
}
