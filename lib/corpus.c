/* corpus.c - the public handle: ties the store, the registries and the
 * stages together behind unecho.h. */
#include "unecho/unecho.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "registry/registry.h"
#include "reuse/reuse.h"
#include "reuse/reuse_list.h"
#include "store/store.h"

struct ue_corpus {
	struct ue_store *store;
};

ue_status ue_corpus_open(const char *path, ue_corpus **out,
                         char *err, size_t errlen)
{
	char scratch[8];
	if (!err) {
		err = scratch;
		errlen = sizeof scratch;
	}
	*out = NULL;
	if (!path) {
		snprintf(err, errlen, "no database path");
		return UE_EINVAL;
	}
	ue_corpus *c = calloc(1, sizeof *c);
	if (!c)
		return UE_ENOMEM;
	ue_status st = ue_store_open(path, &c->store, err, errlen);
	if (!st && (st = ue_registry_sync(c->store)))
		snprintf(err, errlen, "%s", ue_store_errmsg(c->store));
	if (st) {
		ue_corpus_free(c);
		return st;
	}
	*out = c;
	return UE_OK;
}

void ue_corpus_free(ue_corpus *c)
{
	if (!c)
		return;
	ue_store_free(c->store);
	free(c);
}

const char *ue_errmsg(const ue_corpus *c)
{
	return c && c->store ? ue_store_errmsg(c->store) : "";
}

ue_status ue_ingest(ue_corpus *c, const char *const *paths, size_t npaths,
                    const ue_ingest_options *options,
                    ue_ingest_summary *summary)
{
	return ue_ingest_run(c->store, paths, npaths, options, summary);
}

ue_status ue_stats(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return ue_store_stats(c->store, fn, ctx);
}

ue_status ue_docs(ue_corpus *c, const ue_doc_filter *filter, ue_row_fn fn,
                  void *ctx)
{
	return ue_store_docs(c->store, filter, fn, ctx);
}

ue_status ue_outlets(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return ue_store_outlets(c->store, fn, ctx);
}

ue_status ue_outlets_import(ue_corpus *c, const char *path,
                            const ue_import_options *options,
                            uint64_t *count)
{
	return ue_registry_import_outlets(c->store, path, options, count);
}

ue_status ue_origins_known(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return ue_store_origins_known(c->store, fn, ctx);
}

ue_status ue_origins_import(ue_corpus *c, const char *path,
                            const ue_import_options *options,
                            uint64_t *count)
{
	return ue_registry_import_origins(c->store, path, options, count);
}

static void relay(void *ctx, const char *phase, uint64_t done,
                  uint64_t total)
{
	const ue_analyze_options *o = ctx;
	o->on_progress(o->ctx, phase, done, total);
}

ue_status ue_analyze(ue_corpus *c, const ue_analyze_options *options,
                     ue_analyze_summary *summary)
{
	static const ue_analyze_options none;
	const ue_analyze_options *o = options ? options : &none;
	struct ue_reuse_params p;
	ue_reuse_params_default(&p);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	p.threads = o->threads ? o->threads : cores > 0 ? (unsigned)cores : 1;
	p.same_outlet = o->same_outlet;
	if (o->on_progress) {
		p.progress = relay;
		p.ctx = (void *)o;
	}
	/* Reuse found under the other same-outlet setting is redone. */
	char *prev = NULL;
	ue_status st = ue_store_meta_get(c->store, "reuse_same_outlet", &prev);
	const char *want = o->same_outlet ? "1" : "0";
	if (!st && prev && strcmp(prev, want) != 0)
		st = ue_store_reuse_reset(c->store);
	free(prev);
	if (!st)
		st = ue_store_meta_set(c->store, "reuse_same_outlet", want);
	struct ue_reuse_summary rs = {0};
	if (!st)
		st = ue_reuse_run(c->store, &p, &rs);
	if (summary) {
		summary->texts = rs.texts_new;
		summary->candidates = rs.candidates;
		summary->pairs = rs.pairs;
		summary->documents = rs.docs_updated;
	}
	return st;
}

ue_status ue_reuse(ue_corpus *c, const ue_reuse_filter *filter,
                   ue_row_fn fn, void *ctx)
{
	static const ue_reuse_filter all;
	if (!filter)
		filter = &all;
	return ue_reuse_list(c->store, filter->doc, filter->same_outlet, fn, ctx);
}
