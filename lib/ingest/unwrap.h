/*
 * unwrap.h - opens an input file and unwraps compression (.gz, .zst, .xz,
 * .bz2) and archives (.tar, .zip, and compressed tars) with libarchive,
 * handing each member's decompressed bytes to a callback as a reader.
 * A plain file is one member.  Members that are themselves compressed or
 * archives are unwrapped in turn, up to a small depth.
 */
#ifndef UE_UNWRAP_H
#define UE_UNWRAP_H

#include <stdint.h>
#include "ingest/reader.h"

struct ue_unwrap_limits {
	uint64_t max_decompressed;   /* bytes out of one member */
	unsigned max_ratio;          /* decompressed / compressed bytes */
	/* Called as input is consumed, with the bytes of path read so far. */
	void (*progress)(void *ctx, uint64_t bytes_in);
};

/*
 * Called once per member.  name is the member's path inside the archive
 * ("" for a plain or only-compressed file).  The reader is valid only
 * during the call; reading past a limit fails with UE_ELIMIT.  A non-OK
 * return stops the walk and is returned by ue_unwrap_file.
 */
typedef ue_status (*ue_member_fn)(void *ctx, const char *name,
                                  struct ue_reader *r);

/* Walks path ("-" for standard input).  Fails with UE_EIO or UE_EFORMAT
 * (and a message in err) when the file cannot be opened or its
 * container is corrupt; members already handed over stay handed over. */
ue_status ue_unwrap_file(const char *path,
                         const struct ue_unwrap_limits *limits,
                         ue_member_fn fn, void *ctx,
                         char *err, size_t errlen);

/* Like ue_unwrap_file over a memory block (for tests and fuzzing). */
ue_status ue_unwrap_mem(const void *data, size_t len,
                        const struct ue_unwrap_limits *limits,
                        ue_member_fn fn, void *ctx,
                        char *err, size_t errlen);

#endif
