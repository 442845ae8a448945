// SPDX-License-Identifier: MIT
/* The e500 guest's BookE checks, built for the 440 (no e500 instructions):
 * the same privileged life, with PV off (see check.sh).  The 440 has no
 * tlbivax (it invalidates by rewriting an entry): the CPU's
 * illegal-instruction interrupt goes back to the guest. */
#include <ppcpv/isa/insn.h>
#define UNEMULATED_INSN	PPC_ENC_X(PPC_X_TLBIVAX, 0, 0, 0)
#define UNEMULATED_NAME	"tlbivax (the 440 has none)"
#define UNEMULATED_ESR	PPC_BOOKE_ESR_PIL	/* an illegal instruction there */
#define UNEMULATED_ESR_NAME "ESR[PIL]"
#include "../e500/t_booke.c"
