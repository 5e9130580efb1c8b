/* cmd_serve.c - unecho serve: the web application (src/server/). */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "server/server.h"

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"token", required_argument, NULL, 't'},
		{"read-only", no_argument, NULL, 'r'},
		{"threads", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct server_options o = {.db = cli_db_path};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'l': o.listen = optarg; break;
		case 't': o.token = optarg; break;
		case 'r': o.read_only = 1; break;
		case 'n': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 64) {
				cli_error("--threads needs a number from 1 to 64, "
				          "not '%s'", optarg);
				return EXIT_USAGE;
			}
			o.threads = (unsigned)v;
			break;
		}
		case 'h':
			printf("usage: unecho serve [--listen ADDR:PORT] [--token T] "
			       "[--read-only] [--threads N]\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("serve: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	return server_run(&o);
}
