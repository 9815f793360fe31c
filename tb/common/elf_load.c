// SPDX-License-Identifier: Apache-2.0
/* elf_load.c - ELF32 RISC-V loader on libelf (contract in elf_load.h). */
#define _POSIX_C_SOURCE 200809L
#include "elf_load.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outrider_err.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* Everything one load needs, so helpers can report errors uniformly. */
typedef struct {
    const char *path;
    int         fd;
    uint64_t    fsize;
    Elf        *elf;
    char       *err;
    size_t      errlen;
} loader;

static int fail(loader *ld, int code, const char *fmt, ...)
{
    if (ld->err && ld->errlen) {
        int n = snprintf(ld->err, ld->errlen, "%s: ", ld->path);
        if (n >= 0 && (size_t)n < ld->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(ld->err + n, ld->errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return code;
}

static bool inside_file(const loader *ld, uint64_t off, uint64_t len)
{
    return off <= ld->fsize && len <= ld->fsize - off;
}

static int read_exact(loader *ld, uint64_t off, void *buf, size_t len)
{
    uint8_t *p = buf;
    while (len > 0) {
        ssize_t n = pread(ld->fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(ld, OUTRIDER_ERR_FILE, "read error: %s", strerror(errno));
        if (n == 0)
            return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF file");
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return OUTRIDER_OK;
}

/* e_flags bits of the RISC-V psABI (not in every libelf's elf.h) */
#define EF_RISCV_RVC_BIT        0x0001u
#define EF_RISCV_FLOAT_ABI_MASK 0x0006u   /* 0 soft, 1 single, 2 double, 3 quad */
#define EF_RISCV_RVE_BIT        0x0008u

/* Header checks: kind, class, data, machine, flags, type, sizes, entry point. */
static int check_header(loader *ld, uint32_t reset_pc, Elf32_Ehdr **ehdr_out)
{
    if (elf_kind(ld->elf) != ELF_K_ELF) {
        /* libelf does not recognise a file cut inside its header. */
        unsigned char magic[SELFMAG];
        if (ld->fsize >= SELFMAG && pread(ld->fd, magic, SELFMAG, 0) == SELFMAG &&
            memcmp(magic, ELFMAG, SELFMAG) == 0)
            return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF header");
        return fail(ld, OUTRIDER_ERR_ELF, "not an ELF file");
    }
    size_t idlen = 0;
    const char *ident = elf_getident(ld->elf, &idlen);
    if (!ident || idlen < EI_NIDENT)
        return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF header");
    if (ident[EI_CLASS] == ELFCLASS64)
        return fail(ld, OUTRIDER_ERR_ELF,
                    "64-bit ELF (ELFCLASS64); Outrider runs ELF32 RV32 programs");
    if (ident[EI_CLASS] != ELFCLASS32)
        return fail(ld, OUTRIDER_ERR_ELF, "unknown ELF class %d", ident[EI_CLASS]);
    if (ident[EI_DATA] != ELFDATA2LSB)
        return fail(ld, OUTRIDER_ERR_ELF, "not a little-endian ELF");
    if (ld->fsize < sizeof(Elf32_Ehdr))
        return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF header");
    Elf32_Ehdr *eh = elf32_getehdr(ld->elf);
    if (!eh)
        return fail(ld, OUTRIDER_ERR_ELF, "bad ELF header: %s", elf_errmsg(-1));
    if (eh->e_machine != EM_RISCV)
        return fail(ld, OUTRIDER_ERR_ELF, "not a RISC-V ELF (e_machine %u, want %u)",
                    (unsigned)eh->e_machine, (unsigned)EM_RISCV);
    /* e_flags (RISC-V psABI): code the core cannot run */
    if (eh->e_flags & EF_RISCV_RVC_BIT)
        return fail(ld, OUTRIDER_ERR_ELF,
                    "compiled for compressed instructions (EF_RISCV_RVC); the core runs "
                    "RV32IMA without C: compile with -march=rv32ima (no 'c')");
    if (eh->e_flags & EF_RISCV_RVE_BIT)
        return fail(ld, OUTRIDER_ERR_ELF,
                    "compiled for RV32E (EF_RISCV_RVE); the core runs RV32I: use -march=rv32ima "
                    "-mabi=ilp32");
    if (eh->e_flags & EF_RISCV_FLOAT_ABI_MASK)
        return fail(ld, OUTRIDER_ERR_ELF,
                    "uses a hardware floating-point ABI (EF_RISCV_FLOAT_ABI %u); the core has "
                    "no FPU: use -mabi=ilp32",
                    (unsigned)((eh->e_flags & EF_RISCV_FLOAT_ABI_MASK) >> 1));
    if (eh->e_type != ET_EXEC)
        return fail(ld, OUTRIDER_ERR_ELF, "not an executable ELF (e_type %u, want ET_EXEC)",
                    (unsigned)eh->e_type);
    if (eh->e_phnum == 0)
        return fail(ld, OUTRIDER_ERR_ELF, "no program headers (nothing to load)");
    if (eh->e_phentsize != sizeof(Elf32_Phdr) ||
        !inside_file(ld, eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr)))
        return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF file (program headers)");
    if (eh->e_shnum != 0 &&
        (eh->e_shentsize != sizeof(Elf32_Shdr) ||
         !inside_file(ld, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(Elf32_Shdr))))
        return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF file (section headers)");
    if (eh->e_entry != reset_pc)
        return fail(ld, OUTRIDER_ERR_ELF,
                    "entry point 0x%08x is not the reset PC 0x%08x "
                    "(link the program to start at 0x%08x)",
                    (unsigned)eh->e_entry, (unsigned)reset_pc, (unsigned)reset_pc);
    *ehdr_out = eh;
    return OUTRIDER_OK;
}

/* Check every PT_LOAD against the file and RAM; count the loadable ones. */
static int check_segments(loader *ld, const Elf32_Phdr *ph, size_t n, const wb_mem *mem)
{
    size_t loadable = 0;
    for (size_t i = 0; i < n; i++) {
        const Elf32_Phdr *p = &ph[i];
        if (p->p_type != PT_LOAD)
            continue;
        if (p->p_filesz > p->p_memsz)
            return fail(ld, OUTRIDER_ERR_ELF, "segment %zu: p_filesz 0x%x > p_memsz 0x%x",
                        i, (unsigned)p->p_filesz, (unsigned)p->p_memsz);
        if (!inside_file(ld, p->p_offset, p->p_filesz))
            return fail(ld, OUTRIDER_ERR_ELF,
                        "truncated ELF file (segment %zu needs bytes up to 0x%llx, file has 0x%llx)",
                        i, (unsigned long long)p->p_offset + p->p_filesz,
                        (unsigned long long)ld->fsize);
        if (p->p_memsz == 0)
            continue;
        if (!wb_mem_contains(mem, p->p_paddr, p->p_memsz))
            return fail(ld, OUTRIDER_ERR_SEGMENT,
                        "segment %zu [0x%08x, 0x%llx) is outside RAM [0x%08x, 0x%llx)%s",
                        i, (unsigned)p->p_paddr,
                        (unsigned long long)p->p_paddr + p->p_memsz,
                        (unsigned)wb_mem_base(mem),
                        (unsigned long long)wb_mem_base(mem) + wb_mem_size(mem),
                        p->p_offset == 0 && p->p_paddr < wb_mem_base(mem)
                            ? " (it maps the ELF headers below RAM: link with a linker"
                              " script or -Wl,-N)"
                            : "");
        loadable++;
    }
    if (loadable == 0)
        return fail(ld, OUTRIDER_ERR_ELF, "no loadable (PT_LOAD) segment");
    return OUTRIDER_OK;
}

/* Remember the executable segments (for elf_image_is_code). */
static void note_code(const Elf32_Phdr *ph, size_t n, elf_image *img)
{
    for (size_t i = 0; i < n && img->ncode < ELF_MAX_CODE; i++) {
        const Elf32_Phdr *p = &ph[i];
        if (p->p_type == PT_LOAD && p->p_memsz != 0 && (p->p_flags & PF_X)) {
            img->code[img->ncode].lo = p->p_paddr;
            img->code[img->ncode].hi = (uint64_t)p->p_paddr + p->p_memsz;
            img->ncode++;
        }
    }
}

static int load_segments(loader *ld, const Elf32_Phdr *ph, size_t n, wb_mem *mem)
{
    uint8_t *ram = wb_mem_bytes(mem);
    for (size_t i = 0; i < n; i++) {
        const Elf32_Phdr *p = &ph[i];
        if (p->p_type != PT_LOAD || p->p_memsz == 0)
            continue;
        uint8_t *dst = ram + (p->p_paddr - wb_mem_base(mem));
        int rc = read_exact(ld, p->p_offset, dst, p->p_filesz);
        if (rc != OUTRIDER_OK)
            return rc;
        memset(dst + p->p_filesz, 0, p->p_memsz - p->p_filesz);
    }
    return OUTRIDER_OK;
}

static int cmp_sym(const void *a, const void *b)
{
    const elf_sym *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c != 0)
        return c;
    return (int)y->global - (int)x->global;   /* global first */
}

/* Read every SHT_SYMTAB into img (named FUNC/OBJECT/NOTYPE symbols). */
static int read_symbols(loader *ld, elf_image *img)
{
    size_t count = 0, names_len = 0;
    /* Two passes: size the tables, then fill them. */
    for (int pass = 0; pass < 2; pass++) {
        size_t k = 0, off = 0;
        Elf_Scn *scn = NULL;
        while ((scn = elf_nextscn(ld->elf, scn)) != NULL) {
            Elf32_Shdr *sh = elf32_getshdr(scn);
            if (!sh)
                return fail(ld, OUTRIDER_ERR_ELF, "bad section header: %s", elf_errmsg(-1));
            if (sh->sh_type != SHT_SYMTAB)
                continue;
            if (!inside_file(ld, sh->sh_offset, sh->sh_size))
                return fail(ld, OUTRIDER_ERR_ELF, "truncated ELF file (symbol table)");
            Elf_Scn *strscn = elf_getscn(ld->elf, sh->sh_link);
            Elf32_Shdr *strsh = strscn ? elf32_getshdr(strscn) : NULL;
            if (!strsh || strsh->sh_type != SHT_STRTAB ||
                !inside_file(ld, strsh->sh_offset, strsh->sh_size))
                return fail(ld, OUTRIDER_ERR_ELF, "bad or truncated string table of .symtab");
            Elf_Data *data = elf_getdata(scn, NULL);
            if (!data)
                return fail(ld, OUTRIDER_ERR_ELF, "cannot read .symtab: %s", elf_errmsg(-1));
            size_t nsym = data->d_size / sizeof(Elf32_Sym);
            const Elf32_Sym *syms = data->d_buf;
            for (size_t i = 1; i < nsym; i++) {
                const Elf32_Sym *s = &syms[i];
                unsigned type = ELF32_ST_TYPE(s->st_info);
                if (s->st_name == 0 || type == STT_SECTION || type == STT_FILE)
                    continue;
                const char *name = elf_strptr(ld->elf, sh->sh_link, s->st_name);
                if (!name)
                    return fail(ld, OUTRIDER_ERR_ELF, "bad symbol name: %s", elf_errmsg(-1));
                size_t len = strlen(name) + 1;
                if (pass == 1) {
                    memcpy(img->names + off, name, len);
                    img->syms[k].name = img->names + off;
                    img->syms[k].value = s->st_value;
                    img->syms[k].global = ELF32_ST_BIND(s->st_info) != STB_LOCAL;
                }
                k++;
                off += len;
            }
        }
        if (pass == 0) {
            count = k;
            names_len = off;
            if (count == 0)
                return OUTRIDER_OK;
            img->syms = calloc(count, sizeof *img->syms);
            img->names = malloc(names_len);
            if (!img->syms || !img->names)
                return fail(ld, OUTRIDER_ERR_NOMEM, "out of memory for symbols");
        }
    }
    img->nsyms = count;
    qsort(img->syms, count, sizeof *img->syms, cmp_sym);
    return OUTRIDER_OK;
}

static int load_all(loader *ld, wb_mem *mem, uint32_t reset_pc, elf_image *img)
{
    struct stat st;
    if (fstat(ld->fd, &st) != 0)
        return fail(ld, OUTRIDER_ERR_FILE, "cannot stat: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fail(ld, OUTRIDER_ERR_FILE, "not a regular file");
    ld->fsize = (uint64_t)st.st_size;
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(ld, OUTRIDER_ERR_ELF, "libelf initialisation failed: %s", elf_errmsg(-1));
    ld->elf = elf_begin(ld->fd, ELF_C_READ, NULL);
    if (!ld->elf)
        return fail(ld, OUTRIDER_ERR_ELF, "not an ELF file (%s)", elf_errmsg(-1));

    Elf32_Ehdr *eh = NULL;
    int rc = check_header(ld, reset_pc, &eh);
    if (rc != OUTRIDER_OK)
        return rc;
    Elf32_Phdr *ph = elf32_getphdr(ld->elf);
    if (!ph)
        return fail(ld, OUTRIDER_ERR_ELF, "bad program headers: %s", elf_errmsg(-1));
    size_t nph = eh->e_phnum;
    rc = check_segments(ld, ph, nph, mem);
    if (rc == OUTRIDER_OK)
        rc = read_symbols(ld, img);
    if (rc == OUTRIDER_OK)
        rc = load_segments(ld, ph, nph, mem);
    if (rc == OUTRIDER_OK) {
        img->entry = eh->e_entry;
        note_code(ph, nph, img);
    }
    return rc;
}

int elf_load(const char *path, wb_mem *mem, uint32_t reset_pc, elf_image *img,
             char *err, size_t errlen)
{
    loader ld = { .path = path ? path : "(null)", .fd = -1, .err = err, .errlen = errlen };
    memset(img, 0, sizeof *img);
    if (err && errlen)
        err[0] = '\0';
    if (!path || !*path)
        return fail(&ld, OUTRIDER_ERR_ARG, "no program file given");
    ld.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (ld.fd < 0)
        return fail(&ld, OUTRIDER_ERR_FILE, "cannot open: %s", strerror(errno));
    int rc = load_all(&ld, mem, reset_pc, img);
    if (ld.elf)
        elf_end(ld.elf);
    close(ld.fd);
    if (rc != OUTRIDER_OK)
        elf_image_free(img);
    return rc;
}

int elf_image_lookup(const elf_image *img, const char *name, uint32_t *value)
{
    if (!img || !name)
        return -1;
    /* Binary search for the first entry with this name (global sorts first). */
    size_t lo = 0, hi = img->nsyms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(img->syms[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < img->nsyms && strcmp(img->syms[lo].name, name) == 0) {
        if (value)
            *value = img->syms[lo].value;
        return 0;
    }
    return -1;
}

int elf_image_is_code(const elf_image *img, uint32_t addr)
{
    for (size_t i = 0; img && i < img->ncode; i++)
        if (addr >= img->code[i].lo && addr < img->code[i].hi)
            return 1;
    return 0;
}

const char *elf_image_symbolize(const elf_image *img, uint32_t addr, uint32_t *offset)
{
    const elf_sym *best = NULL;
    for (size_t i = 0; img && i < img->nsyms; i++) {
        const elf_sym *s = &img->syms[i];
        if (s->value > addr || s->name[0] == '$' || strncmp(s->name, ".L", 2) == 0)
            continue;   /* mapping symbols ($x, $d) and local labels name no place */
        if (!best || s->value > best->value || (s->value == best->value && s->global && !best->global))
            best = s;
    }
    if (!best)
        return NULL;
    if (offset)
        *offset = addr - best->value;
    return best->name;
}

void elf_image_free(elf_image *img)
{
    if (!img)
        return;
    free(img->syms);
    free(img->names);
    memset(img, 0, sizeof *img);
}
