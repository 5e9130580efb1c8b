/* test_token.c - tests of lib/text/token.c and lib/text/stopwords.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <pthread.h>
#include <xxhash.h>

#include "text/token.h"

static struct ue_tokenizer *tk;
static struct ue_tokens t;
static const char *text;

static int setup(void **state)
{
	(void)state;
	ue_tokens_init(&t);
	return ue_tokenizer_new(&tk) == UE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ue_tokens_release(&t);
	ue_tokenizer_free(tk);
	return 0;
}

static void tokenize(const char *s, const char *lang)
{
	text = s;
	assert_int_equal(ue_tokenize(tk, s, strlen(s), lang, &t), UE_OK);
}

/* Token i spans surface and has form. */
static void check_tok(size_t i, const char *surface, const char *form)
{
	assert_true(i < t.n);
	const struct ue_token *k = &t.tok[i];
	char got[1024];
	snprintf(got, sizeof got, "%.*s", (int)(k->end - k->start),
	         text + k->start);
	assert_string_equal(got, surface);
	assert_string_equal(ue_token_form(&t, i), form);
	assert_int_equal(k->form_len, strlen(form));
	assert_true(k->hash == XXH3_64bits(form, strlen(form)));
}

static int has_flag(size_t i, unsigned flag)
{
	return (t.tok[i].flags & flag) != 0;
}

/* Sentence i is exactly s. */
static void check_sent(size_t i, const char *s)
{
	assert_true(i < t.nsent);
	char got[1024];
	snprintf(got, sizeof got, "%.*s",
	         (int)(t.sent[i].end - t.sent[i].start), text + t.sent[i].start);
	assert_string_equal(got, s);
}

/* Index of the first token whose surface is s, or -1. */
static long find_tok(const char *s)
{
	for (size_t i = 0; i < t.n; i++)
		if (t.tok[i].end - t.tok[i].start == strlen(s) &&
		    memcmp(text + t.tok[i].start, s, strlen(s)) == 0)
			return (long)i;
	return -1;
}

/* Tokens are in order, contiguous pieces cover [from, to). */
static void check_cover(size_t first, size_t last, size_t from, size_t to)
{
	assert_int_equal(t.tok[first].start, from);
	for (size_t i = first; i < last; i++)
		assert_int_equal(t.tok[i].end, t.tok[i + 1].start);
	assert_int_equal(t.tok[last].end, to);
}

/* ------------------------------------------------------------------ */

static void test_english_spans(void **state)
{
	(void)state;
	tokenize("The U.S. Department of Defense said 12,000 troops were "
	         "running.", "en");
	assert_int_equal(t.n, 10);
	check_tok(0, "The", "the");
	assert_int_equal(t.tok[0].start, 0);
	assert_int_equal(t.tok[0].end, 3);
	check_tok(1, "U.S", "u.s");          /* the final dot is punctuation */
	assert_int_equal(t.tok[1].start, 4);
	assert_int_equal(t.tok[1].end, 7);
	check_tok(2, "Department", "depart");
	check_tok(3, "of", "of");
	check_tok(4, "Defense", "defens");
	check_tok(5, "said", "said");
	check_tok(6, "12,000", "12000");
	assert_int_equal(t.tok[6].start, 36);
	assert_int_equal(t.tok[6].end, 42);
	check_tok(7, "troops", "troop");
	check_tok(8, "were", "were");
	check_tok(9, "running", "run");
	assert_true(has_flag(0, UE_TOK_STOP));
	assert_true(has_flag(3, UE_TOK_STOP));
	assert_false(has_flag(4, UE_TOK_STOP));
	assert_true(has_flag(6, UE_TOK_NUMBER));
	assert_false(has_flag(7, UE_TOK_NUMBER));
	assert_int_equal(t.nsent, 1);
}

static void test_english_stemming(void **state)
{
	(void)state;
	tokenize("Running runs ran; TROOPS Troops troops. Trump's reports", "en");
	check_tok(0, "Running", "run");
	check_tok(1, "runs", "run");
	check_tok(2, "ran", "ran");
	check_tok(3, "TROOPS", "troop");
	assert_true(t.tok[3].hash == t.tok[4].hash);
	assert_true(t.tok[4].hash == t.tok[5].hash);
	check_tok(6, "Trump's", "trump");
	check_tok(7, "reports", "report");
}

