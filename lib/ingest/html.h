/*
 * html.h - article extraction from HTML, shared by the HTML, feed and WARC
 * parsers.
 */
#ifndef UE_HTML_H
#define UE_HTML_H

#include "common/buf.h"

/* What a page says about itself; each buffer empty when absent. */
struct ue_html_doc {
	struct ue_buf title;      /* og:title, JSON-LD headline, <title> */
	struct ue_buf author;     /* meta author, JSON-LD author name(s) */
	struct ue_buf published;  /* article:published_time, JSON-LD ... */
	struct ue_buf url;        /* canonical link, og:url */
	struct ue_buf outlet;     /* og:site_name, JSON-LD publisher */
	struct ue_buf language;   /* <html lang>, og:locale */
	struct ue_buf text;       /* main article text, paragraphs split by
	                             blank lines, boilerplate removed */
};

void ue_html_doc_init(struct ue_html_doc *d);
void ue_html_doc_release(struct ue_html_doc *d);

/*
 * Parses an HTML page (any bytes; gumbo never fails on bad markup) and
 * fills d.  The main text is JSON-LD articleBody when present, else the
 * block of paragraphs with the most text and fewest links, with scripts,
 * styles, navigation, headers, footers, asides, forms and elements whose
 * class or id says menu, share, related, comment, footer... left out.
 * Returns UE_OK, UE_ENOMEM, or UE_ELIMIT for input over 1 GB.
 */
ue_status ue_html_extract(const char *html, size_t len, struct ue_html_doc *d);

/* Appends the visible text of an HTML fragment (a feed item's
 * description) to out, paragraphs split by blank lines. */
ue_status ue_html_fragment_text(const char *html, size_t len,
                                struct ue_buf *out);

#endif
