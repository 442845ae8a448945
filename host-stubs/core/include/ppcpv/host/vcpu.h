/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/vcpu.h - the family-neutral core of the host stub: one
 * virtual CPU running a guest kernel at MSR[PR]=1, as KVM PR does.
 *
 * The shared ("magic") page is kept in the guest's byte order and is the
 * only copy of the registers it shadows (the MSR, and the SPRs of
 * ppcpv/shared-spr.h).  Everything the core needs from the machine goes
 * through what the platform supplies - guest memory as a window in the
 * config, the timebase, the console and mapping the magic page as ops -
 * and everything that depends on the CPU family through the config's arch
 * (ppcpv/host/arch.h), so the same code runs under CUnit and bare metal,
 * for Book3S and BookE.
 */
#ifndef PPCPV_HOST_VCPU_H
#define PPCPV_HOST_VCPU_H

#include <ppcpv/abi.h>

#ifndef __ASSEMBLER__
#include <ppcpv/pvinfo.h>
#include <stddef.h>
#include <stdint.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/host/arch.h>
#include <ppcpv/host/stats.h>

/* ---- Guest registers (a platform's assembly saves into them: pseries
 * takes their offsets from host-stubs/pseries/asm-offsets.c) ---- */

struct ppcpv_regs {
	uint64_t gpr[32];
	uint64_t pc;
	uint64_t cr;
	uint64_t lr;
	uint64_t ctr;
	uint64_t xer;
};

/* What the host offers the guest. */
enum ppcpv_pv_mode {
	PPCPV_MODE_PV = 0,	/* hypercalls and the magic page */
	PPCPV_MODE_NO_PV,	/* hypercalls, but no magic-page feature: all traps */
	PPCPV_MODE_NONE,	/* no hypercalls: every sc is the guest's own */
	PPCPV_MODE_COUNT
};

/*
 * Faults a host can be told to have, so that tests can show a guest
 * surviving a broken host: MAP_MAGIC_PAGE refused, or a magic page the
 * guest sees that is not the one the host uses (the self-test must notice).
 */
enum ppcpv_host_fault {
	PPCPV_FAULT_NONE = 0,
	PPCPV_FAULT_MAP_FAILS,
	PPCPV_FAULT_STALE_MAGIC_PAGE,
	PPCPV_FAULT_ABSENT_MAGIC_PAGE,	/* MAP succeeds, the page never appears */
	PPCPV_FAULT_COUNT
};

/* "No MMIO device" for ppcpv_vcpu_config.hostdev_base. */
#define PPCPV_HOSTDEV_NONE	UINT64_MAX

struct ppcpv_vcpu_config {
	const struct ppcpv_arch *arch;	/* the CPU family (required) */
	enum ppcpv_pv_mode mode;
	uint32_t features;	/* FEATURES r4; the magic-page bit only in PV mode */
	uint32_t id;		/* PIR */
	uint32_t pvr;		/* what mfspr PVR returns */
	int guest_le;		/* the guest is little-endian (code, shared page) */
	int cpu_64bit;		/* a 64-bit CPU: interrupts enter the family's 64-bit
				 * mode (a 32-bit guest's CPU keeps it off) */
	uint64_t hostdev_base;	/* guest-physical page of the MMIO device */
	enum ppcpv_host_fault fault;	/* a deliberate defect (tests) */
	/* Guest memory as the host sees it: guest-physical 0 .. ram_size at
	 * ram.  Instructions are fetched from here (guest EA = guest-physical:
	 * the guest's own translations are not modelled); ram_size 0: none. */
	const uint8_t *ram;
	uint64_t ram_size;
};

struct ppcpv_vcpu;

/* The platform's side.  Every pointer is required but the last three. */
struct ppcpv_host_ops {
	/* The timebase now. */
	uint64_t (*timebase)(void *ctx);
	/* Guest console output. */
	void (*console_write)(void *ctx, const char *buf, size_t len);
	/* The magic page became visible (1) or hidden (0) at vcpu->magic.ea. */
	void (*magic_visible)(void *ctx, const struct ppcpv_vcpu *vcpu, int visible);
	/* Optional, for a platform that models the guest's MMU: the guest
	 * real address of the instruction at ea (0, or nonzero: no
	 * translation), and the guest's MMU instructions (Book3S: slbmte,
	 * slbie, slbia, slbmfee, slbmfev, slbfee., tlbie, tlbiel; BookE:
	 * tlbwe, tlbre, tlbsx, tlbivax, and an mfspr/mtspr of an SPR the
	 * family does not hold, e.g. the 440's MMUCR).  NULL:
	 * guest EA = guest-physical, and the family treats them as before. */
	int (*fetch_gpa)(void *ctx, const struct ppcpv_vcpu *vcpu, uint64_t ea, uint64_t *gpa);
	enum ppcpv_emul_result (*mmu_insn)(void *ctx, struct ppcpv_vcpu *vcpu, uint32_t insn);
	/* Optional: the MMIO device's platform registers
	 * (PPCPV_HOSTDEV_PLATFORM_FIRST.._END, ppcpv/host/hostdev.h), a
	 * read (write = 0: *val out) or a write (*val in).  0, or a negative
	 * -PPCPV_ERR_* (the guest gets a DSI).  NULL: there are none. */
	int (*hostdev_platform)(void *ctx, struct ppcpv_vcpu *vcpu, uint64_t offset,
				unsigned int size, int write, uint64_t *val);
};

