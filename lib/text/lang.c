/*
 * lang.c - language identification without model files; see lang.h.
 *
 * One pass over the text counts letters by writing system and, for
 * Latin-script words, looks each lower-cased word up in a table of the
 * most common function words of the languages below.  The script decides
 * most languages outright; counts of a few distinctive letters separate
 * the Cyrillic and Arabic-script languages; function-word hits decide
 * among the Latin-script ones.  The word table is built once, on first
 * use, in static storage: detection itself never allocates.
 */
#include "text/lang.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define SCAN_LIMIT 65536        /* bytes of text looked at */
#define MIN_LETTERS 20
#define MAX_WORD 24             /* longer tokens are not function words */
#define TABLE_SIZE 4096         /* power of two, well above the word count */

/*
 * Function words of the Latin-script languages, most frequent first,
 * lower case, NFC.  Closely related languages (cs/sk, da/no/sv, es/pt)
 * share words; those add to both and cancel out, so the words that
 * differ decide.
 */
static const struct {
	const char *code;
	const char *words;
} latin[] = {
	{"en", "the of and to in a is that for it was on with as be by at he "
	       "his are from this have not but had they which or an were has "
	       "been its their who will would said there more one her she we "
	       "can about also after when what all out up into than other so "
	       "them only new some could these if i our over do no may such "
	       "did how then where those now"},
	{"fr", "le la les de des du un une et est en que qui dans pour pas sur "
	       "au aux ce cette il elle ne se sont avec par plus son sa ses on "
	       "nous vous ils leur été être a ont mais ou comme tout y l d qu "
	       "n c j lui était fait aussi très selon après depuis"},
	{"de", "der die das und in den von zu mit ist im des sich für auf dem "
	       "nicht eine ein als auch es an er so dass sie nach wird bei "
	       "einer um am sind noch wie einem über einen aus zum war haben "
	       "nur oder aber vor zur bis mehr durch man sein wurde sei hat "
	       "ich werden wir"},
	{"es", "de la que el en y a los se del las un por con no una su para "
	       "es al lo como más pero sus le ya o este sí porque esta entre "
	       "cuando muy sin sobre también me hasta hay donde quien desde "
	       "todo nos durante todos uno les ni contra otros ese eso ante "
	       "ellos esto fue ha han era sido está según"},
	{"pt", "de a o que e do da em um para é com não uma os no se na por "
	       "mais as dos como mas foi ao ele das tem à seu sua ou ser "
	       "quando muito há nos já está eu também só pelo pela até isso "
	       "ela entre era depois sem mesmo aos ter seus quem nas esse "
	       "eles estão você foram essa nem suas às segundo"},
	{"it", "di e il la che in a per un è del non una con sono le si da i "
	       "al della gli dei alla più anche ha come nel ma lo ci questo "
	       "delle se nella tra dal essere sul o cui loro stato dopo ne suo "
	       "sua l c all dell nell quando hanno molto degli anni"},
	{"nl", "de het een van en in is dat op te zijn met voor niet aan er die "
	       "ook als bij door om maar uit dan of naar over nog wordt werd "
	       "worden hij zij ze deze dit wel al tot heeft hebben was kan "
	       "geen meer wat zich"},
	{"pl", "w i na z do się nie że to jest o jak po a od za co dla ale "
	       "przez przy jego tak już ich może tym są lub tylko jednak był "
	       "była było także oraz który która które ze we gdy bardzo też "
	       "czy jej go mu"},
	{"cs", "se jsou byl bylo byla pro jako které který která podle také "
	       "nebo ještě jen když jsem ve či již než však aby tím této tento "
	       "jeho je že na v a s z o do to i k by ale za už po při od má"},
	{"sk", "sa sú bol bolo bola pre ako ktoré ktorý ktorá podľa tiež "
	       "alebo ešte len keď som vo či už než však aby tým tejto tento "
	       "jeho je že na v a s z o do to i k by ale za po pri od má"},
	{"sv", "och i att det som en på är av för med till den har de inte om "
	       "ett han men var jag sig från vi så kan man när år säger hon "
	       "också efter eller nu sin där vid mot ska skulle kommer ut får "
	       "finns vara hade alla andra mycket än blev blir vad något "
	       "mellan genom några"},
	{"da", "og i at det som en på er af for med til den har de ikke om et "
	       "han men var jeg sig fra vi så kan man når år siger sagde hun "
	       "også efter eller nu sin der ved mod skal skulle kommer ud får "
	       "findes være havde alle andre meget end blev bliver blevet hvad "
	       "noget nogle nogen mellem gennem uden igen tilbage endnu hende "
	       "os"},
	{"no", "og i at det som en på er av for med til den har de ikke om et "
	       "han men var jeg seg fra vi så kan man når år sier sa hun også "
	       "etter eller nå sin der ved mot skal skulle kommer ut får "
	       "finnes være hadde alle andre mye enn ble blir blitt hva noe "
	       "noen mellom gjennom uten igjen tilbake ennå henne oss"},
	{"fi", "ja on ei se että oli hän kun mutta myös tai ovat ole joka jos "
	       "niin kuin mukaan sen sitä nyt vain vielä jo ollut olla sekä "
	       "tämä mitä koska voi hänen he me minä ne siitä jälkeen kanssa "
	       "kaikki ennen noin aikana olivat oli"},
	{"tr", "ve bir bu da de için ile olarak gibi daha çok en ne o olan ama "
	       "kadar sonra her şey değil mi ki ya veya ise göre ancak bile "
	       "diye tarafından ilk yeni büyük iki olduğunu şu ben biz onlar "
	       "hem ayrıca"},
	{"ro", "și şi de în a la cu din pe că nu o un care se este mai pentru "
	       "ca sunt au fost al ale lui ce sau dar iar această acest prin "
	       "fi după cel ei el fără va avea le între vor cum doar decât"},
	{"hu", "a az és hogy nem is egy meg ez de van volt csak mint már el ki "
	       "még ha azt után pedig kell most vagy sem lesz lehet között "
	       "szerint minden amely ami mert nagyon több így vannak azonban "
	       "illetve amit aki"},
	{"id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada ke "
	       "ada juga karena oleh atau bisa sudah saya kami mereka telah "
	       "lebih tersebut menjadi seperti para bahwa hanya kata namun "
	       "masih harus antara saat setelah belum"},
	{"vi", "của và là các có được trong cho không những người này với một "
	       "đã để khi từ theo đến về như ra sẽ cũng nhiều trên tại sau "
	       "nhưng vào đó năm hơn thì cùng đang làm do bị"},
	{"ca", "de la el i que a en per les els del amb un una es no al com ha "
	       "són més però també hi ho va seu seva dels pel aquest aquesta "
	       "entre sobre fins quan molt perquè ja fer"},
	{"hr", "i je u se na da su za od s a o koji što ne kao to iz bi ali sam "
	       "još biti ili će bio nije samo sve koja koje kako nakon prema "
	       "godine već ima jer može te li bila bilo također"},
	{"sl", "in je v na se da za so z pa ki po ne bi od tudi kot še s bo ali "
	       "iz le do ga jih smo sem ter kar lahko zaradi vendar med samo "
	       "zato"},
	{"et", "ja on et ei see oli ka kui mis ta aga nii oma või veel siis "
	       "seda kes pole ning nagu mida juba tema nad üle ning peab"},
	{"lt", "ir į kad su yra iš bet buvo tai kaip tik dar per jau o arba "
	       "nuo ar nes apie kurie kuris jo jų buvo bus"},
	{"lv", "un ir ar par no uz ka kas bet vai arī tas to tā viņš kā lai "
	       "jau pēc tikai bija nav savu viņa līdz"},
};