static void test_apostrophes_hyphens(void **state)
{
	(void)state;
	tokenize("don't O'Brien twenty-one COVID-19 students' books "
	         "don\xE2\x80\x99t -dash- a--b", "en");
	check_tok(0, "don't", "don't");
	assert_true(has_flag(0, UE_TOK_STOP));
	check_tok(1, "O'Brien", "o'brien");
	check_tok(2, "twenty-one", "twenty-on");
	check_tok(3, "COVID-19", "covid-19");
	assert_false(has_flag(3, UE_TOK_NUMBER));
	check_tok(4, "students", "student");
	check_tok(5, "books", "book");
	check_tok(6, "don\xE2\x80\x99t", "don't");   /* typographic apostrophe */
	assert_true(has_flag(6, UE_TOK_STOP));
	check_tok(7, "dash", "dash");
	check_tok(8, "a", "a");
	check_tok(9, "b", "b");
	assert_int_equal(t.n, 10);
}

static void test_numbers(void **state)
{
	(void)state;
	tokenize("12,000 3.5 1,234.56 1.234,56 0.125 12.000 3,5 2024 1.2.3 "
	         "19th 3.5bn 5,000km 1,2", NULL);
	const char *forms[] = {"12000", "3.5", "1234.56", "1234.56", "0.125",
	                       "12000", "3.5", "2024", "1.2.3"};
	for (size_t i = 0; i < 9; i++) {
		assert_string_equal(ue_token_form(&t, i), forms[i]);
		assert_true(has_flag(i, UE_TOK_NUMBER));
	}
	check_tok(9, "19th", "19th");
	assert_false(has_flag(9, UE_TOK_NUMBER));
	check_tok(10, "3.5", "3.5");
	check_tok(11, "bn", "bn");
	check_tok(12, "5,000", "5000");
	check_tok(13, "km", "km");
	check_tok(14, "1,2", "1.2");
	assert_int_equal(t.n, 15);
	/* a number at the end of a sentence keeps its full stop out */
	tokenize("It cost 12. Then", "en");
	check_tok(2, "12", "12");
}

static void test_abbreviation_tokens(void **state)
{
	(void)state;
	tokenize("e.g. i.e. U.S.A. Ph.D. U.S.-led a.m. end.The x.yz", "en");
	check_tok(0, "e.g", "e.g");
	check_tok(1, "i.e", "i.e");
	check_tok(2, "U.S.A", "u.s.a");
	check_tok(3, "Ph", "ph");
	check_tok(4, "D", "d");
	check_tok(5, "U.S", "u.s");
	check_tok(6, "led", "led");
	check_tok(7, "a.m", "a.m");
	check_tok(8, "end", "end");
	check_tok(9, "The", "the");
	check_tok(10, "x", "x");
	check_tok(11, "yz", "yz");
	assert_int_equal(t.n, 12);
}

static void test_cyrillic(void **state)
{
	(void)state;
	tokenize("Войска и ЙОШКАР-ОЛА, йогурт", "ru");
	check_tok(0, "Войска", "войск");
	check_tok(1, "и", "и");
	assert_true(has_flag(1, UE_TOK_STOP));
	/* folding keeps й (stripping marks would make it и) */
	check_tok(2, "ЙОШКАР-ОЛА", "йошкар-ол");
	check_tok(3, "йогурт", "йогурт");
	/* without a language: folded, not stemmed */
	tokenize("Войска ЙОД", NULL);
	check_tok(0, "Войска", "войска");
	check_tok(1, "ЙОД", "йод");
}

static void test_ukrainian(void **state)
{
	(void)state;
	/* Snowball 2.2 has no Ukrainian stemmer: folded forms only */
	tokenize("Війська України та м\xE2\x80\x99ясо з\xCA\xBC\xD1\x97зд", "uk");
	check_tok(0, "Війська", "війська");
	check_tok(1, "України", "україни");
	check_tok(2, "та", "та");
	assert_true(has_flag(2, UE_TOK_STOP));
	check_tok(3, "м\xE2\x80\x99ясо", "м'ясо");
	check_tok(4, "з\xCA\xBC\xD1\x97зд", "з'їзд");
}

