// SPDX-License-Identifier: MIT
/*
 * emul-listing - print the trampoline tables of ppcpv/emul.h.
 *
 *   emul-listing 32|64           libopcodes disassembly, one word a line:
 *                                "<template> <index> <text> [<slot>...]"
 *   emul-listing --words 32|64   "<template> <index> 0x<word>"
 *
 * tests/emul/listing.sh compares the first form with the hand-written
 * listings and the second with the bytes GNU binutils sees in the objects.
 * Each template is disassembled as if it started at address 0, so branch
 * targets read as byte offsets into the template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/disasm.h>
#include <ppcpv/emul.h>

/* "0x0000000000000040" -> "0x40": libopcodes pads addresses to 64 bits. */
static void shorten_hex(char *text)
{
	char *p = text;

	while ((p = strstr(p, "0x"))) {
		char *digits = p + 2, *q = digits;

		while (*q == '0' && q[1] && strchr("0123456789abcdef", q[1]))
			q++;
		memmove(digits, q, strlen(q) + 1);
		p = digits;
	}
}

static void print_slots(const struct ppcpv_emul_template *t, int i)
{
	if (t->value_slot[0] == i)
		printf(" [value0]");
	if (t->value_slot[1] == i)
		printf(" [value1]");
	if (t->orig_slot == i)
		printf(" [orig]");
	if (t->branch_slot == i)
		printf(" [branch]");
	if (t->sr_index_slot == i)
		printf(" [sr_index]");
	if (t->sr_store_slot == i)
		printf(" [sr_store]");
}

static int print_listing(const struct ppcpv_emul_template *t, unsigned int bits)
{
	const struct ppcpv_disasm_opts opts = { (int)bits, 1, NULL };
	char text[PPCPV_DISASM_TEXT_MAX];
	unsigned int i;

	printf("%s words %u\n", t->name, t->n_words);
	for (i = 0; i < t->n_words; i++) {
		if (ppcpv_disasm_word(&opts, t->words[i], 4 * (uint64_t)i, text, sizeof(text))) {
			fprintf(stderr, "emul-listing: libopcodes cannot decode %s word %u\n",
				t->name, i);
			return -1;
		}
		shorten_hex(text);
		printf("%s %u %s", t->name, i, text);
		print_slots(t, (int)i);
		putchar('\n');
	}
	return 0;
}

static void print_words(const struct ppcpv_emul_template *t)
{
	unsigned int i;

	for (i = 0; i < t->n_words; i++)
		printf("%s %u 0x%08x\n", t->name, i, t->words[i]);
}

int main(int argc, char **argv)
{
	int words = argc == 3 && !strcmp(argv[1], "--words");
	const char *bits_arg = argv[argc - 1];
	unsigned int bits, id;

	if (argc != 2 + words || (strcmp(bits_arg, "32") && strcmp(bits_arg, "64"))) {
		fprintf(stderr, "usage: emul-listing [--words] 32|64\n");
		return 2;
	}
	bits = (unsigned int)atoi(bits_arg);
	for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
		const struct ppcpv_emul_template *t = ppcpv_emul_template(bits, id);

		if (!t) {
			fprintf(stderr, "emul-listing: no %u-bit template %u\n", bits, id);
			return 1;
		}
		if (words)
			print_words(t);
		else if (print_listing(t, bits))
			return 1;
	}
	return 0;
}
