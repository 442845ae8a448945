// SPDX-License-Identifier: MIT
/*
 * The differential test's program generator.  A program is a list of
 * blocks of one to six instructions; a block is never entered in the
 * middle, so a block that sets up a base register or a legal MSR operand
 * always runs whole.  Forward branches are blocks too: once every block is
 * placed, each branch gets a later block (or the program's end, where the
 * harness appends its branch back) as its target.
 *
 * Rules the generator keeps, and why:
 *  - r2 is never written and r1 is never computed from r2: kvm_emul's
 *    critical section is "critical == r1" and ends by storing r2, so a
 *    program must not make r1 equal r2 (the ABI's rule for any kernel);
 *  - memory accesses stay inside the data region, naturally aligned, with
 *    a base register set in the same block (or RA=0 and an absolute
 *    displacement);
 *  - mtmsr/mtmsrd L=0 operands are built in the same block and are legal
 *    (state.h): never a fixed bit flipped, every fixed bit in a constant
 *    (e500: ME, which QEMU's mtmsr never changes); mtmsrd L=1 takes any
 *    register, as only EE and RI count;
 *  - a DSISR operand is cut to 32 bits first: DSISR is a 32-bit register,
 *    and QEMU's CPU would keep a 64-bit value the host correctly drops;
 *  - the SPRs the family's CPU lacks (Book3S: SPRG4..7; e500: DSISR) and,
 *    on Book3S, tlbsync (reserved to the hypervisor there) appear only in
 *    programs flagged hosted-only;
 *  - a 32-bit family (Book3S-32, e500) gets 32-bit instructions only: no
 *    mtmsrd, no doubleword loads and stores, no 64-bit arithmetic,
 *    rotates or compares; mtsrin (Book3S-32) or wrtee/wrteei (e500)
 *    instead.  Every Book3S-32 program is hosted-only (no native run).
 */
#include <string.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/opcodes.h>
#include "gen.h"
#include "state.h"

/* Blocks are at most this long (mtmsr with a built constant and a random
 * high word); branches reach at most this many blocks. */
#define BLOCK_MAX	7u
#define BRANCH_SPAN	6u
/* At most this many MSR writes per program: each needs a trampoline. */
#define MAX_TRAMPOLINE_SITES	8
/* One program in this many may use what the native CPU lacks. */
#define HOSTED_ONLY_ONE_IN	4
/* Registers the trampolines and the ABI single out. */
#define R_SPECIAL_COUNT	5

enum branch_type { BR_B, BR_BL, BR_BC_CR, BR_BC_CTR };

struct pending_branch {
	uint16_t word;		/* index of the branch word */
	uint16_t block;		/* its block */
	uint8_t type;
	uint8_t bo, bi;
	uint32_t lk;
};

struct gen {
	uint64_t rng;
	const struct diff_family *fam;
	struct diff_prog *p;
	struct diff_spr sprs[DIFF_MAX_SPRS];
	unsigned int n_sprs;
	unsigned int n;				/* words so far */
	uint16_t block_start[DIFF_MAX_WORDS + 1];
	unsigned int n_blocks;
	struct pending_branch br[DIFF_MAX_WORDS];
	unsigned int n_br;
	unsigned int trampoline_sites;
};

static const char *const kind_names[DIFF_GEN_KIND_COUNT] = {
	"mfmsr", "mfspr", "mtspr", "mtmsrd_l1", "mtmsrd_l0", "mtmsr", "tlbsync",
	"alu", "load", "store", "branch", "cr", "lr_ctr_xer", "mtsrin", "wrtee", "wrteei",
};

const char *diff_gen_kind_name(enum diff_gen_kind k)
{
	return (unsigned int)k < DIFF_GEN_KIND_COUNT ? kind_names[k] : "?";
}

static int wide(const struct gen *g)
{
	return g->fam->word_bytes == 8;
}

static uint32_t below(struct gen *g, uint32_t n)
{
	return diff_below(&g->rng, n);
}

static int chance(struct gen *g, uint32_t percent)
{
	return below(g, 100) < percent;
}

static void emit(struct gen *g, uint32_t w)
{
	g->p->words[g->n++] = w;
}

/* ---- Registers ---------------------------------------------------------- */

