// SPDX-License-Identifier: MIT
/* Patcher configuration: defaults and validation. */
#include <stddef.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include <ppcpv/isa/insn.h>

static unsigned int family_word_bits(enum ppcpv_family f)
{
	return f == PPCPV_FAMILY_BOOK3S64 ? 64 : 32;
}

int ppcpv_config_init(struct ppcpv_config *cfg, enum ppcpv_family family, int big_endian)
{
	unsigned int i;

	if (!cfg || (unsigned int)family >= PPCPV_FAMILY_COUNT)
		return -PPCPV_ERR_INVAL;
	cfg->family = family;
	cfg->word_bits = family_word_bits(family);
	cfg->big_endian = !!big_endian;
	cfg->features = PPCPV_MAGIC_FEAT_ALL;
	cfg->magic_ea = PPCPV_MAGIC_PAGE_EA;
	cfg->no_branch_below = 0;
	cfg->n_exclude = 0;
	for (i = 0; i < PPCPV_MAX_EXCLUDE; i++)
		cfg->exclude[i] = (struct ppcpv_range){ 0, 0 };
	return 0;
}

/* Every field of the shared page must be reachable as D(0): the first and
 * the last byte both within a signed 16-bit displacement. */
static int check_magic_ea(int64_t ea)
{
	if (ea % PPCPV_MAGIC_PAGE_SIZE)
		return -PPCPV_ERR_ALIGN;
	if (!ppc_disp_fits(ea) || !ppc_disp_fits(ea + PPCPV_SHARED_SIZE - 1))
		return -PPCPV_ERR_RANGE;
	return 0;
}

int ppcpv_config_check(const struct ppcpv_config *cfg)
{
	unsigned int i;

	if (!cfg || (unsigned int)cfg->family >= PPCPV_FAMILY_COUNT)
		return -PPCPV_ERR_INVAL;
	if (cfg->word_bits != family_word_bits(cfg->family))
		return -PPCPV_ERR_INVAL;
	if (cfg->n_exclude > PPCPV_MAX_EXCLUDE)
		return -PPCPV_ERR_INVAL;
	for (i = 0; i < cfg->n_exclude; i++)
		if (cfg->exclude[i].start > cfg->exclude[i].end)
			return -PPCPV_ERR_INVAL;
	return check_magic_ea(cfg->magic_ea);
}