static void test_case_folding(void **state)
{
	(void)state;
	tokenize("Straße STRASSE ΟΔΟΣ οδος İstanbul", NULL);
	check_tok(0, "Straße", "strasse");
	check_tok(1, "STRASSE", "strasse");
	check_tok(2, "ΟΔΟΣ", "οδοσ");
	check_tok(3, "οδος", "οδοσ");      /* final sigma folds to σ */
	assert_true(t.tok[2].hash == t.tok[3].hash);
	check_tok(4, "İstanbul", "i\xCC\x87stanbul");   /* full folding */
	tokenize("daß Daß", "de");
	check_tok(0, "daß", "dass");
	assert_true(has_flag(0, UE_TOK_STOP));
	assert_true(has_flag(1, UE_TOK_STOP));
}

static void test_french_elision(void **state)
{
	(void)state;
	tokenize("L'État qu'il aime aujourd'hui, l\xE2\x80\x99" "an", "fr");
	check_tok(0, "L'", "l'");
	assert_true(has_flag(0, UE_TOK_STOP));
	check_tok(1, "État", "état");
	check_tok(2, "qu'", "qu'");
	check_tok(3, "il", "il");
	check_tok(4, "aime", "aim");
	check_tok(5, "aujourd'hui", "aujourd'hui");
	check_tok(6, "l\xE2\x80\x99", "l'");
	check_tok(7, "an", "an");
	/* English keeps the apostrophe inside the word */
	tokenize("l'État", "en");
	assert_int_equal(t.n, 1);
}

static void test_chinese(void **state)
{
	(void)state;
	const char *s = "朝鲜向俄罗斯派兵";
	tokenize(s, "zh");
	assert_true(t.n >= 3);
	check_cover(0, t.n - 1, 0, strlen(s));
	for (size_t i = 0; i < t.n; i++) {
		assert_true(has_flag(i, UE_TOK_CJK));
		assert_int_equal(t.tok[i].start % 3, 0);   /* 3-byte characters */
		assert_int_equal(t.tok[i].end % 3, 0);
	}
	long k = find_tok("俄罗斯");
	assert_true(k >= 0);
	check_tok((size_t)k, "俄罗斯", "俄罗斯");
	assert_int_equal(t.tok[k].start, 9);
	assert_int_equal(t.tok[k].end, 18);
	assert_true(find_tok("朝鲜") == 0);

	/* runs end at digits, Latin and punctuation */
	tokenize("2024年iPhone手机。", "zh");
	check_tok(0, "2024", "2024");
	assert_true(has_flag(0, UE_TOK_NUMBER));
	check_tok(1, "年", "年");
	check_tok(2, "iPhone", "iphone");
	check_tok(3, "手机", "手机");
	assert_int_equal(t.n, 4);
}

static void test_japanese(void **state)
{
	(void)state;
	const char *s = "私は東京に住んでいます";
	tokenize(s, "ja");
	assert_true(t.n >= 4);
	check_cover(0, t.n - 1, 0, strlen(s));
	assert_true(find_tok("東京") >= 0);
	assert_true(find_tok("私") == 0);
	for (size_t i = 0; i < t.n; i++)
		assert_true(has_flag(i, UE_TOK_CJK));
	/* katakana with the prolonged sound mark, across a middle dot */
	tokenize("コンピューター・ゲーム", "ja");
	assert_true(find_tok("コンピューター") >= 0);
	assert_true(find_tok("ゲーム") >= 0);
}

static void test_thai(void **state)
{
	(void)state;
	const char *s = "ภาษาไทยง่ายนิดเดียว";
	tokenize(s, "th");
	assert_true(t.n >= 2);
	check_cover(0, t.n - 1, 0, strlen(s));
}

