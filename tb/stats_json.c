/* stats_json.c - outrider_stats -> JSON (contract in stats_json.h). */
#include "stats_json.h"

#include <inttypes.h>

int stats_json_write(const outrider_stats *st, FILE *out)
{
    fprintf(out, "{\"cycles\":%" PRIu64 ",\"exit_code\":%d,\"threads\":[",
            st->cycles, st->exit_code);
    for (unsigned c = 0; c < st->num_ctx && c < OUTRIDER_MAX_CTX; c++)
        fprintf(out, "%s{\"retired\":%" PRIu64 ",\"cycles_active\":%" PRIu64 "}",
                c ? "," : "", st->ctx[c].retired, st->ctx[c].cycles_active);
    fprintf(out, "],\"wishbone\":{\"reads\":%" PRIu64 ",\"writes\":%" PRIu64 "}}\n",
            st->wb_reads, st->wb_writes);
    return (fflush(out) == 0 && !ferror(out)) ? 0 : -1;
}
