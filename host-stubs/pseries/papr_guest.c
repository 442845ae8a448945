// SPDX-License-Identifier: MIT
/*
 * The guest's PAPR hypercalls (host config mmu = "shadow").
 *
 * QEMU answers every `sc 1` itself, and at MSR[PR]=1 - where the guest
 * always runs - with H_PRIVILEGE: the host never sees one.  So before the
 * guest starts, the host rewrites each `sc 1` word of the guest image
 * (guest-physical 0 .. guest-image-size, from ppcpv-hostcfg, and the
 * guest's RTAS blob when the config names one) into `sc 0` and keeps the
 * sites.  A system call from guest supervisor state at a
 * kept site, with r0 other than ppcpv's own "KVM!", is then a PAPR
 * hypercall: opcode r3, arguments r4..r11, status back in r3.  The host
 * does it here rather than ppcpv-hostcfg in the file, because the host is
 * the one that must know the sites: the image on disk stays as built, the
 * list is printed at boot, and the words are put back when the guest
 * stops.  (A data word that happens to equal `sc 1` in the image would be
 * rewritten too: the printed list shows it.)
 */
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/papr.h>
#include <ppcpv/host/rtas.h>
#include <ppcpv/host/stats.h>
#include "pseries.h"

/* Hypercall sites kept (pSeries Linux has 9, in its plpar_hcall*). */
#define SC1_SITES_MAX		64
#define SC1_WORD		PPC_INST_SC_LEV(1)
#define SC0_WORD		PPC_INST_SC
/* H_PUT_TERM_CHAR: at most 16 bytes, 8 in each of r6 and r7. */
#define TERM_CHARS_MAX		16
#define BYTES_PER_GPR		8

static struct {
	const struct machine *machine;
	uint8_t *ram;
	unsigned int count;
	uint64_t gpa[SC1_SITES_MAX];
	uint8_t big_endian[SC1_SITES_MAX];	/* the order the word was found in */
	unsigned int skipped;	/* sites beyond SC1_SITES_MAX: left as they were */
} sites;

/* Keep one site and rewrite its word in the order it was found in. */
static void keep_site(uint64_t gpa, int big_endian)
{
	if (sites.count == SC1_SITES_MAX) {
		sites.skipped++;
		return;
	}
	ppc_store_insn(sites.ram + gpa, SC0_WORD, big_endian);
	sites.gpa[sites.count] = gpa;
	sites.big_endian[sites.count++] = (uint8_t)big_endian;
}

/*
 * Either byte order: a bi-endian guest (Linux little-endian enters
 * big-endian, and calls its RTAS blob big-endian) has code in both, and
 * no word reads as `sc 1` both ways.
 */
static void scan(uint64_t base, uint64_t size)
{
	uint64_t off, end = base + (size & ~UINT64_C(3));

	for (off = base; off < end; off += 4) {
		if (ppc_load_insn(sites.ram + off, 1) == SC1_WORD)
			keep_site(off, 1);
		else if (ppc_load_insn(sites.ram + off, 0) == SC1_WORD)
			keep_site(off, 0);
	}
}

void papr_sites_patch(const struct machine *m)
{
	unsigned int i;

	sites.machine = m;
	sites.ram = (uint8_t *)(uintptr_t)m->cfg.guest_base;
	scan(0, m->cfg.image_size);
	if (m->cfg.rtas_size)
		scan(m->cfg.rtas_base, m->cfg.rtas_size);
	host_printf("host: sc 1 -> sc 0 at %u sites in 0x%llx bytes of image%s%s", sites.count,
		    (unsigned long long)(m->cfg.image_size & ~UINT64_C(3)),
		    m->cfg.rtas_size ? " and the RTAS blob" : "", sites.count ? ":" : "");
	for (i = 0; i < sites.count; i++)
		host_printf(" 0x%llx", (unsigned long long)sites.gpa[i]);
	host_printf("\n");
	if (sites.skipped)
		host_printf("host: warning: %u more sc 1 words left as they were\n", sites.skipped);
}

void papr_sites_restore(void)
{
	unsigned int i;

	for (i = 0; i < sites.count; i++)
		ppc_store_insn(sites.ram + sites.gpa[i], SC1_WORD, sites.big_endian[i]);
	sites.count = 0;
}

static int is_site(uint64_t gpa)
{
	unsigned int i;

	for (i = 0; i < sites.count; i++)
		if (sites.gpa[i] == gpa)
			return 1;
	return 0;
}

int papr_sites_count(void)
{
	return (int)sites.count;
}

int papr_is_hcall(const struct ppcpv_vcpu *v)
{
	uint64_t gpa;

	if (!sites.count || !ppcpv_vcpu_supervisor(v) || (uint32_t)v->regs.gpr[0] == v->hcall_r0)
		return 0;
	return !shadow_fetch_gpa(NULL, v, ppcpv_vcpu_ea(v, v->regs.pc - 4), &gpa) && is_site(gpa);
}

