/*
 * attrib_lex.c - the word lists of the attribution extractor: English
 * function words that shape a sentence (auxiliaries, pronouns, clause
 * boundaries), source kinds, hedges, and the cues of Russian and Korean.
 * English cues themselves are scored by the model in data/attrib/.
 */
#include <string.h>

#include "attrib/attrib_int.h"

static int in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return 1;
	return 0;
}

static const char *const aux[] = {
	"has", "have", "had", "is", "are", "was", "were", "be", "been",
	"being", "will", "would", "could", "can", "may", "might", "should",
	"must", "did", "does", "do", "also", "not", "never", "still",
	"again", "then", "later", "once", "already", "just", "has't",
	"hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't",
	"won't", "wouldn't", "isn't", "wasn't", "reportedly", "allegedly",
	"previously", "recently", "publicly", "privately", "repeatedly",
	"often", "frequently", "even", "first", "earlier", "long", NULL,
};

int attrib_is_aux(const char *w, size_t n)
{
	return in_list(aux, w, n);
}

static const char *const pronouns[] = {
	"he", "she", "they", "i", "we", "you", "it", "who", "which",
	"his", "her", "their", "its", "our", "my", "him", "them", "us",
	"me", NULL,
};

int attrib_is_pronoun(const char *w, size_t n)
{
	return in_list(pronouns, w, n);
}

/* Words that end a noun phrase read leftwards from a cue. */
static const char *const left_stops[] = {
	"that", "and", "but", "or", "nor", "while", "when", "whereas", "as",
	"because", "if", "whether", "where", "after", "before", "since",
	"although", "though", "so", "than", "in", "on", "at", "during", "for",
	"with", "to", "from", "by", "about", "into", "over", "under", "said",
	"says", "say", "told", "what", "how", "why", "not", "has", "have",
	"had", "is", "are", "was", "were", "be", "been", "will", "would",
	"could", "can", "may", "might", "should", "did", "does", "do",
	"also", "even", "only", "however", "meanwhile", "instead", "yet",
	"there", "here", "now", "then", "today", "yesterday", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"like", "unlike", "despite", "against", "among", "without", "until",
	"through", "per", "via", "this", "these", "those", "once", NULL,
};

int attrib_is_left_stop(const char *w, size_t n)
{
	return in_list(left_stops, w, n);
}

/* Words that end a noun phrase read rightwards (inverted "said X"). */
static const char *const right_stops[] = {
	"that", "and", "but", "or", "in", "on", "at", "during", "for",
	"with", "to", "from", "by", "about", "who", "which", "when", "as",
	"after", "before", "while", "because", "if", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "last", "this", "earlier", "later", "recently",
	"told", "said", "says", "adding", "noting", "saying", NULL,
};

int attrib_is_right_stop(const char *w, size_t n)
{
	return in_list(right_stops, w, n);
}

static const char *const determiners[] = {
	"the", "a", "an", "one", "two", "three", "several", "some", "many",
	"most", "other", "another", "both", "all", "senior", "top", NULL,
};

int attrib_is_determiner(const char *w, size_t n)
{
	return in_list(determiners, w, n);
}

/* Sources that stay unnamed. */
static const char *const anonymous[] = {
	"official", "officials", "source", "sources", "anonymity",
	"aide", "aides", "insider", "insiders", "familiar", "person",
	"people", "diplomat", "diplomats", "analysts", "experts", "observers",
	"witnesses", "residents", "someone", "critics", "unnamed",
	"anonymous", "spokesman", "spokeswoman", "spokesperson",
	"representatives", "representative", "authorities", "lawmakers",
	"officers", "staffers", "advisers", "advisors",
	"чиновник", "чиновники", "источник", "источники", "источника",
	"источников", "собеседник", "представитель", "эксперты",
	"관계자", "소식통", "당국자", "관리", "전문가", "전문가들", NULL,
};

int attrib_is_anonymous(const char *w, size_t n)
{
	return in_list(anonymous, w, n);
}

/* Nouns of organisations. */
static const char *const orgs[] = {
	"agency", "ministry", "department", "campaign", "committee", "party",
	"police", "government", "administration", "company", "news",
	"times", "post", "journal", "reuters", "ap", "afp", "office",
	"service", "services", "council", "commission", "university",
	"institute", "house", "pentagon", "kremlin", "army", "military",
	"command", "board", "bureau", "center", "centre", "group",
	"network", "foundation", "court", "congress", "senate", "cnn",
	"fbi", "cia", "nato", "kcna", "yonhap", "tass", "ria",
	"interfax", "nis", "staff", "fund", "association", "union",
	"organization", "organisation", "corporation", "inc", "bank",
	"ministry's", "agency's", "report", "poll", "survey", "study",
	"statement", "newspaper", "magazine", "channel", "television",
	"radio", "website", "outlet", "daily", "tribune", "herald", "press",
	"министерство", "минобороны", "мид", "агентство", "ведомство",
	"кремль", "пентагон", "правительство", "служба", "штаб", "тасс",
	"риа", "интерфакс", "통신", "국방부", "정부", "국정원", "합참", "외교부",
	"통일부", "정보원", "연합뉴스", "조선중앙통신", "대변인", NULL,
};

int attrib_is_org(const char *w, size_t n)
{
	return in_list(orgs, w, n);
}

static const char *const hedges[] = {
	"reportedly", "allegedly", "purportedly", "supposedly",
	"unconfirmed", "unverified", "rumored", "rumoured", "alleged",
	"якобы", "предположительно", "неподтвержденным", "неподтверждённым",
	"предположительно", "알려졌다", "추정된다", "전해졌다", NULL,
};

int attrib_is_hedge(const char *w, size_t n)
{
	return in_list(hedges, w, n);
}

/* Words that are cues by themselves whatever their context scores:
 * hedges without a source.  (Multi-word: "could not be independently
 * verified" is found by its word "independently" + "verified" in
 * attrib.c.) */

/* ---- Russian ---- */

/* Reporting verbs by their stem: the word starts with one of these. */
static const char *const ru_verbs[] = {
	"сообщил", "сообщает", "сообщают", "сообщили", "заявил", "заявляет",
	"заявляют", "сказал", "отметил", "отмечает", "подчеркнул",
	"добавил", "пояснил", "уточнил", "передает", "передаёт", "пишет",
	"написал", "утверждает", "утверждал", "считает", "полагает",
	"признал", "рассказал", "объявил", "опроверг", "предупредил",
	"заверил", "указал", "информирует", "сообщило", "заявило",
	"сообщила", "заявила", "сказала", "отметила", "уверен",
	"подтвердил", "обвинил", "назвал", "оценил", "добавила", NULL,
};

int attrib_ru_verb(const char *w, size_t n)
{
	for (const char *const *v = ru_verbs; *v; v++) {
		size_t k = strlen(*v);
		if (n >= k && memcmp(w, *v, k) == 0)
			return 1;
	}
	return 0;
}

/* ---- Korean ---- */

/* Sentence-final reporting verbs, by their start. */
static const char *const ko_verbs[] = {
	"밝혔", "말했", "전했", "주장했", "설명했", "강조했", "덧붙였",
	"보도했", "발표했", "지적했", "언급했", "경고했", "부인했", "알려졌",
	"전망했", "평가했", "비판했", "시사했", "확인했", "추정했", "분석했",
	"밝히", "말하", "주장하", "보도하", NULL,
};

int attrib_ko_verb(const char *w, size_t n)
{
	for (const char *const *v = ko_verbs; *v; v++) {
		size_t k = strlen(*v);
		if (n >= k && memcmp(w, *v, k) == 0)
			return 1;
	}
	return 0;
}
