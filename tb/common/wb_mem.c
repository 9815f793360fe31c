// SPDX-License-Identifier: Apache-2.0
/* wb_mem.c - RAM + Wishbone B4 pipelined slave (with bursts) + instruction
 * port (contract in wb_mem.h). */
#include "wb_mem.h"

#include <stdlib.h>
#include <string.h>

#define WB_CTI_CONST 1u
#define WB_CTI_INCR  2u
#define FIFO_INIT    16u

typedef struct {
    uint64_t due;    /* cycle in which the answer is driven */
    uint32_t dat;
    bool     err;
    bool     last;   /* last beat of its access */
} wb_pending;

struct wb_mem {
    uint8_t    *ram;
    uint32_t    base, size;
    uint32_t    latency, outstanding;
    uint64_t    now;            /* current cycle (advanced by wb_mem_sample) */
    bool        stall;          /* stall driven in the current cycle */
    bool        in_burst;       /* a burst is open: its next beat continues it */
    uint32_t    accesses;       /* accesses in flight */
    uint64_t    last_due;       /* answer cycle of the newest accepted beat */
    wb_pending *fifo;           /* beats in flight, oldest at head (ring, grows) */
    uint32_t    cap, head, count;
    uint32_t    imem_rdata[WB_MEM_IPORTS];
    bool        imem_err[WB_MEM_IPORTS];
    uint64_t    reads, writes, read_acc, write_acc, aborted;
};

static uint32_t load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

bool wb_mem_contains(const wb_mem *mem, uint32_t addr, uint64_t len)
{
    uint64_t lo = mem->base, hi = (uint64_t)mem->base + mem->size;
    return addr >= lo && (uint64_t)addr + len <= hi;
}

wb_mem *wb_mem_create(uint32_t base, uint32_t size, uint32_t latency, uint32_t outstanding)
{
    if (size == 0 || size % 4 != 0 || base % 4 != 0 ||
        (uint64_t)base + size > ((uint64_t)1 << 32) || outstanding == 0)
        return NULL;
    wb_mem *mem = calloc(1, sizeof *mem);
    if (!mem)
        return NULL;
    mem->ram = calloc(size, 1);
    mem->fifo = calloc(FIFO_INIT, sizeof *mem->fifo);
    if (!mem->ram || !mem->fifo) {
        wb_mem_destroy(mem);
        return NULL;
    }
    mem->base = base;
    mem->size = size;
    mem->latency = latency;
    mem->outstanding = outstanding;
    mem->cap = FIFO_INIT;
    return mem;
}

void wb_mem_destroy(wb_mem *mem)
{
    if (!mem)
        return;
    free(mem->ram);
    free(mem->fifo);
    free(mem);
}

void wb_mem_drive(wb_mem *mem, wb_mem_resp *out)
{
    out->ack = false;
    out->err = false;
    out->dat = 0;
    if (mem->count > 0 && mem->fifo[mem->head].due == mem->now) {
        const wb_pending *p = &mem->fifo[mem->head];
        out->ack = !p->err;
        out->err = p->err;
        out->dat = p->err ? 0 : p->dat;
        if (p->last)
            mem->accesses--;
        mem->head = (mem->head + 1) % mem->cap;
        mem->count--;
    }
    mem->stall = !mem->in_burst && mem->accesses >= mem->outstanding;
    out->stall = mem->stall;
    for (unsigned i = 0; i < WB_MEM_IPORTS; i++) {
        out->imem_rdata[i] = mem->imem_rdata[i];
        out->imem_err[i] = mem->imem_err[i];
    }
}

/* Room for one more beat in flight; false if out of memory. */
static bool fifo_reserve(wb_mem *mem)
{
    if (mem->count < mem->cap)
        return true;
    uint32_t ncap = mem->cap * 2;
    wb_pending *n = calloc(ncap, sizeof *n);
    if (!n)
        return false;
    for (uint32_t i = 0; i < mem->count; i++)
        n[i] = mem->fifo[(mem->head + i) % mem->cap];
    free(mem->fifo);
    mem->fifo = n;
    mem->cap = ncap;
    mem->head = 0;
    return true;
}

