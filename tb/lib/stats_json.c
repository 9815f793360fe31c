// SPDX-License-Identifier: Apache-2.0
/* stats_json.c - outrider_stats -> JSON (contract in stats_json.h). */
#include "stats_json.h"

#include <inttypes.h>

/* A JSON string (the characters JSON requires escaped are escaped). */
static void json_str(const char *s, FILE *out)
{
    fputc('"', out);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static void json_ratio(const char *key, double v, int valid, FILE *out)
{
    if (valid)
        fprintf(out, "\"%s\":%.6f", key, v);
    else
        fprintf(out, "\"%s\":null", key);
}

static void dcache_json(const outrider_stats *st, FILE *out)
{
    const outrider_dcache_stats *d = &st->dcache;
    fputs(",\"dcache\":{\"threads\":[", out);
    for (unsigned c = 0; c < st->num_ctx && c < OUTRIDER_MAX_CTX; c++) {
        const outrider_dcache_ctx_stats *t = &d->ctx[c];
        fprintf(out,
                "%s{\"loads\":%" PRIu64 ",\"stores\":%" PRIu64 ",\"load_misses\":%" PRIu64
                ",\"store_misses\":%" PRIu64 ",\"mshr_merges\":%" PRIu64 ",\"writebacks\":%" PRIu64
                ",\"mshr_full_stall_cycles\":%" PRIu64 ",\"uncached\":%" PRIu64
                ",\"posted_stores\":%" PRIu64 "}",
                c ? "," : "", t->loads, t->stores, t->load_misses, t->store_misses,
                t->mshr_merges, t->writebacks, t->mshr_full_stall_cycles, t->uncached,
                t->posted_stores);
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
            ",\"late_fills\":%" PRIu64 ",\"useless_fills\":%" PRIu64 ",\"spared_fills\":%" PRIu64
            ",\"main_loads\":%" PRIu64
            ",\"main_load_misses\":%" PRIu64 ",\"throttled_cycles\":%" PRIu64
            ",\"holds\":%" PRIu64 ",\"ready_cycles\":%" PRIu64
            ",\"slot_lost_cycles\":%" PRIu64 ",\"no_slot_cycles\":%" PRIu64
            ",\"nb_loads\":%" PRIu64 "}",
            p->spawned, p->refused, p->cancelled, p->budget_stops, p->exception_stops, p->stops,
            p->stores_buffered, p->mmio_loads_suppressed, p->instructions, p->fills,
            p->useful_fills, p->late_fills, p->useless_fills, p->spared_fills, p->main_loads,
            p->main_load_misses,
            p->throttled_cycles, p->holds, p->ready_cycles, p->slot_lost_cycles,
            p->no_slot_cycles, p->nb_loads);
}

static void derived_json(const outrider_stats *st, FILE *out)
{
    outrider_derived d;
    outrider_stats_derive(st, &d);
    fputs(",\"derived\":{", out);
    json_ratio("coverage", d.coverage, d.coverage_valid, out);
    fputc(',', out);
    json_ratio("accuracy", d.accuracy, d.accuracy_valid, out);
    fputc(',', out);
    json_ratio("lateness", d.lateness, d.lateness_valid, out);
    fputc('}', out);
}

/* "threads", "wishbone", "dcache", "preexec", "derived" (after "cycles"). */
static void counters_json(const outrider_stats *st, FILE *out)
{
    fputs(",\"threads\":[", out);
    for (unsigned c = 0; c < st->num_ctx && c < OUTRIDER_MAX_CTX; c++)
        fprintf(out,
                "%s{\"retired\":%" PRIu64 ",\"cycles_active\":%" PRIu64
                ",\"ready_cycles\":%" PRIu64 ",\"slot_lost_cycles\":%" PRIu64
                ",\"branches\":%" PRIu64 ",\"mispredicts\":%" PRIu64 ",\"dport_lost\":%" PRIu64
                ",\"nb_loads\":%" PRIu64 ",\"issue_cycles\":%" PRIu64
                ",\"id_stall_cycles\":%" PRIu64 ",\"hold_cycles\":%" PRIu64
                ",\"frontend_cycles\":%" PRIu64 ",\"wait_cycles\":%" PRIu64 "}",
                c ? "," : "", st->ctx[c].retired, st->ctx[c].cycles_active,
                st->ctx[c].ready_cycles, st->ctx[c].slot_lost_cycles, st->ctx[c].branches,
                st->ctx[c].mispredicts, st->ctx[c].dport_lost, st->ctx[c].nb_loads,
                st->ctx[c].issue_cycles, st->ctx[c].id_stall_cycles, st->ctx[c].hold_cycles,
                st->ctx[c].frontend_cycles, st->ctx[c].wait_cycles);
    fprintf(out,
            "],\"wishbone\":{\"reads\":%" PRIu64 ",\"writes\":%" PRIu64
            ",\"read_accesses\":%" PRIu64 ",\"write_accesses\":%" PRIu64 "}",
            st->wb_reads, st->wb_writes, st->wb_read_accesses, st->wb_write_accesses);
    dcache_json(st, out);
    preexec_json(&st->preexec, out);
    derived_json(st, out);
}

static void config_json(const stats_json_info *x, FILE *out)
{
    const outrider_config *c = x->cfg;
    const model_shim_params *p = &x->params;
    fprintf(out,
            ",\"config\":{\"mem_latency\":%u,\"mem_outstanding\":%u,\"perfect_dcache\":%s"
            ",\"preexec_at_reset\":%s,\"ram_size\":%u,\"max_cycles\":%" PRIu64,
            (unsigned)c->mem_latency, (unsigned)c->mem_outstanding,
            c->perfect_dcache ? "true" : "false", c->no_preexec ? "false" : "true",
            (unsigned)c->ram_size, c->max_cycles);
    /* pexdist after reset: --pexdist, else the SoC's default (half the lines) */
    fprintf(out, ",\"pexdist_at_reset\":%u",
            c->pex_dist_set ? (unsigned)c->pex_dist
                            : (p->dcache_line ? p->dcache_bytes / p->dcache_line / 2 : 0));
    fprintf(out,
            ",\"model\":{\"NumCtx\":%u,\"PauseCycles\":%u,\"SelectPolicy\":%u"
            ",\"StoreBufEntries\":%u,\"DefaultBudget\":%u,\"DcacheBytes\":%u,\"DcacheWays\":%u"
            ",\"DcacheLine\":%u,\"DcacheMshrs\":%u,\"DcachePrefetch\":%u"
            ",\"DcachePosted\":%u,\"NbLoads\":%u,\"PexMissWait\":%u,\"PexMshrReserve\":%u}",
            p->num_ctx, p->pause_cycles, p->select_policy, p->store_buf_entries,
            p->default_budget, p->dcache_bytes, p->dcache_ways, p->dcache_line, p->dcache_mshrs,
            p->dcache_prefetch, p->dcache_posted, p->nb_loads, p->pex_miss_wait,
            p->pex_mshr_reserve);
    fputs(",\"elf\":", out);
    if (x->elf_path)
        json_str(x->elf_path, out);
    else
        fputs("null", out);
    fputs(",\"elf_sha256\":", out);
    if (x->elf_sha256 && *x->elf_sha256)
        json_str(x->elf_sha256, out);
    else
        fputs("null", out);
    fputc('}', out);
}

static void rois_json(const stats_json_info *x, FILE *out)
{
    fputs(",\"roi\":[", out);
    for (size_t i = 0; i < x->nrois; i++) {
        const outrider_roi *r = &x->rois[i];
        fprintf(out, "%s{\"begin_cycle\":%" PRIu64 ",\"ended\":%s,\"cycles\":%" PRIu64,
                i ? "," : "", r->begin_cycle, r->ended ? "true" : "false", r->stats.cycles);
        counters_json(&r->stats, out);
        fputc('}', out);
    }
    fputc(']', out);
}

int stats_json_write(const outrider_stats *st, const stats_json_info *x, FILE *out)
{
    fputs("{\"status\":", out);
    json_str(x->status, out);
    if (x->exited)
        fprintf(out, ",\"exit_code\":%d", st->exit_code);
    else
        fputs(",\"exit_code\":null", out);
    fputs(",\"version\":", out);
    json_str(x->version, out);
    fprintf(out, ",\"cycles\":%" PRIu64, st->cycles);
    counters_json(st, out);
    config_json(x, out);
    rois_json(x, out);
    fputs("}\n", out);
    return (fflush(out) == 0 && !ferror(out)) ? 0 : -1;
}
