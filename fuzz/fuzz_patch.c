// SPDX-License-Identifier: MIT
/*
 * Fuzz target "patch": ppcpv-patch on an ELF file, along the path a user's
 * commands take: the ELF reader and its checks, the plan, the scan and a
 * report, --apply with its restore record, and --unpatch.  The tool maps
 * files and has no in-memory entry, so each input is written to a scratch
 * directory ($TMPDIR, else /tmp) and the command's own main() is called
 * (patch_main.c) with the file names.
 *
 * Three bytes of e_ident's padding, which ELF readers ignore, choose the
 * options, so that an input is nothing but an ELF file:
 *   e_ident[9]  (EI_PAD)      bit 0: --family e500, not book3s32 (ELF32 only)
 *   e_ident[10] (EI_PAD + 1)  bits 0-1: --features
 *   e_ident[11] (EI_PAD + 2)  bits 0-1: the report: text, --json, --sites, --disasm
 *
 * A restore record at the end of the input (patch_record.h) gets its own
 * CRC recomputed in the file written, so that mutations of the record reach
 * the checks behind that CRC; the other CRCs (of the original, of the
 * kvm_tmp bytes) stay as the input has them.
 *
 * Beyond "no sanitizer report", one invariant: whenever --apply succeeds,
 * --unpatch of the file it wrote succeeds and gives that file back byte
 * for byte.  The tool's messages and reports go to /dev/null.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../patcher/tool/crc32.h"
#include "../patcher/tool/patch_record.h"
#include "fuzz.h"

int ppcpv_patch_main(int argc, char **argv);

/* The option bytes, in e_ident's padding. */
#define OPT_FAMILY_BYTE		(EI_PAD + 0)
#define OPT_FEATURES_BYTE	(EI_PAD + 1)
#define OPT_REPORT_BYTE		(EI_PAD + 2)

static char scratch[PATH_MAX / 2];	/* room left for the file names */
static char in_path[PATH_MAX], patched_path[PATH_MAX], restored_path[PATH_MAX];

static void remove_scratch(void)
{
	unlink(in_path);
	unlink(patched_path);
	unlink(restored_path);
	rmdir(scratch);
}

/* Once: the scratch directory, and the tool's output silenced. */
static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	FILE *null = fopen("/dev/null", "w");

	snprintf(scratch, sizeof(scratch), "%s/ppcpv-fuzz-patch.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FUZZ_REQUIRE(mkdtemp(scratch) != NULL);
	snprintf(in_path, sizeof(in_path), "%s/in", scratch);
	snprintf(patched_path, sizeof(patched_path), "%s/patched", scratch);
	snprintf(restored_path, sizeof(restored_path), "%s/restored", scratch);
	atexit(remove_scratch);
	FUZZ_REQUIRE(null != NULL && freopen("/dev/null", "w", stdout) != NULL);
	stderr = null;	/* the tool's messages; sanitizers write to fd 2 */
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	FUZZ_REQUIRE(f != NULL);
	FUZZ_REQUIRE(fwrite(data, 1, size, f) == size);
	FUZZ_REQUIRE(fclose(f) == 0);
}

/* Is the file at path exactly data[0..size)? */
static int same_content(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "rb");
	uint8_t buf[4096];
	size_t done = 0, n;
	int same = f != NULL;

	while (same && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		same = n <= size - done && !memcmp(buf, data + done, n);
		done += n;
	}
	if (f)
		fclose(f);
	return same && done == size;
}

/* The record's CRC, at byte 16 of its footer, over the record before it. */
#define FOOTER_CRC_OFFSET	16
#define FOOTER_SIZE_OFFSET	8

static uint64_t get_le(const uint8_t *p, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

/* See the top of this file; the footer's magic is patch_record.c's. */
static void seal_record(uint8_t *file, size_t size)
{
	static const char footer_magic[8] = { 'P', 'P', 'C', 'P', 'V', 'E', 'N', 'D' };
	uint8_t *footer = file + size - RECORD_FOOTER_SIZE;
	uint64_t record_size;
	uint32_t crc;
	unsigned int i;

	if (size < RECORD_HEADER_SIZE + RECORD_FOOTER_SIZE ||
	    memcmp(footer, footer_magic, sizeof(footer_magic)))
		return;
	record_size = get_le(footer + FOOTER_SIZE_OFFSET, 8);
	if (record_size < RECORD_HEADER_SIZE + RECORD_FOOTER_SIZE || record_size > size)
		return;
	crc = crc32_update(0, file + size - record_size, (size_t)record_size - RECORD_FOOTER_SIZE);
	for (i = 0; i < 4; i++)
		footer[FOOTER_CRC_OFFSET + i] = (uint8_t)(crc >> (8 * i));
}

/* Run ppcpv-patch with a NULL-terminated argument list; its exit status. */
static int run_tool(char **args)
{
	int argc = 0;

	while (args[argc])
		argc++;
	optind = 0;	/* getopt starts afresh */
	return ppcpv_patch_main(argc, args);
}

/*
 * ppcpv-patch with the options the input asks for (see the top of this
 * file), then `extra` (NULL-terminated), then the input file.
 */
static int run_with_options(const uint8_t *data, size_t size, char *const *extra)
{
	static char *const reports[] = { NULL, "--json", "--sites", "--disasm" };
	static char *const features[] = { "0x0", "0x1", "0x2", "0x3" };
	char *args[16] = { "ppcpv-patch" };
	int n = 1;

	if (size > OPT_REPORT_BYTE) {
		if (data[EI_CLASS] == ELFCLASS32) {
			args[n++] = "--family";
			args[n++] = data[OPT_FAMILY_BYTE] & 1 ? "e500" : "book3s32";
		}
		args[n++] = "--features";
		args[n++] = features[data[OPT_FEATURES_BYTE] & 3];
		if (reports[data[OPT_REPORT_BYTE] & 3])
			args[n++] = reports[data[OPT_REPORT_BYTE] & 3];
	}
	while (*extra)
		args[n++] = *extra++;
	args[n++] = in_path;
	args[n] = NULL;
	return run_tool(args);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *const none[] = { NULL };
	char *const apply[] = { "--apply", patched_path, NULL };
	char *unpatch[] = { "ppcpv-patch", "--unpatch", "--apply", restored_path, in_path, NULL };

	uint8_t *file = malloc(size ? size : 1);
	int applied;

	FUZZ_REQUIRE(file != NULL);
	if (!scratch[0])
		setup();
	memcpy(file, data, size);
	seal_record(file, size);
	write_file(in_path, file, size);
	run_with_options(file, size, none);	/* the report of a dry run */
	run_tool(unpatch);			/* a restore record of the input's own */
	applied = run_with_options(file, size, apply) == 0;
	if (applied) {
		unpatch[4] = patched_path;
		FUZZ_REQUIRE(run_tool(unpatch) == 0);
		FUZZ_REQUIRE(same_content(restored_path, file, size));
	}
	free(file);
	return 0;
}
