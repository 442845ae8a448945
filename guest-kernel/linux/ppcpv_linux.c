// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ppcpv's guest component in Linux: the services ppcpv_guest_pv_init()
 * needs, taken from the kernel.  Runs as an early_initcall (before SMP
 * bring-up and before any postcore initcall), so the rest of the boot
 * already runs patched.
 *
 * The patcher decides everything on a private copy of the text and of the
 * trampoline area (the address each word runs at is the real one); then
 * the trampolines reach the kernel in one copy and one icache flush, and
 * each patched site's word (the site list says which) through
 * raw_patch_instruction().  So nothing of the running text changes unless
 * every step before succeeded.
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
#include <asm/cacheflush.h>
#include <asm/code-patching.h>
#include <asm/epapr_hcalls.h>
#include <asm/hw_irq.h>
#include <asm/inst.h>
#include <asm/ppc-opcode.h>
#include <asm/sections.h>
#include <asm/switch_to.h>
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
	struct ppcpv_site *sites;	/* the patcher's decisions */
	const struct ppcpv_pv_result *res;
	int write_err;		/* the first write error, 0 if none */
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

/*
 * Why the raw writes are safe here: the kernel text stays writable through
 * its own mapping until mark_rodata_ro(), which runs after every initcall
 * (and only with CONFIG_STRICT_KERNEL_RWX); this is an early_initcall, on
 * the boot CPU alone, with interrupts hard-disabled.  patch_instruction()
 * would, with STRICT_KERNEL_RWX, map each word's page elsewhere, mask
 * interrupts and flush the TLB for every word - privileged work that
 * traps to the host at MSR[PR]=1.
 */
static void write_trampolines(struct glue *g, size_t len)
{
	if (copy_to_kernel_nofault(g->tmp.real, g->tmp.copy, len)) {
		g->write_err = -EFAULT;
		g->write_err_at = g->tmp.real;
		return;
	}
	flush_icache_range((unsigned long)g->tmp.real, (unsigned long)g->tmp.real + len);
}

/* Each patched site's new word, in the site list's order; if one write
 * fails, the ones before it get their original words back. */
static void write_sites(struct glue *g)
{
	const struct ppcpv_site *site = g->sites, *end = g->sites + g->res->n_sites;
	int err = 0;

	for (; site < end && !err; site++)
		if (site->action != PPCPV_ACTION_SKIP)
			err = raw_patch_instruction((u32 *)(unsigned long)site->addr,
						    ppc_inst(site->new_word));
	if (!err)
		return;
	g->write_err = err;
	g->write_err_at = (u32 *)(unsigned long)site[-1].addr;
	for (site -= 2; site >= g->sites; site--)
		if (site->action != PPCPV_ACTION_SKIP)
			raw_patch_instruction((u32 *)(unsigned long)site->addr, ppc_inst(site->orig));
}

/*
 * The patcher's writes, in the copies, become the kernel's: the
 * trampolines first (a branch written before its trampoline would jump
 * into zeros if anything ran it in between), then the sites.  The copies
 * are not compared with the text: the site list names every changed word.
 */
static void icache_sync(void *ctx, const void *start, size_t len)
{
	struct glue *g = ctx;

	if (g->write_err)
		return;
	if (start == g->tmp.copy)
		write_trampolines(g, len);
	else
		write_sites(g);
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

/* What the boot-time work cost, in timebase ticks: the private copies,
 * and the PV bring-up from discovery to the last word written (the
 * patcher's pass, the scan, is res.scan_ticks). */
static u64 ppcpv_copy_ticks, ppcpv_init_ticks;

static uint64_t timebase(void *ctx)
{
	return get_tb();
}

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
		trap_mfmsr, trap_mfsprg, trap_mtsprg, icache_sync, timebase,
	};
	struct ppcpv_guest_image img;
	unsigned long flags;

	g->sites = sites;
	g->res = &ppcpv_result;
	image_init(&img, g, sites);
	/* SPRG2 is the interrupt entry's scratch register, and the words
	 * being replaced may run in any interrupt: no interrupt until done. */
	local_irq_save(flags);
	hard_irq_disable();
	ppcpv_init_ticks = get_tb();
	/* The patcher's object may use VSX registers (Kbuild): enabled for
	 * the kernel, which is allowed with preemption off, as it is here. */
	if (IS_ENABLED(CONFIG_VSX))
		enable_kernel_vsx();
	ppcpv_guest_pv_init(initial_boot_params, fdt_totalsize(initial_boot_params), &plat, &img,
			    &ppcpv_result);
	if (IS_ENABLED(CONFIG_VSX))
		disable_kernel_vsx();
	ppcpv_init_ticks = get_tb() - ppcpv_init_ticks;
	local_irq_restore(flags);
}

/* The sites found at boot, kept for /sys/kernel/ppcpv/sites. */
static struct ppcpv_site *ppcpv_sites;
static size_t ppcpv_n_sites;