#define NLATIN (sizeof latin / sizeof latin[0])
_Static_assert(NLATIN <= 32, "a language is one bit of struct slot's mask");

struct slot {
	const char *word;       /* points into latin[].words; NULL: empty */
	uint32_t len;
	uint32_t mask;          /* bit i: a function word of latin[i] */
};

static struct slot table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct slot *lookup(const char *w, size_t n)
{
	uint32_t i = hash(w, n) & (TABLE_SIZE - 1);
	for (;;) {
		struct slot *s = &table[i];
		if (!s->word || (s->len == n && !memcmp(s->word, w, n)))
			return s;
		i = (i + 1) & (TABLE_SIZE - 1);
	}
}

static void build_table(void)
{
	for (size_t l = 0; l < NLATIN; l++) {
		const char *p = latin[l].words;
		while (*p) {
			while (*p == ' ')
				p++;
			const char *e = p;
			while (*e && *e != ' ')
				e++;
			if (e > p) {
				struct slot *s = lookup(p, (size_t)(e - p));
				s->word = p;
				s->len = (uint32_t)(e - p);
				s->mask |= 1u << l;
			}
			p = e;
		}
	}
}

/* Decodes the UTF-8 character at s (n > 0 bytes); 0 when invalid. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &c);
	if (k <= 0)
		return 0;
	*cp = (uint32_t)c;
	return (size_t)k;
}

enum script {
	S_NONE, S_LATIN, S_CYRILLIC, S_GREEK, S_ARMENIAN, S_HEBREW, S_ARABIC,
	S_DEVANAGARI, S_BENGALI, S_GURMUKHI, S_GUJARATI, S_ORIYA, S_TAMIL,
	S_TELUGU, S_KANNADA, S_MALAYALAM, S_SINHALA, S_THAI, S_LAO, S_TIBETAN,
	S_MYANMAR, S_GEORGIAN, S_ETHIOPIC, S_KHMER, S_MONGOLIAN, S_OTHER,
	S_HANGUL, S_KANA, S_HAN, S_COUNT	/* CJK last */
};

