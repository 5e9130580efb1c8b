/*
 * fuzz_attrib.c - the attribution extractor.  The first byte chooses the
 * language (en, ru, ko or unknown) and, by its bit 7, whether paragraph
 * quotations are reported (UE_ATTRIB_QUOTES); the rest is normalised (the extractor
 * takes stored texts: valid UTF-8, NFC, LF) and extracted from.  Checks
 * that every span lies in the text, ends after it starts and starts and
 * ends on character boundaries; aborts when one does not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib.h"
#include "common/buf.h"
#include "text/normalise.h"

static const char *const langs[] = {"en", "ru", "ko", NULL};

static struct ue_attrib *ax;   /* kept between inputs, like its caches */

static void check_span(const char *text, size_t len, uint32_t a, uint32_t b,
                       int may_be_empty)
{
	if (a == 0 && b == 0 && may_be_empty)
		return;
	if (a >= b || b > len)
		abort();
	if (((unsigned char)text[a] & 0xC0) == 0x80)
		abort();
	if (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!ax && ue_attrib_new(&ax))
		return 0;
	const char *lang = langs[(data[0] & 0x7F) % (sizeof langs / sizeof *langs)];
	ue_attrib_set_flags(ax, data[0] & 0x80 ? UE_ATTRIB_QUOTES : 0);
	struct ue_buf b;
	ue_buf_init(&b, 1 << 22);
	struct ue_attributions rel;
	ue_attributions_init(&rel);
	if (ue_text_normalise((const char *)data + 1, size - 1, &b) == UE_OK) {
		const char *text = ue_buf_str(&b);
		ue_status st = ue_attrib_extract(ax, text, b.len, lang, NULL, &rel);
		if (st != UE_OK && st != UE_ENOMEM)
			abort();
		for (size_t i = 0; st == UE_OK && i < rel.n; i++) {
			const struct ue_attribution *r = &rel.v[i];
			check_span(text, b.len, r->source_start, r->source_end, 1);
			check_span(text, b.len, r->cue_start, r->cue_end,
			           r->kind == UE_ATTRIB_QUOTE);
			check_span(text, b.len, r->content_start, r->content_end, 1);
			check_span(text, b.len, r->resolved_start, r->resolved_end, 1);
			if (r->kind >= UE_ATTRIB_NKINDS ||
			    r->source_kind >= UE_SOURCE_NKINDS || r->hedged > 1)
				abort();
		}
	}
	ue_attributions_release(&rel);
	ue_buf_release(&b);
	return 0;
}
