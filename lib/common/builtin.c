/* builtin.c - finding the embedded data files; see builtin.h. */
#include "common/builtin.h"

#include <string.h>

const struct ue_builtin_file *ue_builtin_find(const char *name)
{
	for (const struct ue_builtin_file *f = ue_builtin_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
