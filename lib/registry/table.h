/*
 * table.h - small delimited tables with a header row: the registry data
 * files (TSV) and the files users import (CSV or TSV).  Lines starting
 * with '#' are comments.  CSV fields may be quoted ("a, b" and "" for ").
 */
#ifndef UE_TABLE_H
#define UE_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

struct ue_table {
	char **cell;         /* rows * cols cells, each owned, "" if empty */
	size_t rows, cols;
	char **header;       /* cols names, owned */
	uint64_t *line;      /* the line each row starts on */
};

/*
 * Parses a table from data.  The separator is a tab when the header line
 * has one, else a comma.  A row with another number of fields is reported
 * through bad(ctx, line, reason) and left out.  Returns UE_EFORMAT (with
 * err) when there is no header.
 */
ue_status ue_table_parse(struct ue_table *t, const char *data, size_t len,
                         void (*bad)(void *ctx, uint64_t line,
                                     const char *reason),
                         void *ctx, char *err, size_t errlen);
void ue_table_release(struct ue_table *t);

/* The column named name (case-insensitive), or -1. */
int ue_table_column(const struct ue_table *t, const char *name);

/* A cell, or NULL when col < 0 or the cell is empty. */
const char *ue_table_get(const struct ue_table *t, size_t row, int col);

#endif
