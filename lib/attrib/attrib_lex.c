/*
 * attrib_lex.c - the word lists of the attribution extractor: English
 * function words that shape a sentence (auxiliaries, pronouns, clause
 * boundaries), source kinds, hedges, and the cues of Russian and Korean.
 * English cues themselves are scored by the model in data/attrib/.
 */
#include <stdint.h>
#include <string.h>
#include <threads.h>

#include "attrib/attrib_int.h"

static uint32_t lex_bits(const char *w, size_t n);

static int in_list(const char *const *list, const char *w, size_t n)
{
	if (n == 0)
		return 0;
	for (; *list; list++) {   /* the first byte rules out most entries */
		const char *e = *list;
		if (e[0] != w[0])
			continue;
		size_t k = 1;
		while (k < n && e[k] == w[k])
			k++;
		if (k == n && e[n] == 0)
			return 1;
	}
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
	return (lex_bits(w, n) >> 0) & 1;
}

static const char *const pronouns[] = {
	"he", "she", "they", "i", "we", "you", "it", "who", "which",
	"his", "her", "their", "its", "our", "my", "him", "them", "us",
	"me", NULL,
};

int attrib_is_pronoun(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 1) & 1;
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
	return (lex_bits(w, n) >> 2) & 1;
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
	return (lex_bits(w, n) >> 3) & 1;
}

static const char *const determiners[] = {
	"the", "a", "an", "one", "two", "three", "several", "some", "many",
	"most", "other", "another", "both", "all", "senior", "top", NULL,
};

int attrib_is_determiner(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 4) & 1;
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
	return (lex_bits(w, n) >> 5) & 1;
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
	return (lex_bits(w, n) >> 6) & 1;
}

static const char *const hedges[] = {
	"reportedly", "allegedly", "purportedly", "supposedly",
	"unconfirmed", "unverified", "rumored", "rumoured", "alleged",
	"якобы", "предположительно", "неподтвержденным", "неподтверждённым",
	"предположительно", "알려졌다", "추정된다", "전해졌다", NULL,
};

int attrib_is_hedge(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 7) & 1;
}

/* Reporting words: a relation with one of these as its cue is placed
 * before the inner states and other cues it may contain ("North Korea
 * has decided to ..., the agency said"). */
static const char *const reports[] = {
	"said", "say", "says", "saying", "told", "tell", "tells", "telling",
	"according", "citing", "added", "adding", "wrote", "writes",
	"stated", "states", "reported", "reports", "announced", "announces",
	"declared", "noted", "noting", "explained", "explains", "asserted",
	"insisted", "insists", "claimed", "claims", "argued", "argues",
	"warned", "warns", "acknowledged", "confirmed", "denied", "denies",
	"stressed", "replied", "responded", "recalled", "quoted", "tweeted",
	"posted", "remarked", "commented", "continued", "asked", "asks",
	"conceded", "admitted", "suggested", "cautioned", "predicted",
	"reiterated", "emphasized", "emphasised", "observed", "contended",
	"maintained", "maintains", "estimated", "concluded", NULL,
};

int attrib_is_report(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 8) & 1;
}

/* Function words: parts of longer cues ("has also said", "talked
 * about"), never cues by themselves. */
static const char *const functions[] = {
	"also", "has", "have", "had", "is", "are", "was", "were", "be",
	"been", "being", "about", "to", "on", "in", "of", "for", "did",
	"do", "does", "out", "recently", "from", "by", "under", "the", "a",
	"an", "his", "her", "their", "its", "that", "as", "with", "not",
	"still", "just", "even", "and", "or", "but", "it", "he", "she",
	"they", "we", "i", "you", "up", "at", "into", "over", "will",
	"would", "could", "can", "may", "might", "should", "must", "this",
	"these", "those", "there", "here", "so", "then", "now", "very",
	"more", "most", "much", "all", "some", "any", "no", "if", "than",
	"which", "who", "what", "when", "where", "how", "why", "already",
	"again", "later", "earlier", "once", "first", "last", "one", NULL,
};

int attrib_is_function(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 9) & 1;
}

