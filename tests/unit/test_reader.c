/* test_reader.c - byte streams with look-ahead and capped lines
 * (lib/ingest/reader.c), over memory and over a read function that hands
 * out one byte at a time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/reader.h"
#include "testlib.h"

/* In the tests, mode is tl_reader_open's step: 0 reads from memory, 1 one
 * byte at a time. */

static void test_peek(void **state)
{
	(void)state;
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, "hello world", 11, mode);
		size_t n;
		const char *p = ue_reader_peek(&r, 5, &n);
		assert_int_equal(n, 5);
		assert_memory_equal(p, "hello", 5);
		/* Peeking consumes nothing. */
		p = ue_reader_peek(&r, 100, &n);
		assert_int_equal(n, 11);
		assert_memory_equal(p, "hello world", 11);
		assert_int_equal(r.offset, 0);
		char buf[6];
		assert_int_equal(ue_reader_read(&r, buf, 6), 6);
		assert_memory_equal(buf, "hello ", 6);
		assert_int_equal(r.offset, 6);
		p = ue_reader_peek(&r, 3, &n);
		assert_int_equal(n, 3);
		assert_memory_equal(p, "wor", 3);
		p = ue_reader_peek(&r, 10, &n);
		assert_int_equal(n, 5);
		assert_memory_equal(p, "world", 5);
		ue_reader_release(&r);
	}
}

static void test_peek_empty(void **state)
{
	(void)state;
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, "", 0, mode);
		size_t n = 99;
		const char *p = ue_reader_peek(&r, 16, &n);
		assert_non_null(p);
		assert_int_equal(n, 0);
		struct ue_buf line = UE_BUF_INIT;
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_ENOTFOUND);
		char buf[4];
		assert_int_equal(ue_reader_read(&r, buf, sizeof buf), 0);
		assert_int_equal(r.error, UE_OK);
		ue_buf_release(&line);
		ue_reader_release(&r);
	}
}

static void test_getline_crlf(void **state)
{
	(void)state;
	const char *in = "first\r\nsecond\n\nthird\r\n\r\n";
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, in, strlen(in), mode);
		struct ue_buf line = UE_BUF_INIT;
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "first\r");   /* CR kept */
		assert_int_equal(line.len, 6);
		assert_int_equal(r.offset, 7);
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "second");
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "");
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "third\r");
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "\r");
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_ENOTFOUND);
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_ENOTFOUND);
		assert_int_equal(r.offset, strlen(in));
		ue_buf_release(&line);
		ue_reader_release(&r);
	}
}

static void test_getline_last_without_lf(void **state)
{
	(void)state;
	const char *in = "a\nlast line";
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, in, strlen(in), mode);
		struct ue_buf line = UE_BUF_INIT;
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "a");
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_string_equal(ue_buf_str(&line), "last line");
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_ENOTFOUND);
		assert_int_equal(line.len, 0);
		ue_buf_release(&line);
		ue_reader_release(&r);
	}
}

static void test_getline_too_long(void **state)
{
	(void)state;
	const char *in = "12345\n123456789012\nnext\n1234567\n";
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, in, strlen(in), mode);
		struct ue_buf line = UE_BUF_INIT;
		/* A line of exactly max bytes is fine. */
		assert_int_equal(ue_reader_getline(&r, &line, 5), UE_OK);
		assert_string_equal(ue_buf_str(&line), "12345");
		/* A longer one fails, and the rest of it is skipped. */
		assert_int_equal(ue_reader_getline(&r, &line, 5), UE_ELIMIT);
		assert_true(line.len <= 5);
		assert_int_equal(ue_reader_getline(&r, &line, 5), UE_OK);
		assert_string_equal(ue_buf_str(&line), "next");
		/* The last line, too long, then the end. */
		assert_int_equal(ue_reader_getline(&r, &line, 5), UE_ELIMIT);
		assert_int_equal(ue_reader_getline(&r, &line, 5), UE_ENOTFOUND);
		assert_int_equal(r.offset, strlen(in));
		ue_buf_release(&line);
		ue_reader_release(&r);
	}
}

static void test_getline_too_long_at_end(void **state)
{
	(void)state;
	const char *in = "ok\nabcdefghij";
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, in, strlen(in), mode);
		struct ue_buf line = UE_BUF_INIT;
		assert_int_equal(ue_reader_getline(&r, &line, 4), UE_OK);
		assert_string_equal(ue_buf_str(&line), "ok");
		assert_int_equal(ue_reader_getline(&r, &line, 4), UE_ELIMIT);
		assert_int_equal(ue_reader_getline(&r, &line, 4), UE_ENOTFOUND);
		ue_buf_release(&line);
		ue_reader_release(&r);
	}
}

