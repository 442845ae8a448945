/* SPDX-License-Identifier: MIT */
/*
 * harness.h - inside the differential test guest: what the harness
 * (t_diff.c) offers the interrupt-placement sweep (sweep.c), and the
 * sweep's entry points.
 */
#ifndef PPCPV_TEST_DIFF_HARNESS_H
#define PPCPV_TEST_DIFF_HARNESS_H

#include <stdint.h>
#include "../diff.h"
#include "../state.h"

/* The batch's family (the blob names it; the image's byte order must be
 * the family's).  Book3S-32 runs on the big-endian image: 64-bit code
 * that, entered with MSR[SF]=0, computes 32-bit addresses like a 32-bit
 * kernel; its programs are 32-bit instructions.  e500 runs on its own
 * 32-bit image (the e500 runtime). */
extern const struct diff_family *diff_guest_family;
/* Set the MSR the family's way (mtmsrd, or Book3S-32's mtmsr). */
void diff_set_msr(uint64_t msr);

/* ---- t_diff.c ------------------------------------------------------------ */

/*
 * Run the code at entry from the start record (seed: the memory region's
 * contents); the end record is at DIFF_OUT_ADDR afterwards, the guest back
 * at the family's entry MSR.  id names the run in an unexpected interrupt's
 * report.  Unless NULL, arm is called right before the registers are loaded
 * and the code entered, and settle once the end record is read and the
 * MSR is back, before the memory region is hashed (the sweep ends its
 * placement there, so that the host does not single-step the hash).
 */
void diff_run(int64_t id, const uint32_t *entry, const uint64_t start[DIFF_SLOTS], uint64_t seed,
	      void (*arm)(const uint32_t *entry), void (*settle)(void));
/* Blob program i: where it starts in the code area, its seed. */
uint32_t *diff_program_entry(uint32_t i);
uint64_t diff_program_seed(uint32_t i);
/* Its words as the blob holds them (big-endian, unpatched); *words: how many. */
const uint8_t *diff_program_code(uint32_t i, uint32_t *words);
/* Put "b diff_capture" at w (the end of every program): w + 1, or NULL
 * when out of reach. */
uint32_t *diff_put_return(uint32_t *w);

/* ---- sweep.c ------------------------------------------------------------- */

/* The boot arguments that turn the guest into the sweep: every boundary
 * of the built programs and the blob's, or (sample) one boundary of each
 * blob program, drawn from its seed. */
#define SWEEP_BOOTARG		"sweep"
#define SWEEP_SAMPLE_BOOTARG	"sweep-sample"

/* Build the sweep's programs and its scratch-clobbering routine at w, in
 * the text the PV component patches; the end, or NULL if past limit. */
uint32_t *sweep_build(uint32_t *w, const uint32_t *limit);
/* Sweep the programs (the built ones, then the blob's n_programs) at
 * every boundary, or sample one boundary of each blob program; pv: the
 * magic page is mapped.  The exit status. */
int sweep_main(uint32_t n_programs, int pv, int sample);

#endif /* PPCPV_TEST_DIFF_HARNESS_H */
