// SPDX-License-Identifier: MIT
/*
 * t_sweep: the e500 host's interrupt-placement sweep (host config
 * irq-sweep; Documentation/differential.rst), proven on hand-built
 * stretches of code before any differential guest uses it.
 *
 * For each stretch the guest arms a reference run (SWEEP_AT "never"),
 * whose SWEEP_END must be the stretch's instruction count - the host's
 * single step counts every instruction that completes, in the guest or
 * (trapped and emulated) in the host - and then one placement per
 * boundary k = 0..N: the host raises the decrementer exactly there and
 * the PV rules decide when it is delivered through IVOR10.  Per placement
 * the guest checks: its handler ran exactly once, never while the shared
 * page's critical == the interrupted r1, int_pending read 0 once the
 * handler had acknowledged TSR[DIS], and the stretch computed what the
 * reference did.  The host's verdicts (HOST-SWEEP) are the check script's.
 *
 * Stretches (a few ordinary instructions and the trapping ones the sweep
 * must count as one boundary each):
 *   plain     EE off at entry: mfmsr, wrteei 1, a trapping mtspr, wrtee
 *             (EE off again), mtmsr (EE on): held, delivered, held again
 *   critical  pv only, EE on: marks a critical section by hand as the
 *             trampolines do (stores r1 to the shared page's critical
 *             field, a trapping mtspr inside, clears it): every placement
 *             inside is held until the clearing store completes
 */
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/hcall.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/hostdev.h>
#include "t_guest.h"

#define MAGIC_EA	0xfffff000u
/* The low word of a 64-bit shared-page field (the page is big-endian). */
#define MAGIC_LOW_EA(off)	(MAGIC_EA + (off) + 4)
#define MAGIC32(off)	(*(volatile uint32_t *)(uintptr_t)(MAGIC_EA + (off)))

#define STR(x)	#x
#define XSTR(x)	STR(x)

/* The stretches: FROM is the first word, TO the blr (where they end). */
extern const uint32_t sweep_plain_from[], sweep_plain_to[];
extern const uint32_t sweep_critical_from[], sweep_critical_to[];
uint32_t sweep_plain(uint32_t x);
uint32_t sweep_critical(uint32_t x, uint32_t critical_low_ea);

__asm__(
	"	.text\n"
	"	.globl	sweep_plain, sweep_plain_from, sweep_plain_to\n"
	"sweep_plain:\n"
	"sweep_plain_from:\n"
	"	addi	4, 3, 1\n"
	"	mfmsr	5\n"			/* EE off: kept in r5 */
	"	wrteei	1\n"
	"	mtspr	" XSTR(PPC_SPR_SPRG1) ", 4\n"
	"	wrtee	5\n"			/* EE off again */
	"	addi	6, 4, 2\n"
	"	ori	5, 5, " XSTR(PPC_MSR_EE) "\n"
	"	mtmsr	5\n"			/* EE on */
	"	xor	3, 6, 4\n"
	"sweep_plain_to:\n"
	"	blr\n"
	"	.globl	sweep_critical, sweep_critical_from, sweep_critical_to\n"
	"sweep_critical:\n"
	"sweep_critical_from:\n"
	"	addi	5, 3, 3\n"
	"	stw	1, 0(4)\n"		/* enter: critical = r1 */
	"	addi	6, 5, 1\n"
	"	mtspr	" XSTR(PPC_SPR_SPRG1) ", 6\n"	/* traps inside it */
	"	add	7, 6, 5\n"
	"	li	0, 0\n"
	"	stw	0, 0(4)\n"		/* leave */
	"	xor	3, 7, 3\n"
	"sweep_critical_to:\n"
	"	blr\n");

static volatile uint8_t *hostdev;
static int pv;

static volatile unsigned int dec_count, in_critical, int_pending_after;

static void on_dec(struct guest_frame *f)
{
	dec_count++;
	if (pv && MAGIC32(PPCPV_SHARED_CRITICAL + 4) == f->gpr[1])
		in_critical++;
	MTSPR(PPC_BOOKE_SPR_TSR, PPC_BOOKE_TSR_DIS);
	if (pv && MAGIC32(PPCPV_SHARED_INT_PENDING) != 0)
		int_pending_after++;
}

static void sweep_reg32(unsigned int offset, uint32_t val)
{
	*(volatile uint32_t *)(hostdev + offset) = val;
}

