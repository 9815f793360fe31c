// SPDX-License-Identifier: Apache-2.0
/*
 * fsm.c - a state machine: a tokenizer over 768 bytes of generated source
 * text (identifiers, decimal numbers, operators, spaces, '#' comments up to
 * the end of the line), counting tokens and accumulating their values.
 *
 * Timed: K_REPS passes over the text, pass r starting at byte r*97 mod 768
 * and wrapping around; the kernel is a switch on the state with range tests
 * on the character. Per pass, the counts (identifiers, numbers, operators,
 * comments, comment bytes), the identifier hash, the sum of the numbers
 * and the sum of the operator bytes are folded into the checksum.
 * Reference: the same passes with a table-driven machine (a character-class
 * table, next-state and action tables), after a known-answer check on a
 * fixed line.
 * Data per copy: the 768-byte text (+ the reference's 256-byte class table).
 */
#include "compute.h"

#define K_NAME       "fsm"
#define K_REPS_FULL  40u
#define K_REPS_SMALL 2u
#define TEXT         768u

typedef struct kdata {
    char text[TEXT];
} kdata;

typedef struct {
    uint32_t ids, idhash, nums, numsum, ops, opsum, comments, clen;
} tok_counts;

static void k_setup(kdata *d)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz_0123456789        \n\n+-*/=;()#";
    uint32_t seed = 0xF5A17u;
    for (uint32_t i = 0; i < TEXT; i++)
        d->text[i] = alphabet[c_rand(&seed) % (sizeof alphabet - 1)];
}

static uint32_t fold_counts(uint32_t acc, const tok_counts *t)
{
    acc = c_fold(acc, t->ids);
    acc = c_fold(acc, t->idhash);
    acc = c_fold(acc, t->nums);
    acc = c_fold(acc, t->numsum);
    acc = c_fold(acc, t->ops);
    acc = c_fold(acc, t->opsum);
    acc = c_fold(acc, t->comments);
    return c_fold(acc, t->clen);
}

/* ---- the timed machine: switch on the state ---- */
enum { ST_SPACE, ST_IDENT, ST_NUMBER, ST_COMMENT };

static inline int is_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static inline int is_digit(uint32_t c)  { return c >= '0' && c <= '9'; }

static void tokenize(const char *text, uint32_t start, tok_counts *t)
{
    int st = ST_SPACE;
    uint32_t h = 0, n = 0;
    *t = (tok_counts){ 0 };
    uint32_t pos = start;
    for (uint32_t k = 0; k < TEXT; k++) {
        uint32_t c = (uint8_t)text[pos];
        pos = pos + 1 == TEXT ? 0 : pos + 1;
        switch (st) {
        case ST_IDENT:
            if (is_letter(c) || is_digit(c)) {
                h = h * 31u + c;
                continue;
            }
            t->ids++;
            t->idhash = c_fold(t->idhash, h);
            break;
        case ST_NUMBER:
            if (is_digit(c)) {
                n = n * 10u + (c - '0');
                continue;
            }
            t->nums++;
            t->numsum += n;
            break;
        case ST_COMMENT:
            if (c == '\n') {
                t->comments++;
                st = ST_SPACE;
            } else {
                t->clen++;
            }
            continue;
        default:
            break;
        }
        /* between tokens (or the character that ended one) */
        if (is_letter(c)) {
            st = ST_IDENT;
            h = c;
        } else if (is_digit(c)) {
            st = ST_NUMBER;
            n = c - '0';
        } else if (c == '#') {
            st = ST_COMMENT;
        } else if (c == ' ' || c == '\n') {
            st = ST_SPACE;
        } else {
            st = ST_SPACE;
            t->ops++;
            t->opsum += c;
        }
    }
    if (st == ST_IDENT) {
        t->ids++;
        t->idhash = c_fold(t->idhash, h);
    } else if (st == ST_NUMBER) {
        t->nums++;
        t->numsum += n;
    } else if (st == ST_COMMENT) {
        t->comments++;
    }
}

static __attribute__((noinline)) uint32_t k_run(kdata *d, uint32_t reps)
{
    uint32_t acc = 0;
    tok_counts t;
    for (uint32_t r = 0; r < reps; r++) {
        tokenize(d->text, (r * 97u) % TEXT, &t);
        acc = fold_counts(acc, &t);
    }
    return acc;
}