static void note_reg(struct gen *g, unsigned int r)
{
	static const unsigned int watched[] = { 0, 1, 30, 31 };
	unsigned int i;

	for (i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
		if (r == watched[i])
			g->p->regs_used |= (uint16_t)(1u << i);
}

/* Any register as a source: r0, r1, r2, r30 and r31 often. */
static unsigned int reg_src(struct gen *g)
{
	static const unsigned int special[R_SPECIAL_COUNT] = { 0, 1, 2, 30, 31 };
	unsigned int r = chance(g, 40) ? special[below(g, R_SPECIAL_COUNT)] : below(g, 32);

	note_reg(g, r);
	return r;
}

/* A register the program may write: anything but r2. */
static unsigned int reg_dst(struct gen *g)
{
	unsigned int r;

	do
		r = reg_src(g);
	while (r == 2);
	return r;
}

/* A source for a result in rt: never r2 when rt is r1. */
static unsigned int reg_src_for(struct gen *g, unsigned int rt)
{
	unsigned int r;

	do
		r = reg_src(g);
	while (rt == 1 && r == 2);
	return r;
}

static unsigned int reg_dst_not(struct gen *g, unsigned int avoid)
{
	unsigned int r;

	do
		r = reg_dst(g);
	while (r == avoid);
	return r;
}

/* ---- Privileged instructions the patcher rewrites ------------------------ */

/* An SPR index: writable ones only if asked; hosted-only ones only in a
 * hosted-only program. */
static int pick_spr(struct gen *g, int writable)
{
	unsigned int tries;

	for (tries = 0; tries < 64; tries++) {
		unsigned int i = below(g, g->n_sprs);

		if ((writable && !g->sprs[i].writable) ||
		    (g->sprs[i].hosted_only && !(g->p->flags & DIFF_PROG_HOSTED_ONLY)))
			continue;
		return (int)i;
	}
	return -1;
}

static int block_mfspr(struct gen *g)
{
	int i = pick_spr(g, 0);

	if (i < 0)
		return -1;
	emit(g, ppc_insn_mfspr(reg_dst(g), g->sprs[i].spr));
	g->p->spr_reads[i]++;
	return DIFF_GEN_MFSPR;
}

static int block_mtspr(struct gen *g)
{
	int i = pick_spr(g, 1);
	unsigned int rs;

	if (i < 0)
		return -1;
	if (g->sprs[i].bytes < 8 && wide(g)) {
		/* clrldi rs,rs,32: a value the 32-bit register holds whole */
		rs = reg_dst(g);
		emit(g, ppc_insn_md(PPC_MD_RLDICL, rs, rs, 0, 32, 0));
	} else {
		rs = reg_src(g);
	}
	emit(g, ppc_insn_mtspr(g->sprs[i].spr, rs));
	g->p->spr_writes[i]++;
	return DIFF_GEN_MTSPR;
}

/* The low 16 bits of a set of MSR bits, and the next 16. */
#define LO16(v)	((uint32_t)(v) & 0xffff)
#define HI16(v)	(((uint32_t)(v) >> 16) & 0xffff)

/* Bits to flip in a copy of the current MSR: mostly only the safe ones
 * (the trampolines' fast path), sometimes only a kept one (ME on Book3S,
 * GS on e500: the host must ignore it), else any legal mix. */
static uint64_t msr_flips(struct gen *g)
{
	uint32_t pick = below(g, 10);

	if (pick < 5)
		return diff_some_bits(&g->rng, g->fam->safe) | (pick == 0 ? PPC_MSR_EE : 0);
	if (pick < 7)
		return diff_some_bits(&g->rng, g->fam->safe) | g->fam->flip_kept;
	return diff_some_bits(&g->rng, g->fam->safe | g->fam->changeable | g->fam->flip_kept);
}

/* rs = a legal operand: the current MSR with some bits flipped, or a
 * constant (which may set the kept bits, HV included, in the high word). */
static void legal_msr_operand(struct gen *g, unsigned int rs)
{
	uint64_t v;

	if (chance(g, 60)) {
		uint64_t flips = msr_flips(g);

		emit(g, PPC_INST_MFMSR | PPC_FIELD_RT(rs));
		emit(g, ppc_insn_dlogical(PPC_OP_XORI, rs, rs, LO16(flips)));
		if (HI16(flips))
			emit(g, ppc_insn_dlogical(PPC_OP_XORIS, rs, rs, HI16(flips)));
		return;
	}
	v = g->fam->fixed | diff_some_bits(&g->rng, g->fam->safe | g->fam->changeable | g->fam->kept);
	if (!wide(g)) {
		emit(g, PPC_ENC_LIS(rs, HI16(v)));
		emit(g, ppc_insn_dlogical(PPC_OP_ORI, rs, rs, LO16(v)));
		return;
	}
	emit(g, PPC_ENC_LIS(rs, LO16(v >> 48)));
	emit(g, ppc_insn_dlogical(PPC_OP_ORI, rs, rs, LO16(v >> 32)));
	emit(g, ppc_insn_md(PPC_MD_RLDICR, rs, rs, 32, 31, 0));
	emit(g, ppc_insn_dlogical(PPC_OP_ORIS, rs, rs, HI16(v)));
	emit(g, ppc_insn_dlogical(PPC_OP_ORI, rs, rs, LO16(v)));
}

static int block_mtmsr(struct gen *g, int kind)
{
	unsigned int rs;

	if (g->trampoline_sites >= MAX_TRAMPOLINE_SITES || (kind != DIFF_GEN_MTMSR && !g->fam->mtmsrd))
		return -1;
	g->trampoline_sites++;
	if (kind == DIFF_GEN_MTMSRD_L1) {
		emit(g, PPC_INST_MTMSRD_L1 | PPC_FIELD_RT(reg_src(g)));
		return kind;
	}
	rs = reg_dst(g);
	legal_msr_operand(g, rs);
	if (kind == DIFF_GEN_MTMSR) {
		/* mtmsr ignores the high word: fill it from any register */
		if (wide(g) && chance(g, 60))
			emit(g, ppc_insn_md(PPC_MD_RLDIMI, rs, reg_src_for(g, rs), 32, 0, 0));
		emit(g, PPC_INST_MTMSR | PPC_FIELD_RT(rs));
	} else {
		emit(g, PPC_INST_MTMSRD | PPC_FIELD_RT(rs));
	}
	return kind;
}

/* wrtee rS (only rS's EE counts: any register, or an operand built as
 * for mtmsr) or wrteei 0/1: BookE's EE writers. */
static int block_wrtee(struct gen *g, int kind)
{
	unsigned int rs;

	if (!g->fam->wrtee || g->trampoline_sites >= MAX_TRAMPOLINE_SITES)
		return -1;
	g->trampoline_sites++;
	if (kind == DIFF_GEN_WRTEEI) {
		emit(g, PPC_INST_WRTEEI | (chance(g, 50) ? PPC_INST_WRTEEI_E : 0));
		return kind;
	}
	if (chance(g, 50)) {
		rs = reg_src(g);
	} else {
		rs = reg_dst(g);
		legal_msr_operand(g, rs);
	}
	emit(g, PPC_INST_WRTEE | PPC_FIELD_RT(rs));
	return kind;
}

/* mtsrin rS,rB: any value into the segment register rB's top nibble names
 * (the harness runs in real mode: no translation uses it). */
static int block_mtsrin(struct gen *g)
{
	unsigned int rs, rb;

	if (!g->fam->segments || g->trampoline_sites >= MAX_TRAMPOLINE_SITES)
		return -1;
	g->trampoline_sites++;
	rs = reg_src(g);
	rb = reg_src(g);
	emit(g, PPC_INST_MTSRIN | PPC_FIELD_RT(rs) | PPC_FIELD_RB(rb));
	return DIFF_GEN_MTSRIN;
}

/* ---- Ordinary instructions ------------------------------------------------ */

static uint32_t oe_rc(struct gen *g)
{
	return (chance(g, 20) ? PPC_OE : 0) | (chance(g, 30) ? PPC_RC : 0);
}

static uint32_t rc(struct gen *g)
{
	return chance(g, 30) ? PPC_RC : 0;
}

static int unary(unsigned int xo)
{
	return xo == PPC_X_CNTLZD || xo == PPC_X_EXTSW || xo == PPC_X_EXTSB;
}

static int block_alu(struct gen *g)
{
	static const unsigned int xo[] = { PPC_XO_ADD, PPC_XO_SUBF, PPC_XO_ADDC, PPC_XO_ADDE,
					   PPC_XO_SUBFE, PPC_XO_MULLD, PPC_XO_MULLW, PPC_XO_NEG };
	static const unsigned int xl[] = { PPC_X_AND, PPC_X_OR, PPC_X_XOR, PPC_X_NOR, PPC_X_ANDC,
					   PPC_X_SLD, PPC_X_SRD, PPC_X_SLW, PPC_X_SRW,
					   PPC_X_CNTLZD, PPC_X_EXTSW, PPC_X_EXTSB };
	static const unsigned int di[] = { PPC_OP_ADDI, PPC_OP_ADDIS, PPC_OP_ADDIC, PPC_OP_MULLI };
	static const unsigned int dl[] = { PPC_OP_ORI, PPC_OP_ORIS, PPC_OP_XORI, PPC_OP_XORIS,
					   PPC_OP_ANDI_RC };
	static const unsigned int md[] = { PPC_MD_RLDICL, PPC_MD_RLDICR, PPC_MD_RLDIMI };
	/* What a 32-bit family has of them (rotates: rlwinm). */
	static const unsigned int xo32[] = { PPC_XO_ADD, PPC_XO_SUBF, PPC_XO_ADDC, PPC_XO_ADDE,
					     PPC_XO_SUBFE, PPC_XO_MULLW, PPC_XO_NEG };
	static const unsigned int xl32[] = { PPC_X_AND, PPC_X_OR, PPC_X_XOR, PPC_X_NOR, PPC_X_ANDC,
					     PPC_X_SLW, PPC_X_SRW, PPC_X_EXTSB };
	unsigned int rt = reg_dst(g);
	unsigned int ra = reg_src_for(g, rt), rb = reg_src_for(g, rt);
	uint32_t imm = (uint32_t)diff_rand(&g->rng);

	unsigned int op;

	switch (below(g, 5)) {
	case 0:
		op = wide(g) ? xo[below(g, sizeof(xo) / sizeof(xo[0]))] : xo32[below(g, sizeof(xo32) / sizeof(xo32[0]))];
		/* neg has one operand: its RB field must be 0 */
		emit(g, ppc_insn_xo(op, rt, ra, op == PPC_XO_NEG ? 0 : rb, oe_rc(g)));
		break;
	case 1:
		op = wide(g) ? xl[below(g, sizeof(xl) / sizeof(xl[0]))] : xl32[below(g, sizeof(xl32) / sizeof(xl32[0]))];
		/* so do cntlzd, extsw, extsb */
		emit(g, ppc_insn_xlogical(op, rt, ra, unary(op) ? 0 : rb, rc(g)));
		break;
	case 2:	/* addi/addis with RA=0 are li/lis */
		emit(g, ppc_insn_dform(di[below(g, sizeof(di) / sizeof(di[0]))], rt, ra, (int32_t)imm));
		break;
	case 3:
		emit(g, ppc_insn_dlogical(dl[below(g, sizeof(dl) / sizeof(dl[0]))], rt, ra, imm));
		break;
	default:
		if (wide(g))
			emit(g, ppc_insn_md(md[below(g, sizeof(md) / sizeof(md[0]))], rt, ra, below(g, 64),
					    below(g, 64), rc(g)));
		else
			emit(g, ppc_insn_rlwinm(rt, ra, below(g, 32), below(g, 32), below(g, 32)) | rc(g));
		break;
	}
	return DIFF_GEN_ALU;
}

/* A load or store of the data region. */
struct access {
	unsigned int dform, uform, xform;	/* D/DS-form, with update, X-form opcodes */
	unsigned int size;
	int ds;					/* DS-form: the low 2 bits are an XO */
	unsigned int ds_xo, ds_uxo;		/* DS-form XO, plain and with update */
};

static const struct access loads[] = {
	{ PPC_OP_LD, PPC_OP_LD, PPC_X_LDX, 8, 1, PPC_DS_LD, PPC_DS_LDU },
	{ PPC_OP_LWZ, PPC_OP_LWZU, PPC_X_LWZX, 4, 0, 0, 0 },
	{ PPC_OP_LHZ, PPC_OP_LHZU, PPC_X_LHZX, 2, 0, 0, 0 },
	{ PPC_OP_LHA, PPC_OP_LHAU, PPC_X_LHAX, 2, 0, 0, 0 },
	{ PPC_OP_LBZ, PPC_OP_LBZU, PPC_X_LBZX, 1, 0, 0, 0 },
};

static const struct access stores[] = {
	{ PPC_OP_STD, PPC_OP_STD, PPC_X_STDX, 8, 1, PPC_DS_STD, PPC_DS_STDU },
	{ PPC_OP_STW, PPC_OP_STWU, PPC_X_STWX, 4, 0, 0, 0 },
	{ PPC_OP_STH, PPC_OP_STHU, PPC_X_STHX, 2, 0, 0, 0 },
	{ PPC_OP_STB, PPC_OP_STBU, PPC_X_STBX, 1, 0, 0, 0 },
};

/* An aligned offset of `size` bytes inside the region. */
static int32_t region_offset(struct gen *g, unsigned int size)
{
	return (int32_t)(below(g, DIFF_MEM_SIZE / size) * size);
}

static uint32_t dsform(const struct access *a, unsigned int op, unsigned int rt, unsigned int ra,
		       int32_t d, int update)
{
	if (a->ds)
		return ppc_insn_dsform(op, rt, ra, d) | (update ? a->ds_uxo : a->ds_xo);
	return ppc_insn_dform(op, rt, ra, d);
}

/*
 * One access of a->size bytes at an aligned offset: with RA=0 and an
 * absolute displacement; through a base register set by `li` (D-form, or
 * with update: the base moves); or X-form with an index register.
 */
static void access_block(struct gen *g, const struct access *a, int store)
{
	int32_t off = region_offset(g, a->size), base;
	unsigned int rt = store ? reg_src(g) : reg_dst(g), rb, rx;

	switch (below(g, 4)) {
	case 0:		/* RA=0: the displacement is the address */
		emit(g, dsform(a, a->dform, rt, 0, DIFF_MEM_ADDR + off, 0));
		return;
	case 1:		/* base + displacement, the base anywhere in the region */
		rb = reg_dst_not(g, 0);
		base = region_offset(g, a->size);
		emit(g, ppc_insn_li(rb, DIFF_MEM_ADDR + base));
		emit(g, dsform(a, a->dform, rt, rb, off - base, 0));
		return;
	case 2:		/* with update: RA != 0 and, for a load, RA != RT */
		rb = store ? reg_dst_not(g, 0) : reg_dst_not(g, rt);
		if (rb == 0 || (!store && rb == rt))
			rb = rt == 3 ? 4 : 3;
		base = region_offset(g, a->size);
		emit(g, ppc_insn_li(rb, DIFF_MEM_ADDR + base));
		emit(g, dsform(a, a->uform, rt, rb, off - base, 1));
		return;
	default:	/* X-form: RA=0 or a base, RB the rest */
		rb = chance(g, 30) ? 0 : reg_dst(g);
		rx = reg_dst_not(g, rb);
		if (rb)
			emit(g, ppc_insn_li(rb, DIFF_MEM_ADDR));
		emit(g, ppc_insn_li(rx, rb ? off : DIFF_MEM_ADDR + off));
		emit(g, ppc_insn_x(a->xform, rt, rb, rx));
		return;
	}
}

/* The doubleword access is the first of each list: not for a 32-bit family. */
static unsigned int access_pick(struct gen *g, unsigned int n)
{
	return wide(g) ? below(g, n) : 1 + below(g, n - 1);
}

static int block_load(struct gen *g)
{
	access_block(g, &loads[access_pick(g, sizeof(loads) / sizeof(loads[0]))], 0);
	return DIFF_GEN_LOAD;
}

static int block_store(struct gen *g)
{
	access_block(g, &stores[access_pick(g, sizeof(stores) / sizeof(stores[0]))], 1);
	return DIFF_GEN_STORE;
}

static int block_cr(struct gen *g)
{
	static const unsigned int crops[] = { PPC_XL_CRXOR, PPC_XL_CRAND, PPC_XL_CROR };
	unsigned int ra = reg_src(g), rb = reg_src(g);
	uint32_t l64 = chance(g, 50) && wide(g) ? PPC_CMP_L64 : 0;

	switch (below(g, 6)) {
	case 0:
		emit(g, ppc_insn_mfcr(reg_dst(g)));
		break;
	case 1:
		emit(g, ppc_insn_mtcrf(below(g, 256), ra));
		break;
	case 2:
		emit(g, ppc_insn_crop(crops[below(g, sizeof(crops) / sizeof(crops[0]))],
				      below(g, PPC_CR_BITS), below(g, PPC_CR_BITS), below(g, PPC_CR_BITS)));
		break;
	case 3:
		emit(g, ppc_insn_mcrf(below(g, PPC_CR_FIELDS), below(g, PPC_CR_FIELDS)));
		break;
	case 4:
		emit(g, ppc_insn_cmp(chance(g, 50) ? PPC_X_CMP : PPC_X_CMPL, below(g, PPC_CR_FIELDS),
				     l64, ra, rb));
		break;
	default:
		emit(g, ppc_insn_cmpi(chance(g, 50) ? PPC_OP_CMPI : PPC_OP_CMPLI,
				      below(g, PPC_CR_FIELDS), l64, ra, (uint32_t)diff_rand(&g->rng)));
		break;
	}
	return DIFF_GEN_CR;
}

static int block_lr_ctr_xer(struct gen *g)
{
	static const unsigned int to[] = { PPC_SPR_LR, PPC_SPR_CTR };
	static const unsigned int from[] = { PPC_SPR_LR, PPC_SPR_CTR, PPC_SPR_XER };

	if (chance(g, 50))
		emit(g, ppc_insn_mtspr(to[below(g, 2)], reg_src(g)));
	else
		emit(g, ppc_insn_mfspr(reg_dst(g), from[below(g, 3)]));
	return DIFF_GEN_LR_CTR_XER;
}

/* A branch word to be resolved once every block is placed. */
static int block_branch(struct gen *g)
{
	struct pending_branch *b = &g->br[g->n_br++];
	static const unsigned int cr_bo[] = { PPC_BO_IF_TRUE, PPC_BO_IF_FALSE };
	static const unsigned int ctr_bo[] = { PPC_BO_DNZ, PPC_BO_DZ };

	b->word = (uint16_t)g->n;
	b->block = (uint16_t)g->n_blocks;
	b->type = (uint8_t)below(g, 4);
	b->bo = (uint8_t)(b->type == BR_BC_CTR ? ctr_bo[below(g, 2)] : cr_bo[below(g, 2)]);
	b->bi = (uint8_t)below(g, PPC_CR_BITS);
	b->lk = chance(g, 20) ? PPC_LK : 0;
	emit(g, PPC_INST_B);	/* placeholder */
	return DIFF_GEN_BRANCH;
}

static void resolve_branches(struct gen *g)
{
	unsigned int i;

	g->block_start[g->n_blocks] = (uint16_t)g->n;	/* the end: the harness's branch back */
	for (i = 0; i < g->n_br; i++) {
		struct pending_branch *b = &g->br[i];
		unsigned int last = b->block + BRANCH_SPAN < g->n_blocks ? b->block + BRANCH_SPAN : g->n_blocks;
		unsigned int to = b->block + 1 + below(g, last - b->block);
		uint64_t from = 4ull * b->word, target = 4ull * g->block_start[to];
		uint32_t *w = &g->p->words[b->word];

		if (b->type == BR_B || b->type == BR_BL)
			ppc_insn_branch(from, target, w);
		else
			ppc_insn_bc(b->bo, b->bi, b->lk, from, target, w);
		if (b->type == BR_BL)
			*w |= PPC_LK;
	}
}

/* ---- Programs --------------------------------------------------------------- */

struct weighted {
	unsigned int weight;
	int kind;
};

/* How often each block kind is drawn: about a third privileged. */
static const struct weighted mix[] = {
	{ 5, DIFF_GEN_MFMSR }, { 9, DIFF_GEN_MFSPR }, { 9, DIFF_GEN_MTSPR },
	{ 4, DIFF_GEN_MTMSRD_L1 }, { 4, DIFF_GEN_MTMSRD_L0 }, { 3, DIFF_GEN_MTMSR },
	{ 2, DIFF_GEN_TLBSYNC }, { 24, DIFF_GEN_ALU }, { 8, DIFF_GEN_LOAD },
	{ 8, DIFF_GEN_STORE }, { 7, DIFF_GEN_BRANCH }, { 6, DIFF_GEN_CR },
	{ 5, DIFF_GEN_LR_CTR_XER }, { 4, DIFF_GEN_MTSRIN }, { 4, DIFF_GEN_WRTEE },
	{ 3, DIFF_GEN_WRTEEI },
};

/* A kind the family has no rule for is not drawn at all (its weight would
 * change every other family's programs). */
static unsigned int weight(const struct gen *g, const struct weighted *m)
{
	if ((m->kind == DIFF_GEN_MTSRIN && !g->fam->segments) ||
	    ((m->kind == DIFF_GEN_WRTEE || m->kind == DIFF_GEN_WRTEEI) && !g->fam->wrtee))
		return 0;
	return m->weight;
}

static int draw_kind(struct gen *g)
{
	unsigned int total = 0, i, x;

	for (i = 0; i < sizeof(mix) / sizeof(mix[0]); i++)
		total += weight(g, &mix[i]);
	x = below(g, total);
	for (i = 0; x >= weight(g, &mix[i]); i++)
		x -= weight(g, &mix[i]);
	return mix[i].kind;
}

/* One block of `kind`; -1 if it cannot be had here (then another kind). */
static int block(struct gen *g, int kind)
{
	switch (kind) {
	case DIFF_GEN_MFMSR:
		emit(g, PPC_INST_MFMSR | PPC_FIELD_RT(reg_dst(g)));
		return kind;
	case DIFF_GEN_MFSPR:
		return block_mfspr(g);
	case DIFF_GEN_MTSPR:
		return block_mtspr(g);
	case DIFF_GEN_MTMSRD_L1:
	case DIFF_GEN_MTMSRD_L0:
	case DIFF_GEN_MTMSR:
		return block_mtmsr(g, kind);
	case DIFF_GEN_TLBSYNC:
		if (!(g->p->flags & DIFF_PROG_HOSTED_ONLY) && !g->fam->native_tlbsync)
			return -1;
		emit(g, PPC_INST_TLBSYNC);
		return kind;
	case DIFF_GEN_LOAD:
		return block_load(g);
	case DIFF_GEN_STORE:
		return block_store(g);
	case DIFF_GEN_BRANCH:
		return block_branch(g);
	case DIFF_GEN_CR:
		return block_cr(g);
	case DIFF_GEN_LR_CTR_XER:
		return block_lr_ctr_xer(g);
	case DIFF_GEN_MTSRIN:
		return block_mtsrin(g);
	case DIFF_GEN_WRTEE:
	case DIFF_GEN_WRTEEI:
		return block_wrtee(g, kind);
	default:
		return block_alu(g);
	}
}

void diff_gen(const struct diff_family *fam, uint64_t seed, struct diff_prog *p)
{
	struct gen g;
	unsigned int length;
	int kind;

	memset(p, 0, sizeof(*p));
	memset(&g, 0, sizeof(g));
	p->seed = seed;
	g.p = p;
	g.fam = fam;
	g.rng = diff_stream(seed, DIFF_STREAM_CODE);
	g.n_sprs = diff_sprs(fam, g.sprs);
	if (below(&g, HOSTED_ONLY_ONE_IN) == 0 || !fam->native)
		p->flags |= DIFF_PROG_HOSTED_ONLY;
	length = DIFF_MIN_WORDS + below(&g, DIFF_MAX_WORDS - DIFF_MIN_WORDS + 1);
	/* Whole blocks while one more surely fits, then single ALU words. */
	while (g.n + BLOCK_MAX <= length) {
		unsigned int start = g.n;

		do
			kind = block(&g, draw_kind(&g));
		while (kind < 0);
		g.block_start[g.n_blocks++] = (uint16_t)start;
		p->kinds[kind]++;
	}
	while (g.n < length) {
		g.block_start[g.n_blocks++] = (uint16_t)g.n;
		p->kinds[block_alu(&g)]++;
	}
	resolve_branches(&g);
	p->n_words = (uint16_t)g.n;
}
