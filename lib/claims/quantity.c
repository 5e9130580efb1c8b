/*
 * quantity.c - quantities with their objects; see quantity.h.
 *
 * One pass over the tokens.  A token that can start a number (digits, a
 * number word, "a dozen", Korean "수천") is read as far as it goes: digits
 * with their separators, multipliers ("12 thousand", "1.5 млн", "1만2천"),
 * then a second number when a range follows ("10,000-12,000", "between 10
 * and 12 thousand").  Around it: a currency before ("$", "€", "USD"), a
 * qualifier before ("up to", "около", "최대") or after ("이상", "10,000+"),
 * and after it a unit ("%", "won", "рублей", "원") or the counted object,
 * the head noun of the words that follow ("1,500 special forces
 * soldiers").  Every look-around is a few tokens, so the work is linear.
 */
#include "claims/quantity.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "common/buf.h"

#define MAX_DIGITS 15          /* a longer digit string is not a quantity */
#define MAX_OBJECT_RUN 4       /* words read after a number for its object */

/* The hashes of the last token is() looked at. */
struct word_cache {
	size_t i;
	uint64_t form, lower;      /* lower: 0 when the same as form */
	int known;                 /* either may be a word of the lists */
};

struct scan {
	const char *text;
	size_t len;
	const struct ue_tokens *t;
	int ru;                    /* the text is Russian or Ukrainian */
	struct word_cache *wc;
};

static int may_be_word(const struct scan *s, size_t i);

/* One number, or a range of two, as read from the tokens. */
struct num {
	size_t first, last;        /* tokens, inclusive */
	uint32_t start, end;       /* bytes */
	double v, v2;              /* value; second value of a range */
	double lo, hi;             /* a vague multitude's range */
	double mult;               /* the multiplier read (1: none) */
	int vague;                 /* "hundreds of": lo..hi */
	int odd;                   /* "10,000-odd", "1만여" */
	int range;
	int year;                  /* four bare digits 1800..2100 */
	int strong;                /* "12,000-strong" */
	int word;                  /* a number word, not digits */
	int ko;                    /* a Korean numeral ("1만2천") */
	uint8_t qual;              /* a qualifier inside or after the number */
	const char *unit;
	int counter;               /* Korean counter: 1 people (명), 2 other */
	uint32_t counter_start, counter_end;
};

/* ---- tokens ---- */

static const char *surf(const struct scan *s, size_t i, size_t *n)
{
	const struct ue_token *k = &s->t->tok[i];
	*n = k->end - k->start;
	return s->text + k->start;
}

static const char *form(const struct scan *s, size_t i, size_t *n)
{
	*n = s->t->tok[i].form_len;
	return ue_token_form(s->t, i);
}

/* The token's surface in ASCII lower case into buf (cap bytes), or 0 when
 * it is not ASCII or does not fit. */
static size_t lower(const struct scan *s, size_t i, char *buf, size_t cap)
{
	size_t n;
	const char *p = surf(s, i, &n);
	if (n >= cap)
		return 0;
	for (size_t j = 0; j < n; j++) {
		unsigned char c = (unsigned char)p[j];
		if (c >= 0x80)
			return 0;
		buf[j] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[n] = '\0';
	return n;
}

/* Token i is the word w: its form, or its surface in ASCII lower case.
 * Every w must be in one of the tables start_init() reads. */
static int is(const struct scan *s, size_t i, const char *w)
{
	if (i >= s->t->n || !may_be_word(s, i))
		return 0;
	size_t n, wn = strlen(w);
	const char *f = form(s, i, &n);
	if (n == wn && !memcmp(f, w, n))
		return 1;
	f = surf(s, i, &n);
	return n == wn && !strncasecmp(f, w, n);
}

/* The index in list (NULL-terminated) of the word token i is, or -1. */
static int is_any(const struct scan *s, size_t i, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (is(s, i, list[k]))
			return k;
	return -1;
}

/* The form of token i starts with one of list. */
static int form_prefix(const struct scan *s, size_t i, const char *const *list)
{
	if (i >= s->t->n)
		return 0;
	size_t n;
	const char *f = form(s, i, &n);
	for (int k = 0; list[k]; k++) {
		size_t m = strlen(list[k]);
		if (n >= m && !memcmp(f, list[k], m))
			return 1;
	}
	return 0;
}

static int ends_with(const char *p, size_t n, const char *w)
{
	size_t m = strlen(w);
	return n >= m && !memcmp(p + n - m, w, m);
}

static int digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the space character at p (space, tab, no-break, narrow
 * no-break, thin space), or 0. */
static size_t space_at(const char *p, const char *end)
{
	if (p >= end)
		return 0;
	if (*p == ' ' || *p == '\t')
		return 1;
	if (end - p >= 2 && (unsigned char)p[0] == 0xC2 &&
	    (unsigned char)p[1] == 0xA0)
		return 2;
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 &&
	    (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89))
		return 3;
	return 0;
}

/* The bytes between tokens a and a + 1, or NULL when a + 1 is past the
 * end or in another sentence. */
static const char *gap(const struct scan *s, size_t a, size_t *n)
{
	const struct ue_tokens *t = s->t;
	if (a + 1 >= t->n || t->tok[a + 1].sentence != t->tok[a].sentence)
		return NULL;
	*n = t->tok[a + 1].start - t->tok[a].end;
	return s->text + t->tok[a].end;
}

/* Tokens a and a + 1 are in one sentence with only one to three spaces
 * between them. */
static int spaced(const struct scan *s, size_t a)
{
	size_t n;
	const char *p = gap(s, a, &n);
	if (!p || !n || n > 6)
		return 0;
	const char *end = p + n;
	while (p < end) {
		size_t k = space_at(p, end);
		if (!k)
			return 0;
		p += k;
	}
	return 1;
}

/* The gap after token a is exactly the string g. */
static int gap_is(const struct scan *s, size_t a, const char *g)
{
	size_t n;
	const char *p = gap(s, a, &n);
	return p && n == strlen(g) && !memcmp(p, g, n);
}

/* The gap after token a is a dash (hyphen, en dash, em dash, tilde), with
 * or without a space on each side. */
static int gap_dash(const struct scan *s, size_t a)
{
	size_t n;
	const char *p = gap(s, a, &n);
	if (!p || !n || n > 7)
		return 0;
	const char *end = p + n;
	p += space_at(p, end);
	size_t k = 0;
	if (p < end && (*p == '-' || *p == '~'))
		k = 1;
	else if (end - p >= 3 && (!memcmp(p, "\u2013", 3) ||
	                          !memcmp(p, "\u2014", 3) ||
	                          !memcmp(p, "\uFF5E", 3) ||
	                          !memcmp(p, "\u301C", 3)))
		k = 3;
	if (!k)
		return 0;
	p += k;
	p += space_at(p, end);
	return p == end;
}

/* ---- word lists ---- */

static const char *const months[] = {
	"january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"январ", "феврал", "март", "апрел", "мая", "май", "ма", "июн", "июл",
	"август", "сентябр", "октябр", "ноябр", "декабр", "января", "февраля",
	"марта", "апреля", "июня", "июля", "августа", "сентября", "октября",
	"ноября", "декабря", NULL};

static const char *const year_words_before[] = {
	"in", "since", "by", "until", "till", "before", "after", "during",
	"from", "of", "the", "mid", "early", "late", "year", "fiscal", "fy",
	"в", "с", "к", "году", "год", "года", "начал", "конц", "середин",
	NULL};

static const char *const year_words_after[] = {
	"год", "года", "году", "годом", "г", "гг", "годах", "годы", "рок",
	"року", "election", "elections", "budget", "census", "olympics",
	NULL};

static const char *const designators[] = {
	"page", "pages", "p", "pp", "section", "sections", "article", "articles",
	"chapter", "paragraph", "clause", "resolution", "no", "nos", "number",
	"vol", "volume", "item", "part", "figure", "fig", "table", "room",
	"flight", "route", "highway", "road", "bus", "line", "platform", "gate",
	"seat", "episode", "season", "level", "phase", "grade", "category",
	"version", "rule", "amendment", "unit", "brigade", "division",
	"regiment", "battalion", "corps", "army", "district", "hwasong", "kn",
	"статья", "стать", "статьи", "статье", "пункт", "пункта", "глава",
	"част", "часть", "раздел", "рейс", "номер", "бригад", "дивизи", "полк",
	NULL};

