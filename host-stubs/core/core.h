/* SPDX-License-Identifier: MIT */
/*
 * Internal to host-stubs/core: how the core's files call each other.  The
 * public interface is ppcpv/host/{vcpu,trap,shared,stats}.h.
 */
#ifndef PPCPV_HOST_CORE_H
#define PPCPV_HOST_CORE_H

#include <stdint.h>
#include <ppcpv/host/vcpu.h>

/* ---- Instruction emulation (emulate.c, emulate_spr.c) ------------------- */

enum emul_result {
	EMUL_NEXT = 0,		/* done: continue at pc + 4 */
	EMUL_JUMPED,		/* done: pc already set (rfid, rfi) */
	EMUL_UNKNOWN,		/* not emulated: reflect a program interrupt */
};

enum emul_result ppcpv_emulate(struct ppcpv_vcpu *v, uint32_t insn);
int ppcpv_emulate_mfspr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t *val);
int ppcpv_emulate_mtspr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t val);

/* The instruction word at a guest EA, in the guest's byte order. */
int ppcpv_fetch_insn(struct ppcpv_vcpu *v, uint64_t ea, uint32_t *insn);

/* ---- Hypercalls (hcall.c) ------------------------------------------------ */

/* Is the `sc` that just trapped a PV hypercall? */
int ppcpv_sc_is_hcall(const struct ppcpv_vcpu *v);
/* Serve it: r3 = status, r4 = second result.  RESUME or IDLE. */
int ppcpv_hcall_dispatch(struct ppcpv_vcpu *v);

/* ---- Interrupt delivery into the guest (irq.c) --------------------------- */

/* Enter the guest's vector: srr0/srr1 into the shared page, the interrupt
 * MSR, pc = vector.  cause = the SRR1 cause bits. */
void ppcpv_irq_inject(struct ppcpv_vcpu *v, uint32_t vector, uint64_t cause);
void ppcpv_irq_program(struct ppcpv_vcpu *v, uint64_t reason);
void ppcpv_irq_dsi(struct ppcpv_vcpu *v, uint64_t dar, uint32_t dsisr);
void ppcpv_irq_isi(struct ppcpv_vcpu *v, uint64_t cause);
/* Is the guest inside a PV critical section (magic page mapped, guest
 * supervisor, shared critical == r1 at the guest's width)? */
int ppcpv_irq_in_critical_section(const struct ppcpv_vcpu *v);
/* Deliver a pending DEC/external if MSR[EE] and no critical section;
 * returns 1 when something stays held back.  Maintains int_pending. */
int ppcpv_irq_deliver_pending(struct ppcpv_vcpu *v);

/* ---- Virtual decrementer (dec.c) ---------------------------------------- */

void ppcpv_dec_reset(struct ppcpv_vcpu *v);
void ppcpv_dec_write(struct ppcpv_vcpu *v, uint32_t value);
uint32_t ppcpv_dec_read(const struct ppcpv_vcpu *v);
/* Raise PPCPV_IRQ_DEC if the DEC went negative since it was armed. */
void ppcpv_dec_update(struct ppcpv_vcpu *v);
/* Ticks until the real DEC should next interrupt the guest. */
uint64_t ppcpv_dec_host_ticks(const struct ppcpv_vcpu *v, int held_back);

/* ---- MMIO device (mmio.c, hostdev.c) ------------------------------------ */

/* Is guest-physical address gpa inside the device page? */
int ppcpv_hostdev_contains(const struct ppcpv_vcpu *v, uint64_t gpa);
/* Emulate the load/store at pc that faulted on the device at ea: 0 and pc
 * advanced, or a negative error (the caller reflects a DSI). */
int ppcpv_mmio_emulate(struct ppcpv_vcpu *v, uint64_t ea);
int ppcpv_hostdev_read(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t *val);
int ppcpv_hostdev_write(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t val);

#endif /* PPCPV_HOST_CORE_H */
