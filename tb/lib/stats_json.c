/* stats_json.c - outrider_stats -> JSON (contract in stats_json.h). */
#include "stats_json.h"

#include <inttypes.h>

static void dcache_json(const outrider_stats *st, FILE *out)
{
    const outrider_dcache_stats *d = &st->dcache;
    fputs(",\"dcache\":{\"threads\":[", out);
    for (unsigned c = 0; c < st->num_ctx && c < OUTRIDER_MAX_CTX; c++) {
        const outrider_dcache_ctx_stats *t = &d->ctx[c];
        fprintf(out,
                "%s{\"loads\":%" PRIu64 ",\"stores\":%" PRIu64 ",\"load_misses\":%" PRIu64
                ",\"store_misses\":%" PRIu64 ",\"mshr_merges\":%" PRIu64 ",\"writebacks\":%" PRIu64
                ",\"mshr_full_stall_cycles\":%" PRIu64 ",\"uncached\":%" PRIu64 "}",
                c ? "," : "", t->loads, t->stores, t->load_misses, t->store_misses,
                t->mshr_merges, t->writebacks, t->mshr_full_stall_cycles, t->uncached);
    }
    fprintf(out,
            "],\"fills\":%" PRIu64 ",\"prefetch_fills\":%" PRIu64 ",\"evictions\":%" PRIu64
            ",\"writebacks\":%" PRIu64 ",\"mshr_full_stall_cycles\":%" PRIu64
            ",\"prefetch_hints\":%" PRIu64 "}",
            d->fills, d->prefetch_fills, d->evictions, d->writebacks, d->mshr_full_stall_cycles,
            d->prefetch_hints);
}

static void preexec_json(const outrider_preexec_stats *p, FILE *out)
{
    fprintf(out,
            ",\"preexec\":{\"spawned\":%" PRIu64 ",\"refused\":%" PRIu64 ",\"cancelled\":%" PRIu64
            ",\"budget_stops\":%" PRIu64 ",\"exception_stops\":%" PRIu64 ",\"stops\":%" PRIu64
            ",\"stores_buffered\":%" PRIu64 ",\"mmio_loads_suppressed\":%" PRIu64
            ",\"instructions\":%" PRIu64 ",\"fills\":%" PRIu64 ",\"useful_fills\":%" PRIu64
            ",\"late_fills\":%" PRIu64 ",\"useless_fills\":%" PRIu64 ",\"main_loads\":%" PRIu64
            ",\"main_load_misses\":%" PRIu64 ",\"throttled_cycles\":%" PRIu64
            ",\"holds\":%" PRIu64 "}",
            p->spawned, p->refused, p->cancelled, p->budget_stops, p->exception_stops, p->stops,
            p->stores_buffered, p->mmio_loads_suppressed, p->instructions, p->fills,
            p->useful_fills, p->late_fills, p->useless_fills, p->main_loads, p->main_load_misses,
            p->throttled_cycles, p->holds);
}

int stats_json_write(const outrider_stats *st, FILE *out)
{
    fprintf(out, "{\"cycles\":%" PRIu64 ",\"exit_code\":%d,\"threads\":[",
            st->cycles, st->exit_code);
    for (unsigned c = 0; c < st->num_ctx && c < OUTRIDER_MAX_CTX; c++)
        fprintf(out, "%s{\"retired\":%" PRIu64 ",\"cycles_active\":%" PRIu64 "}",
                c ? "," : "", st->ctx[c].retired, st->ctx[c].cycles_active);
    fprintf(out,
            "],\"wishbone\":{\"reads\":%" PRIu64 ",\"writes\":%" PRIu64
            ",\"read_accesses\":%" PRIu64 ",\"write_accesses\":%" PRIu64 "}",
            st->wb_reads, st->wb_writes, st->wb_read_accesses, st->wb_write_accesses);
    dcache_json(st, out);
    preexec_json(&st->preexec, out);
    fputs("}\n", out);
    return (fflush(out) == 0 && !ferror(out)) ? 0 : -1;
}