static const char *const time_after[] = {
	"am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "hrs", "h", NULL};

/* Multipliers after a number: value of each, matched on the form or the
 * lower-case surface. */
static const struct {
	const char *w;
	double v;
	int glued;                 /* only written right after the digits */
} multipliers[] = {
	{"hundred", 1e2, 0}, {"hundr", 1e2, 0}, {"thousand", 1e3, 0},
	{"million", 1e6, 0}, {"billion", 1e9, 0}, {"trillion", 1e12, 0},
	{"bn", 1e9, 0}, {"mn", 1e6, 0}, {"mln", 1e6, 0}, {"tn", 1e12, 0},
	{"k", 1e3, 1}, {"m", 1e6, 1}, {"b", 1e9, 1}, {"dozen", 12, 0},
	{"сотен", 1e2, 0}, {"сотни", 1e2, 0}, {"сотн", 1e2, 0}, {"сот", 1e2, 0},
	{"тыс", 1e3, 0}, {"тысяч", 1e3, 0}, {"тысяча", 1e3, 0},
	{"тысячи", 1e3, 0}, {"тысячу", 1e3, 0}, {"тысячами", 1e3, 0},
	{"тысячам", 1e3, 0}, {"тысячах", 1e3, 0}, {"тысячей", 1e3, 0},
	{"млн", 1e6, 0}, {"миллион", 1e6, 0}, {"миллиона", 1e6, 0},
	{"миллионов", 1e6, 0}, {"миллионы", 1e6, 0}, {"млрд", 1e9, 0},
	{"миллиард", 1e9, 0}, {"миллиарда", 1e9, 0}, {"миллиардов", 1e9, 0},
	{"трлн", 1e12, 0}, {"триллион", 1e12, 0}, {"триллиона", 1e12, 0},
	{"триллионов", 1e12, 0}, {"тис", 1e3, 0}, {"тисяч", 1e3, 0},
	{"тисячі", 1e3, 0}, {"тисяча", 1e3, 0}, {"мільйон", 1e6, 0},
	{"мільйонів", 1e6, 0}, {"мільйони", 1e6, 0}, {"мільярд", 1e9, 0},
	{"мільярдів", 1e9, 0}, {"мільярди", 1e9, 0},
};

/* The multiplier token i stands for after token i - 1, or 0. */
static double multiplier(const struct scan *s, size_t i)
{
	if (i == 0 || i >= s->t->n)
		return 0;
	size_t gn;
	const char *g = gap(s, i - 1, &gn);
	if (!g)
		return 0;
	int glued = gn == 0;
	if (!glued && !spaced(s, i - 1))
		return 0;
	if (s->t->tok[i].form_len > 24)
		return 0;
	for (size_t k = 0; k < sizeof multipliers / sizeof *multipliers; k++)
		if ((!multipliers[k].glued || glued) && is(s, i, multipliers[k].w))
			return multipliers[k].v;
	return 0;
}

/* English cardinals. */
static const char *const en_units[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const en_tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety", NULL};

/* Russian cardinals (stems and surfaces), with their values; read only
 * before a multiplier ("двенадцать тысяч"). */
static const struct {
	const char *w;
	double v;
} ru_cardinals[] = {
	{"один", 1}, {"одна", 1}, {"одн", 1}, {"одну", 1}, {"два", 2},
	{"две", 2}, {"три", 3}, {"четыр", 4}, {"четыре", 4}, {"пят", 5},
	{"пять", 5}, {"шест", 6}, {"шесть", 6}, {"сем", 7}, {"семь", 7},
	{"восем", 8}, {"восемь", 8}, {"девя", 9}, {"девять", 9}, {"деся", 10},
	{"десять", 10}, {"одиннадца", 11}, {"одиннадцать", 11},
	{"двенадца", 12}, {"двенадцать", 12}, {"тринадца", 13},
	{"тринадцать", 13}, {"пятнадца", 15}, {"пятнадцать", 15},
	{"двадца", 20}, {"двадцать", 20}, {"тридца", 30}, {"тридцать", 30},
	{"сорок", 40}, {"пятьдес", 50}, {"пятьдесят", 50}, {"сто", 100},
	{"двест", 200}, {"двести", 200}, {"трист", 300}, {"триста", 300},
	{"пятьсот", 500}, {"полтор", 1.5}, {"полтора", 1.5}, {"полторы", 1.5},
};

/* Russian and Ukrainian words for vague multitudes ("тысячи", "десятки
 * тысяч", "несколько сотен") and their bases. */
static const char *const ru_vague[] = {
	"сотн", "сотни", "сотен", "сот", "тысяч", "тысячи", "десятк",
	"десятки", "десятков", "нескольк", "несколько", "нескольких", "миллион",
	"миллионы", "миллионов", "сотні", "тисячі", "тисяч", "кількох",
	"кілька", NULL};
static const double ru_vague_v[] = {
	100, 100, 100, 100, 1e3, 1e3, 10, 10, 10, 1, 1, 1, 1e6, 1e6, 1e6, 100,
	1e3, 1e3, 1, 1};

/* Forms that can start a number word, beyond the tables above: English
 * words and their Snowball stems, Korean vague numerals. */
static const char *const start_words[] = {
	"a", "dozen", "dozens", "hundreds", "thousands", "millions", "billions",
	"tens", "several", "few", "scores", "twelv", "twenti", "thirti",
	"forti", "fifti", "sixti", "seventi", "eighti", "nineti", "hundr",
	"thousand", "million", "billion", "ten", "sever", "score", "수천",
	"수만", "수백", "수십", "수십만", "수백만", "수천만", "수억", NULL};

/* A 4096-bit filter of the hashes of every form that can start a number
 * word, so that the pass skips ordinary words with one test. */
static uint64_t start_bits[64];
static pthread_once_t start_once = PTHREAD_ONCE_INIT;

static void start_add(const char *w)
{
	uint64_t h = XXH3_64bits(w, strlen(w));
	start_bits[(h & 4095) >> 6] |= (uint64_t)1 << (h & 63);
}

static void words_init(void);

static void start_init(void)
{
	words_init();
	for (int k = 0; en_units[k]; k++)
		start_add(en_units[k]);
	for (int k = 2; en_tens[k]; k++)
		start_add(en_tens[k]);
	for (size_t k = 0; k < sizeof ru_cardinals / sizeof *ru_cardinals; k++)
		start_add(ru_cardinals[k].w);
	for (int k = 0; ru_vague[k]; k++)
		start_add(ru_vague[k]);
	for (int k = 0; start_words[k]; k++)
		start_add(start_words[k]);
}

static int may_start(uint64_t h)
{
	return (start_bits[(h & 4095) >> 6] >> (h & 63)) & 1;
}

/* Likewise for every word is() compares with, in 16384 bits. */
static uint64_t word_bits[256];

static void word_add(const char *w)
{
	uint64_t h = XXH3_64bits(w, strlen(w));
	word_bits[(h & 16383) >> 6] |= (uint64_t)1 << (h & 63);
}

static int word_bit(uint64_t h)
{
	return (word_bits[(h & 16383) >> 6] >> (h & 63)) & 1;
}

static void word_list(const char *const *list)
{
	for (int k = 0; list[k]; k++)
		word_add(list[k]);
}

static int may_be_word(const struct scan *s, size_t i)
{
	struct word_cache *c = s->wc;
	if (c->i == i)
		return c->known;
	c->i = i;
	c->form = s->t->tok[i].hash;
	c->lower = 0;
	char low[32];
	size_t n = lower(s, i, low, sizeof low);
	if (n && (n != s->t->tok[i].form_len ||
	          memcmp(low, ue_token_form(s->t, i), n)))
		c->lower = XXH3_64bits(low, n);
	c->known = word_bit(c->form) || (c->lower && word_bit(c->lower));
	return c->known;
}

/* ---- object classes: the synonym table ---- */

static const char *const class_names[] = {
	"troops", "people", "civilians", "missiles", "shells", "drones",
	"tanks", "workers", "refugees", "prisoners", "casualties", NULL};

/* English words of each class, in lower case. */
static const char *const class_en[][8] = {
	{"troops", "troop", "soldiers", "soldier", "servicemen", "serviceman",
	 "personnel", NULL},
	{"people", "persons", "person", "individuals", NULL},
	{"civilians", "civilian", "residents", "inhabitants", NULL},
	{"missiles", "missile", "rockets", "rocket", NULL},
	{"shells", "shell", "rounds", "munitions", NULL},
	{"drones", "drone", "uavs", "uav", NULL},
	{"tanks", "tank", NULL},
	{"workers", "worker", "labourers", "laborers", "labourer", "laborer",
	 NULL},
	{"refugees", "refugee", "evacuees", NULL},
	{"prisoners", "prisoner", "pows", "captives", "detainees", NULL},
	{"casualties", "casualty", NULL},
};

/* Russian and Ukrainian stem prefixes of each class. */
static const char *const class_ru[][6] = {
	{"военнослуж", "воен", "солдат", "бойц", "боец", "військов"},
	{"человек", "люд", "осіб", "особ", NULL},
	{"мирн", "жител", "цивіль", NULL},
	{"ракет", NULL},
	{"снаряд", NULL},
	{"беспилотник", "дрон", "безпілотник", NULL},
	{"танк", NULL},
	{"рабоч", "работник", "робітник", NULL},
	{"беженц", "біженц", NULL},
	{"пленн", "полонен", NULL},
	{"потер", "втрат", NULL},
};

/* Korean forms of each class. */
static const char *const class_ko[][5] = {
	{"병력", "군인", "장병", "병사", "군대"},
	{"명", "사람", "인원", NULL},
	{"민간인", "주민", NULL},
	{"미사일", "로켓", NULL},
	{"포탄", NULL},
	{"드론", "무인기", NULL},
	{"전차", "탱크", NULL},
	{"노동자", "근로자", "인력", NULL},
	{"난민", "피란민", NULL},
	{"포로", NULL},
	{"사상자", NULL},
};

#define NCLASSES (sizeof class_en / sizeof *class_en)

static uint64_t class_key(int c)
{
	return XXH3_64bits(class_names[c], strlen(class_names[c]));
}

/* The class of token i, or -1. */
static int object_class(const struct scan *s, size_t i)
{
	const struct ue_token *k = &s->t->tok[i];
	size_t n;
	const char *f = form(s, i, &n);
	if (k->flags & UE_TOK_HANGUL) {
		for (size_t c = 0; c < NCLASSES; c++)
			for (int j = 0; j < 5 && class_ko[c][j]; j++)
				if (!strcmp(f, class_ko[c][j]))
					return (int)c;
		/* 북한군, 러시아군: an army, troops */
		if (n >= 6 && !memcmp(f + n - 3, "군", 3))
			return 0;
		return -1;
	}
	unsigned char c0 = (unsigned char)f[0];
	if (c0 == 0xD0 || c0 == 0xD1) {
		for (size_t c = 0; c < NCLASSES; c++) {
			const char *list[7] = {0};
			for (int j = 0; j < 6 && class_ru[c][j]; j++)
				list[j] = class_ru[c][j];
			if (form_prefix(s, i, list))
				return (int)c;
		}
		return -1;
	}
	char low[24];
	if (!lower(s, i, low, sizeof low))
		return -1;
	for (size_t c = 0; c < NCLASSES; c++)
		for (int j = 0; j < 8 && class_en[c][j]; j++)
			if (!strcmp(low, class_en[c][j]))
				return (int)c;
	return -1;
}

const char *ue_quantity_object_class(uint64_t key)
{
	for (int c = 0; class_names[c]; c++)
		if (class_key(c) == key)
			return class_names[c];
	return NULL;
}

/* ---- units ---- */

static const struct {
	const char *w;
	const char *unit;
} unit_words[] = {
	{"dollar", "USD"}, {"dollars", "USD"}, {"usd", "USD"},
	{"euro", "EUR"}, {"euros", "EUR"}, {"eur", "EUR"}, {"won", "KRW"},
	{"krw", "KRW"}, {"yen", "JPY"}, {"jpy", "JPY"}, {"yuan", "CNY"},
	{"renminbi", "CNY"}, {"rmb", "CNY"}, {"cny", "CNY"}, {"rouble", "RUB"},
	{"roubles", "RUB"}, {"ruble", "RUB"}, {"rubles", "RUB"}, {"rub", "RUB"},
	{"hryvnia", "UAH"}, {"hryvnias", "UAH"}, {"hryvnias", "UAH"},
	{"uah", "UAH"}, {"gbp", "GBP"}, {"sterling", "GBP"}, {"percent", "%"},
	{"pct", "%"}, {"km", "km"}, {"kilometres", "km"}, {"kilometers", "km"},
	{"kilometre", "km"}, {"kilometer", "km"}, {"miles", "mi"},
	{"mile", "mi"}, {"tonnes", "t"}, {"tons", "t"}, {"tonne", "t"},
	{"ton", "t"},
	{"доллар", "USD"}, {"долларов", "USD"}, {"доллара", "USD"},
	{"долларах", "USD"}, {"евро", "EUR"}, {"евр", "EUR"}, {"рубл", "RUB"},
	{"рублей", "RUB"}, {"рубля", "RUB"}, {"рубль", "RUB"}, {"руб", "RUB"},
	{"вон", "KRW"}, {"иен", "JPY"}, {"и", NULL}, {"юан", "CNY"},
	{"юаней", "CNY"}, {"грив", "UAH"}, {"гривен", "UAH"}, {"гривн", "UAH"},
	{"гривень", "UAH"}, {"процент", "%"}, {"процентов", "%"},
	{"процента", "%"}, {"відсотк", "%"}, {"відсотків", "%"}, {"км", "km"},
	{"километр", "km"}, {"километров", "km"}, {"кілометр", "km"},
	{"кілометрів", "km"}, {"тонн", "t"},
	{"원", "KRW"}, {"달러", "USD"}, {"유로", "EUR"}, {"루블", "RUB"},
	{"엔", "JPY"}, {"위안", "CNY"}, {"퍼센트", "%"}, {"프로", "%"},
	{"킬로미터", "km"}, {"톤", "t"},
};

/* The unit token i names, or NULL. */
static const char *unit_word(const struct scan *s, size_t i)
{
	if (i >= s->t->n)
		return NULL;
	for (size_t k = 0; k < sizeof unit_words / sizeof *unit_words; k++)
		if (unit_words[k].unit && is(s, i, unit_words[k].w))
			return unit_words[k].unit;
	return NULL;
}

/* A currency symbol ending at end (before a number): its unit and the
 * byte where the symbol (with a "US" style prefix) starts. */
static const char *currency_before(const struct scan *s, uint32_t end,
                                   uint32_t *start)
{
	static const struct {
		const char *sym, *unit;
	} syms[] = {
		{"US$", "USD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"HK$", "HKD"},
		{"NZ$", "NZD"}, {"$", "USD"}, {"\u20AC", "EUR"}, {"\u00A3", "GBP"},
		{"\u00A5", "JPY"}, {"\u20A9", "KRW"}, {"\u20BD", "RUB"},
		{"\u20B4", "UAH"},
	};
	const char *p = s->text;
	uint32_t e = end;
	if (e && p[e - 1] == ' ')
		e--;
	for (size_t k = 0; k < sizeof syms / sizeof *syms; k++) {
		size_t n = strlen(syms[k].sym);
		if (e >= n && !memcmp(p + e - n, syms[k].sym, n)) {
			uint32_t st = e - (uint32_t)n;
			/* "F$5" or "x$": letters glued to a bare symbol */
			if (n == 1 && st && ((p[st - 1] >= 'A' && p[st - 1] <= 'Z') ||
			                     (p[st - 1] >= 'a' && p[st - 1] <= 'z')))
				return NULL;
			*start = st;
			return syms[k].unit;
		}
	}
	return NULL;
}

/* A unit symbol right after a number ending at byte end: "%", "€", "₽". */
static const char *symbol_after(const struct scan *s, uint32_t end,
                                uint32_t *to)
{
	static const struct {
		const char *sym, *unit;
	} syms[] = {
		{"%", "%"}, {"\u20AC", "EUR"}, {"\u20BD", "RUB"},
		{"\u20A9", "KRW"}, {"\u20B4", "UAH"}, {"\uFF05", "%"},
	};
	const char *p = s->text + end, *lim = s->text + s->len;
	p += space_at(p, lim);
	for (size_t k = 0; k < sizeof syms / sizeof *syms; k++) {
		size_t n = strlen(syms[k].sym);
		if ((size_t)(lim - p) >= n && !memcmp(p, syms[k].sym, n)) {
			*to = (uint32_t)(p + n - s->text);
			return syms[k].unit;
		}
	}
	return NULL;
}

/* ---- reading numbers ---- */

/*
 * Reads digits with separators from p (n bytes, all of them).  A lone
 * separator before three digits is a thousands separator unless
 * mult_follows.  Returns the digits read (for the year test) or 0 when p
 * is not a clean number.
 */
static int parse_digits(const char *p, size_t n, int mult_follows, double *v,
                        int *plain)
{
	size_t glen[8];
	char sep[8];
	size_t ng = 0, digits = 0;
	size_t i = 0;
	while (i < n) {
		size_t st = i;
		while (i < n && digit((unsigned char)p[i]))
			i++;
		if (i == st || ng == 8)
			return 0;
		glen[ng] = i - st;
		digits += i - st;
		sep[ng] = 0;
		if (i < n) {
			if (p[i] != ',' && p[i] != '.')
				return 0;
			sep[ng] = p[i];
			i++;
			if (i == n)
				return 0;
		}
		ng++;
	}
	if (!ng || digits > MAX_DIGITS)
		return 0;
	/* where the decimal point is: index of the group after it, or ng */
	size_t dec = ng;
	if (ng == 2) {
		if (glen[1] != 3 || glen[0] > 3 || mult_follows)
			dec = 1;
	} else if (ng > 2) {
		char last = sep[ng - 2];
		int mixed = 0;
		for (size_t g = 0; g + 2 < ng; g++)
			if (sep[g] != sep[0])
				return 0;
		if (last != sep[0])
			mixed = 1;
		if (glen[0] > 3)
			return 0;
		for (size_t g = 1; g + (mixed ? 1 : 0) < ng; g++)
			if (glen[g] != 3)
				return 0;
		if (mixed)
			dec = ng - 1;
	}
	double x = 0;
	size_t g = 0;
	for (i = 0; i < n; i++) {
		if (digit((unsigned char)p[i])) {
			if (g < dec)
				x = x * 10 + (p[i] - '0');
		} else {
			g++;
			if (g == dec) {
				double f = 0.1;
				for (i++; i < n; i++, f /= 10)
					x += (p[i] - '0') * f;
				break;
			}
		}
	}
	*v = x;
	*plain = ng == 1 && glen[0] == 4;
	return (int)digits;
}

/* The suffix of a token like "10k", "5bn", "10K-strong": its multiplier
 * and flags; 0 when the rest is no such suffix. */
static double digit_suffix(const char *p, size_t n, int *strong, int *odd)
{
	char low[16];
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x80)
			return 0;
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	low[n] = '\0';
	char *dash = strchr(low, '-');
	if (dash) {
		if (!strcmp(dash, "-strong"))
			*strong = 1;
		else if (!strcmp(dash, "-odd") || !strcmp(dash, "-plus"))
			*odd = 1;
		else
			return 0;
		*dash = '\0';
	}
	static const struct {
		const char *w;
		double v;
	} sfx[] = {{"", 1}, {"k", 1e3}, {"m", 1e6}, {"mn", 1e6}, {"mln", 1e6},
	           {"b", 1e9}, {"bn", 1e9}, {"tn", 1e12}};
	for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++)
		if (!strcmp(low, sfx[k].w))
			return sfx[k].v;
	return 0;
}

/* The Korean numeral unit at p: 십 백 천 (small) or 만 억 조 (big). */
static double ko_unit(const char *p, const char *end, int *big)
{
	static const struct {
		const char *u;
		double v;
		int big;
	} units[] = {{"십", 1e1, 0}, {"백", 1e2, 0}, {"천", 1e3, 0},
	             {"만", 1e4, 1}, {"억", 1e8, 1}, {"조", 1e12, 1}};
	if (end - p < 3)
		return 0;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++)
		if (!memcmp(p, units[k].u, 3)) {
			*big = units[k].big;
			return units[k].v;
		}
	return 0;
}