static void test_getline_long_lines(void **state)
{
	(void)state;
	/* Lines longer than the reader's 64 KB chunks. */
	size_t len = 200000;
	char *in = malloc(len);
	assert_non_null(in);
	memset(in, 'x', len);
	in[100000] = '\n';
	in[len - 1] = '\n';
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, in, len, mode);
		struct ue_buf line = UE_BUF_INIT;
		assert_int_equal(ue_reader_getline(&r, &line, len), UE_OK);
		assert_int_equal(line.len, 100000);
		assert_int_equal(ue_reader_getline(&r, &line, len), UE_OK);
		assert_int_equal(line.len, len - 100002);
		assert_int_equal(line.data[line.len - 1], 'x');
		assert_int_equal(ue_reader_getline(&r, &line, len), UE_ENOTFOUND);
		ue_buf_release(&line);
		ue_reader_release(&r);
	}
	free(in);
}

static void test_read(void **state)
{
	(void)state;
	const char *in = "0123456789";
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		tl_reader_open(&r, &t, in, 10, mode);
		char buf[16];
		size_t got = 0;
		long n;
		while ((n = ue_reader_read(&r, buf + got, 4)) > 0) {
			assert_true(n <= 4);
			got += (size_t)n;
		}
		assert_int_equal(n, 0);
		assert_int_equal(got, 10);
		assert_memory_equal(buf, in, 10);
		assert_int_equal(r.offset, 10);
		ue_reader_release(&r);
	}
}

static void test_slurp(void **state)
{
	(void)state;
	const char *in = "line one\nline two\n";   /* 18 bytes */
	for (int mode = 0; mode < 2; mode++) {
		struct ue_reader r;
		struct tl_trickle t;
		struct ue_buf all = UE_BUF_INIT;
		tl_reader_open(&r, &t, in, 18, mode);
		assert_int_equal(ue_reader_slurp(&r, &all, 18), UE_OK);
		assert_int_equal(all.len, 18);
		assert_string_equal(ue_buf_str(&all), in);
		ue_reader_release(&r);

		/* After a line is read, slurp appends what is left. */
		ue_buf_reset(&all);
		tl_reader_open(&r, &t, in, 18, mode);
		struct ue_buf line = UE_BUF_INIT;
		assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
		assert_int_equal(ue_buf_puts(&all, "> "), UE_OK);
		assert_int_equal(ue_reader_slurp(&r, &all, 100), UE_OK);
		assert_string_equal(ue_buf_str(&all), "> line two\n");
		ue_buf_release(&line);
		ue_reader_release(&r);

		/* One byte over the limit. */
		ue_buf_reset(&all);
		tl_reader_open(&r, &t, in, 18, mode);
		assert_int_equal(ue_reader_slurp(&r, &all, 17), UE_ELIMIT);
		assert_true(all.len <= 17);
		ue_reader_release(&r);
		ue_buf_release(&all);
	}
}

static void test_read_error(void **state)
{
	(void)state;
	const char *in = "abc\ndef\nghi\n";
	struct ue_reader r;
	struct tl_trickle t;
	tl_reader_open(&r, &t, in, strlen(in), 1);
	t.fail_at = 7;   /* the 7th byte, inside the second line */
	struct ue_buf line = UE_BUF_INIT;
	assert_int_equal(ue_reader_getline(&r, &line, 100), UE_OK);
	assert_string_equal(ue_buf_str(&line), "abc");
	assert_int_equal(ue_reader_getline(&r, &line, 100), UE_EIO);
	assert_int_equal(r.error, UE_EIO);
	/* The error is sticky: the source is not asked again. */
	size_t calls = t.calls;
	assert_int_equal(ue_reader_getline(&r, &line, 100), UE_EIO);
	char buf[4];
	assert_int_equal(ue_reader_read(&r, buf, 4), -1);
	struct ue_buf all = UE_BUF_INIT;
	assert_int_equal(ue_reader_slurp(&r, &all, 100), UE_EIO);
	assert_int_equal(t.calls, calls);
	ue_buf_release(&all);
	ue_buf_release(&line);
	ue_reader_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peek),
		cmocka_unit_test(test_peek_empty),
		cmocka_unit_test(test_getline_crlf),
		cmocka_unit_test(test_getline_last_without_lf),
		cmocka_unit_test(test_getline_too_long),
		cmocka_unit_test(test_getline_too_long_at_end),
		cmocka_unit_test(test_getline_long_lines),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_slurp),
		cmocka_unit_test(test_read_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