static void test_korean(void **state)
{
	(void)state;
	tokenize("북한은 병력을 파병했다", "ko");
	assert_int_equal(t.n, 3);
	check_tok(0, "북한은", "북한");
	check_tok(1, "병력을", "병력");
	check_tok(2, "파병했다", "파병");
	for (size_t i = 0; i < 3; i++)
		assert_true(has_flag(i, UE_TOK_HANGUL));
	/* one-syllable particles need two syllables before them */
	tokenize("사과 사과를 물을 서울에서 집에서 했다", NULL);
	check_tok(0, "사과", "사과");
	check_tok(1, "사과를", "사과");
	check_tok(2, "물을", "물을");
	check_tok(3, "서울에서", "서울");
	check_tok(4, "집에서", "집");
	check_tok(5, "했다", "했다");
	assert_true(has_flag(5, UE_TOK_STOP));
	/* stop words: the word or its stem */
	tokenize("그리고 것이 LG전자는 3일", "ko");
	assert_true(has_flag(0, UE_TOK_STOP));
	check_tok(1, "것이", "것이");     /* 것 + 이: one syllable left */
	check_tok(2, "LG", "lg");
	check_tok(3, "전자는", "전자");
	check_tok(4, "3", "3");
	check_tok(5, "일", "일");
}

static void test_sentences(void **state)
{
	(void)state;
	tokenize("Mr. Smith met Dr. Jones at St. Mary's. They talked.", "en");
	assert_int_equal(t.nsent, 2);
	check_sent(0, "Mr. Smith met Dr. Jones at St. Mary's.");
	check_sent(1, "They talked.");

	tokenize("J. R. R. Tolkien wrote books. He died.", "en");
	assert_int_equal(t.nsent, 2);
	check_sent(0, "J. R. R. Tolkien wrote books.");

	tokenize("It rose 3.5 percent. Then it fell 2.1%. Odd.", "en");
	assert_int_equal(t.nsent, 3);
	check_sent(1, "Then it fell 2.1%.");

	tokenize("He said \"No.\" Then he left.", "en");
	assert_int_equal(t.nsent, 2);
	check_sent(0, "He said \"No.\"");
	check_sent(1, "Then he left.");

	tokenize("\xE2\x80\x9CGo!\xE2\x80\x9D he said. (It was late.) Next.",
	         "en");
	assert_int_equal(t.nsent, 3);
	check_sent(0, "\xE2\x80\x9CGo!\xE2\x80\x9D he said.");
	check_sent(1, "(It was late.)");

	tokenize("No. 10 Downing St. is here. It is, e.g. the one. "
	         "Apples, pears, etc. The rest.", "en");
	assert_int_equal(t.nsent, 4);
	check_sent(0, "No. 10 Downing St. is here.");
	check_sent(1, "It is, e.g. the one.");
	check_sent(2, "Apples, pears, etc.");
	check_sent(3, "The rest.");

	tokenize("Officials in the U.S. Government said so. Wait... What? "
	         "Yes!!! ok", "en");
	assert_int_equal(t.nsent, 4);
	check_sent(0, "Officials in the U.S. Government said so.");
	check_sent(1, "Wait...");
	check_sent(3, "Yes!!! ok");

	tokenize("A headline\n\nFirst paragraph\nstill first.\n \nSecond.", "en");
	assert_int_equal(t.nsent, 3);
	check_sent(0, "A headline");
	check_sent(1, "First paragraph\nstill first.");
	check_sent(2, "Second.");

	tokenize("Это было в 2024 г. Президент В. В. Путин сказал т.е. ничего. "
	         "Конец.", "ru");
	assert_int_equal(t.nsent, 2);
	check_sent(1, "Конец.");

	tokenize("他说。我们走！“好。”再见", "zh");
	assert_int_equal(t.nsent, 4);
	check_sent(0, "他说。");
	check_sent(2, "“好。”");
	check_sent(3, "再见");
}

static void test_sentence_indices(void **state)
{
	(void)state;
	tokenize("One two. Three four five.\n\nSix", "en");
	assert_int_equal(t.nsent, 3);
	assert_int_equal(t.n, 6);
	const uint32_t want[] = {0, 0, 1, 1, 1, 2};
	for (size_t i = 0; i < t.n; i++) {
		assert_int_equal(t.tok[i].sentence, want[i]);
		const struct ue_span *s = &t.sent[t.tok[i].sentence];
		assert_true(s->start <= t.tok[i].start && t.tok[i].end <= s->end);
	}
}