static int starts(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - p) >= n && !memcmp(p, w, n);
}

/* The last token that starts before byte end, from token i on. */
static size_t token_before(const struct scan *s, size_t i, uint32_t end)
{
	while (i + 1 < s->t->n && s->t->tok[i + 1].start < end)
		i++;
	return i;
}

/*
 * Reads a Korean numeral from byte p: digits and units, "1만2천",
 * "1만 2000", "3천", "1.5만", "수천" (vague), "1만여" (odd).  Returns the
 * byte after it and fills n (value, place, vague, odd, mult); returns p
 * when there is no unit after the digits.
 */
static const char *ko_numeral(const char *p, const char *end, struct num *n)
{
	double total = 0, section = 0, cur = -1, place = 1;
	int units = 0, vague = 0;
	const char *q = p;
	if (starts(q, end, "수")) {
		vague = 1;
		cur = 1;
		q += 3;
	}
	for (;;) {
		int big;
		double u;
		if (q < end && digit((unsigned char)*q) && cur < 0) {
			const char *d = q;
			while (q < end && (digit((unsigned char)*q) ||
			                   ((*q == ',' || *q == '.') && q + 1 < end &&
			                    digit((unsigned char)q[1]))))
				q++;
			int plain;
			if (!parse_digits(d, (size_t)(q - d), 1, &cur, &plain))
				return p;
			place = 1;
		} else if ((u = ko_unit(q, end, &big)) != 0 &&
		           (cur >= 0 || units || vague)) {
			if (big) {
				double small = section + (cur >= 0 ? cur : 0);
				total += (small ? small : 1) * u;
				section = 0;
			} else {
				section += (cur >= 0 ? cur : 1) * u;
			}
			cur = -1;
			place = u;
			units++;
			q += 3;
		} else if (units && cur < 0 && space_at(q, end) == 1 &&
		           q + 1 < end && digit((unsigned char)q[1])) {
			q++;   /* "1만 2000" */
		} else {
			break;
		}
	}
	if (!units)
		return p;
	total += section + (cur >= 0 ? cur : 0);
	n->v = total;
	n->ko = 1;
	n->mult = place > 1 ? place : 1;
	if (vague) {
		n->vague = 1;
		n->lo = 2 * total;
		n->hi = 10 * total - 1;
	}
	if (starts(q, end, "여")) {
		n->odd = 1;
		q += 3;
	}
	return q;
}

