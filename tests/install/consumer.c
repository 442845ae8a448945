// SPDX-License-Identifier: MIT
/*
 * A program outside the tree, built by `make installcheck` against an
 * installed ppcpv with nothing but `pkg-config --cflags --libs ppcpv`: it
 * reads the hypercall words from a guest device tree with the FDT reader,
 * patches a raw big-endian Book3S-64 text with the patcher, prints the
 * counts, and unpatches.  tests/install/check.sh checks what it prints.
 *
 *   consumer GUEST-DTB TEXT [FEATURES]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include <ppcpv/patcher.h>

#define TEXT_ADDR	0x10000u	/* where the text would run */
#define KVM_TMP_ADDR	0x20000u	/* the trampoline area, in branch reach */
#define KVM_TMP_SIZE	4096u
#define MAX_SITES	256
#define MAX_FILE	(1u << 20)

static const char *prog = "consumer";

static int die(const char *what, const char *why)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, why);
	return 1;
}

/* The whole file (at most MAX_FILE bytes) in a new buffer, or NULL. */
static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = malloc(MAX_FILE);
	size_t n = 0;

	if (f && buf)
		n = fread(buf, 1, MAX_FILE, f);
	if (!f || !buf || ferror(f) || !feof(f)) {
		if (f)
			fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

static int show_hypervisor(const char *path)
{
	size_t size;
	unsigned char *fdt = read_file(path, &size);
	const void *words;
	int node, len, i, err;

	if (!fdt)
		return die(path, "cannot read it (missing, unreadable or over 1 MiB)");
	err = ppcpv_fdt_check(fdt, size);
	node = err ? err : ppcpv_fdt_path_offset(fdt, size, "/hypervisor");
	len = node < 0 ? node : ppcpv_fdt_getprop(fdt, size, node, "hcall-instructions", &words);
	if (len < 0) {
		free(fdt);
		return die(path, ppcpv_strerror(len));
	}
	printf("hcall-instructions:");
	for (i = 0; i + 4 <= len; i += 4)
		printf(" 0x%08x", ppcpv_fdt_be32((const unsigned char *)words + i));
	printf("\n");
	free(fdt);
	return 0;
}

static void print_counts(const struct ppcpv_stats *st)
{
	unsigned int i;

	for (i = 0; i < PPCPV_KIND_COUNT; i++)
		if (st->found_by_kind[i])
			printf("kind %s %u\n", ppcpv_kind_name(i), st->found_by_kind[i]);
	for (i = 0; i < PPCPV_ACTION_COUNT; i++)
		if (st->patched_by_action[i])
			printf("action %s %u\n", ppcpv_action_name(i), st->patched_by_action[i]);
	for (i = 0; i < PPCPV_SKIP_COUNT; i++)
		if (st->skipped_by_reason[i])
			printf("skip %s %u\n", ppcpv_skip_name(i), st->skipped_by_reason[i]);
}

static size_t words_changed(const unsigned char *a, const unsigned char *b, size_t size)
{
	size_t i, n = 0;

	for (i = 0; i + 4 <= size; i += 4)
		n += memcmp(a + i, b + i, 4) != 0;
	return n;
}

static int patch_and_unpatch(const char *path, unsigned long features)
{
	static struct ppcpv_site sites[MAX_SITES];
	static uint8_t tmp_bytes[KVM_TMP_SIZE];
	struct ppcpv_region text, tmp = { tmp_bytes, KVM_TMP_ADDR, sizeof(tmp_bytes) };
	struct ppcpv_config cfg;
	struct ppcpv_stats st;
	size_t size;
	unsigned char *orig, *bytes = read_file(path, &size);
	int n, restored;

	if (!bytes)
		return die(path, "cannot read it (missing, unreadable or over 1 MiB)");
	orig = malloc(size ? size : 1);
	if (!orig)
		return die(path, "out of memory");
	memcpy(orig, bytes, size);
	text = (struct ppcpv_region){ bytes, TEXT_ADDR, size };
	ppcpv_config_init(&cfg, PPCPV_FAMILY_BOOK3S64, 1);
	cfg.features = (uint32_t)features;
	n = ppcpv_patch_text(&cfg, &text, &tmp, sites, MAX_SITES, 0, &st);
	if (n < 0)
		return die(path, ppcpv_strerror(n));
	printf("scanned %llu bytes: %u sites, %u patched, %u skipped\n",
	       (unsigned long long)st.bytes_scanned, st.sites, st.patched, st.skipped);
	print_counts(&st);
	printf("text: %zu words changed\n", words_changed(orig, bytes, size));
	printf("kvm_tmp used %llu of %llu bytes\n", (unsigned long long)st.tmp_used,
	       (unsigned long long)st.tmp_size);
	restored = ppcpv_unpatch(&cfg, &text, sites, (size_t)n);
	if (restored < 0)
		return die(path, ppcpv_strerror(restored));
	printf("unpatch: %d words restored, text %s\n", restored,
	       memcmp(orig, bytes, size) ? "differs" : "identical");
	free(orig);
	free(bytes);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long features = PPCPV_MAGIC_FEAT_ALL;
	char *end;

	if (argc == 4) {
		features = strtoul(argv[3], &end, 0);
		if (*end || !*argv[3])
			return die(argv[3], "not a feature mask");
	} else if (argc != 3) {
		fprintf(stderr, "usage: %s GUEST-DTB TEXT [FEATURES]\n", prog);
		return 2;
	}
	return show_hypervisor(argv[1]) || patch_and_unpatch(argv[2], features);
}
