/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/stats.h - per-kind trap counters of the host stub, and their
 * one-line JSON form ("HOST-STATS: {...}" at guest exit).
 */
#ifndef PPCPV_HOST_STATS_H
#define PPCPV_HOST_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Emulated privileged instructions, by kind. */
enum ppcpv_emul_kind {
	PPCPV_EMUL_KIND_MFMSR = 0,
	PPCPV_EMUL_KIND_MTMSR,
	PPCPV_EMUL_KIND_MTMSRD,
	PPCPV_EMUL_KIND_MTMSRD_L1,
	PPCPV_EMUL_KIND_WRTEE,
	PPCPV_EMUL_KIND_MFSPR,
	PPCPV_EMUL_KIND_MTSPR,
	PPCPV_EMUL_KIND_RFID,
	PPCPV_EMUL_KIND_RFI,
	PPCPV_EMUL_KIND_TLBSYNC,
	PPCPV_EMUL_KIND_TLB_INVALIDATE,	/* tlbie, tlbiel, tlbia, slbie, slbia */
	PPCPV_EMUL_KIND_MFSR,		/* mfsr, mfsrin */
	PPCPV_EMUL_KIND_MTSR,		/* mtsr, mtsrin */
	PPCPV_EMUL_KIND_MMU,		/* slb*, tlbie(l), tlbwe/tlbre/tlbsx against a modelled guest MMU */
	PPCPV_EMUL_KIND_COUNT
};

/* Hypercalls, by token. */
enum ppcpv_hcall_kind {
	PPCPV_HCALL_KIND_FEATURES = 0,
	PPCPV_HCALL_KIND_MAP_MAGIC_PAGE,
	PPCPV_HCALL_KIND_EV_IDLE,
	PPCPV_HCALL_KIND_BYTE_CHANNEL_SEND,
	PPCPV_HCALL_KIND_UNKNOWN,
	PPCPV_HCALL_KIND_COUNT
};

/* PAPR hypercalls (`sc 1` of a guest with a shadowed MMU), by opcode. */
enum ppcpv_papr_kind {
	PPCPV_PAPR_KIND_H_ENTER = 0,
	PPCPV_PAPR_KIND_H_REMOVE,
	PPCPV_PAPR_KIND_H_BULK_REMOVE,
	PPCPV_PAPR_KIND_H_PROTECT,
	PPCPV_PAPR_KIND_H_READ,
	PPCPV_PAPR_KIND_H_CLEAR_REF,
	PPCPV_PAPR_KIND_H_CLEAR_MOD,
	PPCPV_PAPR_KIND_H_PUT_TERM_CHAR,
	PPCPV_PAPR_KIND_H_GET_TERM_CHAR,
	PPCPV_PAPR_KIND_H_CEDE,
	PPCPV_PAPR_KIND_H_SET_MODE,
	PPCPV_PAPR_KIND_H_REGISTER_VPA,
	PPCPV_PAPR_KIND_H_GET_CPU_CHARACTERISTICS,
	PPCPV_PAPR_KIND_H_CPPR,
	PPCPV_PAPR_KIND_H_EOI,
	PPCPV_PAPR_KIND_H_IPI,
	PPCPV_PAPR_KIND_H_IPOLL,
	PPCPV_PAPR_KIND_H_XIRR,
	PPCPV_PAPR_KIND_H_RTAS,
	PPCPV_PAPR_KIND_UNKNOWN,	/* answered H_FUNCTION */
	PPCPV_PAPR_KIND_COUNT
};

struct ppcpv_host_stats {
	uint64_t exits;				/* every trap out of the guest */
	uint64_t emul[PPCPV_EMUL_KIND_COUNT];
	uint64_t hcall[PPCPV_HCALL_KIND_COUNT];
	uint64_t program_reflected;		/* unknown or user-mode privileged */
	uint64_t syscall_reflected;		/* sc that is not a hypercall */
	uint64_t dsi_reflected;
	uint64_t isi_reflected;
	uint64_t other_reflected;		/* alignment, FP unavailable, ... */
	uint64_t dec_real;			/* real DEC interrupts taken in the guest */
	uint64_t dec_injected;
	uint64_t dec_deferred;			/* times a pending DEC was held back */
	uint64_t ext_injected;
	uint64_t ext_deferred;			/* times an external was held back */
	uint64_t host_external;			/* real external interrupts (ignored) */
	uint64_t mmio_reads;
	uint64_t mmio_writes;
	uint64_t idle;				/* EV_IDLE waits */
	/* A shadowed guest MMU: host faults the host served from the guest's
	 * translations, those that went back to the guest as its own
	 * DSI/ISI/segment interrupt, and the PAPR hypercalls. */
	uint64_t shadow_faults;
	uint64_t guest_faults;
	uint64_t papr[PPCPV_PAPR_KIND_COUNT];
};

/* Total of the PAPR hypercall counters. */
uint64_t ppcpv_stats_papr(const struct ppcpv_host_stats *s);

/* Total of the emulation counters. */
uint64_t ppcpv_stats_emulated(const struct ppcpv_host_stats *s);

/*
 * One-line flat JSON object of every counter, NUL-terminated, into buf.
 * Returns the length, or -PPCPV_ERR_NOSPACE if it did not fit.
 */
int ppcpv_stats_json(const struct ppcpv_host_stats *s, char *buf, size_t size);

#endif /* PPCPV_HOST_STATS_H */