/* Korean counters after a number. */
static const struct {
	const char *w;
	int counter;               /* 1 people, 2 other */
	const char *unit;
} ko_counters[] = {
	{"명", 1, NULL}, {"개", 2, NULL}, {"대", 2, NULL}, {"척", 2, NULL},
	{"발", 2, NULL}, {"기", 2, NULL}, {"문", 2, NULL}, {"원", 0, "KRW"},
	{"달러", 0, "USD"}, {"유로", 0, "EUR"}, {"루블", 0, "RUB"},
	{"엔", 0, "JPY"}, {"위안", 0, "CNY"}, {"퍼센트", 0, "%"},
	{"프로", 0, "%"}, {"킬로미터", 0, "km"}, {"km", 0, "km"},
	{"톤", 0, "t"},
};

/* Korean words after a number that make it no quantity: dates, times,
 * ordinals, ages. */
static const char *const ko_not_counts[] = {
	"년", "월", "일", "시", "분", "초", "번째", "차", "위", "호", "층",
	"세", "살", "회", "주년", "번", "등", "배", NULL};

/* Korean qualifiers after a number (and counter). */
static const struct {
	const char *w;
	uint8_t qual;
} ko_after[] = {
	{"이상", UE_QTY_LOWER}, {"초과", UE_QTY_LOWER}, {"넘는", UE_QTY_LOWER},
	{"이하", UE_QTY_UPPER}, {"미만", UE_QTY_UPPER}, {"까지", UE_QTY_UPPER},
	{"가량", UE_QTY_APPROX}, {"정도", UE_QTY_APPROX}, {"안팎", UE_QTY_APPROX},
	{"내외", UE_QTY_APPROX}, {"쯤", UE_QTY_APPROX}, {"남짓", UE_QTY_APPROX},
};

/* After a number ending at n->end: Korean counters and qualifiers. Returns
 * -1 when the number is a date, time or ordinal. */
static int ko_suffix(const struct scan *s, struct num *n)
{
	const char *end = s->text + s->len;
	const char *p = s->text + n->end;
	const char *q = p + space_at(p, end);
	if (q >= end || (unsigned char)*q < 0x80)
		return 0;
	for (int k = 0; ko_not_counts[k]; k++)
		if (starts(q, end, ko_not_counts[k]))
			return -1;
	for (size_t k = 0; k < sizeof ko_counters / sizeof *ko_counters; k++) {
		if (!starts(q, end, ko_counters[k].w))
			continue;
		size_t wl = strlen(ko_counters[k].w);
		n->counter = ko_counters[k].counter;
		n->unit = ko_counters[k].unit;
		n->counter_start = (uint32_t)(q - s->text);
		n->counter_end = (uint32_t)(q - s->text + wl);
		n->end = n->counter_end;
		q += wl;
		break;
	}
	p = q;
	q = p + space_at(p, end);
	for (size_t k = 0; k < sizeof ko_after / sizeof *ko_after; k++)
		if (starts(q, end, ko_after[k].w)) {
			n->qual = ko_after[k].qual;
			n->end = (uint32_t)(q - s->text + strlen(ko_after[k].w));
			break;
		}
	return 0;
}

/* The raw text after token i starts a Korean numeral unit or counter. */
static int korean_after(const struct scan *s, size_t i)
{
	const char *end = s->text + s->len;
	const char *p = s->text + s->t->tok[i].end;
	p += space_at(p, end);
	return p + 3 <= end && (unsigned char)*p >= 0xEA &&
	       (unsigned char)*p <= 0xED;
}

/*
 * Reads one number starting at token i into n (first, last, start, end,
 * v, mult...).  Returns 0 when token i starts none.
 */
