/* SPDX-License-Identifier: MIT */
/*
 * guest.h - the tiny test-guest runtime for the host-stub tests: a 64-bit
 * big-endian guest kernel entered at guest-physical 0x100 with r3 = its
 * device tree, running (as far as it knows) in real mode at PR=0.
 *
 * Layouts are shared with the assembly (head.S, trap.S).
 */
#ifndef PPCPV_TEST_GUEST_H
#define PPCPV_TEST_GUEST_H

/* The PV ABI; MSR bits, SRR1 reasons, vectors and SPR numbers from the ISA
 * layer (instruction encoders too, for C). */
#include <ppcpv/abi.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>

#include "layout.h"

/* struct guest_frame, after the 32-byte ELFv2 header of the frame. */
#define GF_GPR(n)	((n) * 8)
#define GF_LR		256
#define GF_CTR		264
#define GF_XER		272
#define GF_CR		280
#define GF_SRR0		288
#define GF_SRR1		296
#define GF_DAR		304
#define GF_DSISR	312
#define GF_VECTOR	320
#define GF_SIZE		328
#define GF_HEADER	32
#define GF_FRAME	368	/* header + frame, 16-aligned */

/* r0 of the `sc` that ends a guest_run_user() call. */
#define USER_EXIT_R0	0x55534552	/* "USER" */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
#include <ppcpv/isa/insn.h>

struct guest_frame {
	uint64_t gpr[32];
	uint64_t lr, ctr, xer, cr;
	uint64_t srr0, srr1, dar, dsisr;
	uint64_t vector;
};

_Static_assert(sizeof(struct guest_frame) == GF_SIZE, "guest frame layout");

/* Called from head.S with the device tree; never returns. */
void guest_start(const void *fdt) __attribute__((noreturn));
/* Called from trap.S for every interrupt the host reflects. */
void guest_trap(struct guest_frame *f);

/* Each payload defines this; the return value is the exit status. */
int guest_test_main(const void *fdt, size_t fdt_size);

/* Console and exit (hostdev MMIO, or the ePAPR byte channel; natively the
 * pseries vty and RTAS, and the guest prints its own "EXIT: n"). */
void guest_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void guest_exit(int status) __attribute__((noreturn));
/* 1 when booted without a host (no host device in the device tree). */
int guest_native(void);
/* Where the console bytes go: 'm' MMIO UART, 'b' byte-channel hypercall. */
void guest_console_use(char how);

/* TAP-like results: "ok - name" / "not ok - name (detail)". */
void guest_check(int cond, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int guest_failures(void);

/* Interrupt handlers by vector; a vector without one ends the test. */
typedef void (*guest_handler)(struct guest_frame *f);
void guest_set_handler(unsigned int vector, guest_handler h);

/* Run fn at MSR[PR]=1 (its own stack) until it does sc with r0 =
 * USER_EXIT_R0; returns its r3. */
uint64_t guest_run_user(void (*fn)(void));

/* The hypervisor's hypercall words from /hypervisor, into the stub. */
int guest_install_hcalls(const void *fdt, size_t fdt_size);
/* The MMIO device page from the device tree, or 0. */
uint64_t guest_hostdev(void);
/* Does /chosen/bootargs contain word? */
int guest_bootarg_is(const char *word);

/* ---- Privileged instructions (each one traps to the host) --------------- */

static inline uint64_t mfmsr(void)
{
	uint64_t v;

	__asm__ __volatile__("mfmsr %0" : "=r"(v));
	return v;
}

static inline void mtmsrd(uint64_t v)
{
	__asm__ __volatile__("mtmsrd %0,0" : : "r"(v) : "memory");
}

static inline void mtmsrd_l1(uint64_t v)
{
	__asm__ __volatile__("mtmsrd %0,1" : : "r"(v) : "memory");
}

#define mfspr(n) ({ uint64_t v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(n)); v_; })
#define mtspr(n, v) __asm__ __volatile__("mtspr %0,%1" : : "i"(n), "r"((uint64_t)(v)) : "memory")

static inline uint64_t mftb(void)
{
	uint64_t v;

	__asm__ __volatile__("mftb %0" : "=r"(v));
	return v;
}

/* ---- The magic page (EA -4096) ---------------------------------------- */

#define MAGIC_EA	0xfffffffffffff000ull
#define MAGIC64(off)	(*(volatile uint64_t *)(uintptr_t)(MAGIC_EA + (off)))
#define MAGIC32(off)	(*(volatile uint32_t *)(uintptr_t)(MAGIC_EA + (off)))

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_TEST_GUEST_H */
