/*
 * date.c - publication dates; see date.h.
 *
 * The string is cut into tokens (numbers, words, separators).  A time of
 * day and the zone that follows it are found first; every other token must
 * then be a month name, a weekday, a zone, a filler word ("at", "de",
 * "года"...) or a number of the date; anything else rejects the string, so
 * that a sentence that happens to hold numbers is not taken for a date.
 * Calendar arithmetic is done here (days from the civil date), without
 * mktime, timegm or the locale, so parsing is thread-safe and gives the
 * same answer everywhere.
 */
#include "text/date.h"

#include <stdio.h>
#include <string.h>

#define MAX_INPUT 256           /* longer strings are not dates */
#define MAX_TOKENS 48
#define MIN_YEAR 1800
#define MAX_YEAR 2200

enum { T_NUM, T_WORD, T_SEP };

struct tok {
	int type;
	int space;              /* whitespace before it */
	int used;
	int nd;                 /* T_NUM: digits */
	int64_t val;            /* T_NUM */
	const char *w;          /* T_WORD: lower case, NUL-terminated */
	char c;                 /* T_SEP: the character; '?' for others */
};

struct lexer {
	struct tok t[MAX_TOKENS];
	int n;
	char words[MAX_INPUT * 2 + MAX_TOKENS];
	size_t wlen;
};

/* ------------------------------------------------------------------ */
/* Calendar                                                             */
/* ------------------------------------------------------------------ */

static int leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int64_t y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				     30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* 0 for Sunday. */
static int weekday(int64_t days)
{
	return (int)((days % 7 + 11) % 7);
}

/* The day of the month of the n-th (n > 0) or last (n == 0) Sunday. */
static int sunday(int64_t y, int m, int n)
{
	if (n) {
		int first = weekday(days_from_civil(y, m, 1));
		return 1 + (7 - first) % 7 + 7 * (n - 1);
	}
	int last = month_days(y, m);
	return last - weekday(days_from_civil(y, m, last));
}

/* Whether US daylight saving time is in force at a local standard time. */
static int us_dst(int64_t y, int m, int d, int h)
{
	int sm, sd, em, ed;

	if (y >= 2007) {
		sm = 3, sd = sunday(y, 3, 2);
		em = 11, ed = sunday(y, 11, 1);
	} else if (y >= 1987) {
		sm = 4, sd = sunday(y, 4, 1);
		em = 10, ed = sunday(y, 10, 0);
	} else if (y >= 1967) {
		sm = 4, sd = sunday(y, 4, 0);
		em = 10, ed = sunday(y, 10, 0);
	} else {
		return 0;
	}
	int now = m * 10000 + d * 100 + h;
	return now >= sm * 10000 + sd * 100 + 2 && now < em * 10000 + ed * 100 + 1;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                               */
/* ------------------------------------------------------------------ */

static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c < 0xE0)
		k = 2, *cp = c & 0x1F;
	else if (c >= 0xE0 && c < 0xF0)
		k = 3, *cp = c & 0x0F;
	else if (c >= 0xF0 && c < 0xF5)
		k = 4, *cp = c & 0x07;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3F);
	}
	if ((k == 3 && *cp < 0x800) || (k == 4 && *cp < 0x10000) ||
	    *cp > 0x10FFFF || (*cp >= 0xD800 && *cp < 0xE000))
		return 0;
	return k;
}

static int word_char(uint32_t cp)
{
	return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x370 && cp <= 0x52F) || cp == 0x2BC ||
	       (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	       (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3);
}

/* The CJK and Hangul characters that follow the numbers of a date. */
static int marker(uint32_t cp)
{
	switch (cp) {
	case 0x5E74: case 0x6708: case 0x65E5:  /* 年 月 日 */
	case 0x6642: case 0x65F6: case 0x5206:  /* 時 时 分 */
	case 0x79D2:                            /* 秒 */
	case 0xB144: case 0xC6D4: case 0xC77C:  /* 년 월 일 */
	case 0xC2DC: case 0xBD84: case 0xCD08:  /* 시 분 초 */
		return 1;
	}
	return 0;
}

static int space_char(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
	       cp == 0x3000 || cp == 0xFEFF;
}

static uint32_t lower(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp == 0x490)
		return 0x491;
	return cp;
}