static int read_number(const struct scan *s, size_t i, struct num *n)
{
	const struct ue_tokens *t = s->t;
	const struct ue_token *k = &t->tok[i];
	size_t sn;
	const char *sp = surf(s, i, &sn);
	memset(n, 0, sizeof *n);
	n->first = n->last = i;
	n->start = k->start;
	n->end = k->end;
	n->mult = 1;
	unsigned char c0 = (unsigned char)sp[0];

	/* Korean: digits with units, or 수천 */
	if ((digit(c0) && korean_after(s, i)) ||
	    ((k->flags & UE_TOK_HANGUL) && sn >= 6 && starts(sp, sp + sn, "수"))) {
		const char *end = s->text + s->len;
		const char *q = ko_numeral(sp, end, n);
		if (q != sp) {
			n->end = (uint32_t)(q - s->text);
			n->last = token_before(s, i, n->end);
			return 1;
		}
		if (!digit(c0))
			return 0;
	}

	if (digit(c0)) {
		size_t dn = 0;
		while (dn < sn && (digit((unsigned char)sp[dn]) ||
		                   ((sp[dn] == ',' || sp[dn] == '.') && dn + 1 < sn &&
		                    digit((unsigned char)sp[dn + 1]))))
			dn++;
		double suf = 1;
		if (dn < sn) {
			suf = digit_suffix(sp + dn, sn - dn, &n->strong, &n->odd);
			if (!suf)
				return 0;
		}
		double m1 = suf == 1 ? multiplier(s, i + 1) : 0;
		int plain;
		if (!parse_digits(sp, dn, m1 > 0 || suf > 1, &n->v, &plain))
			return 0;
		n->year = plain && suf == 1 && n->v >= 1800 && n->v <= 2100;
		n->mult = suf;
		n->v *= suf;
		/* "12 000": groups of three after a space */
		if (!m1 && suf == 1 && dn <= 3 && dn == sn) {
			while (n->last + 1 < t->n && spaced(s, n->last) &&
			       t->tok[n->last + 1].end - t->tok[n->last + 1].start == 3 &&
			       (t->tok[n->last + 1].flags & UE_TOK_NUMBER) &&
			       gap(s, n->last, &dn) && dn <= 3 && n->v < 1e12) {
				const char *g = s->text + t->tok[n->last + 1].start;
				if (!digit((unsigned char)g[0]) ||
				    !digit((unsigned char)g[1]) ||
				    !digit((unsigned char)g[2]))
					break;
				n->v = n->v * 1000 + (g[0] - '0') * 100 +
				       (g[1] - '0') * 10 + (g[2] - '0');
				n->last++;
				n->year = 0;
			}
			n->end = t->tok[n->last].end;
		}
	} else {
		/* number words */
		char low[32];
		size_t ln = lower(s, i, low, sizeof low);
		int found = 0;
		if (ln == 1 && low[0] == 'a') {
			/* "a dozen", "a thousand": the commonest word, checked first */
			char nx[16];
			if (!spaced(s, i) || !lower(s, i + 1, nx, sizeof nx) ||
			    (strcmp(nx, "dozen") && strcmp(nx, "hundred") &&
			     strcmp(nx, "thousand") && strcmp(nx, "million") &&
			     strcmp(nx, "billion")))
				return 0;
			n->v = 1;
			found = 1;
		} else if (ln) {
			for (int u = 0; en_units[u]; u++)
				if (!strcmp(low, en_units[u])) {
					n->v = u;
					found = 1;
				}
			for (int u = 2; !found && en_tens[u]; u++) {
				size_t tl = strlen(en_tens[u]);
				if (!strncmp(low, en_tens[u], tl)) {
					if (!low[tl]) {
						n->v = 10 * u;
						found = 1;
					} else if (low[tl] == '-') {
						for (int v = 1; v < 10; v++)
							if (!strcmp(low + tl + 1, en_units[v])) {
								n->v = 10 * u + v;
								found = 1;
							}
					}
				}
			}
			if (!found && !strcmp(low, "dozen")) {
				n->v = 12;
				found = 1;
			}
			if (!found && (!strcmp(low, "a") || !strcmp(low, "one")) &&
			    i + 1 < t->n && spaced(s, i)) {
				char nx[16];
				if (lower(s, i + 1, nx, sizeof nx) &&
				    (!strcmp(nx, "dozen") || !strcmp(nx, "hundred") ||
				     !strcmp(nx, "thousand") || !strcmp(nx, "million") ||
				     !strcmp(nx, "billion"))) {
					n->v = 1;
					found = 1;
				}
			}
			/* vague multitudes */
			static const struct {
				const char *w;
				double v;
			} vague[] = {{"dozens", 12}, {"hundreds", 100},
			             {"thousands", 1e3}, {"millions", 1e6},
			             {"billions", 1e9}, {"tens", 10},
			             {"several", 1}, {"few", 1}, {"scores", 20}};
			for (size_t v = 0; !found && v < sizeof vague / sizeof *vague;
			     v++)
				if (!strcmp(low, vague[v].w)) {
					n->v = vague[v].v;
					n->vague = 1;
					found = 1;
				}
			if (found && n->vague && (!strcmp(low, "several") ||
			                          !strcmp(low, "few"))) {
				/* only before hundred / thousand / million */
				double m = multiplier(s, i + 1);
				if (m < 100)
					return 0;
			}
			if (found && !strcmp(low, "tens")) {
				/* "tens of thousands" */
				if (!is(s, i + 1, "of") || !spaced(s, i) ||
				    !spaced(s, i + 1))
					return 0;
				char nx[16];
				if (!lower(s, i + 2, nx, sizeof nx) ||
				    (strcmp(nx, "thousands") && strcmp(nx, "millions")))
					return 0;
				n->v = strcmp(nx, "thousands") ? 1e7 : 1e4;
				n->last = i + 2;
			}
		} else if (c0 == 0xD0 || c0 == 0xD1) {
			size_t fn;
			const char *f = form(s, i, &fn);
			for (size_t r = 0; r < sizeof ru_cardinals / sizeof *ru_cardinals;
			     r++)
				if (!strcmp(f, ru_cardinals[r].w)) {
					n->v = ru_cardinals[r].v;
					found = 2;
					break;
				}
			int vk = found ? -1 : is_any(s, i, ru_vague);
			if (vk >= 0) {
				double base = ru_vague_v[vk];
				/* "тысяча", "тысячу", "миллион": one of them, exactly */
				int one = base >= 1e3 && (ends_with(sp, sn, "а") ||
				                          ends_with(sp, sn, "у") ||
				                          ends_with(sp, sn, "н"));
				n->v = base;
				found = 1;
				if (one) {
					n->mult = base;
				} else {
					n->vague = 1;
					if (base < 100 && multiplier(s, i + 1) < 100)
						return 0;
				}
			}
			if (found == 2 && multiplier(s, i + 1) < 1e3)
				return 0;
		}
		if (!found)
			return 0;
		n->word = 1;
	}

	/* multipliers: "12 thousand", "five hundred thousand", "1.5 млн" */
	double lastm = n->mult;
	for (int m = 0; m < 3; m++) {
		double mv = multiplier(s, n->last + 1);
		if (!mv || (lastm > 1 && mv <= lastm))
			break;
		n->v *= mv;
		n->mult *= mv;
		lastm = mv;
		n->last++;
		n->year = 0;
	}
	/* "hundreds of thousands" */
	if (n->vague && is(s, n->last + 1, "of") && spaced(s, n->last)) {
		char nx[16];
		if (lower(s, n->last + 2, nx, sizeof nx) && spaced(s, n->last + 1) &&
		    (!strcmp(nx, "thousands") || !strcmp(nx, "millions"))) {
			n->v *= strcmp(nx, "thousands") ? 1e6 : 1e3;
			n->last += 2;
		}
	}
	if (n->vague) {
		if (n->v == 12) {
			n->lo = 24;
			n->hi = 99;
		} else if (n->v == 20) {
			n->lo = 40;
			n->hi = 199;
		} else {
			n->lo = 2 * n->v;
			n->hi = 10 * n->v - 1;
		}
	}
	n->end = t->tok[n->last].end > n->end ? t->tok[n->last].end : n->end;
	/* "12,000-strong", "10,000-odd", "10,000+" */
	if (gap_is(s, n->last, "-") && n->last + 1 < t->n) {
		if (is(s, n->last + 1, "strong")) {
			n->strong = 1;
			n->last++;
			n->end = t->tok[n->last].end;
		} else if (is(s, n->last + 1, "odd") || is(s, n->last + 1, "plus")) {
			n->odd = 1;
			n->last++;
			n->end = t->tok[n->last].end;
		}
	}
	if (n->end < s->len && s->text[n->end] == '+' &&
	    (n->end + 1 == s->len || !digit((unsigned char)s->text[n->end + 1]))) {
		n->qual = UE_QTY_LOWER;
		n->end++;
	}
	return 1;
}

/* ---- qualifiers before a number ---- */

