// SPDX-License-Identifier: Apache-2.0
/*
 * vexsim.c - run a bare RV32IM program on the Verilated VexRiscv_Full
 * (PyPI pythondata-cpu-vexriscv): the yardstick of `make sim-speed`
 * (tb/sim-speed.mk, scripts/sim-speed.py).
 *
 *   vexsim [--max-cycles N] [--quiet] PROGRAM.elf
 *
 * The harness: RAM of VEXSIM_RAM_SIZE bytes at VEXSIM_RAM_BASE (0x4000_0000:
 * this VexRiscv build treats addresses with bit 31 set as uncached I/O, see
 * tb/vexriscv/bare.ld), loaded from the ELF (tb/common/elf_load; the entry
 * point must be the reset vector 0x4000_0000); both Wishbone buses answered
 * like a synchronous RAM: a request seen in a cycle is acknowledged in the
 * next one (registered ack, one beat every two cycles, as in the FPGA
 * yardstick fpga/yardstick/vexriscv_soc.sv); a byte store to Outrider's
 * console register (0x1000_0000) prints the byte on stdout, a store to
 * its exit register (0x1000_0004) ends the run with that exit code.
 * The cycle count (from reset release to the exit store) goes to stderr as
 * "vexsim: cycles N, exit code E" unless --quiet.
 *
 * Exit status: the program's exit code (low 8 bits); 2 bad usage or a bad
 * ELF (one line on stderr); 3 a bus access outside RAM and the registers;
 * 124 the cycle limit (default 100000000, 0 = none).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_num.h"
#include "elf_load.h"
#include "outrider/consts.h"
#include "vex_shim.h"
#include "wb_mem.h"

#define VEXSIM_RAM_BASE 0x40000000u
#define VEXSIM_RAM_SIZE 0x00100000u
#define RESET_CYCLES    8
#define EXIT_BAD        2
#define EXIT_BUS        3
#define EXIT_LIMIT      124

typedef struct {
    int ack, err;
    uint32_t dat;
} bus_resp;

static void usage(FILE *f)
{
    fprintf(f, "usage: vexsim [--max-cycles N] [--quiet] PROGRAM.elf\n");
}

/* One bus request seen in this cycle: perform it, fill the response of
 * the next cycle. Returns 0, or -1 (bus error: message printed) ; sets
 * *exit_code (>= 0) on a store to the exit register. */
static int serve(wb_mem *mem, const vex_wb_out *o, const char *bus, uint64_t cycle,
                 bus_resp *r, int *exit_code)
{
    uint32_t addr = o->adr << 2;
    r->ack = 1;
    r->err = 0;
    r->dat = 0;
    if (addr - VEXSIM_RAM_BASE < VEXSIM_RAM_SIZE) {
        uint8_t *ram = wb_mem_bytes(mem) + (addr - VEXSIM_RAM_BASE);
        if (o->we) {
            for (int b = 0; b < 4; b++)
                if (o->sel & (1u << b))
                    ram[b] = (uint8_t)(o->dat >> (8 * b));
        } else {
            r->dat = (uint32_t)ram[0] | (uint32_t)ram[1] << 8 | (uint32_t)ram[2] << 16 |
                     (uint32_t)ram[3] << 24;
        }
        return 0;
    }
    if (o->we && addr == OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_CONSOLE_TX) {
        for (int b = 0; b < 4; b++)
            if (o->sel & (1u << b)) {
                putchar((int)((o->dat >> (8 * b)) & 0xFFu));
                break;
            }
        return 0;
    }
    if (o->we && addr == OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_SIM_EXIT) {
        *exit_code = (int)(o->dat & 0xFFu);
        return 0;
    }
    fprintf(stderr, "vexsim: %s bus %s at 0x%08lx outside RAM and the registers (cycle %llu)\n",
            bus, o->we ? "write" : "read", (unsigned long)addr, (unsigned long long)cycle);
    return -1;
}

int main(int argc, char **argv)
{
    uint64_t max_cycles = 100000000;
    int quiet = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max-cycles") == 0) {
            if (i + 1 >= argc || cli_parse_u64(argv[i + 1], 0, &max_cycles) != 0) {
                fprintf(stderr, "vexsim: --max-cycles needs a number\n");
                return EXIT_BAD;
            }
            i++;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "vexsim: unknown option '%s' (--help lists them)\n", argv[i]);
            return EXIT_BAD;
        } else if (path != NULL) {
            fprintf(stderr, "vexsim: more than one program given ('%s', '%s')\n", path, argv[i]);
            return EXIT_BAD;
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "vexsim: no program given (usage: vexsim [--max-cycles N] [--quiet] PROGRAM.elf)\n");
        return EXIT_BAD;
    }

    wb_mem *mem = wb_mem_create(VEXSIM_RAM_BASE, VEXSIM_RAM_SIZE, 0, 1);
    if (mem == NULL) {
        fprintf(stderr, "vexsim: out of memory\n");
        return EXIT_BAD;
    }
    elf_image img;
    char err[512];
    if (elf_load(path, mem, VEXSIM_RAM_BASE, &img, err, sizeof err) != 0) {
        fprintf(stderr, "vexsim: %s\n", err);
        wb_mem_destroy(mem);
        return EXIT_BAD;
    }
    elf_image_free(&img);
    vex_shim *s = vex_shim_create(VEXSIM_RAM_BASE);
    if (s == NULL) {
        fprintf(stderr, "vexsim: out of memory\n");
        wb_mem_destroy(mem);
        return EXIT_BAD;
    }

    for (int i = 0; i < RESET_CYCLES; i++) {
        vex_shim_set_clk(s, 0);
        vex_shim_eval(s);
        vex_shim_set_clk(s, 1);
        vex_shim_eval(s);
    }
    vex_shim_set_reset(s, 0);

    bus_resp ir = { 0, 0, 0 }, dr = { 0, 0, 0 };
    int exit_code = -1, status;
    uint64_t cycle = 0;
    for (;;) {
        if (max_cycles != 0 && cycle >= max_cycles) {
            fprintf(stderr, "vexsim: cycle limit %llu reached\n", (unsigned long long)max_cycles);
            status = EXIT_LIMIT;
            break;
        }
        vex_shim_ibus_resp(s, ir.ack, ir.err, ir.dat);
        vex_shim_dbus_resp(s, dr.ack, dr.err, dr.dat);
        vex_shim_set_clk(s, 0);
        vex_shim_eval(s);
        vex_wb_out io, dout;
        vex_shim_ibus(s, &io);
        vex_shim_dbus(s, &dout);
        bus_resp inext = { 0, 0, 0 }, dnext = { 0, 0, 0 };
        if (io.cyc && io.stb && !ir.ack && serve(mem, &io, "instruction", cycle, &inext, &exit_code) != 0) {
            status = EXIT_BUS;
            break;
        }
        if (dout.cyc && dout.stb && !dr.ack && serve(mem, &dout, "data", cycle, &dnext, &exit_code) != 0) {
            status = EXIT_BUS;
            break;
        }
        vex_shim_set_clk(s, 1);
        vex_shim_eval(s);
        ir = inext;
        dr = dnext;
        cycle++;
        if (exit_code >= 0) {
            status = exit_code;
            break;
        }
    }
    fflush(stdout);
    if (!quiet && (status != EXIT_BAD))
        fprintf(stderr, "vexsim: cycles %llu, exit code %d\n", (unsigned long long)cycle, status);
    vex_shim_destroy(s);
    wb_mem_destroy(mem);
    return status;
}