/* The language of each script that has essentially one. */
static const char *const script_lang[S_COUNT] = {
	[S_GREEK] = "el", [S_ARMENIAN] = "hy", [S_HEBREW] = "he",
	[S_DEVANAGARI] = "hi", [S_BENGALI] = "bn", [S_GURMUKHI] = "pa",
	[S_GUJARATI] = "gu", [S_ORIYA] = "or", [S_TAMIL] = "ta",
	[S_TELUGU] = "te", [S_KANNADA] = "kn", [S_MALAYALAM] = "ml",
	[S_SINHALA] = "si", [S_THAI] = "th", [S_LAO] = "lo",
	[S_TIBETAN] = "bo", [S_MYANMAR] = "my", [S_GEORGIAN] = "ka",
	[S_ETHIOPIC] = "am", [S_KHMER] = "km", [S_MONGOLIAN] = "mn",
};

static const struct {
	uint32_t lo, hi;
	enum script s;
} ranges[] = {
	{0x0370, 0x03FF, S_GREEK}, {0x0400, 0x052F, S_CYRILLIC},
	{0x0530, 0x058F, S_ARMENIAN}, {0x0590, 0x05FF, S_HEBREW},
	{0x0600, 0x06FF, S_ARABIC}, {0x0750, 0x077F, S_ARABIC},
	{0x0900, 0x097F, S_DEVANAGARI}, {0x0980, 0x09FF, S_BENGALI},
	{0x0A00, 0x0A7F, S_GURMUKHI}, {0x0A80, 0x0AFF, S_GUJARATI},
	{0x0B00, 0x0B7F, S_ORIYA}, {0x0B80, 0x0BFF, S_TAMIL},
	{0x0C00, 0x0C7F, S_TELUGU}, {0x0C80, 0x0CFF, S_KANNADA},
	{0x0D00, 0x0D7F, S_MALAYALAM}, {0x0D80, 0x0DFF, S_SINHALA},
	{0x0E00, 0x0E7F, S_THAI}, {0x0E80, 0x0EFF, S_LAO},
	{0x0F00, 0x0FFF, S_TIBETAN}, {0x1000, 0x109F, S_MYANMAR},
	{0x10A0, 0x10FF, S_GEORGIAN}, {0x1100, 0x11FF, S_HANGUL},
	{0x1200, 0x139F, S_ETHIOPIC}, {0x1780, 0x17FF, S_KHMER},
	{0x1800, 0x18AF, S_MONGOLIAN}, {0x1C90, 0x1CBF, S_GEORGIAN},
	{0x1E00, 0x1EFF, S_LATIN}, {0x1F00, 0x1FFF, S_GREEK},
	{0x2D00, 0x2D2F, S_GEORGIAN}, {0x3040, 0x309F, S_KANA},
	{0x30A0, 0x30FA, S_KANA}, {0x30FC, 0x30FF, S_KANA},
	{0x3130, 0x318F, S_HANGUL}, {0x31F0, 0x31FF, S_KANA},
	{0x3400, 0x4DBF, S_HAN}, {0x4E00, 0x9FFF, S_HAN},
	{0xA960, 0xA97F, S_HANGUL}, {0xAC00, 0xD7FF, S_HANGUL},
	{0xF900, 0xFAFF, S_HAN}, {0xFB1D, 0xFB4F, S_HEBREW},
	{0xFB50, 0xFDFF, S_ARABIC}, {0xFE70, 0xFEFF, S_ARABIC},
	{0xFF66, 0xFF9F, S_KANA}, {0xFFA0, 0xFFDC, S_HANGUL},
	{0x20000, 0x3134F, S_HAN},
};