static void test_empty(void **state)
{
	(void)state;
	tokenize("", "en");
	assert_int_equal(t.n, 0);
	assert_int_equal(t.nsent, 0);
	tokenize(" \n\t ", "en");
	assert_int_equal(t.n, 0);
	assert_int_equal(t.nsent, 0);
	tokenize("... --- !!!", "en");
	assert_int_equal(t.n, 0);
	assert_int_equal(t.nsent, 2);   /* punctuation still forms sentences */
	assert_int_equal(ue_tokenize(tk, NULL, 0, "en", &t), UE_OK);
	assert_int_equal(t.n, 0);
}

static void test_odd_input(void **state)
{
	(void)state;
	/* U+FFFD separates; ZWJ and soft hyphen stay inside, out of forms */
	tokenize("bad\xEF\xBF\xBDword zero\xE2\x80\x8Dwidth news\xC2\xADpaper "
	         "end\xE2\x80\x8D", NULL);
	check_tok(0, "bad", "bad");
	check_tok(1, "word", "word");
	check_tok(2, "zero\xE2\x80\x8Dwidth", "zerowidth");
	check_tok(3, "news\xC2\xADpaper", "newspaper");
	check_tok(4, "end", "end");
	assert_int_equal(t.n, 5);
	/* invalid UTF-8 (outside the contract) is survived */
	const char bad[] = "ab\xFF\xC3 cd\xE2\x82 \xF0\x9F";
	text = bad;
	assert_int_equal(ue_tokenize(tk, bad, sizeof bad - 1, "en", &t), UE_OK);
	check_tok(0, "ab", "ab");
	check_tok(1, "cd", "cd");
	assert_int_equal(t.n, 2);
	/* a NUL inside the text is a separator */
	const char nul[] = "one\0two";
	text = nul;
	assert_int_equal(ue_tokenize(tk, nul, sizeof nul - 1, NULL, &t), UE_OK);
	assert_int_equal(t.n, 2);
}

static void test_long_words(void **state)
{
	(void)state;
	/* runs longer than 256 bytes are cut at character boundaries */
	char s[2048];
	size_t n = 0;
	memset(s, 'a', 700);
	n = 700;
	s[n++] = ' ';
	for (int i = 0; i < 300; i++) {
		memcpy(s + n, "ж", 2);
		n += 2;
	}
	s[n++] = ' ';
	for (int i = 0; i < 100; i++) {
		memcpy(s + n, "한", 3);
		n += 3;
	}
	s[n] = '\0';
	tokenize(s, NULL);
	assert_int_equal(t.n, 3 + 3 + 2);
	check_cover(0, 2, 0, 700);
	assert_int_equal(t.tok[0].end - t.tok[0].start, 256);
	check_cover(3, 5, 701, 1301);
	for (size_t i = 3; i < 6; i++)
		assert_int_equal(t.tok[i].start % 2, 1);  /* 701 + even */
	check_cover(6, 7, 1302, n);
	for (size_t i = 0; i < t.n; i++)
		assert_true(t.tok[i].end - t.tok[i].start <= 256);
}

