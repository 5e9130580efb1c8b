/*
 * fuzz_workbench.c - the workbench file (ACH matrices, assumptions, actor
 * models): parsed with jansson and checked (wbfile.c).  A document that
 * passes must pass again unchanged: checking is idempotent, and what it
 * produces has the labels and ratings it promises.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "workbench/ach.h"
#include "workbench/wbfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1u << 20))
		return 0;
	json_t *doc = json_loadb((const char *)data, size,
	                         JSON_REJECT_DUPLICATES, NULL);
	if (!doc)
		return 0;
	char err[768];
	if (ue_wb_check_doc(doc, 7, err, sizeof err) == 0) {
		char *once = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
		if (ue_wb_check_doc(doc, 7, err, sizeof err) != 0)
			abort();
		char *twice = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
		if (!once || !twice || strcmp(once, twice) != 0)
			abort();
		free(once);
		free(twice);
		size_t i, k;
		json_t *m, *e;
		json_array_foreach(json_object_get(doc, "ach"), i, m)
			json_array_foreach(json_object_get(m, "evidence"), k, e) {
				const char *key;
				json_t *r;
				if (!json_is_string(json_object_get(e, "label")))
					abort();
				json_object_foreach(json_object_get(e, "ratings"), key, r)
					if (ue_ach_rating_parse(json_string_value(r)) < 0)
						abort();
			}
	} else if (!err[0]) {
		abort();   /* a failure always says why */
	}
	json_decref(doc);
	return 0;
}