static void keep_sites(const struct ppcpv_site *sites)
{
	size_t n = ppcpv_result.n_sites > 0 ? (size_t)ppcpv_result.n_sites : 0;

	ppcpv_sites = n ? vmalloc(array_size(n, sizeof(*sites))) : NULL;
	if (ppcpv_sites) {
		memcpy(ppcpv_sites, sites, n * sizeof(*sites));
		ppcpv_n_sites = n;
	}
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
			 "writing the patch failed (%d) at %px; the text is as it was",
			 g.write_err, g.write_err_at);
	}
	ppcpv_guest_pv_report(&ppcpv_result, ppcpv_line, sizeof(ppcpv_line));
	pr_info("%s\n", ppcpv_line);
	if (ppcpv_result.enabled)
		keep_sites(sites);
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
			     "copy_ticks %llu\ninit_ticks %llu\nscan_ticks %llu\n"
			     "bringup_ticks %llu\ntimebase_hz %lu\n",
			     ppcpv_result.enabled, st->sites, st->patched, st->skipped,
			     st->bytes_scanned, st->tmp_used, st->tmp_size, ppcpv_copy_ticks,
			     ppcpv_init_ticks, ppcpv_result.scan_ticks,
			     ppcpv_copy_ticks + ppcpv_init_ticks, tb_ticks_per_sec);
	unsigned int k;

	for (k = 0; k < PPCPV_KIND_COUNT; k++)
		len += sysfs_emit_at(buf, len, "patched_%s %u\n", ppcpv_kind_name(k),
				     st->patched_by_kind[k]);
	return len;
}

/*
 * /sys/kernel/ppcpv/sites: one line per site the patcher found, in the
 * form check-linux builds from `ppcpv-patch --sites` -
 *   ADDR ORIG KIND ACTION NEW SKIP-REASON
 * (a binary attribute: the list outgrows a page).  /sys/kernel/ppcpv/text:
 * the running text, _stext.._etext, so a site that Linux's own boot-time
 * fixups changed can be read back as it is.  Both name kernel addresses:
 * root only.
 */
#define PPCPV_SITE_LINE_MAX 64
static char *ppcpv_sites_text;
static size_t ppcpv_sites_len;

static void format_sites(void)
{
	size_t i, cap = ppcpv_n_sites * PPCPV_SITE_LINE_MAX;

	ppcpv_sites_text = cap ? vmalloc(cap) : NULL;
	if (!ppcpv_sites_text)
		return;
	for (i = 0; i < ppcpv_n_sites; i++) {
		const struct ppcpv_site *st = &ppcpv_sites[i];

		ppcpv_sites_len += scnprintf(ppcpv_sites_text + ppcpv_sites_len,
					     cap - ppcpv_sites_len, "0x%llx 0x%08x %s %s 0x%08x %s\n",
					     st->addr, st->orig,
					     ppcpv_kind_name(ppcpv_rules[st->rule].kind),
					     ppcpv_action_name(st->action), st->new_word,
					     ppcpv_skip_name(st->skip));
	}
}

static ssize_t sites_read(struct file *f, struct kobject *kobj, struct bin_attribute *attr,
			  char *buf, loff_t pos, size_t count)
{
	return memory_read_from_buffer(buf, count, &pos, ppcpv_sites_text, ppcpv_sites_len);
}

static ssize_t text_read(struct file *f, struct kobject *kobj, struct bin_attribute *attr,
			 char *buf, loff_t pos, size_t count)
{
	return memory_read_from_buffer(buf, count, &pos, _stext, _etext - _stext);
}

static struct kobj_attribute line_attr = __ATTR_RO(line);
static struct kobj_attribute counts_attr = __ATTR_RO(counts);
static struct attribute *ppcpv_attrs[] = { &line_attr.attr, &counts_attr.attr, NULL };
static struct bin_attribute sites_attr = __BIN_ATTR(sites, 0400, sites_read, NULL, 0);
static struct bin_attribute text_attr = __BIN_ATTR(text, 0400, text_read, NULL, 0);
static struct bin_attribute *ppcpv_bin_attrs[] = { &sites_attr, &text_attr, NULL };
static const struct attribute_group ppcpv_group = {
	.attrs = ppcpv_attrs, .bin_attrs = ppcpv_bin_attrs,
};

/* kernel_kobj exists from a core initcall on. */
static int __init ppcpv_sysfs_init(void)
{
	struct kobject *dir = kobject_create_and_add("ppcpv", kernel_kobj);

	if (!dir)
		return -ENOMEM;
	format_sites();
	vfree(ppcpv_sites);
	ppcpv_sites = NULL;
	sites_attr.size = ppcpv_sites_len;
	text_attr.size = _etext - _stext;
	return sysfs_create_group(dir, &ppcpv_group);
}
late_initcall(ppcpv_sysfs_init);