static int is_letter_or_mark(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

/* The script of letter (or mark) cp >= 0x80; S_NONE for anything else. */
static enum script script_of(uint32_t cp)
{
	if (cp < 0x250) {
		if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
			return cp == 0xAA || cp == 0xBA ? S_LATIN : S_NONE;
		return S_LATIN;
	}
	size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < ranges[mid].lo) {
			hi = mid;
		} else if (cp > ranges[mid].hi) {
			lo = mid + 1;
		} else {
			/* the CJK ranges hold letters only; elsewhere skip the
			 * scripts' own digits and punctuation */
			enum script sr = ranges[mid].s;
			if (sr == S_HANGUL || sr == S_KANA || sr == S_HAN)
				return sr;
			return is_letter_or_mark(cp) ? sr : S_NONE;
		}
	}
	return is_letter_or_mark(cp) ? S_OTHER : S_NONE;
}

/* Letters that tell Cyrillic and Arabic-script languages apart. */
enum mark {
	M_UK, M_RU, M_HARD, M_BE, M_SR, M_SRMK, M_MK, M_KK, M_OU, M_NG,
	M_FA, M_UR, M_COUNT
};

static int mark_of(uint32_t cp)
{
	switch (cp) {
	case 0x0456: case 0x0406: case 0x0457: case 0x0407:     /* і ї */
	case 0x0454: case 0x0404: case 0x0491: case 0x0490:     /* є ґ */
		return M_UK;
	case 0x044B: case 0x042B: case 0x044D: case 0x042D:     /* ы э */
	case 0x0451: case 0x0401:                               /* ё */
		return M_RU;
	case 0x044A: case 0x042A:                               /* ъ */
		return M_HARD;
	case 0x045E: case 0x040E:                               /* ў */
		return M_BE;
	case 0x0452: case 0x0402: case 0x045B: case 0x040B:     /* ђ ћ */
		return M_SR;
	case 0x0458: case 0x0408: case 0x0459: case 0x0409:     /* ј љ */
	case 0x045A: case 0x040A: case 0x045F: case 0x040F:     /* њ џ */
		return M_SRMK;
	case 0x0453: case 0x0403: case 0x045C: case 0x040C:     /* ѓ ќ */
	case 0x0455: case 0x0405:                               /* ѕ */
		return M_MK;
	case 0x04D9: case 0x04D8: case 0x0493: case 0x0492:     /* ә ғ */
	case 0x049B: case 0x049A: case 0x04B1: case 0x04B0:     /* қ ұ */
		return M_KK;
	case 0x04E9: case 0x04E8: case 0x04AF: case 0x04AE:     /* ө ү */
		return M_OU;
	case 0x04A3: case 0x04A2:                               /* ң */
		return M_NG;
	case 0x067E: case 0x0686: case 0x0698: case 0x06AF:     /* پ چ ژ گ */
	case 0x06A9: case 0x06CC:                               /* ک ی */
		return M_FA;
	case 0x0679: case 0x0688: case 0x0691: case 0x06BA:     /* ٹ ڈ ڑ ں */
	case 0x06C1: case 0x06D2: case 0x06BE:                  /* ہ ے ھ */
		return M_UR;
	}
	return -1;
}

struct scan {
	uint32_t script[S_COUNT];
	uint32_t mark[M_COUNT];
	uint32_t hits[NLATIN];
	uint32_t words;                 /* Latin-script words */
	char word[MAX_WORD + 4];
	size_t wlen;                    /* MAX_WORD + 1: too long */
};

static void end_word(struct scan *sc)
{
	if (sc->wlen && sc->wlen <= MAX_WORD) {
		sc->words++;
		struct slot *s = lookup(sc->word, sc->wlen);
		for (uint32_t m = s->mask, l = 0; m; m >>= 1, l++)
			if (m & 1)
				sc->hits[l]++;
	}
	sc->wlen = 0;
}

