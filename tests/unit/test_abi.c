// SPDX-License-Identifier: MIT
/* Unit tests of hcall-abi: pvinfo semantics, error names, native layout. */
#include <stddef.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/pvinfo.h>
#include "ppcpv_test.h"

/* "KVM!", spelled out independently of abi.h */
#define KVM_SC_MAGIC_R0_VALUE ((uint32_t)'K' << 24 | (uint32_t)'V' << 16 | (uint32_t)'M' << 8 | '!')

static void test_pvinfo_trap_sc(void)
{
	static const uint8_t be_words[16] = {
		0x3c, 0x00, 0x4b, 0x56, 0x60, 0x00, 0x4d, 0x21,
		0x44, 0x00, 0x00, 0x02, 0x60, 0x00, 0x00, 0x00,
	};
	struct kvm_ppc_pvinfo info;
	size_t i;

	memset(&info, 0xa5, sizeof(info));
	CU_ASSERT_EQUAL(ppcpv_pvinfo_fill(&info, PPCPV_HOST_TRAP_SC), 0);
	CU_ASSERT_EQUAL(info.flags, KVM_PPC_PVINFO_FLAGS_EV_IDLE);
	/* hcall[] is big-endian in memory whatever the host byte order */
	CU_ASSERT_EQUAL(memcmp(info.hcall, be_words, sizeof(be_words)), 0);
	for (i = 0; i < sizeof(info.pad); i++)
		CU_ASSERT_EQUAL_FATAL(info.pad[i], 0);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_word(&info, 0), 0x3c004b56);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_word(&info, 3), 0x60000000);
}

static void test_pvinfo_booke_hv(void)
{
	struct kvm_ppc_pvinfo info;

	CU_ASSERT_EQUAL(ppcpv_pvinfo_fill(&info, PPCPV_HOST_BOOKE_HV), 0);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_word(&info, 0), 0x44000022);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_word(&info, 1), PPC_INST_NOP);
	CU_ASSERT_EQUAL(info.flags, PPCPV_PVINFO_FLAG_EV_IDLE);
}

static void test_pvinfo_bad_input(void)
{
	struct kvm_ppc_pvinfo info;

	CU_ASSERT_EQUAL(ppcpv_pvinfo_fill(NULL, PPCPV_HOST_TRAP_SC), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_fill(&info, (enum ppcpv_host_kind)7), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_word(NULL, 0), 0);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_word(&info, 4), 0);
}

static void test_pvinfo_sc_magic(void)
{
	struct kvm_ppc_pvinfo info;
	uint32_t magic = 0;

	CU_ASSERT_EQUAL(ppcpv_pvinfo_fill(&info, PPCPV_HOST_TRAP_SC), 0);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_sc_magic(&info, &magic), 0);
	CU_ASSERT_EQUAL(magic, KVM_SC_MAGIC_R0_VALUE);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_fill(&info, PPCPV_HOST_BOOKE_HV), 0);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_sc_magic(&info, &magic), -PPCPV_ERR_UNSUPPORTED);
	CU_ASSERT_EQUAL(ppcpv_pvinfo_sc_magic(NULL, &magic), -PPCPV_ERR_INVAL);
}

static void test_strerror(void)
{
	CU_ASSERT_STRING_EQUAL(ppcpv_strerror(0), "success");
	CU_ASSERT_STRING_EQUAL(ppcpv_strerror(-PPCPV_ERR_RANGE), "out of range");
	CU_ASSERT_STRING_EQUAL(ppcpv_strerror(PPCPV_ERR_RANGE), "out of range");
	CU_ASSERT_STRING_EQUAL(ppcpv_strerror(-PPCPV_ERR_MAX), "unknown error");
	CU_ASSERT_STRING_EQUAL(ppcpv_strerror(-1000), "unknown error");
}

static void test_shared_displacements(void)
{
	/* The encodings the reference documents for RA=0 accesses. */
	CU_ASSERT_EQUAL((uint16_t)PPCPV_SHARED_DISP(PPCPV_MAGIC_PAGE_EA, PPCPV_SHARED_MSR), 0xf058);
	CU_ASSERT_EQUAL((uint16_t)PPCPV_SHARED_DISP(PPCPV_MAGIC_PAGE_EA,
			PPCPV_SHARED_MSR + PPCPV_SHARED_U64_LOW_WORD), 0xf05c);
	CU_ASSERT_EQUAL((uint16_t)PPCPV_SHARED_DISP(PPCPV_MAGIC_PAGE_EA, PPCPV_SHARED_SR), 0xf068);
	CU_ASSERT_EQUAL((uint16_t)PPCPV_SHARED_DISP(PPCPV_MAGIC_PAGE_EA,
			PPCPV_SHARED_SPRG7 + PPCPV_SHARED_U64_LOW_WORD), 0xf0ec);
	CU_ASSERT_EQUAL(sizeof(struct ppcpv_shared), PPCPV_SHARED_SIZE);
	CU_ASSERT(PPCPV_SHARED_SIZE <= PPCPV_MAGIC_PAGE_SIZE);
}

PPCPV_SUITE(abi, "hcall-abi", NULL, NULL,
	{ "pvinfo for trap-sc hosts", test_pvinfo_trap_sc },
	{ "pvinfo for BookE-HV hosts", test_pvinfo_booke_hv },
	{ "pvinfo rejects bad input", test_pvinfo_bad_input },
	{ "pvinfo gives the hypercall magic", test_pvinfo_sc_magic },
	{ "error names", test_strerror },
	{ "shared-page displacements", test_shared_displacements })
