// SPDX-License-Identifier: Apache-2.0
/*
 * wb_mem.h - the RAM behind the SoC: a byte array, a Wishbone B4 pipelined
 * slave on the data port and the block-RAM-like instruction port.
 *
 * Per simulated cycle the caller does, in this order:
 *   wb_mem_drive(mem, &in)     - values the slave drives in this cycle:
 *                                ack/err/dat of a request due now, stall,
 *                                and imem rdata/err for last cycle's fetch;
 *   (the caller evaluates the model with these inputs)
 *   wb_mem_sample(mem, &req)   - the master's outputs of this cycle: a
 *                                Wishbone request and an instruction fetch;
 *                                ends the cycle.
 *
 * Wishbone data port (B4 pipelined, 32-bit, byte addresses, sel = byte
 * enables, CTI/BTE burst tags):
 *  - A beat is accepted in a cycle where cyc && stb && !stall. It is
 *    performed at acceptance (a write updates RAM at once; a read takes the
 *    data at once) and answered with ack (or err when [adr & ~3, +4) is not
 *    inside RAM; a write to such an address changes nothing, a read returns
 *    0). Answers come in order, one per cycle at most.
 *  - An ACCESS is a single beat (CTI 3'b000 classic, or 3'b111) or a burst:
 *    beats with CTI 3'b010 (incrementing) or 3'b001 (constant address)
 *    followed by one with CTI 3'b111 (end of burst). BTE is ignored (the
 *    address of every beat is used as given).
 *  - Latency is per access, like a DRAM page: the first beat of an access
 *    is answered 1 + latency cycles after its acceptance (at the earliest),
 *    every further beat of the same access one cycle after the previous
 *    answer (at the earliest one cycle after its own acceptance). So a
 *    single beat takes 1 + latency cycles and an 8-beat burst presented
 *    back to back 8 + latency.
 *  - In flight: accesses whose first beat is accepted and whose last beat
 *    is not answered yet. The first beat of a new access is stalled while
 *    (accesses in flight after this cycle's answer) >= outstanding; the
 *    remaining beats of an open burst are never stalled. With latency 0
 *    and outstanding 1 the port takes a single-beat access every cycle.
 *  - cyc low in a cycle aborts every request still in flight (B4 rule): no
 *    answers come for them (their reads/writes already happened); they are
 *    counted in wb_mem_aborted().
 *  - dat_i is only meaningful with ack; it reads 0 otherwise.
 *
 * Instruction ports (WB_MEM_IPORTS of them, one per issue lane of the
 * core), each on its own: when req[i] is high in cycle N, cycle N+1 gets on
 * port i the word at (addr[i] & ~3) of RAM as seen at the end of cycle N
 * (after any Wishbone write accepted in cycle N), with err when it is not
 * inside RAM (rdata 0). When req[i] is low port i's previous rdata/err are
 * held.
 *
 * What it does not do: caching, MMIO (the SoC decodes those), alignment
 * checks (the SoC only issues aligned words).
 */
#ifndef WB_MEM_H
#define WB_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct wb_mem wb_mem;

/* instruction ports: one per issue lane (the SoC's NumCtx) */
#define WB_MEM_IPORTS 2

typedef struct {
    /* Wishbone master outputs */
    bool     cyc, stb, we;
    uint32_t adr;
    uint8_t  sel;
    uint8_t  cti;        /* 0 classic, 1 constant, 2 incrementing, 7 end of burst */
    uint32_t dat;
    /* instruction fetch, per port */
    bool     imem_req[WB_MEM_IPORTS];
    uint32_t imem_addr[WB_MEM_IPORTS];
} wb_mem_req;

typedef struct {
    /* Wishbone slave outputs */
    bool     ack, err, stall;
    uint32_t dat;
    /* instruction ports */
    uint32_t imem_rdata[WB_MEM_IPORTS];
    bool     imem_err[WB_MEM_IPORTS];
} wb_mem_resp;

/* base: first byte address of RAM; size: bytes (a non-zero multiple of 4,
 * base + size <= 2^32); latency: extra cycles per access; outstanding:
 * accesses in flight, >= 1.
 * RAM is zeroed. NULL on bad arguments or out of memory. */
wb_mem *wb_mem_create(uint32_t base, uint32_t size, uint32_t latency, uint32_t outstanding);
void    wb_mem_destroy(wb_mem *mem);

/* What wb_mem_sample saw on the data port in this cycle. */
typedef enum {
    WB_MEM_IDLE = 0,     /* no beat accepted */
    WB_MEM_BEAT,         /* a further beat of an open burst was accepted */
    WB_MEM_ACCESS        /* the first (or only) beat of an access was accepted */
} wb_mem_event;

void         wb_mem_drive(wb_mem *mem, wb_mem_resp *out);
wb_mem_event wb_mem_sample(wb_mem *mem, const wb_mem_req *req);

/* Backdoor access (no bus timing). 0 on success, -1 if [addr, addr+len)
 * is not inside RAM. */
int      wb_mem_read(const wb_mem *mem, uint32_t addr, void *buf, size_t len);
int      wb_mem_write(wb_mem *mem, uint32_t addr, const void *buf, size_t len);
bool     wb_mem_contains(const wb_mem *mem, uint32_t addr, uint64_t len);
uint8_t *wb_mem_bytes(wb_mem *mem);     /* RAM byte 0 = address base */
uint32_t wb_mem_base(const wb_mem *mem);
uint32_t wb_mem_size(const wb_mem *mem);

/* Counters: accepted read and write beats, read and write accesses (a
 * burst counts once), aborted beats. */
uint64_t wb_mem_reads(const wb_mem *mem);
uint64_t wb_mem_writes(const wb_mem *mem);
uint64_t wb_mem_read_accesses(const wb_mem *mem);
uint64_t wb_mem_write_accesses(const wb_mem *mem);
uint64_t wb_mem_aborted(const wb_mem *mem);

#endif