static void add_letter(struct scan *sc, uint32_t cp)
{
	if (sc->wlen > MAX_WORD)
		return;
	if (cp < 0x80) {
		sc->word[sc->wlen++] = (char)(cp | 0x20);
		return;
	}
	cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp,
					(utf8proc_uint8_t *)sc->word + sc->wlen);
	sc->wlen += (size_t)n;
	if (sc->wlen > MAX_WORD)
		sc->wlen = MAX_WORD + 1;
}

/* Per mille, rounding down. */
static uint32_t permille(uint32_t n, uint32_t of)
{
	return of ? (uint32_t)((uint64_t)n * 1000 / of) : 0;
}

static const char *cyrillic(const struct scan *sc)
{
	uint32_t n = sc->script[S_CYRILLIC];
	const uint32_t *m = sc->mark;

	if (permille(m[M_MK], n) >= 2 && permille(m[M_SR], n) < 1)
		return "mk";
	if (permille(m[M_SR], n) >= 1 || permille(m[M_SRMK], n) >= 5)
		return "sr";
	if (permille(m[M_KK], n) >= 5)
		return "kk";
	if (permille(m[M_OU], n) >= 5)
		return permille(m[M_NG], n) >= 2 ? "ky" : "mn";
	if (permille(m[M_BE], n) >= 3)
		return "be";
	/* Russian quoting a Ukrainian name has some і, and ы as well */
	if (permille(m[M_UK], n) >= 10 && m[M_UK] > 3 * m[M_RU])
		return "uk";
	if (permille(m[M_RU], n) < 1 && permille(m[M_HARD], n) >= 5)
		return "bg";
	return "ru";
}

static const char *arabic(const struct scan *sc)
{
	uint32_t n = sc->script[S_ARABIC];

	if (permille(sc->mark[M_UR], n) >= 20)
		return "ur";
	if (permille(sc->mark[M_FA], n) >= 20)
		return "fa";
	return "ar";
}

static const char *cjk(const struct scan *sc)
{
	uint32_t hangul = sc->script[S_HANGUL], kana = sc->script[S_KANA];
	uint32_t all = hangul + kana + sc->script[S_HAN];

	if (hangul > kana && hangul * 3 >= all)
		return "ko";
	if (kana && kana * 50 >= all)
		return "ja";
	return "zh";
}

static const char *latin_lang(const struct scan *sc)
{
	uint32_t best = 0, second = 0;
	size_t bi = 0;

	for (size_t l = 0; l < NLATIN; l++) {
		if (sc->hits[l] > best) {
			second = best;
			best = sc->hits[l];
			bi = l;
		} else if (sc->hits[l] > second) {
			second = sc->hits[l];
		}
	}
	uint32_t margin = best / 10 > 2 ? best / 10 : 2;
	if (best < 3 || best - second < margin || best * 100 < sc->words * 8)
		return "und";
	return latin[bi].code;
}

const char *ue_lang_detect(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	struct scan sc;
	size_t i = 0;

	pthread_once(&table_once, build_table);
	memset(&sc, 0, sizeof sc);
	if (!text)
		return "und";
	if (len > SCAN_LIMIT)
		len = SCAN_LIMIT;
	while (i < len) {
		uint32_t cp = s[i];
		enum script sr;

		if (cp < 0x80) {
			i++;
			if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
				sc.script[S_LATIN]++;
				add_letter(&sc, cp);
			} else {
				end_word(&sc);
			}
			continue;
		}
		size_t n = decode(s + i, len - i, &cp);
		if (!n) {
			i++;
			end_word(&sc);
			continue;
		}
		i += n;
		sr = script_of(cp);
		if (sr == S_LATIN || (cp >= 0x300 && cp < 0x370)) {
			/* Latin letter, or a combining mark inside a word */
			if (sr == S_LATIN)
				sc.script[S_LATIN]++;
			if (sr == S_LATIN || sc.wlen)
				add_letter(&sc, cp);
			continue;
		}
		end_word(&sc);
		if (sr == S_NONE)
			continue;
		sc.script[sr]++;
		int m = mark_of(cp);
		if (m >= 0)
			sc.mark[m]++;
	}
	end_word(&sc);

	/* the writing system with most letters wins; a CJK character
	 * carries about as much as a short word */
	uint32_t letters = 0, top = 0;
	uint32_t han = sc.script[S_HANGUL] + sc.script[S_KANA] + sc.script[S_HAN];
	enum script best = S_NONE;
	for (int k = S_LATIN; k < S_HANGUL; k++) {
		letters += sc.script[k];
		if (sc.script[k] > top) {
			top = sc.script[k];
			best = (enum script)k;
		}
	}
	letters += han;
	if (letters < MIN_LETTERS)
		return "und";
	if (han * 3 > top)
		return cjk(&sc);
	switch (best) {
	case S_LATIN: return latin_lang(&sc);
	case S_CYRILLIC: return cyrillic(&sc);
	case S_ARABIC: return arabic(&sc);
	default: return script_lang[best] ? script_lang[best] : "und";
	}
}

