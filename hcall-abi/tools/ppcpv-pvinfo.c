// SPDX-License-Identifier: MIT
/*
 * ppcpv-pvinfo: show what a host answers to KVM_PPC_GET_PVINFO.
 *
 * Fills the real struct kvm_ppc_pvinfo with ppcpv_pvinfo_fill() (the same
 * function the host stub and the launcher use) and prints the flags and the
 * hypercall words, each decoded by libopcodes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/disasm.h>
#include <ppcpv/err.h>
#include <ppcpv/pvinfo.h>

static void usage(FILE *f)
{
	fprintf(f,
		"usage: ppcpv-pvinfo [--host trap-sc|booke-hv] [--words] [--json]\n"
		"  --host KIND  host kind: trap-sc (Book3S PR, e500v2; default) or booke-hv\n"
		"  --words      print only the four hypercall words, one hex word a line\n"
		"  --json       print one JSON object\n");
}

static int parse_kind(const char *s, enum ppcpv_host_kind *kind)
{
	if (!strcmp(s, "trap-sc"))
		*kind = PPCPV_HOST_TRAP_SC;
	else if (!strcmp(s, "booke-hv"))
		*kind = PPCPV_HOST_BOOKE_HV;
	else
		return -1;
	return 0;
}

static void print_table(const struct kvm_ppc_pvinfo *info)
{
	const struct ppcpv_disasm_opts opts = { .word_bits = 64, .big_endian = 1 };
	char text[PPCPV_DISASM_TEXT_MAX];
	unsigned int i;

	printf("KVM_PPC_GET_PVINFO (ioctl 0x%08x on powerpc, struct of %zu bytes)\n",
	       PPCPV_KVM_PPC_GET_PVINFO_PPC, sizeof(*info));
	printf("  flags    0x%08x%s\n", info->flags,
	       info->flags & PPCPV_PVINFO_FLAG_EV_IDLE ? " (EV_IDLE)" : "");
	for (i = 0; i < PPCPV_HCALL_INSN_COUNT; i++) {
		uint32_t w = ppcpv_pvinfo_word(info, i);

		if (ppcpv_disasm_word(&opts, w, 4 * i, text, sizeof(text)))
			snprintf(text, sizeof(text), "(libopcodes cannot decode PowerPC)");
		printf("  hcall[%u] 0x%08x  %s\n", i, w, text);
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "host", required_argument, NULL, 'k' },
		{ "words", no_argument, NULL, 'w' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum ppcpv_host_kind kind = PPCPV_HOST_TRAP_SC;
	struct kvm_ppc_pvinfo info;
	int words_only = 0, json = 0, c, err;
	unsigned int i;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			if (parse_kind(optarg, &kind)) {
				fprintf(stderr, "ppcpv-pvinfo: unknown host kind '%s' (trap-sc or booke-hv)\n", optarg);
				return 2;
			}
			break;
		case 'w': words_only = 1; break;
		case 'j': json = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "ppcpv-pvinfo: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	err = ppcpv_pvinfo_fill(&info, kind);
	if (err) {
		fprintf(stderr, "ppcpv-pvinfo: %s\n", ppcpv_strerror(err));
		return 1;
	}
	if (words_only) {
		for (i = 0; i < PPCPV_HCALL_INSN_COUNT; i++)
			printf("0x%08x\n", ppcpv_pvinfo_word(&info, i));
	} else if (json) {
		printf("{\"flags\":%u,\"ev_idle\":%s,\"hcall\":[", info.flags,
		       info.flags & PPCPV_PVINFO_FLAG_EV_IDLE ? "true" : "false");
		for (i = 0; i < PPCPV_HCALL_INSN_COUNT; i++)
			printf("%s\"0x%08x\"", i ? "," : "", ppcpv_pvinfo_word(&info, i));
		printf("],\"size\":%zu}\n", sizeof(info));
	} else {
		print_table(&info);
	}
	return 0;
}
