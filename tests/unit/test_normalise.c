/* test_normalise.c - tests of lib/text/normalise.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/normalise.h"

struct pair {
	const char *in;
	size_t inlen;           /* 0: strlen(in) */
	const char *out;
};

#define P(in, out) {in, sizeof(in) - 1, out}

static void check(const struct pair *cases, size_t n, int line)
{
	struct ue_buf b = UE_BUF_INIT;
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		ue_buf_reset(&b);
		ue_status st = line ? ue_text_normalise_line(cases[i].in,
							     cases[i].inlen, &b)
				    : ue_text_normalise(cases[i].in, cases[i].inlen,
							&b);
		assert_int_equal(st, UE_OK);
		if (b.len != strlen(cases[i].out) ||
		    memcmp(ue_buf_str(&b), cases[i].out, b.len)) {
			print_error("case %zu: got \"%s\", expected \"%s\"\n", i,
				    ue_buf_str(&b), cases[i].out);
			bad++;
		}
		/* valid UTF-8 and a fixed point */
		assert_true(ue_utf8_valid(b.data, b.len));
		struct ue_buf again = UE_BUF_INIT;
		st = line ? ue_text_normalise_line(b.data, b.len, &again)
			  : ue_text_normalise(b.data, b.len, &again);
		assert_int_equal(st, UE_OK);
		assert_int_equal(again.len, b.len);
		assert_memory_equal(ue_buf_str(&again), ue_buf_str(&b), b.len);
		ue_buf_release(&again);
	}
	ue_buf_release(&b);
	assert_int_equal(bad, 0);
}

static void test_ascii(void **state)
{
	static const struct pair cases[] = {
		P("", ""),
		P("hello", "hello"),
		P("  hello world  ", "hello world"),
		P("\n\n\tpara one\n\npara two\n\n", "para one\n\npara two"),
		P("tab\tinside", "tab\tinside"),
		P("a  b   c", "a  b   c"),          /* runs kept in text */
		P("   \t\n  ", ""),
		P("A long enough line of plain ASCII text, more than 8 bytes.",
		  "A long enough line of plain ASCII text, more than 8 bytes."),
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 0);
}

static void test_newlines(void **state)
{
	static const struct pair cases[] = {
		P("a\r\nb", "a\nb"),
		P("a\rb", "a\nb"),
		P("a\r\rb", "a\n\nb"),
		P("a\r\n\r\nb", "a\n\nb"),
		P("a\n\rb", "a\n\nb"),
		P("line one\r\nline two\r\n", "line one\nline two"),
		P("a\r", "a"),
		P("\r\na", "a"),
		P("x\xe2\x80\xa8y", "x\xe2\x80\xa8y"),  /* U+2028 kept */
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 0);
}

static void test_controls(void **state)
{
	static const struct pair cases[] = {
		P("a\x01" "b", "ab"),
		P("a\0b", "ab"),
		P("a\x7f" "b", "ab"),
		P("a\x0b" "b\x0c" "c", "abc"),
		P("\x19" "WOOLLY-HATTED DEPP<\n\x19" "By Helen",
		  "WOOLLY-HATTED DEPP<\nBy Helen"),     /* METER's PA wire */
		P("a\x1b[31mred", "a[31mred"),
		/* C1 controls U+0080..U+009F, as cp1252 quotes often arrive */
		P("\xc2\x93quoted\xc2\x94", "quoted"),
		P("a\xc2\x80" "b\xc2\x9f" "c\xc2\x85" "d", "abcd"),
		/* byte order marks, at the start and inside */
		P("\xef\xbb\xbfhello", "hello"),
		P("he\xef\xbb\xbfllo", "hello"),
		/* U+00A0 and other characters around C1 are kept */
		P("a\xc2\xa0" "b", "a\xc2\xa0" "b"),
		P("\xc2\xa9 2024", "\xc2\xa9 2024"),
		/* zero-width joiners stay (emoji, Persian) */
		P("\xe2\x80\x8d\xe2\x80\x8c" "a", "\xe2\x80\x8d\xe2\x80\x8c" "a"),
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 0);
}

