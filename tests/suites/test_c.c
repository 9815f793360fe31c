// SPDX-License-Identifier: Apache-2.0
/*
 * test_c.c - compiled C programs with the software kit's runtime and
 * picolibc (programs tests/programs/c_*.c): console output, a qsort/CRC
 * computation, main's return value as exit code, two harts running C.
 * Expected output and values are computed here on the host.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../programs/c_printf_cases.h"
#include "../programs/c_sort_params.h"
#include "tprog.h"

#define SENTINEL 0xA5A5A5A5u

static void append(char *buf, size_t len, size_t *pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *pos, len - *pos, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < len - *pos);
    *pos += (size_t)n;
}

static void expect_console(const outrider_sim *sim, const char *expected)
{
    size_t len = 0;
    const char *got = outrider_sim_console(sim, &len);
    assert_non_null(got);
    if (len != strlen(expected) || memcmp(got, expected, len) != 0) {
        print_message("console (%zu bytes):\n%s\n--- expected (%zu bytes):\n%s\n", len, got,
                      strlen(expected), expected);
        fail_msg("console output differs");
    }
}

static void test_printf_console(void **state)
{
    char exp[2048];
    size_t pos = 0;
#define APPEND_CASE(...) append(exp, sizeof(exp), &pos, __VA_ARGS__);
    C_PRINTF_CASES(APPEND_CASE)
#undef APPEND_CASE
    append(exp, sizeof(exp), &pos, "%s\n", "puts line");
    append(exp, sizeof(exp), &pos, "!\n");

    outrider_sim *sim = tprog_load(state, "test_c_printf", NULL);
    tprog_run_ok(sim);
    expect_console(sim, exp);
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* CRC-32 (IEEE, reflected) of the words' little-endian bytes, table-driven
 * (an implementation independent of the program's bitwise one). */
static uint32_t crc32_le_words(const int32_t *w, size_t n)
{
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        for (int b = 0; b < 4; b++) {
            uint8_t byte = (uint8_t)((uint32_t)w[i] >> (8 * b));
            crc = table[(crc ^ byte) & 0xFFu] ^ (crc >> 8);
        }
    return ~crc;
}

static void test_qsort_crc(void **state)
{
    int32_t host[C_SORT_N], got[C_SORT_N];
    uint32_t state_lcg = C_SORT_SEED, r[3];
    for (size_t i = 0; i < C_SORT_N; i++) {
        state_lcg = state_lcg * C_SORT_LCG_A + C_SORT_LCG_C;
        host[i] = (int32_t)state_lcg;
    }
    qsort(host, C_SORT_N, sizeof(host[0]), cmp_i32);
    uint32_t crc = crc32_le_words(host, C_SORT_N);

    outrider_sim *sim = tprog_load(state, "test_c_sort", NULL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 3);
    tprog_read(sim, "sorted", 0, (uint32_t *)got, C_SORT_N);
    unsigned fails = 0;
    for (size_t i = 0; i < C_SORT_N; i++)
        tprog_check("sorted[]", i, (uint32_t)got[i], (uint32_t)host[i], &fails);
    tprog_check("crc32", 0, r[0], crc, &fails);
    tprog_check("ascending (program's own check)", 1, r[1], 1, &fails);
    tprog_check("element count", 2, r[2], C_SORT_N, &fails);
    tprog_checks_done("qsort/crc", fails);

    char line[64];
    snprintf(line, sizeof(line), "crc32 = %08lx\n", (unsigned long)crc);
    expect_console(sim, line);
}

static void test_main_return_is_exit_code(void **state)
{
    int sum = 0;
    for (int i = 1; i <= 9; i++)
        sum += i;
    int code = sum - 3;
    char exp[128];
    snprintf(exp, sizeof(exp), "main returns %d\natexit handler ran\n", code);

    outrider_sim *sim = tprog_load(state, "test_c_exit", NULL);
    tprog_run_expect(sim, code);
    expect_console(sim, exp);
}

#define C_HARTS_N       512
#define C_HARTS_INC     300
#define C_HARTS_TLS_INC 10

static void test_two_harts_in_c(void **state)
{
    uint32_t r[7];
    uint32_t sum = 0;
    for (uint32_t i = 0; i < C_HARTS_N; i++)
        sum += i * i + 7;

    outrider_sim *sim = tprog_load(state, "test_c_harts", NULL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 7);
    unsigned fails = 0;
    tprog_check("outrider_hart_start return", 0, r[0], 1, &fails);
    tprog_check("sum over both halves", 1, r[1], sum, &fails);
    tprog_check("main hart id", 2, r[2], 0, &fails);
    tprog_check("worker hart id", 3, r[3], 1, &fails);
    tprog_check("atomic counter", 4, r[4], 2 * C_HARTS_INC, &fails);
    tprog_check("main's thread-local", 5, r[5], 5 + C_HARTS_TLS_INC, &fails);
    tprog_check("worker's thread-local", 6, r[6], 5 + C_HARTS_TLS_INC, &fails);
    tprog_checks_done("two harts in C", fails);

    char exp[96];
    snprintf(exp, sizeof(exp), "two harts: sum %lu counter %lu\n", (unsigned long)sum,
             (unsigned long)(2 * C_HARTS_INC));
    expect_console(sim, exp);
    assert_true(outrider_sim_stats(sim)->ctx[1].retired > 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);   /* keep cmocka's stdout/stderr lines in order */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_printf_console, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_qsort_crc, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_main_return_is_exit_code, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_two_harts_in_c, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests_name("test_c", tests, NULL, NULL);
}
