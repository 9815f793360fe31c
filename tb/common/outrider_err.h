// SPDX-License-Identifier: Apache-2.0
/*
 * outrider_err.h - the error codes shared by the test bench's loaders, the
 * RTL simulator library (outrider_sim.h) and the reference ISS (iss.h).
 *
 * Contract: functions that can fail return OUTRIDER_OK (0) or one of the
 * negative codes below and leave a one-line, human-readable message where
 * their header says. Nothing else lives here, so the ISS and the loaders do
 * not depend on the RTL simulator's header.
 */
#ifndef OUTRIDER_ERR_H
#define OUTRIDER_ERR_H

typedef enum {
    OUTRIDER_OK          = 0,
    OUTRIDER_ERR_ARG     = -1,   /* bad configuration or argument */
    OUTRIDER_ERR_FILE    = -2,   /* cannot open/read the ELF */
    OUTRIDER_ERR_ELF     = -3,   /* not an ELF, truncated, wrong class/machine */
    OUTRIDER_ERR_SEGMENT = -4,   /* a loadable segment lies outside RAM */
    OUTRIDER_ERR_NOMEM   = -5
} outrider_err;

#endif /* OUTRIDER_ERR_H */
