/*
 * builtin.h - the data files of data/ embedded in the library at build
 * time (tools/embed.c writes the table): registries, stop words, the
 * models of the attribution and stance classifiers.
 */
#ifndef UE_BUILTIN_H
#define UE_BUILTIN_H

#include <stddef.h>

struct ue_builtin_file {
	const char *name;      /* the file's base name: "origins.tsv" */
	const char *data;
	size_t len;
};

/* Every embedded file; the last entry's name is NULL. */
extern const struct ue_builtin_file ue_builtin_files[];

/* The embedded file of that base name, or NULL. */
const struct ue_builtin_file *ue_builtin_find(const char *name);

#endif
