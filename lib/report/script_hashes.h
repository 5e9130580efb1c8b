/*
 * script_hashes.h - the SHA-256 of each script the HTML report embeds,
 * for its Content-Security-Policy; tools/script-hashes.js writes the
 * table at build time from the very files that are embedded.
 */
#ifndef UE_SCRIPT_HASHES_H
#define UE_SCRIPT_HASHES_H

struct ue_script_hash {
	const char *name;     /* the file's base name: "vega.min.js" */
	const char *sha256;   /* as a CSP source: "sha256-BASE64" */
};

/* Every hashed script; the last entry's name is NULL. */
extern const struct ue_script_hash ue_script_hashes[];

#endif