static const struct {
	const char *w[3];
	uint8_t qual;
} before[] = {
	{{"as", "many", "as"}, UE_QTY_UPPER},
	{{"no", "more", "than"}, UE_QTY_UPPER},
	{{"not", "more", "than"}, UE_QTY_UPPER},
	{{"no", "fewer", "than"}, UE_QTY_LOWER},
	{{"no", "less", "than"}, UE_QTY_LOWER},
	{{"not", "less", "than"}, UE_QTY_LOWER},
	{{"in", "excess", "of"}, UE_QTY_LOWER},
	{{"as", "few", "as"}, UE_QTY_APPROX},
	{{"по", "меньшей", "мере"}, UE_QTY_LOWER},
	{{"по", "крайней", "мере"}, UE_QTY_LOWER},
	{{"up", "to", NULL}, UE_QTY_UPPER},
	{{"at", "most", NULL}, UE_QTY_UPPER},
	{{"at", "least", NULL}, UE_QTY_LOWER},
	{{"more", "than", NULL}, UE_QTY_LOWER},
	{{"fewer", "than", NULL}, UE_QTY_UPPER},
	{{"less", "than", NULL}, UE_QTY_UPPER},
	{{"upwards", "of", NULL}, UE_QTY_LOWER},
	{{"close", "to", NULL}, UE_QTY_APPROX},
	{{"an", "estimated", NULL}, UE_QTY_APPROX},
	{{"just", "over", NULL}, UE_QTY_LOWER},
	{{"well", "over", NULL}, UE_QTY_LOWER},
	{{"just", "under", NULL}, UE_QTY_UPPER},
	{{"не", "более", NULL}, UE_QTY_UPPER},
	{{"не", "бол", NULL}, UE_QTY_UPPER},
	{{"не", "больше", NULL}, UE_QTY_UPPER},
	{{"не", "больш", NULL}, UE_QTY_UPPER},
	{{"не", "менее", NULL}, UE_QTY_LOWER},
	{{"не", "мен", NULL}, UE_QTY_LOWER},
	{{"не", "меньше", NULL}, UE_QTY_LOWER},
	{{"не", "меньш", NULL}, UE_QTY_LOWER},
	{{"как", "минимум", NULL}, UE_QTY_LOWER},
	{{"как", "максимум", NULL}, UE_QTY_UPPER},
	{{"about", NULL, NULL}, UE_QTY_APPROX},
	{{"around", NULL, NULL}, UE_QTY_APPROX},
	{{"some", NULL, NULL}, UE_QTY_APPROX},
	{{"roughly", NULL, NULL}, UE_QTY_APPROX},
	{{"approximately", NULL, NULL}, UE_QTY_APPROX},
	{{"approx", NULL, NULL}, UE_QTY_APPROX},
	{{"estimated", NULL, NULL}, UE_QTY_APPROX},
	{{"nearly", NULL, NULL}, UE_QTY_APPROX},
	{{"almost", NULL, NULL}, UE_QTY_APPROX},
	{{"circa", NULL, NULL}, UE_QTY_APPROX},
	{{"over", NULL, NULL}, UE_QTY_LOWER},
	{{"above", NULL, NULL}, UE_QTY_LOWER},
	{{"exceeding", NULL, NULL}, UE_QTY_LOWER},
	{{"under", NULL, NULL}, UE_QTY_UPPER},
	{{"below", NULL, NULL}, UE_QTY_UPPER},
	{{"около", NULL, NULL}, UE_QTY_APPROX},
	{{"окол", NULL, NULL}, UE_QTY_APPROX},
	{{"примерно", NULL, NULL}, UE_QTY_APPROX},
	{{"примерн", NULL, NULL}, UE_QTY_APPROX},
	{{"приблизительно", NULL, NULL}, UE_QTY_APPROX},
	{{"приблизительн", NULL, NULL}, UE_QTY_APPROX},
	{{"почти", NULL, NULL}, UE_QTY_APPROX},
	{{"почт", NULL, NULL}, UE_QTY_APPROX},
	{{"порядка", NULL, NULL}, UE_QTY_APPROX},
	{{"порядк", NULL, NULL}, UE_QTY_APPROX},
	{{"около", NULL, NULL}, UE_QTY_APPROX},
	{{"близько", NULL, NULL}, UE_QTY_APPROX},
	{{"майже", NULL, NULL}, UE_QTY_APPROX},
	{{"приблизно", NULL, NULL}, UE_QTY_APPROX},
	{{"более", NULL, NULL}, UE_QTY_LOWER},
	{{"бол", NULL, NULL}, UE_QTY_LOWER},
	{{"больше", NULL, NULL}, UE_QTY_LOWER},
	{{"больш", NULL, NULL}, UE_QTY_LOWER},
	{{"свыше", NULL, NULL}, UE_QTY_LOWER},
	{{"свыш", NULL, NULL}, UE_QTY_LOWER},
	{{"понад", NULL, NULL}, UE_QTY_LOWER},
	{{"більше", NULL, NULL}, UE_QTY_LOWER},
	{{"минимум", NULL, NULL}, UE_QTY_LOWER},
	{{"менее", NULL, NULL}, UE_QTY_UPPER},
	{{"мен", NULL, NULL}, UE_QTY_UPPER},
	{{"меньше", NULL, NULL}, UE_QTY_UPPER},
	{{"меньш", NULL, NULL}, UE_QTY_UPPER},
	{{"максимум", NULL, NULL}, UE_QTY_UPPER},
	{{"до", NULL, NULL}, UE_QTY_UPPER},
	{{"약", NULL, NULL}, UE_QTY_APPROX},
	{{"대략", NULL, NULL}, UE_QTY_APPROX},
	{{"최대", NULL, NULL}, UE_QTY_UPPER},
	{{"최소", NULL, NULL}, UE_QTY_LOWER},
};

/* The qualifier the tokens ending at token b - 1 give, with the token it
 * starts at in *from; UE_QTY_EXACT when none. */
static uint8_t qualifier_before(const struct scan *s, size_t b, size_t *from)
{
	for (size_t q = 0; q < sizeof before / sizeof *before; q++) {
		size_t nw = before[q].w[2] ? 3 : before[q].w[1] ? 2 : 1;
		if (b < nw)
			continue;
		size_t f = b - nw;
		size_t w;
		for (w = 0; w < nw; w++)
			if (!is(s, f + w, before[q].w[w]) || !spaced(s, f + w))
				break;
		if (w == nw) {
			*from = f;
			return before[q].qual;
		}
	}
	return UE_QTY_EXACT;
}

/* ---- objects ---- */

static int ru_adjective(const char *p, size_t n)
{
	static const char *const endings[] = {
		"ых", "их", "ой", "ый", "ий", "ая", "ое", "ые", "ие", "ого", "его",
		"ому", "ему", "ую", "ым", "им", "ыми", "ими", NULL};
	for (int k = 0; endings[k]; k++)
		if (ends_with(p, n, endings[k]))
			return 1;
	return 0;
}

static const char *const object_stops[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "per", "each", "apiece", "year", "years", "month", "months",
	"week", "weeks", "day", "days", "ago", "last", "this", "next", NULL};

/* The counted object after token j (the first token after the number,
 * which ends at byte end): its head token, or (size_t)-1. */
static size_t object_after(const struct scan *s, size_t num_last, size_t j,
                           uint32_t end)
{
	const struct ue_tokens *t = s->t;
	if (j >= t->n || t->tok[j].sentence != t->tok[num_last].sentence ||
	    t->tok[j].start <= end || t->tok[j].start - end > 6)
		return (size_t)-1;
	for (const char *p = s->text + end, *lim = s->text + t->tok[j].start;
	     p < lim;) {
		size_t k = space_at(p, lim);
		if (!k)
			return (size_t)-1;
		p += k;
	}
	size_t run[MAX_OBJECT_RUN];
	size_t nrun = 0;
	for (size_t k = j; k < t->n && nrun < MAX_OBJECT_RUN; k++) {
		if (k > j && !spaced(s, k - 1))
			break;
		const struct ue_token *tk = &t->tok[k];
		size_t sn;
		const char *sp = surf(s, k, &sn);
		if ((tk->flags & (UE_TOK_STOP | UE_TOK_NUMBER)) ||
		    digit((unsigned char)sp[0]))
			break;
		if (is_any(s, k, object_stops) >= 0 || is_any(s, k, months) >= 0 ||
		    unit_word(s, k) || multiplier(s, k))
			break;
		char low[32];
		size_t ln = lower(s, k, low, sizeof low);
		if (nrun && ln > 4 &&
		    (ends_with(low, ln, "ing") || ends_with(low, ln, "ed")))
			break;
		run[nrun++] = k;
		/* a known object ends the phrase: "troops" in "troops Russia" */
		if (object_class(s, k) >= 0 && (!s->ru || !ru_adjective(sp, sn) ||
		                                 nrun > 1))
			return k;
	}
	if (!nrun)
		return (size_t)-1;
	for (size_t r = 0; r < nrun; r++)
		if (object_class(s, run[r]) >= 0)
			return run[r];
	size_t fsn;
	const char *fs = surf(s, run[0], &fsn);
	if ((unsigned char)fs[0] == 0xD0 || (unsigned char)fs[0] == 0xD1) {
		for (size_t r = 0; r < nrun; r++) {
			size_t sn;
			const char *sp = surf(s, run[r], &sn);
			if (!ru_adjective(sp, sn))
				return run[r];
		}
		return run[nrun - 1];
	}
	return run[nrun - 1];
}

/* ---- the pass ---- */

static ue_status push(struct ue_quantities *out, const struct ue_quantity *q)
{
	if (out->n >= UE_QUANTITY_MAX) {
		out->truncated = 1;
		return UE_ELIMIT;
	}
	if (out->n == out->alloc) {
		size_t na = out->alloc ? out->alloc * 2 : 16;
		struct ue_quantity *nq = realloc(out->q, na * sizeof *nq);
		if (!nq)
			return UE_ENOMEM;
		out->q = nq;
		out->alloc = na;
	}
	out->q[out->n++] = *q;
	return UE_OK;
}

