// SPDX-License-Identifier: Apache-2.0
/*
 * elf_load.h - load an ELF32 RISC-V executable into the test bench RAM and
 * keep its symbol table.
 *
 * elf_load() checks the whole file before it writes anything, so a rejected
 * file leaves RAM unchanged. It rejects (with a one-line message naming the
 * file, and the outrider_err code in parentheses):
 *   a file it cannot open or read                     (OUTRIDER_ERR_FILE)
 *   not an ELF, ELFCLASS64, big-endian, not EM_RISCV,
 *   e_flags the core cannot run (EF_RISCV_RVC: compressed instructions,
 *   EF_RISCV_RVE, a hardware floating-point ABI), not ET_EXEC, truncated (headers, program headers, any PT_LOAD's
 *   p_offset + p_filesz, the symbol table), p_filesz > p_memsz, no
 *   loadable segment, or an entry point other than the reset PC
 *                                                     (OUTRIDER_ERR_ELF)
 *   a PT_LOAD segment [p_paddr, p_paddr + p_memsz) not entirely in RAM
 *                                                     (OUTRIDER_ERR_SEGMENT)
 * Segments are placed at their physical address (p_paddr); the bytes from
 * p_filesz to p_memsz are zeroed.
 *
 * What it does not do: relocation, dynamic linking, section-based loading.
 */
#ifndef ELF_LOAD_H
#define ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "wb_mem.h"

typedef struct {
    const char *name;       /* points into the image's name storage */
    uint32_t    value;
    uint8_t     global;     /* 1: STB_GLOBAL/STB_WEAK, 0: STB_LOCAL */
} elf_sym;

#define ELF_MAX_CODE 8

typedef struct {
    uint32_t entry;
    elf_sym *syms;          /* sorted by name, global before local */
    size_t   nsyms;
    char    *names;         /* storage for the symbol names */
    struct { uint32_t lo; uint64_t hi; } code[ELF_MAX_CODE];  /* executable PT_LOADs [lo, hi) */
    size_t   ncode;         /* (the first ELF_MAX_CODE of them) */
} elf_image;

/* Load `path` into mem; the entry point must equal reset_pc. On success
 * fills *img (free it with elf_image_free) and returns OUTRIDER_OK; on
 * failure returns a negative outrider_err, writes the reason into err
 * (errlen bytes) and leaves *img empty. */
int elf_load(const char *path, wb_mem *mem, uint32_t reset_pc, elf_image *img,
             char *err, size_t errlen);

/* 0 and *value set if `name` is in the symbol table (a global symbol wins
 * over local ones of the same name), -1 otherwise. */
int elf_image_lookup(const elf_image *img, const char *name, uint32_t *value);

/* 1 if addr lies in an executable (PF_X) loadable segment, else 0. */
int elf_image_is_code(const elf_image *img, uint32_t addr);

/* The symbol at or nearest below addr (a global one wins a tie) and
 * *offset = addr - its value; NULL if there is none. */
const char *elf_image_symbolize(const elf_image *img, uint32_t addr, uint32_t *offset);

void elf_image_free(elf_image *img);   /* leaves *img empty; NULL-safe */

#endif