/* Interrupts the host can hold pending for the guest. */
#define PPCPV_IRQ_DEC		(1u << 0)
#define PPCPV_IRQ_EXTERNAL	(1u << 1)

struct ppcpv_magic_state {
	uint64_t ea;		/* page EA the guest asked for (MAP r4 & ~0xfff) */
	uint64_t pa;		/* guest-physical address (MAP r3) */
	int mapped;		/* MAP succeeded */
	int nx_honoured;	/* MAP had NOT_MAPPED_NX: kernel NX stays on */
	int visible;		/* currently mapped for the guest (mapped && !PR) */
};

/* The guest's decrementer, derived from the timebase; what its value means
 * and when it interrupts is the family's (ppcpv_dec_arm()). */
struct ppcpv_vdec {
	uint64_t base_tb;	/* timebase at the last write */
	uint32_t base_value;	/* value written */
	uint64_t wake_tb;	/* its next event (ppcpv_arch.dec_event); UINT64_MAX: none */
};

struct ppcpv_vcpu {
	struct ppcpv_regs regs;		/* first: the platform's assembly uses it */
	uint8_t *shared;		/* the magic page, PPCPV_MAGIC_PAGE_SIZE bytes */
	int shared_be;			/* byte order of the shared page */
	int intr_le;			/* interrupts enter little-endian: 0 or 1 */
	struct kvm_ppc_pvinfo pvinfo;	/* what this host hands out (KVM_PPC_GET_PVINFO) */
	uint32_t hcall_r0;		/* the r0 its hypercall sequence loads */
	struct ppcpv_vcpu_config cfg;
	/* The family, copied from cfg.arch: every exit reads it several
	 * times, and one load is cheaper than two. */
	struct ppcpv_arch arch;
	struct ppcpv_magic_state magic;
	struct ppcpv_vdec dec;
	uint64_t arch_sprs[PPCPV_ARCH_SPRS];	/* the family's own registers */
	uint32_t pending;		/* PPCPV_IRQ_* */
	int irq_held;			/* a pending interrupt is being held back */
	int halted;			/* in EV_IDLE */
	int exit_requested;
	int exit_status;
	const char *fatal;		/* why the host must stop, or NULL */
	struct ppcpv_host_stats stats;
	const struct ppcpv_host_ops *ops;
	void *ctx;
};

/*
 * Set up a vCPU: zeroed state, the shared page cleared and filled (PIR) in
 * the guest's byte order, guest MSR = the family's reset MSR (supervisor,
 * translation and EE off).  shared must be a 4 KiB page, cfg->arch set.
 * 0 or -PPCPV_ERR_INVAL.
 */
int ppcpv_vcpu_init(struct ppcpv_vcpu *v, uint8_t *shared, const struct ppcpv_vcpu_config *cfg,
		    const struct ppcpv_host_ops *ops, void *ctx);

/*
 * Point the vCPU at its entry as ePAPR describes: pc = entry, r3 = device
 * tree (guest-physical), r6 = ePAPR magic, r7 = size of the initially
 * mapped area, guest MSR = msr.
 */
void ppcpv_vcpu_boot(struct ppcpv_vcpu *v, uint64_t entry, uint64_t fdt,
		     uint64_t mapped_size, uint64_t msr);

/*
 * Map the magic page at ea, guest-physical pa, its fields in the given byte
 * order: what MAP_MAGIC_PAGE does, and what a host does before the guest's
 * first instruction for a guest patched before boot (whose patched code
 * reads the page from the start).
 */
void ppcpv_magic_page_map(struct ppcpv_vcpu *v, uint64_t ea, uint64_t pa, int nx_honoured,
			  int big_endian);

/* The ePAPR boot magic in r6. */
#define PPCPV_EPAPR_MAGIC	0x45504150

/* ---- The shared page and the guest MSR --------------------------------- */