/* ------------------------------------------------------------------ */
/* Language tags given in input                                         */
/* ------------------------------------------------------------------ */

/* ISO 639-1. */
static const char iso639_1[][3] = {
	"aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az",
	"ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce",
	"ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee",
	"el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
	"fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr",
	"ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is",
	"it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn",
	"ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
	"lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms",
	"mt", "my", "na", "nd", "ne", "ng", "nl", "no", "nr", "nv", "ny", "oc",
	"oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn",
	"ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm",
	"sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg",
	"th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug",
	"uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za",
	"zh", "zu",
};

/* Other spellings: retired ISO 639-1 codes, ISO 639-2/B and /T, some
 * ISO 639-3, English names and the languages' own names.  Lower case. */
static const struct {
	const char *name;
	const char *code;
} aliases[] = {
	{"iw", "he"}, {"in", "id"}, {"ji", "yi"}, {"jw", "jv"}, {"mo", "ro"},
	{"nb", "no"}, {"nn", "no"},

	{"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"deu", "de"},
	{"ger", "de"}, {"spa", "es"}, {"ita", "it"}, {"por", "pt"},
	{"nld", "nl"}, {"dut", "nl"}, {"pol", "pl"}, {"ces", "cs"},
	{"cze", "cs"}, {"slk", "sk"}, {"slo", "sk"}, {"swe", "sv"},
	{"dan", "da"}, {"nor", "no"}, {"nob", "no"}, {"nno", "no"},
	{"fin", "fi"}, {"tur", "tr"}, {"ron", "ro"}, {"rum", "ro"},
	{"hun", "hu"}, {"ind", "id"}, {"msa", "ms"}, {"may", "ms"},
	{"zsm", "ms"}, {"vie", "vi"}, {"cat", "ca"}, {"hrv", "hr"},
	{"srp", "sr"}, {"bos", "bs"}, {"slv", "sl"}, {"est", "et"},
	{"lit", "lt"}, {"lav", "lv"}, {"rus", "ru"}, {"ukr", "uk"},
	{"bel", "be"}, {"bul", "bg"}, {"mkd", "mk"}, {"mac", "mk"},
	{"kaz", "kk"}, {"kir", "ky"}, {"mon", "mn"}, {"ell", "el"},
	{"gre", "el"}, {"ara", "ar"}, {"arb", "ar"}, {"fas", "fa"},
	{"per", "fa"}, {"pes", "fa"}, {"urd", "ur"}, {"heb", "he"},
	{"hin", "hi"}, {"ben", "bn"}, {"pan", "pa"}, {"guj", "gu"},
	{"ori", "or"}, {"tam", "ta"}, {"tel", "te"}, {"kan", "kn"},
	{"mal", "ml"}, {"sin", "si"}, {"tha", "th"}, {"lao", "lo"},
	{"bod", "bo"}, {"tib", "bo"}, {"mya", "my"}, {"bur", "my"},
	{"kat", "ka"}, {"geo", "ka"}, {"hye", "hy"}, {"arm", "hy"},
	{"amh", "am"}, {"khm", "km"}, {"kor", "ko"}, {"jpn", "ja"},
	{"zho", "zh"}, {"chi", "zh"}, {"cmn", "zh"}, {"yue", "zh"},
	{"gle", "ga"}, {"cym", "cy"}, {"wel", "cy"}, {"eus", "eu"},
	{"baq", "eu"}, {"glg", "gl"}, {"isl", "is"}, {"ice", "is"},
	{"sqi", "sq"}, {"alb", "sq"}, {"mar", "mr"}, {"nep", "ne"},
	{"pus", "ps"}, {"kur", "ku"}, {"aze", "az"}, {"uzb", "uz"},
	{"tgl", "tl"}, {"fil", "tl"}, {"swa", "sw"}, {"afr", "af"},
	{"zul", "zu"}, {"xho", "xh"}, {"som", "so"}, {"hau", "ha"},
	{"yor", "yo"}, {"ltz", "lb"}, {"mlt", "mt"}, {"epo", "eo"},
	{"lat", "la"}, {"tat", "tt"}, {"tgk", "tg"}, {"tuk", "tk"},
	{"yid", "yi"}, {"jav", "jv"}, {"sun", "su"}, {"fao", "fo"},
	{"bre", "br"}, {"oci", "oc"}, {"fry", "fy"}, {"gla", "gd"},

	{"english", "en"}, {"french", "fr"}, {"français", "fr"},
	{"francais", "fr"}, {"german", "de"}, {"deutsch", "de"},
	{"spanish", "es"}, {"español", "es"}, {"espanol", "es"},
	{"castellano", "es"}, {"castilian", "es"}, {"italian", "it"},
	{"italiano", "it"}, {"portuguese", "pt"}, {"português", "pt"},
	{"portugues", "pt"}, {"dutch", "nl"}, {"flemish", "nl"},
	{"nederlands", "nl"}, {"polish", "pl"}, {"polski", "pl"},
	{"czech", "cs"}, {"čeština", "cs"}, {"cestina", "cs"},
	{"slovak", "sk"}, {"slovenčina", "sk"}, {"swedish", "sv"},
	{"svenska", "sv"}, {"danish", "da"}, {"dansk", "da"},
	{"norwegian", "no"}, {"norsk", "no"}, {"bokmål", "no"},
	{"nynorsk", "no"}, {"finnish", "fi"}, {"suomi", "fi"},
	{"turkish", "tr"}, {"türkçe", "tr"}, {"turkce", "tr"},
	{"romanian", "ro"}, {"română", "ro"}, {"romana", "ro"},
	{"hungarian", "hu"}, {"magyar", "hu"}, {"indonesian", "id"},
	{"bahasa indonesia", "id"}, {"malay", "ms"}, {"bahasa melayu", "ms"},
	{"vietnamese", "vi"}, {"tiếng việt", "vi"}, {"catalan", "ca"},
	{"català", "ca"}, {"croatian", "hr"}, {"hrvatski", "hr"},
	{"serbian", "sr"}, {"srpski", "sr"}, {"српски", "sr"},
	{"bosnian", "bs"}, {"bosanski", "bs"}, {"slovenian", "sl"},
	{"slovene", "sl"}, {"slovenščina", "sl"}, {"estonian", "et"},
	{"eesti", "et"}, {"lithuanian", "lt"}, {"lietuvių", "lt"},
	{"latvian", "lv"}, {"latviešu", "lv"}, {"russian", "ru"},
	{"русский", "ru"}, {"русский язык", "ru"}, {"ukrainian", "uk"},
	{"українська", "uk"}, {"українська мова", "uk"},
	{"belarusian", "be"}, {"беларуская", "be"}, {"bulgarian", "bg"},
	{"български", "bg"}, {"macedonian", "mk"}, {"македонски", "mk"},
	{"kazakh", "kk"}, {"қазақ тілі", "kk"}, {"қазақша", "kk"},
	{"kyrgyz", "ky"}, {"mongolian", "mn"}, {"монгол", "mn"},
	{"greek", "el"}, {"ελληνικά", "el"}, {"arabic", "ar"},
	{"العربية", "ar"}, {"عربي", "ar"}, {"persian", "fa"}, {"farsi", "fa"},
	{"فارسی", "fa"}, {"urdu", "ur"}, {"اردو", "ur"}, {"hebrew", "he"},
	{"עברית", "he"}, {"hindi", "hi"}, {"हिन्दी", "hi"}, {"हिंदी", "hi"},
	{"bengali", "bn"}, {"bangla", "bn"}, {"বাংলা", "bn"},
	{"punjabi", "pa"}, {"gujarati", "gu"}, {"tamil", "ta"},
	{"தமிழ்", "ta"}, {"telugu", "te"}, {"kannada", "kn"},
	{"malayalam", "ml"}, {"sinhala", "si"}, {"thai", "th"},
	{"ไทย", "th"}, {"lao", "lo"}, {"tibetan", "bo"}, {"burmese", "my"},
	{"georgian", "ka"}, {"ქართული", "ka"}, {"armenian", "hy"},
	{"հայերեն", "hy"}, {"amharic", "am"}, {"khmer", "km"},
	{"korean", "ko"}, {"한국어", "ko"}, {"한국말", "ko"}, {"조선어", "ko"},
	{"조선말", "ko"}, {"japanese", "ja"}, {"日本語", "ja"},
	{"にほんご", "ja"}, {"chinese", "zh"}, {"mandarin", "zh"},
	{"cantonese", "zh"}, {"simplified chinese", "zh"},
	{"traditional chinese", "zh"}, {"中文", "zh"}, {"汉语", "zh"},
	{"漢語", "zh"}, {"华语", "zh"}, {"華語", "zh"}, {"普通话", "zh"},
	{"國語", "zh"}, {"简体中文", "zh"}, {"繁體中文", "zh"},
	{"繁体中文", "zh"}, {"irish", "ga"}, {"welsh", "cy"},
	{"basque", "eu"}, {"euskara", "eu"}, {"galician", "gl"},
	{"galego", "gl"}, {"icelandic", "is"}, {"íslenska", "is"},
	{"albanian", "sq"}, {"shqip", "sq"}, {"marathi", "mr"},
	{"nepali", "ne"}, {"pashto", "ps"}, {"kurdish", "ku"},
	{"azerbaijani", "az"}, {"azərbaycan", "az"}, {"uzbek", "uz"},
	{"o'zbek", "uz"}, {"tagalog", "tl"}, {"filipino", "tl"},
	{"swahili", "sw"}, {"kiswahili", "sw"}, {"afrikaans", "af"},
	{"zulu", "zu"}, {"somali", "so"}, {"hausa", "ha"}, {"yoruba", "yo"},
	{"luxembourgish", "lb"}, {"maltese", "mt"}, {"esperanto", "eo"},
	{"latin", "la"}, {"tatar", "tt"}, {"yiddish", "yi"},
};

/* Lower-cases the UTF-8 text s into buf (size cap); 0 when it does not
 * fit, is not valid UTF-8 or holds control characters. */
static size_t lower(const char *s, size_t len, char *buf, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;

	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(u + i,
						      (utf8proc_ssize_t)(len - i), &c);
		if (k <= 0 || c < 0x20 || o + 4 >= cap)
			return 0;
		i += (size_t)k;
		c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c)
			     : utf8proc_tolower(c);
		o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)buf + o);
	}
	buf[o] = '\0';
	return o;
}

