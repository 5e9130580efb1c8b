/* cmd_stats.c - unecho stats: what the corpus holds. */
#include <jansson.h>
#include <string.h>

#include "cli.h"

static int print_stats(void *ctx, const char *json, size_t len)
{
	int as_json = *(int *)ctx;
	if (as_json) {
		printf("%.*s\n", (int)len, json);
		return 0;
	}
	json_t *o = json_loadb(json, len, 0, NULL);
	if (!o)
		return 1;
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		if (json_is_object(v)) {
			printf("%-17s", k);
			const char *k2;
			json_t *n;
			int first = 1;
			json_object_foreach(v, k2, n) {
				printf("%s%s %lld", first ? "" : ", ", k2,
				       (long long)json_integer_value(n));
				first = 0;
			}
			putchar('\n');
		} else if (json_is_integer(v)) {
			printf("%-17s%lld\n", k, (long long)json_integer_value(v));
		} else if (json_is_string(v)) {
			printf("%-17s%s\n", k, json_string_value(v));
		} else {
			printf("%-17s-\n", k);
		}
	}
	json_decref(o);
	return 0;
}

int cmd_stats(int argc, char **argv)
{
	int as_json = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			as_json = 1;
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: unecho stats [--json]\n");
			return EXIT_OK;
		} else {
			cli_error("stats: unknown option '%s'", argv[i]);
			return EXIT_USAGE;
		}
	}
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	ue_status st = ue_stats(c, print_stats, &as_json);
	int rc = st ? cli_fail(c, st, "stats") : EXIT_OK;
	ue_corpus_free(c);
	return rc;
}
