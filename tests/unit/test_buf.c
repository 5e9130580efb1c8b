/* test_buf.c - the growable byte buffer (lib/common/buf.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/buf.h"

static void test_empty(void **state)
{
	(void)state;
	struct ue_buf b = UE_BUF_INIT;
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(ue_buf_str(&b), "");
	/* Appending nothing still gives a NUL-terminated string. */
	assert_int_equal(ue_buf_append(&b, "", 0), UE_OK);
	assert_non_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	ue_buf_release(&b);
	assert_null(b.data);
	assert_int_equal(b.alloc, 0);
	ue_buf_release(&b);   /* twice is harmless */
}

static void test_append(void **state)
{
	(void)state;
	struct ue_buf b;
	ue_buf_init(&b, 0);
	assert_int_equal(ue_buf_append(&b, "abc", 3), UE_OK);
	assert_int_equal(ue_buf_putc(&b, '-'), UE_OK);
	assert_int_equal(ue_buf_puts(&b, "def"), UE_OK);
	assert_int_equal(b.len, 7);
	assert_string_equal(ue_buf_str(&b), "abc-def");
	assert_int_equal(b.data[7], '\0');
	/* Bytes are copied as they are, NUL included. */
	assert_int_equal(ue_buf_append(&b, "x\0y", 3), UE_OK);
	assert_int_equal(b.len, 10);
	assert_memory_equal(b.data, "abc-defx\0y", 11);
	ue_buf_release(&b);
}

static void test_grow(void **state)
{
	(void)state;
	struct ue_buf b = UE_BUF_INIT;
	char want[1000];
	for (int i = 0; i < 1000; i++) {
		want[i] = (char)('a' + i % 26);
		assert_int_equal(ue_buf_putc(&b, want[i]), UE_OK);
		assert_true(b.alloc > b.len);
		assert_int_equal(b.data[b.len], '\0');
	}
	assert_int_equal(b.len, 1000);
	assert_memory_equal(b.data, want, 1000);
	assert_int_equal(b.alloc, 1024);   /* 64 doubled until it fits */
	ue_buf_release(&b);
}

static void test_printf(void **state)
{
	(void)state;
	struct ue_buf b = UE_BUF_INIT;
	assert_int_equal(ue_buf_puts(&b, "n="), UE_OK);
	assert_int_equal(ue_buf_printf(&b, "%d, s=%s, x=%04x", -42, "str", 255),
	                 UE_OK);
	assert_string_equal(ue_buf_str(&b), "n=-42, s=str, x=00ff");
	assert_int_equal(b.len, strlen("n=-42, s=str, x=00ff"));
	/* Longer than the first allocation. */
	assert_int_equal(ue_buf_printf(&b, "|%100s|", "r"), UE_OK);
	assert_int_equal(b.len, 20 + 102);
	assert_int_equal(b.data[21], ' ');
	assert_int_equal(b.data[120], 'r');
	assert_int_equal(b.data[121], '|');
	assert_int_equal(b.data[122], '\0');
	/* An empty format adds nothing. */
	assert_int_equal(ue_buf_printf(&b, "%s", ""), UE_OK);
	assert_int_equal(b.len, 122);
	ue_buf_release(&b);
}

static void test_cap(void **state)
{
	(void)state;
	struct ue_buf b;
	ue_buf_init(&b, 8);
	assert_int_equal(ue_buf_puts(&b, "12345"), UE_OK);
	assert_int_equal(ue_buf_append(&b, "678", 3), UE_OK);   /* exactly cap */
	assert_int_equal(b.len, 8);
	assert_true(b.alloc <= 9);
	assert_int_equal(ue_buf_putc(&b, '9'), UE_ELIMIT);
	assert_int_equal(ue_buf_puts(&b, "abc"), UE_ELIMIT);
	assert_int_equal(ue_buf_printf(&b, "%d", 7), UE_ELIMIT);
	/* A failed append leaves the contents as they were. */
	assert_int_equal(b.len, 8);
	assert_string_equal(ue_buf_str(&b), "12345678");
	assert_int_equal(ue_buf_append(&b, "", 0), UE_OK);

	/* One append past the cap fails whole, nothing is cut. */
	ue_buf_reset(&b);
	assert_int_equal(ue_buf_append(&b, "123456789", 9), UE_ELIMIT);
	assert_int_equal(b.len, 0);
	assert_string_equal(ue_buf_str(&b), "");
	assert_int_equal(ue_buf_printf(&b, "%s", "abcdefghi"), UE_ELIMIT);
	assert_int_equal(ue_buf_printf(&b, "%s", "abcdefgh"), UE_OK);
	assert_string_equal(ue_buf_str(&b), "abcdefgh");
	ue_buf_release(&b);
}

static void test_reserve_overflow(void **state)
{
	(void)state;
	struct ue_buf b = UE_BUF_INIT;
	assert_int_equal(ue_buf_puts(&b, "ab"), UE_OK);
	assert_int_equal(ue_buf_reserve(&b, SIZE_MAX), UE_ELIMIT);
	assert_int_equal(ue_buf_reserve(&b, SIZE_MAX / 2), UE_ELIMIT);
	assert_int_equal(ue_buf_reserve(&b, 100), UE_OK);
	assert_true(b.alloc >= 103);
	assert_string_equal(ue_buf_str(&b), "ab");
	ue_buf_release(&b);
}

static void test_detach(void **state)
{
	(void)state;
	struct ue_buf b;
	ue_buf_init(&b, 100);
	assert_int_equal(ue_buf_puts(&b, "hello"), UE_OK);
	size_t len = 0;
	char *s = ue_buf_detach(&b, &len);
	assert_string_equal(s, "hello");
	assert_int_equal(len, 5);
	free(s);
	/* The buffer is empty and usable again, with its cap. */
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.alloc, 0);
	assert_int_equal(b.cap, 100);
	assert_string_equal(ue_buf_str(&b), "");
	/* Detaching an empty buffer gives an empty string to free. */
	len = 7;
	s = ue_buf_detach(&b, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	assert_int_equal(ue_buf_puts(&b, "again"), UE_OK);
	s = ue_buf_detach(&b, NULL);
	assert_string_equal(s, "again");
	free(s);
}

static void test_reset(void **state)
{
	(void)state;
	struct ue_buf b = UE_BUF_INIT;
	ue_buf_reset(&b);   /* before any append */
	assert_null(b.data);
	assert_int_equal(ue_buf_puts(&b, "some text to keep the memory of"),
	                 UE_OK);
	char *mem = b.data;
	size_t alloc = b.alloc;
	ue_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(ue_buf_str(&b), "");
	assert_ptr_equal(b.data, mem);
	assert_int_equal(b.alloc, alloc);
	assert_int_equal(ue_buf_puts(&b, "new"), UE_OK);
	assert_ptr_equal(b.data, mem);
	assert_string_equal(ue_buf_str(&b), "new");
	ue_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_reserve_overflow),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
