// SPDX-License-Identifier: MIT
/*
 * A fuzz target without libFuzzer: runs its LLVMFuzzerTestOneInput() once
 * on each file named, read into a buffer of exactly the file's size (as
 * libFuzzer hands it), so that `make check` replays the seeds and every
 * input that once broke a target (fuzz/regressions/) with the ordinary
 * compiler.  Exit 0 when every file went through; a broken invariant or a
 * sanitizer report ends the run as it would end the fuzzer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "fuzz.h"

static int replay(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	long size = -1;

	if (f && !fseek(f, 0, SEEK_END))
		size = ftell(f);
	if (size < 0 || fseek(f, 0, SEEK_SET) ||
	    !(data = malloc(size ? (size_t)size : 1)) ||
	    fread(data, 1, (size_t)size, f) != (size_t)size) {
		/* fd 2, not stderr: a harness may have pointed stderr elsewhere */
		dprintf(STDERR_FILENO, "replay: cannot read %s\n", path);
		free(data);
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, (size_t)size);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (replay(argv[i]))
			return 1;
	return 0;
}
