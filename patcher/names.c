// SPDX-License-Identifier: MIT
/* Names of families, kinds, actions and skip reasons (reports, JSON). */
#include <stddef.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>

static const char *const family_names[PPCPV_FAMILY_COUNT] = {
	[PPCPV_FAMILY_BOOK3S64] = "book3s64",
	[PPCPV_FAMILY_BOOK3S32] = "book3s32",
	[PPCPV_FAMILY_E500] = "e500",
};

static const char *const kind_names[PPCPV_KIND_COUNT] = {
	[PPCPV_KIND_MFMSR] = "mfmsr",
	[PPCPV_KIND_MFSPR] = "mfspr",
	[PPCPV_KIND_MTSPR] = "mtspr",
	[PPCPV_KIND_TLBSYNC] = "tlbsync",
	[PPCPV_KIND_MTMSRD_L1] = "mtmsrd_l1",
	[PPCPV_KIND_MTMSR] = "mtmsr",
	[PPCPV_KIND_MTMSRD_L0] = "mtmsrd_l0",
	[PPCPV_KIND_WRTEE] = "wrtee",
	[PPCPV_KIND_WRTEEI_1] = "wrteei_1",
	[PPCPV_KIND_WRTEEI_0] = "wrteei_0",
	[PPCPV_KIND_MTSRIN] = "mtsrin",
};

static const char *const action_names[PPCPV_ACTION_COUNT] = {
	[PPCPV_ACTION_LOAD] = "load",
	[PPCPV_ACTION_STORE] = "store",
	[PPCPV_ACTION_NOP] = "nop",
	[PPCPV_ACTION_BRANCH] = "branch",
	[PPCPV_ACTION_SKIP] = "skip",
};

static const char *const skip_names[PPCPV_SKIP_COUNT] = {
	[PPCPV_SKIP_NONE] = "none",
	[PPCPV_SKIP_FEATURE] = "feature",
	[PPCPV_SKIP_NO_BRANCH_ZONE] = "no-branch-zone",
	[PPCPV_SKIP_BRANCH_RANGE] = "branch-range",
	[PPCPV_SKIP_NO_SPACE] = "kvm-tmp-full",
	[PPCPV_SKIP_PREFIXED] = "prefixed-suffix",
};

static const char *name_of(const char *const *names, unsigned int count, unsigned int i)
{
	return i < count && names[i] ? names[i] : "unknown";
}

const char *ppcpv_family_name(enum ppcpv_family f)
{
	return name_of(family_names, PPCPV_FAMILY_COUNT, (unsigned int)f);
}

const char *ppcpv_kind_name(enum ppcpv_kind k)
{
	return name_of(kind_names, PPCPV_KIND_COUNT, (unsigned int)k);
}

const char *ppcpv_action_name(enum ppcpv_action a)
{
	return name_of(action_names, PPCPV_ACTION_COUNT, (unsigned int)a);
}

const char *ppcpv_skip_name(enum ppcpv_skip s)
{
	return name_of(skip_names, PPCPV_SKIP_COUNT, (unsigned int)s);
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int ppcpv_family_parse(const char *name, enum ppcpv_family *out)
{
	unsigned int f;

	if (!name || !out)
		return -PPCPV_ERR_INVAL;
	for (f = 0; f < PPCPV_FAMILY_COUNT; f++) {
		if (str_eq(name, family_names[f])) {
			*out = (enum ppcpv_family)f;
			return 0;
		}
	}
	return -PPCPV_ERR_INVAL;
}