/* The number at token i is a date, time or designation. */
static int not_a_count(const struct scan *s, const struct num *n)
{
	const struct ue_tokens *t = s->t;
	size_t i = n->first;
	const char *tx = s->text;
	uint32_t st = n->start;
	if (n->word)
		return 0;
	/* clock times, designations glued to the number */
	if (n->end < s->len && tx[n->end] == ':' && n->end + 1 < s->len &&
	    digit((unsigned char)tx[n->end + 1]))
		return 1;
	if (st && (tx[st - 1] == ':' || tx[st - 1] == '#' || tx[st - 1] == '/' ||
	           (tx[st - 1] == '-' && st > 1 &&
	            !digit((unsigned char)tx[st - 2]) && tx[st - 2] != ' ')))
		return 1;
	if (st >= 3 && !memcmp(tx + st - 3, "\u2116", 3))
		return 1;
	if (st >= 4 && !memcmp(tx + st - 4, "\u2116 ", 4))
		return 1;
	if (n->end < s->len && tx[n->end] == '/')
		return 1;
	if (is_any(s, n->last + 1, time_after) >= 0 && spaced(s, n->last))
		return 1;
	/* dates: "18 October", "October 18", "18 октября" */
	if (n->v <= 31 && n->mult == 1 && n->v == floor(n->v)) {
		if (i && is_any(s, i - 1, months) >= 0 && spaced(s, i - 1))
			return 1;
		if (is_any(s, n->last + 1, months) >= 0 && spaced(s, n->last))
			return 1;
	}
	if (i && is_any(s, i - 1, designators) >= 0 &&
	    (spaced(s, i - 1) || gap_is(s, i - 1, ". ")))
		return 1;
	/* "12-year-old", "5-day": a compound adjective */
	if (gap_is(s, n->last, "-") && n->last + 1 < t->n &&
	    !(t->tok[n->last + 1].flags & UE_TOK_NUMBER))
		return 1;
	return 0;
}

/* The number is a year (see quantity.h). */
static int is_year(const struct scan *s, const struct num *n, size_t qfrom,
                   uint8_t qual, const char *unit)
{
	if (!n->year || unit)
		return 0;
	size_t i = n->first;
	if (i && is_any(s, i - 1, year_words_before) >= 0)
		return 1;
	if (is_any(s, n->last + 1, year_words_after) >= 0)
		return 1;
	if (qual != UE_QTY_EXACT && qfrom < i)
		return 0;
	size_t j = n->last + 1;
	return j >= s->t->n || !spaced(s, n->last) || object_class(s, j) < 0;
}

/*
 * Reads the quantity at token i into q.  Returns 1 when there is one, 0
 * when not; *lastp is then the last token read (i when none), where the
 * pass goes on.
 */
