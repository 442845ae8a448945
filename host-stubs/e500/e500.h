/* SPDX-License-Identifier: MIT */
/*
 * Internal to the e500 host stub: the interfaces between its files (the
 * 440 host, host-stubs/b440, shares main.c, start.S and config.c and
 * brings its own soc.c and mmu.c).  The
 * host runs at MSR[PR]=0 in address space 0 with EE=0; its TLB1 entries
 * map RAM at EA = PA (mmu.c).
 */
#ifndef PPCPV_E500_H
#define PPCPV_E500_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/platform.h>
#include <ppcpv/host/vcpu.h>

/* ---- The SoC's registers (soc.c): console, exit --------------------------- */

/* The platform's name for the banner ("e500", "440"). */
extern const char host_platform_name[];

/* Map CCSR (UART, GPIO, PCI controller); then the console works
 * (console_write, host_printf: ppcpv/host/platform.h). */
void soc_init(void);
/* A 16550 with byte-wide registers (both boards' consoles): polled. */
static inline void uart16550_write(volatile uint8_t *uart, const char *buf, size_t len)
{
	enum { THR = 0, LSR = 5, LSR_THRE = 0x20 };

	while (len--) {
		while (!(uart[LSR] & LSR_THRE))
			;
		uart[THR] = (uint8_t)*buf++;
	}
}
/* Status 0: GPIO power-off (QEMU exits 0); else pvpanic (QEMU exits 1 with
 * -device pvpanic-pci -action panic=exit-failure).  Never returns. */
void soc_exit(int status) __attribute__((noreturn));

/* ---- The machine (config.c) ----------------------------------------------- */

struct machine {
	uint64_t ram_size;		/* from QEMU's device tree */
	uint64_t qemu_fdt, qemu_fdt_size;
	uint32_t timebase_hz;
	struct ppcpv_hostcfg cfg;	/* from the host-config blob */
};

const char *machine_read_qemu_fdt(struct machine *m, const void *fdt);

/* ---- TLB1 (mmu.c) ---------------------------------------------------------- */

/* How guest memory is mapped, for the banner. */
extern const char host_mmu_description[];
/* A host-config setting this MMU cannot serve: why, or NULL. */
const char *mmu_check_config(const struct ppcpv_hostcfg *cfg);
/* Why this host shows the guest no magic page (mode pv is then served as
 * no-pv, as KVM's 440 host did), or NULL: it does. */
extern const char *const mmu_no_magic_page;

/* The host's own map (RAM, CCSR, the PCI window) in address space 0. */
void mmu_init_host(void);
/* Map the CCSR window (soc.c calls it first thing). */
void mmu_map_ccsr(uint64_t ccsr_pa, uint32_t ea, uint32_t bytes);
/* The PCI memory window, for pvpanic. */
void mmu_map_io(uint64_t pa, uint32_t ea, uint32_t bytes);
/* Guest memory at host PA base .., size bytes, with the MMIO device's page
 * (or PPCPV_HOSTDEV_NONE): the guest's initial TLB (its memory and the
 * device page at EA = guest-physical); NULL or why not. */
const char *mmu_map_guest(uint64_t base, uint64_t size, uint64_t hostdev);
/* Before every entry: drop the shadow if the guest's TLB or its context
 * (MSR[PR], MSR[IS], MSR[DS], PID) changed. */
void mmu_guest_entry(const struct ppcpv_vcpu *v);

/* A real TLB miss in address space 1, at ea (data: store or not), looked up
 * in the guest's TLB. */
enum tlb_miss {
	TLB_MISS_SHADOWED,	/* now in the real TLB: run the guest again */
	TLB_MISS_GUEST,		/* the guest's own miss (MAS registers set) */
	TLB_MISS_DENIED,	/* the guest's entry forbids it: a storage interrupt */
	TLB_MISS_NOT_MEMORY,	/* guest-physical *gpa is no memory (the device?) */
};
enum tlb_miss mmu_guest_tlb_miss(struct ppcpv_vcpu *v, uint32_t ea, int insn, int store,
				 uint64_t *gpa);
/* The vCPU's fetch_gpa and mmu_insn ops: through the guest's TLB. */
int mmu_fetch_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa);
enum ppcpv_emul_result mmu_tlb_insn(void *ctx, struct ppcpv_vcpu *v, uint32_t insn);

/* What the shadow did ("HOST-TLB: {...}" at exit). */
struct mmu_stats {
	uint64_t shadowed;	/* real TLB misses filled from the guest's TLB */
	uint64_t guest_misses;	/* ... the guest's TLB did not translate */
	uint64_t denied;	/* ... its entry forbade */
	uint64_t not_memory;	/* ... that went to guest-physical beyond memory */
	uint64_t flushes;	/* times the shadow was dropped */
};
const struct mmu_stats *mmu_get_stats(void);
/* The page the guest is shown as its magic page (host PA). */
void mmu_set_magic_page(uint64_t pa);
/* Show or hide it at the guest's magic-page EA: the vCPU's magic_visible op. */
void mmu_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible);

/* ---- Entry and exit (start.S, main.c) ------------------------------------- */

struct host_vector {
	int32_t ivor;		/* -1 ends the table */
	uint32_t addr;
};
extern const struct host_vector host_vector_table[];

void guest_enter(uint32_t real_msr) __attribute__((noreturn));
uint32_t host_exit(uint32_t ivor, uint32_t srr1, uint32_t esr, uint32_t dear);
void host_fatal_trap(uint32_t ivor, uint32_t srr0, uint32_t srr1, uint32_t esr,
		     uint32_t dear) __attribute__((noreturn));
void host_main(const void *qemu_fdt) __attribute__((noreturn));

/* The trap area right before the vCPU (real SPRG0 points at the vCPU). */
struct trap_area {
	uint32_t host_sp;	/* host r1 for host_exit(): the stack's top frame */
};

struct host_cpu {
	struct trap_area ta;
	struct ppcpv_vcpu vcpu;
};

#endif /* PPCPV_E500_H */