static void put_utf8(struct lexer *lx, uint32_t cp)
{
	char *o = lx->words + lx->wlen;
	if (cp < 0x80) {
		o[0] = (char)cp;
		lx->wlen += 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		lx->wlen += 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		lx->wlen += 3;
	} else {
		o[0] = (char)(0xF0 | cp >> 18);
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		lx->wlen += 4;
	}
}

/* Cuts s into tokens; 0 when it has too many. */
static int lex(struct lexer *lx, const unsigned char *s, size_t len)
{
	size_t i = 0;
	int space = 0;

	lx->n = 0;
	lx->wlen = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = decode(s + i, len - i, &cp);
		if (!k)
			return 0;
		if (space_char(cp)) {
			space = 1;
			i += k;
			continue;
		}
		if (lx->n == MAX_TOKENS)
			return 0;
		struct tok *t = &lx->t[lx->n++];
		memset(t, 0, sizeof *t);
		t->space = space;
		space = 0;
		if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) {
			/* digits, fullwidth ones included */
			t->type = T_NUM;
			while (i < len) {
				k = decode(s + i, len - i, &cp);
				if (!k)
					return 0;
				if (cp >= 0xFF10 && cp <= 0xFF19)
					cp -= 0xFF10 - '0';
				if (cp < '0' || cp > '9')
					break;
				if (++t->nd <= 15)
					t->val = t->val * 10 + (cp - '0');
				i += k;
			}
		} else if (word_char(cp)) {
			t->type = T_WORD;
			t->w = lx->words + lx->wlen;
			if (marker(cp) && lx->n > 1 && t[-1].type == T_NUM &&
			    !t->space) {
				/* 10日 stays apart from what follows */
				put_utf8(lx, cp);
				lx->words[lx->wlen++] = '\0';
				i += k;
				continue;
			}
			while (i < len) {
				k = decode(s + i, len - i, &cp);
				if (!k)
					return 0;
				if (!word_char(cp))
					break;
				put_utf8(lx, lower(cp));
				i += k;
			}
			lx->words[lx->wlen++] = '\0';
		} else {
			t->type = T_SEP;
			t->c = cp < 0x80 ? (char)cp : '?';
			if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 ||
			    cp == 0x2212)
				t->c = '-';
			i += k;
		}
	}
	/* "a.m." and "p.m." become the words "am" and "pm" */
	for (int j = 0; j + 2 < lx->n; j++) {
		struct tok *t = lx->t + j;
		if (t[0].type == T_WORD && (!strcmp(t[0].w, "a") ||
					    !strcmp(t[0].w, "p")) &&
		    t[1].type == T_SEP && t[1].c == '.' && !t[1].space &&
		    t[2].type == T_WORD && !strcmp(t[2].w, "m") && !t[2].space) {
			t[0].w = t[0].w[0] == 'a' ? "am" : "pm";
			t[1].used = t[2].used = 1;
			if (j + 3 < lx->n && t[3].type == T_SEP && t[3].c == '.')
				t[3].used = 1;
		}
	}
	return 1;
}

static int is_word(const struct tok *t, const char *w)
{
	return t->type == T_WORD && !strcmp(t->w, w);
}

static int is_sep(const struct tok *t, char c)
{
	return t->type == T_SEP && t->c == c;
}

/* Index of w in the NULL-terminated list, or -1. */
static int find(const char *const *list, const char *w)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(list[i], w))
			return i;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Words                                                                */
/* ------------------------------------------------------------------ */

