// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ppcpv's guest component in Linux: the services ppcpv_guest_pv_init()
 * needs, taken from the kernel.  Runs as an early_initcall (before SMP
 * bring-up and before any postcore initcall), so the rest of the boot
 * already runs patched.
 *
 * The patcher decides everything on a private copy of the text and of the
 * trampoline area (the address each word runs at is the real one); the
 * copy's changes become the kernel's through patch_instruction(), the
 * trampolines before the branches to them.  So nothing of the running text
 * changes unless every step succeeded, and the kernel's own code-patching
 * rules (and its icache flushing) apply to every word.
 */
/* ppcpv's headers first: its ISA header and the kernel's ppc-opcode.h both
 * name two opcodes, which the glue takes from the kernel. */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/guest_pv.h>
#undef PPC_INST_MTMSRD
#undef PPC_INST_RFID

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/of_fdt.h>
#include <linux/libfdt.h>
#include <asm/code-patching.h>
#include <asm/epapr_hcalls.h>
#include <asm/hw_irq.h>
#include <asm/inst.h>
#include <asm/ppc-opcode.h>
#include <asm/sections.h>
#include <asm/time.h>

/* More than any 6.1 kernel has (Debian's full one: about 9 000). */
#define PPCPV_LINUX_MAX_SITES 16384
#define PPCPV_LINUX_LINE_MAX 320

extern u32 ppcpv_kvm_tmp[], ppcpv_kvm_tmp_end[];

/* A region the patcher works on (a copy) and where it really lives. */
struct shadow {
	u8 *copy;
	u32 *real;
	size_t size;
};

struct glue {
	struct shadow text, tmp;
	int write_err;		/* first patch_instruction() error, 0 if none */
	u32 *write_err_at;
};

static struct ppcpv_pv_result ppcpv_result;
static char ppcpv_line[PPCPV_LINUX_LINE_MAX];

/* The ePAPR stub has four slots; a shorter sequence is padded with nops. */
static int install_hcall(void *ctx, const uint32_t *words, size_t n)
{
	size_t i;
	int err;

	for (i = 0; i < PPCPV_HCALL_INSN_COUNT; i++) {
		err = patch_instruction(epapr_hypercall_start + i,
					ppc_inst(i < n ? words[i] : PPC_RAW_NOP()));
		if (err)
			return -PPCPV_ERR_FAULT;
	}
	epapr_paravirt_enabled = true;
	return 0;
}

static long hcall(void *ctx, unsigned long token, unsigned long a0, unsigned long a1,
		  unsigned long *r4)
{
	unsigned long in[8] = { a0, a1 }, out[8];
	long st = (long)epapr_hypercall(in, out, token);

	*r4 = out[0];
	return st;
}

static int probe_load(void *ctx, uint64_t ea, unsigned int bytes, uint64_t *val)
{
	u32 w;
	u64 d;

	if (bytes == sizeof(d)) {
		if (copy_from_kernel_nofault(&d, (void *)(unsigned long)ea, sizeof(d)))
			return -PPCPV_ERR_FAULT;
		*val = d;
		return 0;
	}
	if (copy_from_kernel_nofault(&w, (void *)(unsigned long)ea, sizeof(w)))
		return -PPCPV_ERR_FAULT;
	*val = w;
	return 0;
}

static int probe_store(void *ctx, uint64_t ea, unsigned int bytes, uint64_t val)
{
	u32 w = (u32)val;
	u64 d = val;
	void *src = bytes == sizeof(d) ? (void *)&d : (void *)&w;

	return copy_to_kernel_nofault((void *)(unsigned long)ea, src, bytes) ?
	       -PPCPV_ERR_FAULT : 0;
}

/* The unpatched, trapping forms: the host answers them from its state. */
static uint64_t trap_mfmsr(void *ctx)
{
	return mfmsr();
}

static uint64_t trap_mfsprg(void *ctx)
{
	return mfspr(SPRN_SPRG2);
}

