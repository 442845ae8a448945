/* SPDX-License-Identifier: MIT */
/*
 * A simulated machine for the host-core unit tests: guest memory in a
 * buffer (guest EA = offset), a timebase the test advances by hand, a
 * captured console, and a record of magic-page visibility changes.
 */
#ifndef TEST_HOST_FIXTURE_H
#define TEST_HOST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>

#define FX_MEM_SIZE	0x10000
#define FX_CODE		0x2000		/* where fx_exec places instructions */
#define FX_HOSTDEV	0x40000000	/* guest-physical address of the MMIO device */
#define FX_PVR		0x004e1200
#define FX_ID		3

struct host_fixture {
	struct ppcpv_vcpu vcpu;
	uint8_t shared[4096] __attribute__((aligned(4096)));
	uint8_t mem[FX_MEM_SIZE];
	uint64_t tb;
	char console[512];
	size_t console_len;
	int visible_changes;
	int visible;
};

extern struct host_fixture fx;
extern const struct ppcpv_host_ops fx_ops;

/* Fresh vCPU in `mode`, guest big-endian (or not), at FX_CODE in 64-bit
 * supervisor mode with the given MSR. */
void fx_init(enum ppcpv_pv_mode mode, int guest_le);
/* The same with the BookE family, in its reset MSR (32-bit, big-endian). */
void fx_init_booke(enum ppcpv_pv_mode mode);
void fx_set_msr(uint64_t msr);

/* Put an instruction at pc (guest byte order) and take the program
 * interrupt it would cause with the given SRR1 reason. */
enum ppcpv_run_action fx_exec_reason(uint32_t insn, uint64_t reason);
/* ... with the "privileged instruction" reason. */
enum ppcpv_run_action fx_exec(uint32_t insn);
/* BookE: the program interrupt (ESR[PPR]) of insn at pc; any interrupt. */
enum ppcpv_run_action fx_booke_exec(uint32_t insn);
enum ppcpv_run_action fx_booke_trap(unsigned int ivor, uint64_t esr, uint64_t dear);
/* A system call trap (pc already past the sc). */
enum ppcpv_run_action fx_sc(void);

/* The magic page's EA for a 64-bit guest (-4096). */
#define MAGIC_EA64	0xfffffffffffff000ULL

/* MAP_MAGIC_PAGE at MAGIC_EA64 as a guest makes it; asserts success. */
void fx_map_magic_page(void);
/* Any Book3S trap. */
enum ppcpv_run_action fx_trap(uint32_t vector, uint64_t srr1, uint64_t dar, uint32_t dsisr);
/* Prepare an entry (delivers interrupts) and return it. */
struct ppcpv_entry fx_enter(void);

uint64_t fx_shared64(unsigned int off);
uint32_t fx_shared32(unsigned int off);
void fx_set_shared64(unsigned int off, uint64_t v);
/* A shared-page field as raw bytes in memory, big-endian. */
uint64_t fx_shared_raw_be64(unsigned int off);

/* Encoders for test instructions not in ppcpv/ppc_insn.h. */
uint32_t fx_x(unsigned int xo, unsigned int rt, unsigned int ra, unsigned int rb);
uint32_t fx_mtmsrd(unsigned int rs, int l);
uint32_t fx_mtmsr(unsigned int rs, int l);
uint32_t fx_mfmsr(unsigned int rt);
#define FX_RFID		0x4c000024u
#define FX_RFI		0x4c000064u

#endif /* TEST_HOST_FIXTURE_H */
