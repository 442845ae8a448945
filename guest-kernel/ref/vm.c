// SPDX-License-Identifier: MIT
/*
 * Process memory: a pool of page frames, each process's address space
 * (struct mm), the page-fault handler, mprotect, and the kernel's checked
 * access to user memory.
 *
 * MMU mode (mmu.c): every address space has a context id of its own and the
 * same layout - the program page at USER_TEXT_EA, the stack below
 * USER_STACK_TOP.  Nothing is in the hash table until the process touches
 * it: the first access to a page takes a DSI or ISI, and the handler
 * inserts the entry with H_ENTER (zero-filling a stack page the first time).
 * Exec and exit remove the entries again (H_BULK_REMOVE, four per call),
 * mprotect removes those it changes (H_REMOVE), so the next access faults
 * and maps the page with its new protection.  A context switch loads the
 * next process's user segments into the SLB.
 *
 * Flat mode (the host maps guest memory 1:1): a process sees its frames at
 * their real addresses, so fork must move the child's stack pointer to the
 * child's own stack page; there are no faults to take and no SLB to load.
 *
 * The kernel reads and writes user memory through its own 1:1 mapping of
 * the frames, after looking the address up here: it never takes a fault on
 * a user address.
 */
#include <ppcpv/hcall.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/isa/papr.h>
#include "proc.h"

/* Enough for every process to have its program and its whole stack. */
#define NFRAMES		(NPROC * MM_PAGES)

