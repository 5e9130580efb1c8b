/*
 * fuzz_normalise.c - text normalisation (and language identification,
 * which reads the same untrusted text) on arbitrary bytes.
 *
 * Checks what normalise.h promises: the output is valid UTF-8 without
 * CR or control characters other than tab and newline, trimmed, and a
 * fixed point (normalising it again changes nothing).  Line mode output
 * has no tab, newline or doubled space.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/lang.h"
#include "text/normalise.h"

static void check(const struct ue_buf *b, int line)
{
	const unsigned char *s = (const unsigned char *)ue_buf_str(b);
	size_t n = b->len;

	if (!ue_utf8_valid((const char *)s, n) || s[n] != '\0')
		abort();
	for (size_t i = 0; i < n; i++) {
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') ||
		    s[i] == 0x7F)
			abort();
		if (line && (s[i] == '\t' || s[i] == '\n' ||
			     (s[i] == ' ' && i + 1 < n && s[i + 1] == ' ')))
			abort();
		/* C1 controls (C2 80..C2 9F) and the BOM (EF BB BF) */
		if (s[i] == 0xC2 && i + 1 < n && s[i + 1] < 0xA0)
			abort();
		if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBB &&
		    s[i + 2] == 0xBF)
			abort();
	}
	if (n && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t' ||
		  s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		abort();
}

static void pass(const char *s, size_t len, int line)
{
	struct ue_buf a = UE_BUF_INIT, b = UE_BUF_INIT;
	ue_status st = line ? ue_text_normalise_line(s, len, &a)
			    : ue_text_normalise(s, len, &a);
	if (st != UE_OK)
		abort();
	check(&a, line);
	st = line ? ue_text_normalise_line(a.data, a.len, &b)
		  : ue_text_normalise(a.data, a.len, &b);
	if (st != UE_OK || a.len != b.len || memcmp(a.data, b.data, a.len))
		abort();
	/* the detector reads both raw and normalised text */
	const char *l1 = ue_lang_detect(a.data, a.len);
	if (!l1 || strlen(l1) < 2 || strlen(l1) > 3)
		abort();
	ue_buf_release(&a);
	ue_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;

	pass(s, size, 0);
	pass(s, size, 1);

	/* a small cap: the call fails cleanly or fits */
	struct ue_buf c;
	ue_buf_init(&c, 16);
	ue_status st = ue_text_normalise(s, size, &c);
	if ((st != UE_OK && st != UE_ELIMIT) || c.len > 16 ||
	    (st != UE_OK && c.len != 0))
		abort();
	ue_buf_release(&c);

	(void)ue_lang_detect(s, size);
	const char *tag = ue_lang_normalise(s, size);
	if (tag && strlen(tag) != 2)
		abort();
	return 0;
}