/*
 * Shared-page fields (offsets PPCPV_SHARED_* of ppcpv/abi.h) are stored in
 * the page's byte order, the guest's; the accessors convert.  They and the
 * MSR helpers below are inline because every exit reads the guest MSR
 * several times and it lives only in the shared page (the guest changes it
 * with plain stores), so no copy can be kept.  Fields are naturally
 * aligned; __builtin_memcpy keeps the access legal C and compiles to one
 * load or store.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define PPCPV_HOST_BIG_ENDIAN	1
#else
#define PPCPV_HOST_BIG_ENDIAN	0
#endif

/* A 64-bit value as the shared page holds it, from the host's order or
 * back (the same swap either way). */
static inline uint64_t ppcpv_shared_order64(const struct ppcpv_vcpu *v, uint64_t val)
{
	return v->shared_be == PPCPV_HOST_BIG_ENDIAN ? val : __builtin_bswap64(val);
}

static inline uint64_t ppcpv_shared_get64(const struct ppcpv_vcpu *v, unsigned int off)
{
	uint64_t val;

	__builtin_memcpy(&val, v->shared + off, 8);
	return v->shared_be == PPCPV_HOST_BIG_ENDIAN ? val : __builtin_bswap64(val);
}

static inline uint32_t ppcpv_shared_get32(const struct ppcpv_vcpu *v, unsigned int off)
{
	uint32_t val;

	__builtin_memcpy(&val, v->shared + off, 4);
	return v->shared_be == PPCPV_HOST_BIG_ENDIAN ? val : __builtin_bswap32(val);
}

static inline void ppcpv_shared_set64(struct ppcpv_vcpu *v, unsigned int off, uint64_t val)
{
	if (v->shared_be != PPCPV_HOST_BIG_ENDIAN)
		val = __builtin_bswap64(val);
	__builtin_memcpy(v->shared + off, &val, 8);
}

static inline void ppcpv_shared_set32(struct ppcpv_vcpu *v, unsigned int off, uint32_t val)
{
	if (v->shared_be != PPCPV_HOST_BIG_ENDIAN)
		val = __builtin_bswap32(val);
	__builtin_memcpy(v->shared + off, &val, 4);
}

/* Guest MSR (from the shared page). */
static inline uint64_t ppcpv_vcpu_msr(const struct ppcpv_vcpu *v)
{
	return ppcpv_shared_get64(v, PPCPV_SHARED_MSR);
}

/* Is the guest in supervisor state? */
static inline int ppcpv_vcpu_supervisor(const struct ppcpv_vcpu *v)
{
	return !(ppcpv_vcpu_msr(v) & PPC_MSR_PR);
}

/* Is the guest running 64-bit (the family's 64-bit mode bit)? */
static inline int ppcpv_vcpu_64bit(const struct ppcpv_vcpu *v)
{
	return !!(ppcpv_vcpu_msr(v) & v->arch.msr_64bit);
}

/* An effective address truncated to the guest's current width. */
static inline uint64_t ppcpv_vcpu_ea(const struct ppcpv_vcpu *v, uint64_t ea)
{
	return ppcpv_vcpu_64bit(v) ? ea : (uint32_t)ea;
}

/* Are the guest's instructions little-endian? */
static inline int ppcpv_vcpu_code_le(const struct ppcpv_vcpu *v)
{
	return !!(ppcpv_vcpu_msr(v) & v->arch.msr_little_endian);
}

/* Record the magic page's visibility and tell the platform if it changed. */
static inline void ppcpv_vcpu_show_magic(struct ppcpv_vcpu *v, int visible)
{
	if (visible == v->magic.visible)
		return;
	v->magic.visible = visible;
	v->ops->magic_visible(v->ctx, v, visible);
}

/* Recompute magic-page visibility (mapped and guest supervisor) and tell
 * the platform if it changed. */
static inline void ppcpv_vcpu_sync_magic(struct ppcpv_vcpu *v)
{
	ppcpv_vcpu_show_magic(v, v->magic.mapped && ppcpv_vcpu_supervisor(v));
}

/* Store a guest MSR the family's rules have already shaped: the magic page
 * follows PR.  (The arch's set_msr ends here.) */
static inline void ppcpv_vcpu_store_msr(struct ppcpv_vcpu *v, uint64_t msr)
{
	ppcpv_shared_set64(v, PPCPV_SHARED_MSR, msr);
	ppcpv_vcpu_show_magic(v, v->magic.mapped && !(msr & PPC_MSR_PR));
}

/* Write the guest MSR as the guest's own MSR writes would (the family's
 * rules: which bits stick, which PR forces). */
static inline void ppcpv_vcpu_set_msr(struct ppcpv_vcpu *v, uint64_t msr)
{
	v->arch.set_msr(v, msr);
}

/* The real MSR to run the guest with: the family's always-on bits plus the
 * guest's own mode and facility bits. */
static inline uint64_t ppcpv_vcpu_real_msr(const struct ppcpv_vcpu *v)
{
	return v->arch.msr_run | (ppcpv_vcpu_msr(v) & v->arch.msr_passthrough);
}

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_HOST_VCPU_H */