static uint8_t frames[NFRAMES][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t frame_refs[NFRAMES];
static unsigned long last_context;
static unsigned long loaded_context;	/* whose user segments the SLB holds */

/* ---- frames --------------------------------------------------------------- */

void vm_init(void)
{
	memset(frame_refs, 0, sizeof(frame_refs));
	last_context = MMU_NO_CONTEXT;
	loaded_context = MMU_NO_CONTEXT;
}

static size_t frame_index(const uint8_t *frame)
{
	return (size_t)(frame - &frames[0][0]) / PAGE_SIZE;
}

/* A frame nobody uses (not cleared), or NULL. */
static uint8_t *frame_alloc(void)
{
	size_t i;

	for (i = 0; i < NFRAMES; i++) {
		if (!frame_refs[i]) {
			frame_refs[i] = 1;
			return frames[i];
		}
	}
	return NULL;
}

static void frame_put(uint8_t *frame)
{
	if (frame)
		frame_refs[frame_index(frame)]--;
}

/* ---- address spaces ----------------------------------------------------- */

static unsigned long context_alloc(void)
{
	unsigned long c = last_context;

	do
		c = c % mmu_context_limit() + 1;
	while (proc_context_in_use(c));
	last_context = c;
	return c;
}

static struct upage *find_page(struct mm *mm, uint64_t addr)
{
	unsigned int i;

	for (i = 0; i < MM_PAGES; i++)
		if (mm->page[i].ea && addr - mm->page[i].ea < PAGE_SIZE)
			return &mm->page[i];
	return NULL;
}

/* No context, no pages.  Field by field: the C library's memset goes byte
 * by byte, and this runs several times per fork and exec. */
NO_LOOP_TO_CALL void mm_init(struct mm *mm)
{
	unsigned int i;

	mm->context = MMU_NO_CONTEXT;
	for (i = 0; i < MM_PAGES; i++) {
		mm->page[i].ea = 0;
		mm->page[i].frame = NULL;
		mm->page[i].prot = 0;
		mm->page[i].hpte.slot = MMU_NO_SLOT;
	}
}

static void page_set(struct upage *pg, uint64_t ea, uint8_t *frame, unsigned int prot)
{
	pg->ea = ea;
	pg->frame = frame;
	pg->prot = prot;
	pg->hpte.slot = MMU_NO_SLOT;
}

/* Remove the hash-table entries of the pages in [first, first + n). */
static void unmap_pages(struct upage *first, unsigned int n)
{
	struct hpte_ref refs[MM_PAGES];
	unsigned int i, k = 0;

	for (i = 0; i < n; i++) {
		if (first[i].hpte.slot != MMU_NO_SLOT)
			refs[k++] = first[i].hpte;
		first[i].hpte.slot = MMU_NO_SLOT;
	}
	if (k)
		mmu_unmap(refs, k);
}

void mm_release(struct proc *p)
{
	struct mm *mm = &p->mm;
	unsigned int i;

	unmap_pages(mm->page, MM_PAGES);
	for (i = 0; i < MM_PAGES; i++)
		frame_put(mm->page[i].frame);
	if (loaded_context == mm->context)
		loaded_context = MMU_NO_CONTEXT;
	mm_init(mm);
}

void mm_switch(const struct proc *next)
{
	unsigned long c = next->mm.context;

	if (c == MMU_NO_CONTEXT || c == loaded_context)
		return;	/* flat mode, a kernel context, or already there */
	mmu_load_user_segments(c);
	loaded_context = c;
}

/* The new layout around a program page and a stack page. */
static void layout(struct mm *mm, uint8_t *text, uint8_t *stack)
{
	unsigned int i;

	if (!mmu_on()) {
		page_set(&mm->page[MM_TEXT], (uintptr_t)text, text, PROT_READ | PROT_EXEC);
		page_set(&mm->page[MM_STACK], (uintptr_t)stack, stack, PROT_READ | PROT_WRITE);
		return;
	}
	mm->context = context_alloc();
	page_set(&mm->page[MM_TEXT], USER_TEXT_EA, text, PROT_READ | PROT_EXEC);
	for (i = 0; i < USER_STACK_PAGES; i++)
		page_set(&mm->page[MM_STACK + i], USER_STACK_TOP - (uint64_t)(i + 1) * PAGE_SIZE,
			 i ? NULL : stack, PROT_READ | PROT_WRITE);
}

long mm_exec(struct proc *p, const uint8_t *image, size_t len)
{
	uint8_t *text, *stack;

	if (len > PAGE_SIZE)
		return -ENOEXEC;
	text = frame_alloc();
	stack = frame_alloc();
	if (!text || !stack) {
		frame_put(text);
		frame_put(stack);
		return -ENOMEM;
	}
	memcpy(text, image, len);
	ppcpv_icache_sync(text, len);
	mm_release(p);
	layout(&p->mm, text, stack);
	if (p == current_proc())
		mm_switch(p);
	return 0;
}

/* Writable pages are copied, the program page is shared. */
long mm_fork(struct proc *child, const struct proc *parent)
{
	const struct upage *from = parent->mm.page;
	struct upage *to = child->mm.page;
	unsigned int i;

	mm_init(&child->mm);
	for (i = 0; i < MM_PAGES; i++) {
		uint8_t *frame = from[i].frame;

		if (frame && (from[i].prot & PROT_WRITE)) {
			frame = frame_alloc();
			if (!frame) {
				mm_release(child);
				return -EAGAIN;
			}
			copy_words(frame, from[i].frame, PAGE_SIZE);
		} else if (frame) {
			frame_refs[frame_index(frame)]++;
		}
		page_set(&to[i], mmu_on() || !frame ? from[i].ea : (uintptr_t)frame, frame,
			 from[i].prot);
	}
	if (mmu_on())
		child->mm.context = context_alloc();
	return 0;
}

/* Where the child sees what the parent sees at addr: the same address with
 * an MMU; in flat mode, the same offset in the child's copy of the page. */
uint64_t mm_fork_address(const struct proc *child, const struct proc *parent, uint64_t addr)
{
	const struct upage *pg = find_page((struct mm *)&parent->mm, addr);

	if (!pg)
		return addr;
	return child->mm.page[pg - parent->mm.page].ea + (addr - pg->ea);
}

uint64_t mm_user_address(const struct upage *pg, const void *kernel_address)
{
	return pg->ea + (uint64_t)((const uint8_t *)kernel_address - pg->frame);
}

static NO_LOOP_TO_CALL void page_zero(uint8_t *frame)
{
	uint64_t *w = (uint64_t *)frame;
	size_t i;

	for (i = 0; i < PAGE_SIZE / sizeof(*w); i++)
		w[i] = 0;
}

/* The frame behind pg, zero-filled on first use; NULL when none is left. */
static uint8_t *page_frame(struct upage *pg)
{
	if (!pg->frame) {
		pg->frame = frame_alloc();
		if (pg->frame)
			page_zero(pg->frame);
	}
	return pg->frame;
}

/* ---- page faults ----------------------------------------------------------- */

/* Map the page at ea for an access needing prot; -EFAULT if the process
 * may not make it, -ENOMEM if no frame is left. */
static long map_on_fault(struct proc *p, uint64_t ea, unsigned int prot)
{
	struct upage *pg = find_page(&p->mm, ea);

	if (!mmu_on() || !pg || (pg->prot & prot) != prot)
		return -EFAULT;
	if (!page_frame(pg))
		return -ENOMEM;
	/* An entry we still hold was evicted, or made stale: replace it. */
	unmap_pages(pg, 1);
	return mmu_map_user_page(p->mm.context, pg->ea, (uintptr_t)pg->frame, pg->prot,
				 &pg->hpte) == H_SUCCESS ? 0 : -ENOMEM;
}

/* A user-mode storage interrupt in MMU mode (syscall_install() sets it
 * there only): 1 if the page is mapped now (resume). */
int mm_page_fault(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	uint64_t ea;
	unsigned int prot;

	if (regs->trap == PPC_BOOK3S_VEC_DSI && (regs->dsisr & (PPC_BOOK3S_DSISR_NOPT | PPC_BOOK3S_DSISR_PROT))) {
		ea = regs->dar;
		prot = regs->dsisr & PPC_BOOK3S_DSISR_STORE ? PROT_WRITE : PROT_READ;
	} else if (regs->trap == PPC_BOOK3S_VEC_ISI && (regs->msr & PPC_BOOK3S_SRR1_ISI_CAUSES)) {
		ea = regs->nip;
		prot = PROT_EXEC;
	} else {
		return 0;	/* a segment fault, or a cause no mapping cures */
	}
	p->page_faults++;
	if (map_on_fault(p, ea, prot))
		return 0;
	/* SRR1's cause bits are no MSR bits: resume with the MSR alone. */
	regs->msr &= ~(unsigned long)PPC_BOOK3S_SRR1_CAUSE_MASK;
	return 1;
}

/* ---- system calls ---------------------------------------------------------- */

/* mprotect(addr, len, prot): pages of the address space only; the entries
 * of the pages it changes go, so the next access maps them anew. */
long sys_mprotect(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	uint64_t addr = regs->gpr[3], len = regs->gpr[4], off;
	unsigned int prot = (unsigned int)regs->gpr[5];
	struct upage *pg;

	if (!mmu_on())
		return -ENOSYS;	/* the host's flat mapping cannot protect */
	if (addr % PAGE_SIZE || prot & ~(unsigned int)(PROT_READ | PROT_WRITE | PROT_EXEC) ||
	    len > USER_STACK_TOP)
		return -EINVAL;
	for (off = 0; off < len; off += PAGE_SIZE)
		if (!find_page(&p->mm, addr + off))
			return -ENOMEM;	/* as Linux answers for an unmapped range */
	for (off = 0; off < len; off += PAGE_SIZE) {
		pg = find_page(&p->mm, addr + off);
		unmap_pages(pg, 1);
		pg->prot = prot;
	}
	return 0;
}

long sys_page_faults(struct pt_regs *regs)
{
	return (long)current_proc()->page_faults;
}

/* ---- user memory, as the kernel reaches it ---------------------------- */

/* The kernel address of addr if p may access it with prot, and how many
 * bytes follow in its page; NULL if it may not. */
static uint8_t *user_bytes(struct proc *p, uint64_t addr, unsigned int prot, size_t *avail)
{
	struct upage *pg = find_page(&p->mm, addr);

	if (!pg || (pg->prot & prot) != prot || !page_frame(pg))
		return NULL;
	*avail = (size_t)(pg->ea + PAGE_SIZE - addr);
	return pg->frame + (addr - pg->ea);
}

void *user_ptr(struct proc *p, uint64_t addr, size_t len, unsigned int prot)
{
	size_t avail;
	uint8_t *k = user_bytes(p, addr, prot, &avail);

	return k && len <= avail ? k : NULL;
}

int user_range_ok(struct proc *p, uint64_t addr, size_t len, unsigned int prot)
{
	return user_ptr(p, addr, len, prot) != NULL;
}

/* Copy a NUL-terminated string in: its length, -EFAULT or -E2BIG. */
long user_string(struct proc *p, uint64_t addr, char *buf, size_t size)
{
	size_t avail = 0, i;
	const char *s = (const char *)user_bytes(p, addr, PROT_READ, &avail);

	for (i = 0; i < size; i++) {
		if (i == avail)
			return -EFAULT;
		buf[i] = s[i];
		if (!s[i])
			return (long)i;
	}
	return -E2BIG;
}

int user_read_word(struct proc *p, uint64_t addr, unsigned long *val)
{
	size_t avail;
	const uint8_t *k = user_bytes(p, addr, PROT_READ, &avail);

	if (addr % sizeof(*val) || !k || avail < sizeof(*val))
		return -EFAULT;
	*val = *(const unsigned long *)k;
	return 0;
}

int user_write_u32(struct proc *p, uint64_t addr, uint32_t val)
{
	size_t avail;
	uint8_t *k = user_bytes(p, addr, PROT_WRITE, &avail);

	if (addr % 4 || !k || avail < 4)
		return -EFAULT;
	*(uint32_t *)k = val;
	return 0;
}
