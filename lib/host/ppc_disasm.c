// SPDX-License-Identifier: MIT
/* libopcodes wrapper: one PowerPC instruction word to text. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <dis-asm.h>
#include <ppcpv/disasm.h>
#include <ppcpv/err.h>

struct text_sink {
	char *buf;
	size_t size;
	size_t len;
};

static int sink_vprintf(struct text_sink *s, const char *fmt, va_list ap)
{
	int n;

	if (s->len >= s->size)
		return 0;
	n = vsnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	if (n > 0)
		s->len += (size_t)n < s->size - s->len ? (size_t)n : s->size - s->len - 1;
	return n;
}

static int sink_plain(void *stream, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = sink_vprintf(stream, fmt, ap);
	va_end(ap);
	return n;
}

/* binutils >= 2.39 passes a style; we print plain text. */
static int sink_styled(void *stream, enum disassembler_style style, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)style;
	va_start(ap, fmt);
	n = sink_vprintf(stream, fmt, ap);
	va_end(ap);
	return n;
}

/* Collapse runs of blanks to one space; drop leading and trailing ones. */
static void fold_whitespace(char *text)
{
	char *r = text, *w = text;
	int blank = 0;

	for (; *r; r++) {
		if (*r == ' ' || *r == '\t') {
			blank = w != text;
			continue;
		}
		if (blank)
			*w++ = ' ';
		blank = 0;
		*w++ = *r;
	}
	*w = '\0';
}

int ppcpv_disasm_word(const struct ppcpv_disasm_opts *opts, uint32_t insn,
		      uint64_t addr, char *out, size_t size)
{
	struct disassemble_info info;
	struct text_sink sink = { out, size, 0 };
	disassembler_ftype decode;
	unsigned long mach;
	bfd_byte bytes[4];
	int n;

	if (!opts || !out || size < 2 || (opts->word_bits != 32 && opts->word_bits != 64))
		return -PPCPV_ERR_INVAL;
	out[0] = '\0';
	mach = opts->word_bits == 64 ? bfd_mach_ppc64 : bfd_mach_ppc;
	if (opts->big_endian) {
		bytes[0] = (bfd_byte)(insn >> 24); bytes[1] = (bfd_byte)(insn >> 16);
		bytes[2] = (bfd_byte)(insn >> 8);  bytes[3] = (bfd_byte)insn;
	} else {
		bytes[3] = (bfd_byte)(insn >> 24); bytes[2] = (bfd_byte)(insn >> 16);
		bytes[1] = (bfd_byte)(insn >> 8);  bytes[0] = (bfd_byte)insn;
	}
	init_disassemble_info(&info, &sink, sink_plain, sink_styled);
	info.arch = bfd_arch_powerpc;
	info.mach = mach;
	info.endian = info.endian_code = opts->big_endian ? BFD_ENDIAN_BIG : BFD_ENDIAN_LITTLE;
	info.buffer = bytes;
	info.buffer_length = sizeof(bytes);
	info.buffer_vma = addr;
	info.disassembler_options = opts->dialect;
	disassemble_init_for_target(&info);
	decode = disassembler(bfd_arch_powerpc, opts->big_endian, mach, NULL);
	if (!decode)
		return -PPCPV_ERR_UNSUPPORTED;
	n = decode(addr, &info);
	disassemble_free_target(&info);
	if (n != 4)
		return -PPCPV_ERR_FORMAT;
	fold_whitespace(out);
	return 0;
}