static void test_invalid_utf8(void **state)
{
	static const struct pair cases[] = {
		/* a stray continuation byte, a lone lead byte */
		P("a\x80" "b", "a\xef\xbf\xbd" "b"),
		P("a\xc3", "a\xef\xbf\xbd"),
		P("\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd"),
		/* truncated sequences: each byte is replaced */
		P("\xe2\x82" "x", "\xef\xbf\xbd\xef\xbf\xbd" "x"),
		P("\xf0\x9f\x98" "!", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!"),
		/* overlong encodings of '/' and of NUL */
		P("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"),
		P("\xc1\xbf", "\xef\xbf\xbd\xef\xbf\xbd"),
		P("\xe0\x80\xaf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
		P("\xf0\x80\x80\xaf",
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
		P("\xc0\x80", "\xef\xbf\xbd\xef\xbf\xbd"),
		/* UTF-16 surrogates encoded in UTF-8 */
		P("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
		P("\xed\xbf\xbf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
		/* beyond U+10FFFF */
		P("\xf4\x90\x80\x80",
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
		P("\xf5\x80", "\xef\xbf\xbd\xef\xbf\xbd"),
		/* Latin-1 text mistaken for UTF-8 */
		P("caf\xe9 cr\xe8me", "caf\xef\xbf\xbd cr\xef\xbf\xbdme"),
		/* valid neighbours survive */
		P("\xed\x9f\xbf", "\xed\x9f\xbf"),      /* U+D7FF */
		P("\xee\x80\x80", "\xee\x80\x80"),      /* U+E000 */
		P("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"),      /* U+10FFFF */
		P("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"),      /* emoji */
		/* U+FFFD itself is ordinary text */
		P("\xef\xbf\xbd", "\xef\xbf\xbd"),
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 0);
}

static void test_nfc(void **state)
{
	static const struct pair cases[] = {
		P("e\xcc\x81", "\xc3\xa9"),                     /* e + U+0301 */
		P("caf" "e\xcc\x81" " au lait", "caf\xc3\xa9 au lait"),
		P("\xc3\xa9", "\xc3\xa9"),                      /* already NFC */
		/* several marks are reordered and composed: s + dot below +
		 * dot above -> U+1E69 */
		P("s\xcc\x87\xcc\xa3", "\xe1\xb9\xa9"),
		P("s\xcc\xa3\xcc\x87", "\xe1\xb9\xa9"),
		/* Cyrillic: и + breve -> й; combining marks without a
		 * precomposed form are kept (stress mark U+0301) */
		P("\xd0\xb8\xcc\x86", "\xd0\xb9"),
		P("\xd0\xbc\xd0\xb0\xcc\x81\xd0\xbc\xd0\xb0",
		  "\xd0\xbc\xd0\xb0\xcc\x81\xd0\xbc\xd0\xb0"),   /* ма́ма */
		P("\xd0\x95\xcc\x88", "\xd0\x81"),              /* Ё */
		/* a mark after a removed control still joins its letter */
		P("e\x01\xcc\x81", "\xc3\xa9"),
		/* singletons: Angstrom sign -> Å, ohm sign -> Ω */
		P("\xe2\x84\xab", "\xc3\x85"),
		P("\xe2\x84\xa6", "\xce\xa9"),
		/* composition exclusion: U+0958 -> U+0915 U+093C */
		P("\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc"),
		/* Hangul jamo compose into a syllable */
		P("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "\xed\x95\x9c"),
		/* a lone combining mark stays */
		P("\xcc\x81", "\xcc\x81"),
		/* Vietnamese decomposed */
		P("Vie\xcc\xa3\xcc\x82t", "Vi\xe1\xbb\x87t"),
		/* NFC does not strip marks or fold case */
		P("\xc3\x89t\xc3\xa9", "\xc3\x89t\xc3\xa9"),
		/* compatibility characters are left alone (NFC, not NFKC) */
		P("\xef\xac\x81 \xc2\xbd \xe2\x91\xa0", "\xef\xac\x81 \xc2\xbd \xe2\x91\xa0"),
		/* curly quotes and dashes are not touched */
		P("\xe2\x80\x9cquote\xe2\x80\x9d \xe2\x80\x94 it\xe2\x80\x99s",
		  "\xe2\x80\x9cquote\xe2\x80\x9d \xe2\x80\x94 it\xe2\x80\x99s"),
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 0);
}

static void test_trim(void **state)
{
	static const struct pair cases[] = {
		P("\xc2\xa0\xe3\x80\x80text\xe2\x80\x83\xc2\xa0", "text"),
		P("\xe2\x80\xa9text\xe2\x80\xa8", "text"),
		P("\xef\xbb\xbf  text", "text"),
		P("\x01\x02 text \x03", "text"),
		/* inner Unicode spaces are kept in text mode */
		P("a\xc2\xa0" "b", "a\xc2\xa0" "b"),
		/* a mark after leading space stays, alone */
		P(" \xcc\x81" "a", "\xcc\x81" "a"),
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 0);
}

static void test_line(void **state)
{
	static const struct pair cases[] = {
		P("  Breaking:\n  the\tnews  ", "Breaking: the news"),
		P("a\r\nb", "a b"),
		P("a\xc2\xa0\xc2\xa0" "b", "a b"),
		P("a\xe2\x80\x80\xe2\x80\x8a\xe3\x80\x80" "b", "a b"),
		P("a\xe2\x80\xaf" "b\xe2\x81\x9f" "c", "a b c"),
		P("a\x0b\x0c" "b", "a b"),
		P("a\xc2\x85" "b", "a b"),
		P("a\xe2\x80\xa8\xe2\x80\xa9" "b", "a b"),
		P("a \x01 b", "a b"),
		P("a\x01" "b", "ab"),
		P("single spaces stay single", "single spaces stay single"),
		P("\n\n\n", ""),
		P("Caf" "e\xcc\x81 \xc2\xa0 au lait", "Caf\xc3\xa9 au lait"),
		P("  \xcc\x81", "\xcc\x81"),
		P("x \xcc\x81", "x \xcc\x81"),
		P("\xef\xbb\xbf\xe2\x80\x9cTitle\xe2\x80\x9d\r\n",
		  "\xe2\x80\x9cTitle\xe2\x80\x9d"),
		P("a\xff" "b", "a\xef\xbf\xbd" "b"),
	};
	(void)state;
	check(cases, sizeof cases / sizeof cases[0], 1);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(ue_utf8_valid("", 0));
	assert_true(ue_utf8_valid(NULL, 0));
	assert_true(ue_utf8_valid("plain ascii text, longer than eight", 35));
	assert_true(ue_utf8_valid("\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80", 9));
	assert_true(ue_utf8_valid("a\0b", 3));
	assert_false(ue_utf8_valid("\xc3", 1));
	assert_false(ue_utf8_valid("abcdefgh\x80", 9));
	assert_false(ue_utf8_valid("\xc0\xaf", 2));
	assert_false(ue_utf8_valid("\xed\xa0\x80", 3));
	assert_false(ue_utf8_valid("\xf4\x90\x80\x80", 4));
	assert_false(ue_utf8_valid("\xe2\x82", 2));
	/* the length is honoured */
	assert_true(ue_utf8_valid("ab\xff", 2));
}

/* Output is appended after what out already holds. */
static void test_append(void **state)
{
	struct ue_buf b = UE_BUF_INIT;
	(void)state;
	assert_int_equal(ue_buf_puts(&b, "title: e"), UE_OK);
	/* the mark does not reach back into earlier content */
	assert_int_equal(ue_text_normalise("\xcc\x81 x ", 5, &b), UE_OK);
	assert_string_equal(ue_buf_str(&b), "title: e\xcc\x81 x");
	ue_buf_release(&b);

	/* an empty result still leaves a valid string */
	assert_int_equal(ue_text_normalise(" ", 1, &b), UE_OK);
	assert_int_equal(b.len, 0);
	assert_string_equal(ue_buf_str(&b), "");
	assert_non_null(b.data);
	ue_buf_release(&b);
}

/* The cap of out is honoured, and a failure leaves out as it was. */
static void test_cap(void **state)
{
	struct ue_buf b;
	(void)state;
	ue_buf_init(&b, 10);
	assert_int_equal(ue_buf_puts(&b, "abc"), UE_OK);
	assert_int_equal(ue_text_normalise("0123456789", 10, &b), UE_ELIMIT);
	assert_string_equal(ue_buf_str(&b), "abc");
	assert_int_equal(b.len, 3);
	/* input longer than the cap whose result fits */
	assert_int_equal(ue_text_normalise("   1234567   \x01\x01\x01", 16, &b),
			 UE_OK);
	assert_string_equal(ue_buf_str(&b), "abc1234567");
	ue_buf_release(&b);

	/* repairs make the output longer than the input */
	ue_buf_init(&b, 8);
	assert_int_equal(ue_text_normalise("\xff\xff\xff", 3, &b), UE_ELIMIT);
	assert_int_equal(b.len, 0);
	ue_buf_release(&b);
}

/* Long inputs: the fast paths and the segments agree with short ones. */
static void test_long(void **state)
{
	struct ue_buf in = UE_BUF_INIT, out = UE_BUF_INIT, exp = UE_BUF_INIT;
	(void)state;
	for (int i = 0; i < 2000; i++) {
		assert_int_equal(ue_buf_puts(&in, "Cafe\xcc\x81 \xe2\x80\x9cna"
					     "\xc3\xafve\xe2\x80\x9d\r\n\x01"
					     "\xd0\xb8\xcc\x86 plain words "),
				 UE_OK);
		assert_int_equal(ue_buf_puts(&exp, "Caf\xc3\xa9 \xe2\x80\x9cna"
					      "\xc3\xafve\xe2\x80\x9d\n"
					      "\xd0\xb9 plain words "),
				 UE_OK);
	}
	/* o, diaeresis and 499 dots below: one segment far beyond the
	 * stack buffer.  NFC puts the dots (class 220) before the diaeresis
	 * (230), and o + dot below composes to U+1ECD. */
	assert_int_equal(ue_buf_puts(&in, "o\xcc\x88"), UE_OK);
	assert_int_equal(ue_buf_puts(&exp, "\xe1\xbb\x8d"), UE_OK);
	for (int i = 0; i < 499; i++) {
		assert_int_equal(ue_buf_puts(&in, "\xcc\xa3"), UE_OK);
		if (i)
			assert_int_equal(ue_buf_puts(&exp, "\xcc\xa3"), UE_OK);
	}
	assert_int_equal(ue_buf_puts(&exp, "\xcc\x88"), UE_OK);

	assert_int_equal(ue_text_normalise(in.data, in.len, &out), UE_OK);
	assert_int_equal(out.len, exp.len);
	assert_memory_equal(out.data, exp.data, exp.len);

	struct ue_buf again = UE_BUF_INIT;
	assert_int_equal(ue_text_normalise(out.data, out.len, &again), UE_OK);
	assert_int_equal(again.len, out.len);
	assert_memory_equal(again.data, out.data, out.len);
	ue_buf_release(&again);
	ue_buf_release(&in);
	ue_buf_release(&out);
	ue_buf_release(&exp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