/* Arm a placement at boundary `at` of [from, to). */
static void arm(const uint32_t *from, const uint32_t *to, uint32_t at)
{
	sweep_reg32(PPCPV_HOSTDEV_SWEEP_FROM, (uint32_t)(uintptr_t)from);
	sweep_reg32(PPCPV_HOSTDEV_SWEEP_TO, (uint32_t)(uintptr_t)to);
	sweep_reg32(PPCPV_HOSTDEV_SWEEP_AT, at);
}

static uint32_t end(void)
{
	return *(volatile uint32_t *)(hostdev + PPCPV_HOSTDEV_SWEEP_END);
}

static uint32_t run(int critical, uint32_t x)
{
	if (critical) {
		wrteei(1);
		return sweep_critical(x, MAGIC_LOW_EA(PPCPV_SHARED_CRITICAL));
	}
	wrteei(0);
	return sweep_plain(x);
}

static unsigned int placements, bad;

/* The reference run, then one placement per boundary. */
static void sweep(const char *name, int critical, const uint32_t *from, const uint32_t *to)
{
	uint32_t want_n = (uint32_t)(to - from), n, k, ref, got;
	unsigned int bad_before = bad;

	dec_count = 0;
	arm(from, to, PPCPV_HOSTDEV_SWEEP_NEVER);
	ref = run(critical, 0x1234);
	n = end();
	wrteei(0);
	guest_check(n == want_n && dec_count == 0, "reference run: one boundary per instruction",
		    "%s: SWEEP_END %u, %u instructions, %u interrupts", name, n, want_n, dec_count);
	if (n != want_n)
		return;
	for (k = 0; k <= n; k++) {
		dec_count = in_critical = int_pending_after = 0;
		arm(from, to, k);
		got = run(critical, 0x1234);
		end();
		wrteei(0);
		placements++;
		if (dec_count != 1 || in_critical || int_pending_after || got != ref) {
			bad++;
			guest_printf("guest: %s: placement %u: %u interrupts, %u in the critical "
				     "section, int_pending after %u, result 0x%x (reference 0x%x)\n",
				     name, k, dec_count, in_critical, int_pending_after, got, ref);
		}
	}
	guest_check(bad == bad_before, "every placement delivered once, outside the critical section",
		    "%s: %u placements, %u bad", name, n + 1, bad - bad_before);
}

/* FEATURES; in pv mode MAP the page at MAGIC_EA.  1 if it is mapped. */
static int map_magic_page(const void *fdt, size_t fdt_size)
{
	unsigned long features = 0;
	long rc;

	guest_check(!guest_install_hcalls(fdt, fdt_size), "hcall-instructions installed", "%s", "");
	rc = ppcpv_hcall4(PPCPV_TOKEN_FEATURES, 0, 0, 0, 0, &features);
	if (rc || !(features & (1ul << PPCPV_KVM_FEATURE_MAGIC_PAGE)))
		return 0;
	rc = ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA, 0, 0, NULL);
	guest_check(rc == 0, "MAP_MAGIC_PAGE at 0xfffff000", "rc %ld", rc);
	return rc == 0;
}

int guest_test_main(const void *fdt, size_t fdt_size)
{
	uint64_t dev = 0;
	int node = ppcpv_fdt_find_compatible(fdt, fdt_size, -1, PPCPV_HOSTDEV_COMPATIBLE);

	if (node < 0 || ppcpv_fdt_get_cells(fdt, fdt_size, node, "reg", 0, 2, &dev)) {
		guest_check(0, "the host device in the tree", "%s", "none");
		return guest_failures();
	}
	hostdev = (volatile uint8_t *)(uintptr_t)dev;
	guest_set_handler(PPC_BOOKE_IVOR_DEC, on_dec);
	pv = map_magic_page(fdt, fdt_size);
	guest_printf("guest: sweeping with PV %s\n", pv ? "on" : "off");
	/* The decrementer stays at 0 (never written): only the host's raise
	 * sets TSR[DIS]; TCR[DIE] lets it interrupt. */
	MTSPR(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE);
	sweep("plain", 0, sweep_plain_from, sweep_plain_to);
	if (pv)
		sweep("critical", 1, sweep_critical_from, sweep_critical_to);
	MTSPR(PPC_BOOKE_SPR_TCR, 0);
	guest_printf("SWEEP-STRETCHES placements=%u bad=%u\n", placements, bad);
	return guest_failures();
}