static void test_reuse_and_cache(void **state)
{
	(void)state;
	/* many distinct words overflow the form cache, which then restarts:
	 * forms stay right */
	size_t words = 220000, cap = words * 12 + 64, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	for (size_t i = 0; i < words; i++) {
		size_t v = i;
		s[n++] = 'Q';
		do {
			s[n++] = (char)('a' + v % 26);
			v /= 26;
		} while (v);
		n += (size_t)snprintf(s + n, cap - n, "ings ");
	}
	s[n] = '\0';
	tokenize(s, "en");
	assert_int_equal(t.n, words);
	struct ue_tokenizer *fresh;
	struct ue_tokens one;
	assert_int_equal(ue_tokenizer_new(&fresh), UE_OK);
	ue_tokens_init(&one);
	for (size_t i = 0; i < words; i += 997) {
		const struct ue_token *k = &t.tok[i];
		assert_int_equal(ue_tokenize(fresh, s + k->start, k->end - k->start,
		                             "en", &one), UE_OK);
		assert_int_equal(one.n, 1);
		assert_string_equal(ue_token_form(&t, i), ue_token_form(&one, 0));
		assert_true(k->hash == one.tok[0].hash);
	}
	ue_tokens_release(&one);
	ue_tokenizer_free(fresh);
	uint64_t h0 = t.tok[5].hash;
	tokenize(s, "en");
	assert_true(t.tok[5].hash == h0);
	free(s);
	/* the same object serves other languages afterwards */
	tokenize("running", NULL);
	check_tok(0, "running", "running");
	tokenize("running", "en");
	check_tok(0, "running", "run");
	tokenize("running", "EN-us");
	check_tok(0, "running", "run");
	tokenize("running", "und");
	check_tok(0, "running", "running");
}

static void test_stopword(void **state)
{
	(void)state;
	assert_true(ue_stopword("en", "the", 3));
	assert_true(ue_stopword("EN-us", "the", 3));
	assert_false(ue_stopword("en", "The", 3));   /* forms are folded */
	assert_false(ue_stopword("en", "troop", 5));
	assert_true(ue_stopword("en", "them", 3));  /* length counts: "the" */
	assert_false(ue_stopword("en", "them", 2));
	assert_true(ue_stopword("ru", "и", strlen("и")));
	assert_true(ue_stopword("uk", "та", strlen("та")));
	assert_true(ue_stopword("de", "dass", 4));
	assert_true(ue_stopword("fr", "qu'", 3));
	assert_true(ue_stopword("es", "según", strlen("según")));
	assert_true(ue_stopword("it", "della", 5));
	assert_true(ue_stopword("pt", "não", strlen("não")));
	assert_true(ue_stopword("nl", "het", 3));
	assert_true(ue_stopword("ko", "그리고", strlen("그리고")));
	assert_false(ue_stopword("xx", "the", 3));
	assert_false(ue_stopword(NULL, "the", 3));
	assert_false(ue_stopword("und", "the", 3));
	assert_false(ue_stopword("en", "", 0));
}

static const char thread_text[] =
	"The troops were running. Войска шли. 朝鲜向俄罗斯派兵。북한은 파병했다. "
	"Les élèves l'ont dit.";
static const char *const thread_langs[] = {"en", "ru", "zh", "ko", "fr"};

/* Tokenises thread_text in each language with a tokenizer of its own;
 * returns a checksum of the hashes, or 0 on failure. */
static void *thread_main(void *arg)
{
	uint64_t *sum = arg;
	struct ue_tokenizer *own;
	struct ue_tokens res;
	*sum = 0;
	if (ue_tokenizer_new(&own))
		return NULL;
	ue_tokens_init(&res);
	for (int r = 0; r < 50; r++)
		for (size_t l = 0; l < 5; l++) {
			if (ue_tokenize(own, thread_text, sizeof thread_text - 1,
			                thread_langs[l], &res)) {
				*sum = 0;
				goto out;
			}
			for (size_t i = 0; i < res.n; i++)
				*sum = *sum * 31 + res.tok[i].hash + res.tok[i].flags;
		}
out:
	ue_tokens_release(&res);
	ue_tokenizer_free(own);
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	pthread_t th[4];
	uint64_t sum[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, thread_main,
		                                &sum[i]), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	assert_true(sum[0] != 0);
	for (int i = 1; i < 4; i++)
		assert_true(sum[i] == sum[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english_spans),
		cmocka_unit_test(test_english_stemming),
		cmocka_unit_test(test_apostrophes_hyphens),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_abbreviation_tokens),
		cmocka_unit_test(test_cyrillic),
		cmocka_unit_test(test_ukrainian),
		cmocka_unit_test(test_case_folding),
		cmocka_unit_test(test_french_elision),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_thai),
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_sentence_indices),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_odd_input),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_reuse_and_cache),
		cmocka_unit_test(test_stopword),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