/* Titles before a person's name: Kremlin spokesman Dmitry Peskov. */
static const char *const titles[] = {
	"spokesman", "spokeswoman", "spokesperson", "minister", "secretary",
	"president", "director", "chief", "leader", "ambassador", "general",
	"senator", "sen", "gov", "governor", "rep", "representative",
	"adviser", "advisor", "official", "chairman", "chairwoman", "chair",
	"commander", "mayor", "press", "envoy", "analyst", "professor",
	"lawyer", "attorney", "candidate", "nominee", "manager", "aide",
	"strategist", "pollster", "founder", "ceo", "head", NULL,
};

int attrib_is_title(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 10) & 1;
}

/* Words that open what may follow a sentence-final cue without being
 * its content: "..., officials said on Friday / in a statement". */
static const char *const adjuncts[] = {
	"on", "in", "at", "during", "after", "before", "while", "when", "as",
	"with", "last", "this", "earlier", "later", "late", "early", "today",
	"tonight", "yesterday", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "according", "via", "through",
	"following", "upon", "since", "recently", "privately", "publicly",
	"separately", "previously", "then", "again", "also", NULL,
};

int attrib_is_adjunct(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 11) & 1;
}

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL,
};

int attrib_is_weekday(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 12) & 1;
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

/* The content of a verb-second sentence: Об этом сообщил ... */
static const char *const ru_anaphors[] = {
	"этом", "этого", "том", "это", NULL,
};

int attrib_ru_anaphor(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 13) & 1;
}

/* Words of a time adverbial between a verb and its subject. */
static const char *const ru_times[] = {
	"в", "во", "понедельник", "вторник", "среду", "четверг", "пятницу",
	"субботу", "воскресенье", "сегодня", "вчера", "ранее", "накануне",
	"утром", "днем", "днём", "вечером", "также", "позднее", "позже",
	NULL,
};

int attrib_ru_time(const char *w, size_t n)
{
	return (lex_bits(w, n) >> 14) & 1;
}

/* ---- Korean ---- */

/* A date or time word after the subject: 18일, 지난달, 이날, 오전. */
int attrib_ko_time(const char *w, size_t n)
{
	static const char *const words[] = {
		"이날", "지난", "지난달", "지난주", "오늘", "어제", "당일", "오전",
		"오후", "현지시간", NULL,
	};
	if (in_list(words, w, n))
		return 1;
	size_t d = 0;
	while (d < n && w[d] >= '0' && w[d] <= '9')
		d++;
	if (d == 0)
		return 0;
	/* digits then 일 월 년 시, perhaps with (현지시간) */
	static const char *const units[] = {"일", "월", "년", "시", NULL};
	for (const char *const *u = units; *u; u++)
		if (n - d >= 3 && memcmp(w + d, *u, 3) == 0)
			return 1;
	return 0;
}

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

/* ---- all the lists above in one hash table: word -> bit of its lists,
 * the bits in the order of the table in lex_build() ---- */

#define LEX_SIZE 4096u   /* entries; the lists hold some 700 words */

struct lexent {
	const char *w;
	uint32_t n, bits;
};

static struct lexent lex_table[LEX_SIZE];
static once_flag lex_once = ONCE_FLAG_INIT;

static uint32_t lex_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;   /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static void lex_add(const char *const *list, uint32_t bit)
{
	for (; *list; list++) {
		size_t n = strlen(*list);
		for (uint32_t i = lex_hash(*list, n) & (LEX_SIZE - 1);;
		     i = (i + 1) & (LEX_SIZE - 1)) {
			struct lexent *e = &lex_table[i];
			if (!e->w) {
				e->w = *list;
				e->n = (uint32_t)n;
				e->bits = bit;
				break;
			}
			if (e->n == n && !memcmp(e->w, *list, n)) {
				e->bits |= bit;
				break;
			}
		}
	}
}

static void lex_build(void)
{
	static const char *const *const lists[] = {
		aux, pronouns, left_stops, right_stops, determiners, anonymous,
		orgs, hedges, reports, functions, titles, adjuncts, weekdays,
		ru_anaphors, ru_times,
	};
	for (uint32_t k = 0; k < sizeof lists / sizeof *lists; k++)
		lex_add(lists[k], 1u << k);
}

static uint32_t lex_bits(const char *w, size_t n)
{
	call_once(&lex_once, lex_build);
	for (uint32_t i = lex_hash(w, n) & (LEX_SIZE - 1);;
	     i = (i + 1) & (LEX_SIZE - 1)) {
		const struct lexent *e = &lex_table[i];
		if (!e->w)
			return 0;
		if (e->n == n && !memcmp(e->w, w, n))
			return e->bits;
	}
}
