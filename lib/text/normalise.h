/*
 * normalise.h - the text normalisation of SPEC §3.1, applied to every
 * stored text and field so that byte offsets refer to one canonical form.
 */
#ifndef UE_NORMALISE_H
#define UE_NORMALISE_H

#include "common/buf.h"

/*
 * Appends to out the normalised form of s: invalid UTF-8 repaired (each
 * invalid byte becomes U+FFFD; never an error), Unicode NFC, CRLF and lone
 * CR turned into LF, and control characters other than tab and newline
 * removed.  Leading and trailing whitespace is trimmed.  Fails only with
 * UE_ENOMEM or UE_ELIMIT (out's cap).
 */
ue_status ue_text_normalise(const char *s, size_t len, struct ue_buf *out);

/*
 * Like ue_text_normalise, for one-line fields (titles, names): every run of
 * whitespace, newlines included, becomes one space.
 */
ue_status ue_text_normalise_line(const char *s, size_t len,
                                 struct ue_buf *out);

/* Non-zero when s is valid UTF-8. */
int ue_utf8_valid(const char *s, size_t len);

#endif