static int quantity_at(const struct scan *s, size_t i, struct ue_quantity *q,
                       size_t *lastp)
{
	const struct ue_tokens *t = s->t;
	struct num a;
	*lastp = i;
	if (!read_number(s, i, &a))
		return 0;
	*lastp = a.last;
	int korean = a.ko || korean_after(s, a.last);
	if (korean && ko_suffix(s, &a) < 0)
		return 0;
	a.last = token_before(s, a.last, a.end);
	*lastp = a.last;

	/* a range: "10,000-12,000", "10 to 12 thousand", "1만~1만2천명" */
	struct num b;
	int range_word = 0;
	size_t j = a.last + 1;
	if (j < t->n && !a.vague && !a.strong && !a.odd && !a.qual) {
		int ok = 0;
		if (gap_dash(s, a.last)) {
			ok = 1;
		} else if ((is(s, j, "to") || is(s, j, "and") || is(s, j, "до") ||
		            is(s, j, "і") || is(s, j, "и") || is(s, j, "or") ||
		            is(s, j, "или")) &&
		           spaced(s, a.last) && spaced(s, j)) {
			ok = 1;
			range_word = 1;
			j++;
		}
		if (ok && j < t->n && t->tok[j].sentence == t->tok[i].sentence &&
		    read_number(s, j, &b) && !b.vague) {
			if ((b.ko || korean_after(s, b.last)) && ko_suffix(s, &b) < 0) {
				*lastp = b.last;
				return 0;
			}
			b.last = token_before(s, b.last, b.end);
			double av = a.v;
			if (a.mult == 1 && b.mult > 1 && av * b.mult <= b.v * 1.0001)
				av *= b.mult;
			else if (a.mult == 1 && b.mult > 1 && a.v < b.v / b.mult * 10)
				av *= b.mult;
			/* "and"/"or" make a range only with "between"/"from" or when
			 * the two are close: "10 or 12" */
			int lead = i && (is(s, i - 1, "between") || is(s, i - 1, "from") ||
			                 is(s, i - 1, "от") || is(s, i - 1, "від") ||
			                 is(s, i - 1, "між") || is(s, i - 1, "между"));
			int conj = range_word && !is(s, a.last + 1, "to") &&
			           !is(s, a.last + 1, "до");
			if (av < b.v && (!conj || lead || is(s, a.last + 1, "or") ||
			                 is(s, a.last + 1, "или"))) {
				if (a.year && b.year) {
					*lastp = b.last;
					return 0;
				}
				a.v = av;
				a.v2 = b.v;
				a.range = 1;
				a.last = b.last;
				a.end = b.end;
				a.counter = b.counter;
				a.counter_start = b.counter_start;
				a.counter_end = b.counter_end;
				a.unit = b.unit ? b.unit : a.unit;
				a.qual = b.qual;
				a.strong = b.strong;
				a.year = 0;
				if (lead) {
					a.first = i - 1;
					a.start = t->tok[i - 1].start;
				}
			} else if (!conj && !range_word) {
				/* "12-3": a score, not a quantity */
				*lastp = b.last;
				return 0;
			}
		}
	}

	*lastp = a.last;
	if (not_a_count(s, &a))
		return 0;

	/* currency before: "$2,000", "US$3", "USD 5 million" */
	uint32_t start = a.start;
	const char *unit = a.unit;
	size_t b0 = a.first;
	const char *cur = currency_before(s, a.start, &start);
	if (cur) {
		unit = cur;
		while (b0 > 0 && t->tok[b0 - 1].end > start)
			b0--;
	} else if (b0 > 0 && spaced(s, b0 - 1)) {
		static const char *const codes[] = {
			"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "RUB", "UAH", NULL};
		size_t cn;
		const char *cp = surf(s, b0 - 1, &cn);
		for (int k = 0; codes[k]; k++)
			if (cn == 3 && !memcmp(cp, codes[k], 3)) {
				unit = codes[k];
				b0--;
				start = t->tok[b0].start;
			}
	}

	/* qualifier before */
	size_t qfrom = b0;
	uint8_t qual = a.range ? UE_QTY_RANGE : UE_QTY_EXACT;
	uint8_t qb = a.range ? UE_QTY_EXACT : qualifier_before(s, b0, &qfrom);
	if (qb == UE_QTY_UPPER && is(s, b0 - 1, "до") && qfrom + 1 == b0 &&
	    b0 >= 2 && (is(s, b0 - 2, "с") || is(s, b0 - 2, "от")))
		qb = UE_QTY_EXACT;   /* "с 5 до 10": a span of time */
	if (qb != UE_QTY_EXACT) {
		qual = qb;
		start = t->tok[qfrom].start;
	}
	if (a.qual && !a.range)
		qual = a.qual;
	else if (a.qual && a.range)
		qual = UE_QTY_RANGE;
	if (a.vague && qual == UE_QTY_EXACT)
		qual = UE_QTY_APPROX;
	if (a.odd && qual == UE_QTY_EXACT)
		qual = UE_QTY_APPROX;

	if (is_year(s, &a, qfrom, qb, unit))
		return 0;

	uint32_t end = a.end;
	/* units after: "%", "3.5 billion won", "per cent" */
	uint32_t to;
	const char *sym = !unit && !korean ? symbol_after(s, end, &to) : NULL;
	size_t last = a.last;
	if (sym) {
		unit = sym;
		end = to;
	} else if (!unit && last + 1 < t->n && spaced(s, last)) {
		const char *u = unit_word(s, last + 1);
		if (!u && is(s, last + 1, "per") && is(s, last + 2, "cent") &&
		    spaced(s, last + 1)) {
			u = "%";
			last++;
		}
		if (u) {
			unit = u;
			last++;
			end = t->tok[last].end;
		}
	}

	/* the object */
	size_t obj = (size_t)-1;
	if (korean) {
		if (a.counter_end) {
			/* "1만2000명의 병력": the noun after 의 */
			const char *p = s->text + a.counter_end;
			const char *lim = s->text + s->len;
			if (starts(p, lim, "의") && p + 3 < lim &&
			    space_at(p + 3, lim)) {
				size_t k = token_before(s, last, a.counter_end + 4);
				if (k + 1 < t->n && t->tok[k + 1].start ==
				    a.counter_end + 3 + space_at(p + 3, lim) &&
				    (t->tok[k + 1].flags & UE_TOK_HANGUL) &&
				    t->tok[k + 1].sentence == t->tok[i].sentence)
					obj = k + 1;
			}
		}
		/* "북한군 약 1만2000명": a bare noun before the number */
		if (obj == (size_t)-1 && a.counter && qfrom > 0 &&
		    spaced(s, qfrom - 1)) {
			size_t k = qfrom - 1;
			size_t sn;
			const char *sp = surf(s, k, &sn);
			if ((t->tok[k].flags & UE_TOK_HANGUL) &&
			    !(t->tok[k].flags & UE_TOK_STOP) &&
			    t->tok[k].form_len == sn && !memcmp(sp, ue_token_form(t, k), sn))
				obj = k;
		}
	} else if (!unit || !strcmp(unit, "km") || !strcmp(unit, "t")) {
		size_t j2 = last + 1;
		uint32_t from = end;
		if ((a.vague || is(s, last, "dozen")) && is(s, j2, "of") &&
		    spaced(s, last)) {
			from = t->tok[j2].end;
			j2++;
		}
		if (!unit)
			obj = object_after(s, last, j2, from);
	}

	memset(q, 0, sizeof *q);
	q->start = start;
	q->end = end;
	if (obj != (size_t)-1) {
		q->object_start = t->tok[obj].start;
		q->object_end = t->tok[obj].end;
		int c = object_class(s, obj);
		q->object_key = c >= 0 ? class_key(c) : t->tok[obj].hash;
		if (q->object_key == 0)
			q->object_key = 1;
		if (obj > last) {
			q->end = t->tok[obj].end;
			last = obj;
		}
	} else if (a.counter) {
		/* the counter itself: 명 counts people */
		q->object_start = a.counter_start;
		q->object_end = a.counter_end;
		q->object_key = a.counter == 1 ? class_key(1) :
		                XXH3_64bits(s->text + a.counter_start,
		                            a.counter_end - a.counter_start);
	}
	if (unit) {
		size_t ul = strlen(unit);
		memcpy(q->unit, unit, ul < sizeof q->unit ? ul + 1 : 0);
	}
	q->qualifier = qual;
	switch (qual) {
	case UE_QTY_UPPER:
		q->lo = 0;
		q->hi = a.v;
		break;
	case UE_QTY_LOWER:
		q->lo = a.v;
		q->hi = INFINITY;
		break;
	case UE_QTY_RANGE:
		q->lo = a.v;
		q->hi = a.v2;
		break;
	default:
		q->lo = q->hi = a.v;
		if (a.vague) {
			q->lo = a.lo;
			q->hi = a.hi;
		} else if (a.odd) {
			/* the place of the last digit named: 10000 for 1만여 */
			double place = 1;
			while (place * 10 <= a.v && fmod(a.v, place * 10) == 0)
				place *= 10;
			q->hi = a.v + place - 1;
		}
	}
	*lastp = last;
	/* bare small numbers say little: "2 of the 3" */
	if (!q->object_key && !q->unit[0] && qual == UE_QTY_EXACT &&
	    a.mult == 1 && a.v < 10 && !a.strong)
		return 0;
	return isfinite(q->lo) && (qual == UE_QTY_LOWER || isfinite(q->hi));
}

static void words_init(void)
{
	static const char *const extra[] = {
		"and", "between", "cent", "dozen", "from", "odd", "of", "or", "per",
		"plus", "strong", "to", "від", "до", "и", "или", "между", "між", "от",
		"с", "і", NULL};
	word_list(extra);
	word_list(months);
	word_list(year_words_before);
	word_list(year_words_after);
	word_list(designators);
	word_list(time_after);
	word_list(object_stops);
	word_list(ru_vague);
	for (size_t k = 0; k < sizeof multipliers / sizeof *multipliers; k++)
		word_add(multipliers[k].w);
	for (size_t k = 0; k < sizeof unit_words / sizeof *unit_words; k++)
		word_add(unit_words[k].w);
	for (size_t k = 0; k < sizeof before / sizeof *before; k++)
		for (int w = 0; w < 3 && before[k].w[w]; w++)
			word_add(before[k].w[w]);
}

void ue_quantities_init(struct ue_quantities *qs)
{
	memset(qs, 0, sizeof *qs);
}

void ue_quantities_release(struct ue_quantities *qs)
{
	free(qs->q);
	memset(qs, 0, sizeof *qs);
}

ue_status ue_quantity_find(const char *text, size_t len, const char *lang,
                           const struct ue_tokens *t,
                           struct ue_quantities *out)
{
	out->n = 0;
	out->truncated = 0;
	if (!text || !t || len > UINT32_MAX)
		return UE_OK;
	struct word_cache wc = {(size_t)-1, 0, 0, 0};
	struct scan s = {text, len, t, 0, &wc};
	pthread_once(&start_once, start_init);
	if (lang && (!strcmp(lang, "ru") || !strcmp(lang, "uk") ||
	             !strcmp(lang, "be")))
		s.ru = 1;
	for (size_t i = 0; i < t->n; i++) {
		const struct ue_token *k = &t->tok[i];
		unsigned char c = (unsigned char)text[k->start];
		/* cheap test first: most tokens are not numbers */
		if (!(k->flags & UE_TOK_NUMBER) && !digit(c) && !may_start(k->hash)) {
			const char *f = ue_token_form(t, i);
			if (k->flags & UE_TOK_HANGUL) {
				/* "수천명" */
				int big;
				if (k->form_len < 6 || memcmp(f, "수", 3) ||
				    !ko_unit(f + 3, f + k->form_len, &big))
					continue;
			} else if ((f[0] != 't' && f[0] != 'f' && f[0] != 's' &&
			            f[0] != 'e' && f[0] != 'n') ||
			           !memchr(f, '-', k->form_len)) {
				continue;   /* "twenty-one" */
			}
		}
		struct ue_quantity q;
		size_t r;
		if (quantity_at(&s, i, &q, &r)) {
			ue_status st = push(out, &q);
			if (st == UE_ELIMIT)
				return UE_OK;
			if (st) {
				out->n = 0;
				return st;
			}
		}
		if (r > i)
			i = r;
	}
	return UE_OK;
}

const char *ue_quantity_qualifier_name(unsigned qualifier)
{
	static const char *const names[] = {
		"exact", "approximate", "upper_bound", "lower_bound", "range"};
	return qualifier < sizeof names / sizeof *names ? names[qualifier] : "";
}

/* Appends p (n bytes) to out as a JSON string. */
static ue_status quote(struct ue_buf *out, const char *p, size_t n)
{
	ue_status st = ue_buf_putc(out, '"');
	size_t run = 0;   /* bytes that need no escape, not yet appended */
	for (size_t i = 0; i < n && !st; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c != '"' && c != '\\' && c >= 0x20) {
			run++;
			continue;
		}
		st = ue_buf_append(out, p + i - run, run);
		run = 0;
		if (!st)
			st = c < 0x20 ? ue_buf_printf(out, "\\u%04x", c) :
			     ue_buf_printf(out, "\\%c", c);
	}
	if (!st)
		st = ue_buf_append(out, p + n - run, run);
	return st ? st : ue_buf_putc(out, '"');
}

static ue_status number(struct ue_buf *out, double v)
{
	return isfinite(v) ? ue_buf_printf(out, "%.15g", v) :
	       ue_buf_puts(out, "null");
}

ue_status ue_quantity_json(const struct ue_quantity *q, const char *text,
                           size_t len, struct ue_buf *out)
{
	if (q->start > q->end || q->end > len || q->object_start > q->object_end ||
	    q->object_end > len)
		return UE_EINVAL;
	size_t before = out->len;
	ue_status st = ue_buf_printf(out, "{\"start\":%u,\"end\":%u,\"text\":",
	                             (unsigned)q->start, (unsigned)q->end);
	if (!st)
		st = quote(out, text + q->start, q->end - q->start);
	if (!st)
		st = ue_buf_puts(out, ",\"lo\":");
	if (!st)
		st = number(out, q->lo);
	if (!st)
		st = ue_buf_puts(out, ",\"hi\":");
	if (!st)
		st = number(out, q->hi);
	if (!st)
		st = ue_buf_printf(out, ",\"qualifier\":\"%s\",\"object\":",
		                   ue_quantity_qualifier_name(q->qualifier));
	if (!st)
		st = quote(out, text + q->object_start,
		           q->object_end - q->object_start);
	if (!st)
		st = ue_buf_puts(out, ",\"unit\":");
	if (!st)
		st = quote(out, q->unit, strnlen(q->unit, sizeof q->unit));
	if (!st)
		st = ue_buf_putc(out, '}');
	if (st) {
		/* take back a partial object */
		out->len = before;
		if (out->data)
			out->data[before] = '\0';
	}
	return st;
}
