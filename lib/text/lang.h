/*
 * lang.h - language identification of SPEC §3.1.
 *
 * Detection needs no model files: the writing system decides Korean,
 * Japanese, Chinese, Greek, Arabic, Hebrew, Thai, Hindi...; within
 * Cyrillic, letters and function words tell Russian from Ukrainian (and
 * others); within Latin script, the frequencies of each language's most
 * common function words decide among the major languages.
 */
#ifndef UE_LANG_H
#define UE_LANG_H

#include <stddef.h>

/*
 * The ISO 639-1 code of the language of text (valid UTF-8), looking at no
 * more than its first 64 KB; "und" when it cannot tell (too little text).
 * The returned string is static.
 */
const char *ue_lang_detect(const char *text, size_t len);

/*
 * The ISO 639-1 code for a language tag given in input: "en", "EN-us",
 * "eng", "English", "russian", "ru_RU", "Русский"...; NULL when the tag is
 * not recognised.  The returned string is static.
 */
const char *ue_lang_normalise(const char *tag, size_t len);

#endif
