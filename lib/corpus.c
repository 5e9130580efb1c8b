/* corpus.c - the public handle: ties the store, the registries and the
 * stages together behind unecho.h. */
#include "unecho/unecho.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "framing/framing.h"
#include "ingest/ingest.h"
#include "report/report.h"
#include "stance/dissent.h"
#include "pipeline/pipeline.h"
#include "registry/registry.h"
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

struct ue_store *ue_corpus_store(ue_corpus *c)
{
	return c->store;
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

ue_status ue_analyze(ue_corpus *c, const ue_analyze_options *options,
                     ue_analyze_summary *summary)
{
	static const ue_analyze_options none;
	return ue_pipeline_run(c->store, options ? options : &none, summary);
}

ue_status ue_reuse(ue_corpus *c, const ue_reuse_filter *filter,
                   ue_row_fn fn, void *ctx)
{
	static const ue_reuse_filter all;
	if (!filter)
		filter = &all;
	return ue_reuse_list(c->store, filter->doc, filter->same_outlet,
	                     filter->kind, fn, ctx);
}

ue_status ue_stories(ue_corpus *c, int64_t story, ue_row_fn fn, void *ctx)
{
	return ue_store_stories(c->store, story, fn, ctx);
}

ue_status ue_claims(ue_corpus *c, int64_t story, int64_t claim,
                    ue_row_fn fn, void *ctx)
{
	return ue_store_claims(c->store, story, claim, NULL, fn, ctx);
}

ue_status ue_claims_where(ue_corpus *c, const ue_claim_filter *f,
                          ue_row_fn fn, void *ctx)
{
	return ue_store_claims(c->store, f->story, f->claim, f->origin, fn, ctx);
}

ue_status ue_origins_found(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return ue_store_found_origins(c->store, fn, ctx);
}

ue_status ue_attributions(ue_corpus *c, const char *doc, ue_row_fn fn,
                          void *ctx)
{
	return ue_store_attributions(c->store, doc, fn, ctx);
}

ue_status ue_framing(ue_corpus *c, const ue_framing_options *options,
                     ue_row_fn fn, void *ctx)
{
	static const ue_framing_options none;
	return ue_framing_run(c->store, options ? options : &none, fn, ctx);
}

ue_status ue_coverage(ue_corpus *c, const ue_coverage_options *options,
                      ue_row_fn fn, void *ctx)
{
	static const ue_coverage_options none;
	return ue_store_coverage(c->store, options ? options : &none, fn, ctx);
}

ue_status ue_report(ue_corpus *c, const ue_report_options *o)
{
	if (!o || !o->write)
		return UE_EINVAL;
	static const char *const formats[] = {
		[UE_REPORT_JSON] = "json", [UE_REPORT_MD] = "md",
		[UE_REPORT_HTML] = "html",
	};
	const char *format = o->format ? o->format : "json";
	size_t f = 0;
	while (f < sizeof formats / sizeof *formats && strcmp(format, formats[f]))
		f++;
	if (f == sizeof formats / sizeof *formats) {
		ue_store_set_error(c->store, "--format must be json, md or "
		                   "html, not '%s'", format);
		return UE_EINVAL;
	}
	struct ue_report_params p = {
		.format = (enum ue_report_format)f,
		.stories = o->stories,
		.claims = o->claims,
		.write = o->write,
		.ctx = o->ctx,
	};
	return ue_report_run(c->store, &p);
}

ue_status ue_dissent(ue_corpus *c, int64_t story, ue_row_fn fn, void *ctx)
{
	return ue_dissent_run(c->store, story, fn, ctx);
}