static const char *lookup_tag(const char *t, size_t n)
{
	for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++)
		if (!strncmp(aliases[k].name, t, n) && !aliases[k].name[n])
			return aliases[k].code;
	if (n == 2)
		for (size_t k = 0; k < sizeof iso639_1 / sizeof iso639_1[0]; k++)
			if (iso639_1[k][0] == t[0] && iso639_1[k][1] == t[1])
				return iso639_1[k];
	return NULL;
}

const char *ue_lang_normalise(const char *tag, size_t len)
{
	char buf[96];

	if (!tag)
		return NULL;
	while (len && (*tag == ' ' || *tag == '\t' || *tag == '"' ||
		       *tag == '\''))
		tag++, len--;
	while (len && (tag[len - 1] == ' ' || tag[len - 1] == '\t' ||
		       tag[len - 1] == '"' || tag[len - 1] == '\''))
		len--;
	size_t n = lower(tag, len, buf, sizeof buf);
	if (!n)
		return NULL;

	const char *code = lookup_tag(buf, n);
	if (code)
		return code;
	/* the primary subtag: "en-US", "pt_BR", "English (UK)" */
	size_t p = strcspn(buf, "-_ ,;(/.");
	if (p == n || p == 0)
		return NULL;
	while (p > 0 && buf[p - 1] == ' ')
		p--;
	return lookup_tag(buf, p);
}