static const struct {
	const char *name;
	int month;
} months[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11},
	{"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},
	{"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
	{"oct", 10}, {"nov", 11}, {"dec", 12},
	/* French */
	{"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3},
	{"avril", 4}, {"mai", 5}, {"juin", 6}, {"juillet", 7}, {"août", 8},
	{"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
	{"avr", 4}, {"juil", 7}, {"déc", 12},
	/* German */
	{"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3},
	{"maerz", 3}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
	{"dezember", 12}, {"mär", 3}, {"mrz", 3}, {"okt", 10}, {"dez", 12},
	/* Spanish */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
	{"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
	{"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
	{"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4},
	{"ago", 8}, {"dic", 12},
	/* Italian */
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12},
	/* Portuguese */
	{"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"novembro", 11}, {"dezembro", 12},
	/* Dutch */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
	{"augustus", 8}, {"mrt", 3},
	/* Russian: genitive, nominative, abbreviated */
	{"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4},
	{"мая", 5}, {"июня", 6}, {"июля", 7}, {"августа", 8},
	{"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
	{"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4},
	{"май", 5}, {"июнь", 6}, {"июль", 7}, {"август", 8},
	{"сентябрь", 9}, {"октябрь", 10}, {"ноябрь", 11}, {"декабрь", 12},
	{"янв", 1}, {"фев", 2}, {"мар", 3}, {"апр", 4}, {"июн", 6},
	{"июл", 7}, {"авг", 8}, {"сен", 9}, {"сент", 9}, {"окт", 10},
	{"ноя", 11}, {"нояб", 11}, {"дек", 12},
	/* Ukrainian: genitive, nominative */
	{"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4},
	{"травня", 5}, {"червня", 6}, {"липня", 7}, {"серпня", 8},
	{"вересня", 9}, {"жовтня", 10}, {"листопада", 11}, {"грудня", 12},
	{"січень", 1}, {"лютий", 2}, {"березень", 3}, {"квітень", 4},
	{"травень", 5}, {"червень", 6}, {"липень", 7}, {"серпень", 8},
	{"вересень", 9}, {"жовтень", 10}, {"листопад", 11}, {"грудень", 12},
};

static int month_of(const char *w)
{
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (!strcmp(months[i].name, w))
			return months[i].month;
	return 0;
}

/* Weekdays and words that may stand around a date without changing it. */
static const char *const ignored[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	"dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
	"samstag", "sonnabend", "sonntag", "lunes", "martes", "miércoles",
	"jueves", "viernes", "sábado", "domingo", "lunedì", "martedì",
	"mercoledì", "giovedì", "venerdì", "sabato", "domenica", "segunda",
	"terça", "quarta", "quinta", "sexta", "feira", "maandag", "dinsdag",
	"woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
	"воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс",
	"понеділок", "вівторок", "середа", "четвер", "пʼятниця",
	"субота", "неділя", "las",
	"월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일",
	"월", "화", "수", "목", "금", "토", "일",
	"月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日",
	"月", "火", "水", "木", "金", "土", "日",
	"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日",
	"星期天", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
	"週一", "週二", "週三", "週四", "週五", "週六", "週日",
	/* fillers */
	"at", "on", "the", "of", "t", "de", "del", "à", "a", "le", "el",
	"um", "uhr", "am", "den", "в", "г", "года", "год", "published",
	"updated", "posted", "last", "modified", "date", "time",
	NULL
};

static const char *const ordinals[] = {"st", "nd", "rd", "th", "er", NULL};

/* Zones: offset in minutes east of UTC; us: a US zone whose daylight
 * time depends on the date ("ET"). */
static const struct {
	const char *name;
	int offset;
	int us;
} zones[] = {
	{"z", 0, 0}, {"gmt", 0, 0}, {"utc", 0, 0}, {"ut", 0, 0},
	{"wet", 0, 0}, {"west", 60, 0}, {"bst", 60, 0}, {"cet", 60, 0},
	{"cest", 120, 0}, {"met", 60, 0}, {"mest", 120, 0}, {"mez", 60, 0},
	{"mesz", 120, 0}, {"eet", 120, 0}, {"eest", 180, 0},
	{"msk", 180, 0}, {"мск", 180, 0}, {"ist", 330, 0},
	{"est", -300, 0}, {"edt", -240, 0}, {"cst", -360, 0},
	{"cdt", -300, 0}, {"mst", -420, 0}, {"mdt", -360, 0},
	{"pst", -480, 0}, {"pdt", -420, 0}, {"akst", -540, 0},
	{"akdt", -480, 0}, {"hst", -600, 0},
	{"et", -300, 1}, {"ct", -360, 1}, {"mt", -420, 1}, {"pt", -480, 1},
	{"kst", 540, 0}, {"jst", 540, 0}, {"hkt", 480, 0}, {"sgt", 480, 0},
	{"awst", 480, 0}, {"acst", 570, 0}, {"aest", 600, 0},
	{"aedt", 660, 0}, {"nzst", 720, 0}, {"nzdt", 780, 0},
};

static int zone_of(const char *w)
{
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (!strcmp(zones[i].name, w))
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                              */
/* ------------------------------------------------------------------ */

struct date {
	int64_t y;
	int m, d;
	int h, mi, s;           /* h < 0: no time of day */
	int zone;               /* minutes east of UTC */
	int zone_set, zone_us;
};

/* A signed offset "+09:00", "+0900", "-05" at t[i]; returns the number
 * of tokens taken, 0 if there is none, -1 if it is malformed. */
static int offset_at(const struct lexer *lx, int i, int *minutes)
{
	const struct tok *t = lx->t + i;

	if (i + 1 >= lx->n || t[0].used || !(is_sep(t, '+') || is_sep(t, '-')) ||
	    t[1].type != T_NUM || t[1].space)
		return 0;
	int sign = t[0].c == '-' ? -1 : 1, h, m = 0, k = 2;
	if (t[1].nd == 4) {
		h = (int)(t[1].val / 100);
		m = (int)(t[1].val % 100);
	} else if (t[1].nd <= 2) {
		h = (int)t[1].val;
		if (i + 3 < lx->n && is_sep(t + 2, ':') && t[3].type == T_NUM &&
		    t[3].nd == 2) {
			m = (int)t[3].val;
			k = 4;
		}
	} else {
		return -1;
	}
	if (h > 18 || m > 59)
		return -1;
	*minutes = sign * (h * 60 + m);
	return k;
}

static void mark(struct lexer *lx, int from, int n)
{
	for (int k = from; k < from + n; k++)
		lx->t[k].used = 1;
}

static int word_in(const struct tok *t, const char *a, const char *b,
		   const char *c)
{
	return t->type == T_WORD && (!strcmp(t->w, a) || !strcmp(t->w, b) ||
				     (c && !strcmp(t->w, c)));
}

/*
 * Finds the time of day and the zone written right after it.  Returns 0
 * when there is none, 1 when found, -1 when malformed.
 */
static int parse_time(struct lexer *lx, struct date *dt)
{
	struct tok *t = lx->t;
	int n = lx->n;

	for (int i = 0; i < n; i++) {
		int j = i, h, mi = 0, s = 0, ampm = 0;
		if (t[i].used || t[i].type != T_NUM)
			continue;
		if (t[i].nd <= 2 && i + 2 < n && is_sep(t + i + 1, ':') &&
		    t[i + 2].type == T_NUM && t[i + 2].nd == 2) {
			/* 14:03, 14:03:00, 14:03:00.123 */
			h = (int)t[i].val;
			mi = (int)t[i + 2].val;
			j = i + 3;
			if (j + 1 < n && is_sep(t + j, ':') &&
			    t[j + 1].type == T_NUM && t[j + 1].nd == 2) {
				s = (int)t[j + 1].val;
				j += 2;
			}
			if (j + 1 < n && (is_sep(t + j, '.') || is_sep(t + j, ',')) &&
			    !t[j].space && t[j + 1].type == T_NUM &&
			    !t[j + 1].space)
				j += 2;
		} else if (t[i].nd <= 2 && i + 1 < n &&
			   (is_word(t + i + 1, "h") ||
			    word_in(t + i + 1, "시", "時", "时"))) {
			/* 14h03, 14 h, 14시 3분 5초, 14時03分 */
			int cjk = !is_word(t + i + 1, "h");
			h = (int)t[i].val;
			j = i + 2;
			if (j < n && t[j].type == T_NUM && t[j].nd <= 2 &&
			    (!cjk || (j + 1 < n && word_in(t + j + 1, "분", "分", NULL)))) {
				mi = (int)t[j].val;
				j += cjk ? 2 : 1;
				if (cjk && j + 1 < n && t[j].type == T_NUM &&
				    t[j].nd <= 2 && word_in(t + j + 1, "초", "秒", NULL)) {
					s = (int)t[j].val;
					j += 2;
				}
			}
		} else if ((t[i].nd == 4 || t[i].nd == 6) && i >= 2 &&
			   is_word(t + i - 1, "t") && !t[i].space &&
			   !t[i - 1].space && t[i - 2].type == T_NUM &&
			   t[i - 2].nd == 8) {
			/* 20241110T1403[00] */
			int64_t v = t[i].nd == 4 ? t[i].val * 100 : t[i].val;
			h = (int)(v / 10000);
			mi = (int)(v / 100 % 100);
			s = (int)(v % 100);
			j = i + 1;
		} else if (t[i].nd <= 2 && i + 1 < n &&
			   word_in(t + i + 1, "am", "pm", NULL)) {
			/* 2 pm */
			h = (int)t[i].val;
			j = i + 1;
		} else {
			continue;
		}

		if (j < n && word_in(t + j, "am", "pm", NULL)) {
			ampm = t[j].w[0] == 'a' ? 1 : 2;
			j++;
		}
		if (i > 0 && !t[i - 1].used) {
			if (word_in(t + i - 1, "오전", "上午", "午前"))
				ampm = 1, t[i - 1].used = 1;
			else if (word_in(t + i - 1, "오후", "下午", "午後"))
				ampm = 2, t[i - 1].used = 1;
		}
		if (ampm) {
			if (h < 1 || h > 12)
				return -1;
			h = h % 12 + (ampm == 2 ? 12 : 0);
		}
		if (h > 23 || mi > 59 || s > 60)
			return -1;
		mark(lx, i, j - i);
		dt->h = h, dt->mi = mi, dt->s = s;

		/* the zone right after: Z, +09:00, -0500 */
		int off, k;
		if (j < n && is_word(t + j, "z") && !t[j].space) {
			dt->zone_set = 1;
			t[j].used = 1;
		} else if ((k = offset_at(lx, j, &off)) != 0) {
			if (k < 0)
				return -1;
			dt->zone = off;
			dt->zone_set = 1;
			mark(lx, j, k);
		}
		return 1;
	}
	return 0;
}

static int64_t two_digit_year(int64_t y)
{
	return y < 50 ? 2000 + y : 1900 + y;
}

/*
 * The numbers of a date without a month name: t[a], t[a+2], t[a+4] with
 * the same separator between them.
 */
static int numeric_date(const struct lexer *lx, const int *num, int nnum,
			struct date *dt)
{
	const struct tok *t = lx->t;

	if (nnum == 1) {
		const struct tok *x = t + num[0];
		if (x->nd != 8)
			return -1;
		dt->y = x->val / 10000;
		dt->m = (int)(x->val / 100 % 100);
		dt->d = (int)(x->val % 100);
		return 0;
	}
	if (nnum != 3 || num[1] != num[0] + 2 || num[2] != num[1] + 2)
		return -1;
	const struct tok *a = t + num[0], *b = t + num[1], *c = t + num[2];
	const struct tok *s1 = t + num[0] + 1, *s2 = t + num[1] + 1;
	char sep = s1->c;
	if (s1->type != T_SEP || s2->type != T_SEP || s2->c != sep ||
	    (sep != '-' && sep != '/' && sep != '.'))
		return -1;
	if (a->nd == 4 && b->nd <= 2 && c->nd <= 2) {
		dt->y = a->val;
		dt->m = (int)b->val;
		dt->d = (int)c->val;
		return 0;
	}
	if (a->nd > 2 || b->nd > 2 || (c->nd != 4 && c->nd != 2))
		return -1;
	dt->y = c->nd == 2 ? two_digit_year(c->val) : c->val;
	if (sep == '.' || (a->val > 12 && b->val <= 12) || a->val == b->val) {
		dt->d = (int)a->val;            /* day first */
		dt->m = (int)b->val;
	} else if (b->val > 12 && a->val <= 12) {
		dt->m = (int)a->val;            /* month first (US) */
		dt->d = (int)b->val;
	} else {
		return -1;                      /* 10/11/2024: ambiguous */
	}
	return 0;
}

static ue_status parse(struct lexer *lx, struct date *dt, int64_t *ts,
		       int *has_time)
{
	struct tok *t = lx->t;
	int n = lx->n, num[MAX_TOKENS], nnum = 0, month = 0;
	int64_t cy = -1, cm = -1, cd = -1;      /* from 년 월 일, 年 月 日 */

	memset(dt, 0, sizeof *dt);
	dt->h = -1;
	if (n == 0)
		return UE_EFORMAT;

	/* a unix time: 9-10 digits, or 12-13 in milliseconds */
	if (n == 1 && t[0].type == T_NUM && t[0].nd >= 9 && t[0].nd <= 13 &&
	    t[0].nd != 11) {
		int64_t v = t[0].nd >= 12 ? t[0].val / 1000 : t[0].val;
		if (v >= days_from_civil(MAX_YEAR + 1, 1, 1) * 86400)
			return UE_EFORMAT;
		*ts = v;
		*has_time = 1;
		return UE_OK;
	}

	if (parse_time(lx, dt) < 0)
		return UE_EFORMAT;

	for (int i = 0; i < n; i++) {
		int z, m, k, off;
		if (t[i].used)
			continue;
		if (t[i].type == T_NUM) {
			num[nnum++] = i;
			continue;
		}
		if (t[i].type == T_SEP)
			continue;
		/* a word */
		const struct tok *prev = i > 0 ? t + i - 1 : NULL;
		int after_num = prev && prev->type == T_NUM && !prev->used &&
				nnum && num[nnum - 1] == i - 1;
		if (after_num && word_in(t + i, "년", "年", NULL)) {
			cy = prev->val;
			nnum--;
		} else if (after_num && word_in(t + i, "월", "月", NULL)) {
			cm = prev->val;
			nnum--;
		} else if (after_num && word_in(t + i, "일", "日", NULL)) {
			cd = prev->val;
			nnum--;
		} else if (after_num && !t[i].space &&
			   find(ordinals, t[i].w) >= 0) {
			/* 10th */
		} else if ((m = month_of(t[i].w)) != 0) {
			if (month)
				return UE_EFORMAT;
			month = m;
		} else if ((z = zone_of(t[i].w)) >= 0) {
			/* GMT+9, UTC-05:00 */
			if ((k = offset_at(lx, i + 1, &off)) < 0)
				return UE_EFORMAT;
			if (k && zones[z].offset == 0 && !zones[z].us) {
				mark(lx, i + 1, k);
			} else {
				off = zones[z].offset;
				k = 0;
			}
			if (!dt->zone_set) {
				dt->zone_set = 1;
				dt->zone = off;
				dt->zone_us = zones[z].us;
			}
			i += k;
		} else if (find(ignored, t[i].w) < 0) {
			return UE_EFORMAT;
		}
	}

	if (cy >= 0 || cm >= 0 || cd >= 0) {
		if (cy < 0 || cm < 0 || cd < 0 || nnum || month)
			return UE_EFORMAT;
		dt->y = cy, dt->m = (int)cm, dt->d = (int)cd;
	} else if (month) {
		/* 10 Nov 2024, Nov 10, 2024, 2024 Nov 10, 10 Nov 24 */
		if (nnum != 2)
			return UE_EFORMAT;
		const struct tok *a = t + num[0], *b = t + num[1];
		if (a->nd == 4 && b->nd <= 2) {
			dt->y = a->val, dt->d = (int)b->val;
		} else if (b->nd == 4 && a->nd <= 2) {
			dt->y = b->val, dt->d = (int)a->val;
		} else if (a->nd <= 2 && b->nd == 2) {
			dt->d = (int)a->val, dt->y = two_digit_year(b->val);
		} else {
			return UE_EFORMAT;
		}
		dt->m = month;
	} else if (numeric_date(lx, num, nnum, dt) < 0) {
		return UE_EFORMAT;
	}

	if (dt->y < MIN_YEAR || dt->y > MAX_YEAR || dt->m < 1 || dt->m > 12 ||
	    dt->d < 1 || dt->d > month_days(dt->y, dt->m))
		return UE_EFORMAT;

	int64_t days = days_from_civil(dt->y, dt->m, dt->d);
	if (dt->h < 0) {
		*ts = days * 86400;     /* a date alone: midnight UTC */
		*has_time = 0;
		return UE_OK;
	}
	int zone = dt->zone;
	if (dt->zone_us && us_dst(dt->y, dt->m, dt->d, dt->h))
		zone += 60;
	*ts = days * 86400 + dt->h * 3600 + dt->mi * 60 + dt->s -
	      (int64_t)zone * 60;
	*has_time = 1;
	return UE_OK;
}

ue_status ue_date_parse(const char *s, size_t len, int64_t *ts, int *has_time)
{
	struct lexer lx;
	struct date dt;
	int64_t v = 0;
	int ht = 0;

	if (!s || len > MAX_INPUT || !lex(&lx, (const unsigned char *)s, len))
		return UE_EFORMAT;
	ue_status st = parse(&lx, &dt, &v, &ht);
	if (st)
		return st;
	if (ts)
		*ts = v;
	if (has_time)
		*has_time = ht;
	return UE_OK;
}

void ue_date_format(int64_t ts, int has_time, char out[32])
{
	int64_t days = ts / 86400, rem = ts % 86400, y;
	int m, d;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	if (has_time)
		snprintf(out, 32, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y,
			 m, d, (int)(rem / 3600), (int)(rem / 60 % 60),
			 (int)(rem % 60));
	else
		snprintf(out, 32, "%04lld-%02d-%02d", (long long)y, m, d);
}
