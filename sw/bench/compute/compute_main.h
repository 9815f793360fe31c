// SPDX-License-Identifier: Apache-2.0
/*
 * compute_main.h - main() of a compute kernel (contract in compute.h):
 * set up, compute the reference (untimed), set up again, run the timed
 * kernel, compare, report. Included last by each kernel source.
 */
#ifndef COMPUTE_MAIN_H
#define COMPUTE_MAIN_H

#if COMPUTE_SMALL
#define K_REPS K_REPS_SMALL
#else
#define K_REPS K_REPS_FULL
#endif

static kdata compute_data[COMPUTE_HARTS];

#if COMPUTE_BARE
#include <outrider/consts.h>

static void c_putc(char ch)
{
    *(volatile uint8_t *)(uintptr_t)(OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_CONSOLE_TX) =
        (uint8_t)ch;
}

static void c_puts(const char *s)
{
    while (*s)
        c_putc(*s++);
}

int main(void)
{
    kdata *d = &compute_data[0];
    k_setup(d);
    uint32_t expect = k_ref(d, K_REPS);
    if (expect == 0) {
        c_puts("compute " K_NAME ": reference self-check FAILED\n");
        return 4;
    }
    expect ^= COMPUTE_WRONG;
    k_setup(d);
    uint32_t sum = k_run(d, K_REPS);
    c_puts("compute " K_NAME ": checksum 0x");
    for (int i = 28; i >= 0; i -= 4)
        c_putc("0123456789abcdef"[(sum >> i) & 15u]);
    c_puts(sum == expect ? " ok\n" : " MISMATCH\n");
    return sum == expect ? 0 : 1;
}

#else /* !COMPUTE_BARE */
#include <stdio.h>
#include <outrider/outrider.h>
#include <outrider/roi.h>
#if COMPUTE_HARTS == 2
#include <outrider/hart.h>
#endif

typedef struct {
    kdata *d;
    uint32_t sum;
    uint64_t instret;
} compute_copy;

static __attribute__((noinline)) void compute_timed(void *arg)
{
    compute_copy *c = arg;
    uint64_t i0 = outrider_instret();
    c->sum = k_run(c->d, K_REPS);
    c->instret = outrider_instret() - i0;
}

int main(void)
{
    compute_copy copy[COMPUTE_HARTS];
    uint32_t expect[COMPUTE_HARTS];
    for (int h = 0; h < COMPUTE_HARTS; h++) {
        copy[h].d = &compute_data[h];
        k_setup(copy[h].d);
        expect[h] = k_ref(copy[h].d, K_REPS);
        if (expect[h] == 0) {
            printf("compute %s: reference self-check FAILED\n", K_NAME);
            return 4;
        }
        expect[h] ^= COMPUTE_WRONG;
        k_setup(copy[h].d);
    }
    roi_begin();   /* the statistics' region: the timed copies (outside mcycle's reads) */
    uint64_t t0 = outrider_cycles();
#if COMPUTE_HARTS == 2
    outrider_hart_t h1;
    if (outrider_hart_start_wait(&h1, compute_timed, &copy[1], 1000) == 0) {
        printf("compute %s: no free context for the second copy\n", K_NAME);
        return 3;
    }
    compute_timed(&copy[0]);
    outrider_hart_join(&h1);
#else
    compute_timed(&copy[0]);
#endif
    uint64_t t1 = outrider_cycles();
    roi_end();
    int ok = 1;
    uint64_t instret = 0;
    for (int h = 0; h < COMPUTE_HARTS; h++) {
        ok &= copy[h].sum == expect[h];
        instret += copy[h].instret;
    }
    printf("compute %s: checksum 0x%08lx %s\n", K_NAME, (unsigned long)copy[0].sum,
           ok ? "ok" : "MISMATCH");
    printf("compute %s: cycles %llu\n", K_NAME, (unsigned long long)(t1 - t0));
    printf("compute %s: instret %llu\n", K_NAME, (unsigned long long)instret);
#if COMPUTE_HARTS == 2
    printf("compute %s: instret0 %llu instret1 %llu\n", K_NAME,
           (unsigned long long)copy[0].instret, (unsigned long long)copy[1].instret);
#endif
    return ok ? 0 : 1;
}
#endif /* COMPUTE_BARE */

#endif /* COMPUTE_MAIN_H */