/* ---- the reference: table-driven ---- */
enum { CL_LETTER, CL_DIGIT, CL_BLANK, CL_NEWLINE, CL_OP, CL_HASH, CL_N };
enum {
    A_START_ID = 1, A_CONT_ID = 2, A_EMIT_ID = 4, A_START_NUM = 8, A_CONT_NUM = 16,
    A_EMIT_NUM = 32, A_OP = 64, A_CM_BYTE = 128, A_END_CM = 256
};
/* state x class -> next state, action bits */
static const uint8_t ref_next[4][CL_N] = {
    /* space   */ { ST_IDENT, ST_NUMBER, ST_SPACE, ST_SPACE, ST_SPACE, ST_COMMENT },
    /* ident   */ { ST_IDENT, ST_IDENT, ST_SPACE, ST_SPACE, ST_SPACE, ST_COMMENT },
    /* number  */ { ST_IDENT, ST_NUMBER, ST_SPACE, ST_SPACE, ST_SPACE, ST_COMMENT },
    /* comment */ { ST_COMMENT, ST_COMMENT, ST_COMMENT, ST_SPACE, ST_COMMENT, ST_COMMENT },
};
static const uint16_t ref_act[4][CL_N] = {
    { A_START_ID, A_START_NUM, 0, 0, A_OP, 0 },
    { A_CONT_ID, A_CONT_ID, A_EMIT_ID, A_EMIT_ID, A_EMIT_ID | A_OP, A_EMIT_ID },
    { A_EMIT_NUM | A_START_ID, A_CONT_NUM, A_EMIT_NUM, A_EMIT_NUM, A_EMIT_NUM | A_OP, A_EMIT_NUM },
    { A_CM_BYTE, A_CM_BYTE, A_CM_BYTE, A_END_CM, A_CM_BYTE, A_CM_BYTE },
};

static void ref_tokenize(const uint8_t *cls, const char *text, uint32_t len, uint32_t start,
                         tok_counts *t)
{
    int st = ST_SPACE;
    uint32_t h = 0, n = 0;
    *t = (tok_counts){ 0 };
    for (uint32_t k = 0; k < len; k++) {
        uint32_t c = (uint8_t)text[(start + k) % len];
        unsigned cl = cls[c], a = ref_act[st][cl];
        if (a & A_EMIT_ID) { t->ids++; t->idhash = c_fold(t->idhash, h); }
        if (a & A_EMIT_NUM) { t->nums++; t->numsum += n; }
        if (a & A_START_ID) h = c;
        if (a & A_CONT_ID) h = h * 31u + c;
        if (a & A_START_NUM) n = c - '0';
        if (a & A_CONT_NUM) n = n * 10u + (c - '0');
        if (a & A_OP) { t->ops++; t->opsum += c; }
        if (a & A_CM_BYTE) t->clen++;
        if (a & A_END_CM) t->comments++;
        st = ref_next[st][cl];
    }
    if (st == ST_IDENT) { t->ids++; t->idhash = c_fold(t->idhash, h); }
    if (st == ST_NUMBER) { t->nums++; t->numsum += n; }
    if (st == ST_COMMENT) t->comments++;
}

static uint32_t k_ref(kdata *d, uint32_t reps)
{
    static uint8_t cls[256];
    for (unsigned c = 0; c < 256; c++) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
            cls[c] = CL_LETTER;
        else if (c >= '0' && c <= '9')
            cls[c] = CL_DIGIT;
        else if (c == ' ')
            cls[c] = CL_BLANK;
        else if (c == '\n')
            cls[c] = CL_NEWLINE;
        else if (c == '#')
            cls[c] = CL_HASH;
        else
            cls[c] = CL_OP;
    }
    /* known answer: identifiers x1, y, z; the number 42; operators = + ;
     * one comment of two bytes (" c") */
    static const char line[] = "x1 = 42 + y;# c\nz";
    tok_counts t;
    ref_tokenize(cls, line, sizeof line - 1, 0, &t);
    if (t.ids != 3 || t.nums != 1 || t.numsum != 42 || t.ops != 3 ||
        t.opsum != '=' + '+' + ';' || t.comments != 1 || t.clen != 2)
        return 0;
    uint32_t acc = 0;
    for (uint32_t r = 0; r < reps; r++) {
        ref_tokenize(cls, d->text, TEXT, (r * 97u) % TEXT, &t);
        acc = fold_counts(acc, &t);
    }
    return acc;
}

#include "compute_main.h"
