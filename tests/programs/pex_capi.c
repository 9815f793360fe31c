// SPDX-License-Identifier: Apache-2.0
/*
 * pex_capi.c - the C interface of outrider/preexec.h: pex_enable /
 * pex_enabled, pex_set_budget / pex_budget, pex_spawn (fn gets arg, runs
 * on the trampoline's stack, may call functions), pex_stop, pex_cancel,
 * pex_running. A p-thread cannot write anything the main thread sees, so
 * a check reports through its lifetime (as in pex_asm.h): it spins with
 * `pause` while its check holds and returns (trampoline: pex.stop) when it
 * does not. The main thread records pex_running() after a wait.
 *
 * results[]:
 *  0 pex_enabled() after pex_enable(0) (0)   1 pex_spawn while disabled (0)
 *  2 pex_enabled() after pex_enable(1) (1)   3 pex_budget() after set (1000)
 *  4 rd of spawn(check_arg, &magic) (1)      5 running after the wait (1)
 *  6 running after pex_cancel() (0)
 *  7 rd of spawn(stop_midway) (1)            8 running after the wait (0)
 *  9 rd of spawn(spin_forever), budget 1000 (1)  10 running after the wait (0)
 * 11 rd of spawn(check_nested) (1)          12 running after the wait (1)
 * 13 rd of spawn(check_stack) (1)           14 running after the wait (1)
 * It observes spawn results on purpose: the symbol pex_observes_preexec
 * keeps it out of the on/off invariant corpus of test_preexec (main reads
 * it once so that the linker keeps it).
 */
#include <stddef.h>
#include <stdint.h>

#include <outrider/outrider.h>
#include <outrider/preexec.h>

#define MAGIC       0x5EC0DE42u
#define WAIT_PAUSES 200
#define TRIES       1000

const volatile uint32_t pex_observes_preexec = 1;
volatile uint32_t results[15];
volatile uint32_t magic = MAGIC;

static void wait_pauses(unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        outrider_pause();
}

static int spawn_retry(void (*fn)(void *), void *arg)
{
    for (unsigned i = 0; i < TRIES; i++) {
        int ctx = pex_spawn(fn, arg);
        if (ctx != 0)
            return ctx;
        outrider_pause();
    }
    return 0;
}

/* Stop the p-thread (and wait until it has ended) before the next check. */
static void settle(void)
{
    pex_cancel();
    for (unsigned i = 0; i < TRIES && pex_running(); i++)
        outrider_pause();
}

static void spin(void)
{
    for (;;)
        outrider_pause();
}

static void check_arg(void *arg)
{
    if (arg == &magic && *(volatile uint32_t *)arg == MAGIC && outrider_mhartid() == 1)
        spin();
}

static void stop_midway(void *arg)
{
    (void)arg;
    pex_stop();
    spin();                     /* reached only if pex_stop did nothing */
}

static void spin_forever(void *arg)
{
    (void)arg;
    for (;;)
        __asm__ __volatile__("" ::: "memory");
}

static __attribute__((noinline)) uint32_t collatz_steps(uint32_t x)
{
    uint32_t n = 0;
    while (x != 1) {
        x = (x & 1u) ? 3u * x + 1u : x / 2u;
        n++;
    }
    return n;
}

/* calls a function (a frame of its own: ra saved in the store buffer) */
static void check_nested(void *arg)
{
    (void)arg;
    if (collatz_steps(27) == 111)
        spin();
}

/* an array on its own stack: stored, reloaded through the store buffer
 * (4 words + the saved ra of check_stack, within the 8-entry buffer) */
static __attribute__((noinline)) uint32_t stack_sum(volatile uint32_t *buf, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        buf[i] = i * i + 1u;
    uint32_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += buf[i];
    return s;
}

static void check_stack(void *arg)
{
    (void)arg;
    volatile uint32_t buf[4];
    if (stack_sum(buf, 4) == 1 + 2 + 5 + 10)
        spin();
}

int main(void)
{
    (void)pex_observes_preexec;
    pex_enable(0);
    results[0] = (uint32_t)pex_enabled();
    results[1] = (uint32_t)pex_spawn(check_arg, (void *)&magic);
    pex_enable(1);
    results[2] = (uint32_t)pex_enabled();
    pex_set_budget(1000);
    results[3] = pex_budget();
    pex_set_budget(0);

    results[4] = (uint32_t)spawn_retry(check_arg, (void *)&magic);
    wait_pauses(WAIT_PAUSES);
    results[5] = (uint32_t)pex_running();
    settle();
    results[6] = (uint32_t)pex_running();

    results[7] = (uint32_t)spawn_retry(stop_midway, NULL);
    wait_pauses(WAIT_PAUSES);
    results[8] = (uint32_t)pex_running();
    settle();

    pex_set_budget(1000);
    results[9] = (uint32_t)spawn_retry(spin_forever, NULL);
    wait_pauses(WAIT_PAUSES);
    results[10] = (uint32_t)pex_running();
    settle();
    pex_set_budget(PEX_DEFAULT_BUDGET);

    results[11] = (uint32_t)spawn_retry(check_nested, NULL);
    wait_pauses(WAIT_PAUSES);
    results[12] = (uint32_t)pex_running();
    settle();

    results[13] = (uint32_t)spawn_retry(check_stack, NULL);
    wait_pauses(WAIT_PAUSES);
    results[14] = (uint32_t)pex_running();
    settle();
    return 0;
}