static void trap_mtsprg(void *ctx, uint64_t val)
{
	mtspr(SPRN_SPRG2, val);
}

/* Every word of s's copy in [from, to) (word indices) that differs goes
 * into the kernel through patch_instruction(), which flushes the icache. */
static void write_changes(struct glue *g, struct shadow *s, size_t from, size_t to)
{
	const u32 *copy = (const u32 *)s->copy;
	size_t i;
	int err;

	for (i = from; i < to && !g->write_err; i++) {
		if (copy[i] == s->real[i])
			continue;
		err = patch_instruction(s->real + i, ppc_inst(copy[i]));
		if (err) {
			g->write_err = err;
			g->write_err_at = s->real + i;
		}
	}
}

/*
 * The patcher's writes, in the copies, become the kernel's.  The
 * trampolines always go first: a branch written before its trampoline
 * jumps into zeros if anything runs it in between, and something does -
 * patch_instruction() itself masks interrupts with an mtmsrd the patcher
 * rewrites.  The trampoline area lies inside the text, so the text's copy
 * still holds it empty: that part of the text copy is never written back.
 */
static void icache_sync(void *ctx, const void *start, size_t len)
{
	struct glue *g = ctx;
	size_t words = g->text.size / sizeof(u32);
	size_t tmp_from = (size_t)(g->tmp.real - g->text.real);
	size_t tmp_to = tmp_from + g->tmp.size / sizeof(u32);

	(void)len;
	write_changes(g, &g->tmp, 0, g->tmp.size / sizeof(u32));
	if (start == g->tmp.copy)
		return;
	write_changes(g, &g->text, 0, tmp_from < words ? tmp_from : words);
	if (tmp_to < words)
		write_changes(g, &g->text, tmp_to, words);
}

static int shadow_init(struct shadow *s, void *start, void *end)
{
	s->real = start;
	s->size = (size_t)((char *)end - (char *)start);
	s->copy = vmalloc(s->size);
	if (!s->copy)
		return -ENOMEM;
	memcpy(s->copy, start, s->size);
	return 0;
}

static void image_init(struct ppcpv_guest_image *img, struct glue *g, struct ppcpv_site *sites)
{
	ppcpv_config_init(&img->cfg, PPCPV_FAMILY_BOOK3S64, IS_ENABLED(CONFIG_CPU_BIG_ENDIAN));
	/* The vectors below __end_interrupts may run from a copy at 0 when
	 * the kernel is relocated: loads and stores there, no branches. */
	if (IS_ENABLED(CONFIG_RELOCATABLE))
		img->cfg.no_branch_below = (unsigned long)__end_interrupts;
	img->cfg.n_exclude = 1;
	img->cfg.exclude[0] = (struct ppcpv_range){ (unsigned long)ppcpv_kvm_tmp,
						    (unsigned long)ppcpv_kvm_tmp_end };
	img->text = (struct ppcpv_region){ g->text.copy, (unsigned long)_stext, g->text.size };
	img->kvm_tmp = (struct ppcpv_region){ g->tmp.copy, (unsigned long)ppcpv_kvm_tmp,
					      g->tmp.size };
	img->sites = sites;
	img->sites_cap = PPCPV_LINUX_MAX_SITES;
	img->selftest_sprg_field = PPCPV_SHARED_SPRG2;
}

/* What the boot-time work cost, in timebase ticks: the text's private
 * copy, and the PV bring-up from discovery to the last word written (under
 * QEMU's -icount shift=0 a tick is 1000/512 guest instructions). */
static u64 ppcpv_copy_ticks, ppcpv_init_ticks;

/* The private copies the patcher works on: the text and the trampolines. */
static int copy_text(struct glue *g)
{
	u64 start = get_tb();
	int err = shadow_init(&g->text, _stext, _etext) ||
		  shadow_init(&g->tmp, ppcpv_kvm_tmp, ppcpv_kvm_tmp_end);

	ppcpv_copy_ticks = get_tb() - start;
	return err;
}

