/*
 * attrib_int.h - what the files of the attribution extractor share: the
 * word lists of attrib_lex.c.  Each takes a lower-case word (w, n bytes).
 */
#ifndef UE_ATTRIB_INT_H
#define UE_ATTRIB_INT_H

#include <stddef.h>

int attrib_is_aux(const char *w, size_t n);
int attrib_is_pronoun(const char *w, size_t n);
int attrib_is_left_stop(const char *w, size_t n);
int attrib_is_right_stop(const char *w, size_t n);
int attrib_is_determiner(const char *w, size_t n);
int attrib_is_anonymous(const char *w, size_t n);
int attrib_is_org(const char *w, size_t n);
int attrib_is_hedge(const char *w, size_t n);
int attrib_is_report(const char *w, size_t n);
int attrib_is_function(const char *w, size_t n);
int attrib_is_title(const char *w, size_t n);
int attrib_is_adjunct(const char *w, size_t n);
int attrib_is_weekday(const char *w, size_t n);
int attrib_ru_verb(const char *w, size_t n);
int attrib_ru_anaphor(const char *w, size_t n);
int attrib_ru_time(const char *w, size_t n);
int attrib_ko_verb(const char *w, size_t n);
int attrib_ko_time(const char *w, size_t n);

#endif