static enum ppcpv_papr_kind kind_of(uint64_t opcode)
{
	switch (opcode) {
	case H_ENTER: return PPCPV_PAPR_KIND_H_ENTER;
	case H_REMOVE: return PPCPV_PAPR_KIND_H_REMOVE;
	case H_BULK_REMOVE: return PPCPV_PAPR_KIND_H_BULK_REMOVE;
	case H_PROTECT: return PPCPV_PAPR_KIND_H_PROTECT;
	case H_READ: return PPCPV_PAPR_KIND_H_READ;
	case H_CLEAR_REF: return PPCPV_PAPR_KIND_H_CLEAR_REF;
	case H_CLEAR_MOD: return PPCPV_PAPR_KIND_H_CLEAR_MOD;
	case H_PUT_TERM_CHAR: return PPCPV_PAPR_KIND_H_PUT_TERM_CHAR;
	case H_GET_TERM_CHAR: return PPCPV_PAPR_KIND_H_GET_TERM_CHAR;
	case H_CEDE: return PPCPV_PAPR_KIND_H_CEDE;
	case H_SET_MODE: return PPCPV_PAPR_KIND_H_SET_MODE;
	case H_REGISTER_VPA: return PPCPV_PAPR_KIND_H_REGISTER_VPA;
	case H_GET_CPU_CHARACTERISTICS: return PPCPV_PAPR_KIND_H_GET_CPU_CHARACTERISTICS;
	case H_CPPR: return PPCPV_PAPR_KIND_H_CPPR;
	case H_EOI: return PPCPV_PAPR_KIND_H_EOI;
	case H_IPI: return PPCPV_PAPR_KIND_H_IPI;
	case H_IPOLL: return PPCPV_PAPR_KIND_H_IPOLL;
	case H_XIRR: case H_XIRR_X: return PPCPV_PAPR_KIND_H_XIRR;
	case PPCPV_H_RTAS: return PPCPV_PAPR_KIND_H_RTAS;
	default: return PPCPV_PAPR_KIND_UNKNOWN;
	}
}

/* r4 vty (any: there is one console), r5 count, r6..r7 the bytes. */
static long put_term_char(const struct ppcpv_vcpu *v)
{
	char bytes[TERM_CHARS_MAX];
	uint64_t count = v->regs.gpr[5], i;

	if (count > TERM_CHARS_MAX)
		return H_PARAMETER;
	for (i = 0; i < count; i++)
		bytes[i] = (char)(uint8_t)(v->regs.gpr[6 + i / BYTES_PER_GPR] >>
					   (8 * (BYTES_PER_GPR - 1 - i % BYTES_PER_GPR)));
	if (count)
		console_write(bytes, (size_t)count);
	return H_SUCCESS;
}

/* The first few unknown hypercalls are named on the console: a kernel
 * that needs one shows which. */
#define UNKNOWN_HCALLS_LOGGED	16

static void unknown_hcall(uint64_t opcode)
{
	static unsigned int logged;

	if (logged < UNKNOWN_HCALLS_LOGGED && ++logged)
		host_printf("host: hypercall 0x%llx unknown: H_FUNCTION\n", (unsigned long long)opcode);
}

enum ppcpv_run_action papr_hcall(struct ppcpv_vcpu *v)
{
	uint64_t opcode = v->regs.gpr[3];
	struct ppcpv_hcall_args a;
	enum ppcpv_run_action action = PPCPV_RUN_RESUME;
	unsigned int i;
	long status;

	v->stats.papr[kind_of(opcode)]++;
	for (i = 0; i < sizeof(a.gpr) / sizeof(a.gpr[0]); i++)
		a.gpr[i] = v->regs.gpr[4 + i];
	if (shadow_hcall(opcode, &a, &status)) {
		for (i = 0; i < sizeof(a.gpr) / sizeof(a.gpr[0]); i++)
			v->regs.gpr[4 + i] = a.gpr[i];
	} else if (opcode == H_PUT_TERM_CHAR) {
		status = put_term_char(v);
	} else if (opcode == H_GET_TERM_CHAR) {
		/* Nothing to read: no input is connected. */
		v->regs.gpr[4] = v->regs.gpr[5] = v->regs.gpr[6] = 0;
		status = H_SUCCESS;
	} else if (papr_lpar_hcall(v, sites.machine, opcode, &status, &action)) {
		/* served */
	} else if (opcode == H_CEDE) {
		/* PAPR: the caller sleeps with MSR[EE] set until an interrupt. */
		ppcpv_vcpu_set_msr(v, ppcpv_vcpu_msr(v) | PPC_MSR_EE);
		v->halted = 1;
		action = PPCPV_RUN_IDLE;
		status = H_SUCCESS;
	} else {
		unknown_hcall(opcode);
		status = H_FUNCTION;
	}
	v->regs.gpr[3] = (uint64_t)status;
	return action;
}