static void run(struct glue *g, struct ppcpv_site *sites)
{
	const struct ppcpv_guest_platform plat = {
		g, install_hcall, hcall, probe_load, probe_store,
		trap_mfmsr, trap_mfsprg, trap_mtsprg, icache_sync,
	};
	struct ppcpv_guest_image img;
	unsigned long flags;

	image_init(&img, g, sites);
	/* SPRG2 is the interrupt entry's scratch register, and the words
	 * being replaced may run in any interrupt: no interrupt until done. */
	local_irq_save(flags);
	hard_irq_disable();
	ppcpv_init_ticks = get_tb();
	ppcpv_guest_pv_init(initial_boot_params, fdt_totalsize(initial_boot_params), &plat, &img,
			    &ppcpv_result);
	ppcpv_init_ticks = get_tb() - ppcpv_init_ticks;
	local_irq_restore(flags);
}

static int __init ppcpv_linux_init(void)
{
	struct glue g = { };
	struct ppcpv_site *sites = vmalloc(array_size(PPCPV_LINUX_MAX_SITES, sizeof(*sites)));

	if (!initial_boot_params)
		snprintf(ppcpv_result.reason, sizeof(ppcpv_result.reason),
			 "no flattened device tree");
	else if (!sites || copy_text(&g))
		snprintf(ppcpv_result.reason, sizeof(ppcpv_result.reason),
			 "no memory for a copy of the text");
	else
		run(&g, sites);
	if (g.write_err) {
		ppcpv_result.enabled = 0;
		snprintf(ppcpv_result.reason, sizeof(ppcpv_result.reason),
			 "patch_instruction failed (%d) at %px", g.write_err, g.write_err_at);
	}
	ppcpv_guest_pv_report(&ppcpv_result, ppcpv_line, sizeof(ppcpv_line));
	pr_info("%s\n", ppcpv_line);
	vfree(g.tmp.copy);
	vfree(g.text.copy);
	vfree(sites);
	return 0;
}
early_initcall(ppcpv_linux_init);

/* /sys/kernel/ppcpv: the log line, and the counts one per line. */
static ssize_t line_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", ppcpv_line);
}

static ssize_t counts_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	const struct ppcpv_stats *st = &ppcpv_result.stats;
	int len = sysfs_emit(buf, "enabled %d\nsites %u\npatched %u\nskipped %u\n"
			     "bytes_scanned %llu\nkvm_tmp_used %llu\nkvm_tmp_size %llu\n"
			     "copy_ticks %llu\ninit_ticks %llu\ntimebase_hz %lu\n",
			     ppcpv_result.enabled, st->sites, st->patched, st->skipped,
			     st->bytes_scanned, st->tmp_used, st->tmp_size, ppcpv_copy_ticks,
			     ppcpv_init_ticks, tb_ticks_per_sec);
	unsigned int k;

	for (k = 0; k < PPCPV_KIND_COUNT; k++)
		len += sysfs_emit_at(buf, len, "patched_%s %u\n", ppcpv_kind_name(k),
				     st->patched_by_kind[k]);
	return len;
}

static struct kobj_attribute line_attr = __ATTR_RO(line);
static struct kobj_attribute counts_attr = __ATTR_RO(counts);
static struct attribute *ppcpv_attrs[] = { &line_attr.attr, &counts_attr.attr, NULL };
static const struct attribute_group ppcpv_group = { .attrs = ppcpv_attrs };

/* kernel_kobj exists from a core initcall on. */
static int __init ppcpv_sysfs_init(void)
{
	struct kobject *dir = kobject_create_and_add("ppcpv", kernel_kobj);

	if (!dir)
		return -ENOMEM;
	return sysfs_create_group(dir, &ppcpv_group);
}
late_initcall(ppcpv_sysfs_init);