static wb_mem_event accept(wb_mem *mem, const wb_mem_req *req)
{
    uint32_t addr = req->adr & ~3u;
    bool first = !mem->in_burst;
    bool more = req->cti == WB_CTI_INCR || req->cti == WB_CTI_CONST;
    uint64_t due = first ? mem->now + 1 + mem->latency : mem->now + 1;
    if (mem->count > 0 && due <= mem->last_due)
        due = mem->last_due + 1;
    wb_pending p = { .due = due, .dat = 0, .err = false, .last = !more };
    if (!wb_mem_contains(mem, addr, 4)) {
        p.err = true;
    } else {
        uint8_t *w = mem->ram + (addr - mem->base);
        if (req->we) {
            for (unsigned b = 0; b < 4; b++)
                if (req->sel & (1u << b))
                    w[b] = (uint8_t)(req->dat >> (8 * b));
        } else {
            p.dat = load_le32(w);
        }
    }
    if (req->we) {
        mem->writes++;
        mem->write_acc += first;
    } else {
        mem->reads++;
        mem->read_acc += first;
    }
    if (first)
        mem->accesses++;
    mem->in_burst = more;
    if (!fifo_reserve(mem))
        abort();   /* out of memory for a handful of bytes: nothing sensible left */
    mem->fifo[(mem->head + mem->count) % mem->cap] = p;
    mem->count++;
    mem->last_due = due;
    return first ? WB_MEM_ACCESS : WB_MEM_BEAT;
}

wb_mem_event wb_mem_sample(wb_mem *mem, const wb_mem_req *req)
{
    wb_mem_event ev = WB_MEM_IDLE;
    if (!req->cyc) {
        mem->aborted += mem->count;
        mem->count = 0;
        mem->accesses = 0;
        mem->in_burst = false;
    } else if (req->stb && !mem->stall) {
        ev = accept(mem, req);
    }
    for (unsigned i = 0; i < WB_MEM_IPORTS; i++) {
        if (!req->imem_req[i])
            continue;
        uint32_t addr = req->imem_addr[i] & ~3u;
        if (wb_mem_contains(mem, addr, 4)) {
            mem->imem_rdata[i] = load_le32(mem->ram + (addr - mem->base));
            mem->imem_err[i] = false;
        } else {
            mem->imem_rdata[i] = 0;
            mem->imem_err[i] = true;
        }
    }
    mem->now++;
    return ev;
}

int wb_mem_read(const wb_mem *mem, uint32_t addr, void *buf, size_t len)
{
    if (!wb_mem_contains(mem, addr, len))
        return -1;
    if (len)
        memcpy(buf, mem->ram + (addr - mem->base), len);
    return 0;
}

int wb_mem_write(wb_mem *mem, uint32_t addr, const void *buf, size_t len)
{
    if (!wb_mem_contains(mem, addr, len))
        return -1;
    if (len)
        memcpy(mem->ram + (addr - mem->base), buf, len);
    return 0;
}

uint8_t *wb_mem_bytes(wb_mem *mem) { return mem->ram; }
uint32_t wb_mem_base(const wb_mem *mem) { return mem->base; }
uint32_t wb_mem_size(const wb_mem *mem) { return mem->size; }
uint64_t wb_mem_reads(const wb_mem *mem) { return mem->reads; }
uint64_t wb_mem_writes(const wb_mem *mem) { return mem->writes; }
uint64_t wb_mem_read_accesses(const wb_mem *mem) { return mem->read_acc; }
uint64_t wb_mem_write_accesses(const wb_mem *mem) { return mem->write_acc; }
uint64_t wb_mem_aborted(const wb_mem *mem) { return mem->aborted; }
