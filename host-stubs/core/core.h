/* SPDX-License-Identifier: MIT */
/*
 * Internal to host-stubs/core: how the core's files call each other.  The
 * public interface is ppcpv/host/{vcpu,trap,shared,stats}.h.
 */
#ifndef PPCPV_HOST_CORE_H
#define PPCPV_HOST_CORE_H

#include <stdint.h>
#include <ppcpv/host/trap.h>
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

/* The instruction word at a guest EA (in the RAM window), in the guest's
 * byte order; -PPCPV_ERR_NOTFOUND outside it. */
int ppcpv_fetch_insn(struct ppcpv_vcpu *v, uint64_t ea, uint32_t *insn);

/* ---- Hypercalls (hcall.c) ------------------------------------------------ */

/* Is the `sc` that just trapped a PV hypercall?  (Inline: every system
 * call of the guest's user mode asks.) */
static inline int ppcpv_sc_is_hcall(const struct ppcpv_vcpu *v)
{
	return v->cfg.mode != PPCPV_MODE_NONE && ppcpv_vcpu_supervisor(v) &&
	       (uint32_t)v->regs.gpr[0] == v->hcall_r0;
}

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
/* Something is pending: deliver it if MSR[EE] and no critical section,
 * else hold it back; int_pending = 1 either way (levels stay pending). */
int ppcpv_irq_deliver_or_hold(struct ppcpv_vcpu *v);

/* Deliver a pending DEC/external if MSR[EE] and no critical section;
 * returns 1 when something stays held back.  Maintains int_pending.
 * (Inline: at most entries nothing is pending.) */
static inline int ppcpv_irq_deliver_pending(struct ppcpv_vcpu *v)
{
	if (v->pending)
		return ppcpv_irq_deliver_or_hold(v);
	v->irq_held = 0;
	if (ppcpv_shared_get32(v, PPCPV_SHARED_INT_PENDING))
		ppcpv_shared_set32(v, PPCPV_SHARED_INT_PENDING, 0);
	return 0;
}

/* ---- Virtual decrementer (dec.c) ---------------------------------------- */

void ppcpv_dec_reset(struct ppcpv_vcpu *v);
void ppcpv_dec_write(struct ppcpv_vcpu *v, uint32_t value);
uint32_t ppcpv_dec_read(const struct ppcpv_vcpu *v);
/* The helpers below run at every guest entry: inline, so that the entry
 * path makes no calls for them. */

/* Raise PPCPV_IRQ_DEC if the DEC went negative by timebase tb. */
static inline void ppcpv_dec_update(struct ppcpv_vcpu *v, uint64_t tb)
{
	if (tb >= v->dec.wake_tb) {
		v->dec.wake_tb = UINT64_MAX;
		v->pending |= PPCPV_IRQ_DEC;
	}
}

/* Ticks from timebase tb until the real DEC should next interrupt the guest. */
static inline uint64_t ppcpv_dec_host_ticks(const struct ppcpv_vcpu *v, int held_back, uint64_t tb)
{
	uint64_t wake = v->dec.wake_tb;

	/* A held-back interrupt may become deliverable without a trap (the
	 * guest leaves its critical section, or sets EE through the shared
	 * page), so come back and look. */
	if (held_back)
		return PPCPV_DEC_POLL_TICKS;
	if (wake <= tb)
		return 1;
	/* Not armed (UINT64_MAX) comes out as the largest value too. */
	return wake - tb > PPCPV_DEC_MAX_TICKS ? PPCPV_DEC_MAX_TICKS : wake - tb;
}

/* ---- MMIO device (mmio.c, hostdev.c) ------------------------------------ */

/* Is guest-physical address gpa inside the device page? */
int ppcpv_hostdev_contains(const struct ppcpv_vcpu *v, uint64_t gpa);
/* Emulate the load/store at pc that faulted on the device at ea: 0 and pc
 * advanced, or a negative error (the caller reflects a DSI). */
int ppcpv_mmio_emulate(struct ppcpv_vcpu *v, uint64_t ea);
int ppcpv_hostdev_read(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t *val);
int ppcpv_hostdev_write(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t val);

#endif /* PPCPV_HOST_CORE_H */
