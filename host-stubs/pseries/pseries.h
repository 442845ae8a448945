/* SPDX-License-Identifier: MIT */
/*
 * Internal to the pseries host stub: the interfaces between its files.
 * Everything here runs at MSR[PR]=0 in real mode, with EE=0.
 */
#ifndef PPCPV_PSERIES_H
#define PPCPV_PSERIES_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/platform.h>
#include <ppcpv/host/vcpu.h>

/* ---- PAPR hypercalls and firmware (papr.c) ------------------------------ */

#include <ppcpv/papr.h>

/* The vty QEMU's pseries gives its first console, until its tree says. */
#define VTY_DEFAULT	0x71000000

/* Host console through H_PUT_TERM_CHAR (console_write, console_flush,
 * host_printf: ppcpv/host/platform.h), line by line. */
void console_init(uint32_t vty);

/* RTAS: power-off (QEMU exits 0) or ibm,os-term (a guest panic: QEMU exits
 * 1 with -action panic=exit-failure).  Never returns. */
void rtas_init(uint32_t power_off_token, uint32_t os_term_token);
void rtas_exit(int status) __attribute__((noreturn));

/* ---- The machine (config.c) --------------------------------------------- */

struct machine {
	/* from QEMU's device tree */
	uint64_t ram_size;
	uint64_t qemu_fdt, qemu_fdt_size;
	uint32_t vty;
	uint32_t rtas_power_off, rtas_os_term;
	unsigned int pft_shift;		/* log2 of the hash page table size */
	unsigned int slb_size;		/* ibm,slb-size: the host SLB's entries */
	uint32_t timebase_hz;
	/* from the host-config blob */
	struct ppcpv_hostcfg cfg;
};

/* Read QEMU's tree; 0 or a message saying what is missing. */
const char *machine_read_qemu_fdt(struct machine *m, const void *fdt);
/* Read and check the host-config blob at PPCPV_HOSTCFG_PA. */
const char *machine_read_host_config(struct machine *m, uint64_t image_end);

/* ---- Translation for the guest (mmu.c) ---------------------------------- */

/* Host SLB slots the flat map uses (memory, the magic page, a real-mode
 * alias of memory). */
#define MMU_FLAT_SLB_SLOTS	3

/* Set up the SLB and hash table: guest EA x -> host PA guest_base + x. */
const char *mmu_init(const struct machine *m);
/* Take the flat map out of the host SLB (the shadow runs) and put it back
 * (guest real mode again), with the magic page as last shown. */
void mmu_flat_suspend(void);
int mmu_flat_real_alias(const struct ppcpv_vcpu *v, uint64_t ea);
void mmu_flat_resume(void);
/* The page the guest is shown as its magic page (host PA). */
void mmu_set_magic_page(uint64_t pa);
/* Show or hide it at the guest's magic-page EA: the vCPU's magic_visible op. */
void mmu_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible);

/* The magic page's SLB entry in its own segment (outside segment 0), which
 * start.S's fast exits write as mmu_magic_visible() would. */
struct mmu_magic_segment {
	uint64_t slb_rs, slb_rb;	/* slbmte operands that show it */
	uint64_t slbie_rb;		/* slbie operand that hides it */
	uint64_t shown;			/* its SLB entry is wanted */
};
extern struct mmu_magic_segment mmu_magic_segment;
/* May the page at ea be shown and hidden with the SLB entry alone (its own
 * segment, its hash-table entry in place, the flat map in the SLB)? */
int mmu_magic_segment_ready(uint64_t ea);

/* ---- The guest's own MMU, shadowed (shadow.c) ---------------------------- */

#include <ppcpv/host/mmu64.h>
#include <ppcpv/host/trap.h>

/* Host config mmu = "shadow": the guest hash table, guest SLB and shadow;
 * magic_pa is the page the guest is shown.  NULL or why not. */
const char *shadow_init(const struct machine *m, uint64_t magic_pa);
int shadow_enabled(void);
/* Before every guest entry: the host SLB holds the context of its mode. */
void shadow_entry(const struct ppcpv_vcpu *v);
void shadow_magic_changed(const struct ppcpv_vcpu *v);
/* No rfid site start.S may use stays (trap_area.h): the translation or
 * the shared page's byte order changed. */
void rfid_sites_forget(void);
/* A host DSI/ISI/segment interrupt: 1 served or reflected, 0 for the core
 * (the device: e->dar becomes its guest real address), -1 fatal. */
int shadow_fault(struct ppcpv_vcpu *v, struct ppcpv_exit *e);
/* An instruction's guest-physical address through the guest's translation
 * (0, or -1: none); shadow_fetch_insn_gpa(), the core's fetch_gpa op, also
 * remembers an rfid found there for start.S's fast exits (trap_area.h). */
int shadow_fetch_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa);
int shadow_fetch_insn_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa);
/* The core's mmu_insn op. */
enum ppcpv_emul_result shadow_mmu_insn(void *ctx, struct ppcpv_vcpu *v, uint32_t insn);
/* The page frame table calls: false if opcode is none of them. */
int shadow_hcall(uint64_t opcode, struct ppcpv_hcall_args *a, long *status);

/* ---- PAPR hypercalls of the guest (papr_guest.c) -------------------------- */

/* Rewrite the guest image's `sc 1` words (QEMU would answer them itself at
 * PR=1) into `sc 0`, remembering each site; print the list. */
void papr_sites_patch(const struct machine *m);
/* papr_lpar.c: H_SET_MODE, VPA, CPU characteristics, XICS, H_RTAS.  1 if
 * opcode is one of them (*status, and *action when RTAS stops the guest). */
int papr_lpar_hcall(struct ppcpv_vcpu *v, const struct machine *m, uint64_t opcode, long *status,
		    enum ppcpv_run_action *action);
/* Put the `sc 1` words back (the guest's memory as it was loaded). */
void papr_sites_restore(void);
/* How many sites there are (0: no system call is a PAPR hypercall). */
int papr_sites_count(void);
/* Is this system call (pc just past it) a PAPR hypercall? */
int papr_is_hcall(const struct ppcpv_vcpu *v);
/* Serve it: r3 status, results in r4...  RESUME or IDLE (H_CEDE). */
enum ppcpv_run_action papr_hcall(struct ppcpv_vcpu *v);

/* ---- Entry and exit (start.S, main.c) ----------------------------------- */

/* Run the guest from its vCPU (real SPRG0) with this real MSR.  Each trap
 * saves it there and calls host_exit(), whose result enters it again. */
void guest_enter(uint64_t real_msr) __attribute__((noreturn));
uint64_t host_exit(uint32_t vector, uint64_t srr1);
void host_fatal_trap(uint64_t vector, uint64_t srr0, uint64_t srr1, uint64_t dar,
		     uint64_t dsisr) __attribute__((noreturn));
void host_main(const void *qemu_fdt) __attribute__((noreturn));

#endif /* PPCPV_PSERIES_H */
