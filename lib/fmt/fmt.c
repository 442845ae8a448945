// SPDX-License-Identifier: MIT
/* A small snprintf for freestanding code; see ppcpv/fmt.h. */
#include <stdint.h>
#include <ppcpv/fmt.h>

struct out {
	char *buf;
	size_t size;
	size_t len;	/* what the full output needs */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, unsigned int width,
		       int left, char pad)
{
	size_t i;

	for (i = n; !left && i < width; i++)
		put(o, pad);
	for (i = 0; i < n; i++)
		put(o, s[i]);
	for (i = n; left && i < width; i++)
		put(o, ' ');
}

static void put_number(struct out *o, unsigned long long v, int negative, unsigned int base,
		       int upper, unsigned int width, int left, char pad)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	size_t n = 0;

	do {
		tmp[sizeof(tmp) - 1 - n++] = digits[v % base];
		v /= base;
	} while (v);
	if (negative) {
		if (pad == '0') {	/* the sign goes before the zeros */
			put(o, '-');
			width = width ? width - 1 : 0;
		} else {
			tmp[sizeof(tmp) - 1 - n++] = '-';
		}
	}
	put_padded(o, tmp + sizeof(tmp) - n, n, width, left, pad);
}

struct spec {
	int left;
	char pad;
	unsigned int width;
	int length;	/* 0 int, 1 long, 2 long long, 3 size_t */
};

static const char *parse_spec(const char *f, struct spec *sp)
{
	*sp = (struct spec){ 0, ' ', 0, 0 };
	for (;; f++) {
		if (*f == '-')
			sp->left = 1;
		else if (*f == '0')
			sp->pad = '0';
		else
			break;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (unsigned int)(*f++ - '0');
	if (*f == 'z') {
		sp->length = 3;
		f++;
	}
	while (*f == 'l' && sp->length < 2) {
		sp->length++;
		f++;
	}
	if (sp->left)
		sp->pad = ' ';
	return f;
}

static unsigned long long arg_unsigned(va_list *ap, int length)
{
	switch (length) {
	case 1: return va_arg(*ap, unsigned long);
	case 2: return va_arg(*ap, unsigned long long);
	case 3: return va_arg(*ap, size_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static long long arg_signed(va_list *ap, int length)
{
	switch (length) {
	case 1: return va_arg(*ap, long);
	case 2: return va_arg(*ap, long long);
	case 3: return (long long)va_arg(*ap, size_t);
	default: return va_arg(*ap, int);
	}
}

static void convert(struct out *o, char c, const struct spec *sp, va_list *ap)
{
	const char *s;
	long long sv;
	size_t n;
	char ch;

	switch (c) {
	case 'd':
	case 'i':
		sv = arg_signed(ap, sp->length);
		put_number(o, sv < 0 ? 0ULL - (unsigned long long)sv : (unsigned long long)sv,
			   sv < 0, 10, 0, sp->width, sp->left, sp->pad);
		break;
	case 'u':
	case 'x':
	case 'X':
		put_number(o, arg_unsigned(ap, sp->length), 0, c == 'u' ? 10 : 16, c == 'X',
			   sp->width, sp->left, sp->pad);
		break;
	case 'p':
		put(o, '0');
		put(o, 'x');
		put_number(o, (uintptr_t)va_arg(*ap, void *), 0, 16, 0, sp->width, sp->left, sp->pad);
		break;
	case 'c':
		ch = (char)va_arg(*ap, int);
		put_padded(o, &ch, 1, sp->width, sp->left, ' ');
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		for (n = 0; s[n]; n++)
			;
		put_padded(o, s, n, sp->width, sp->left, ' ');
		break;
	default:	/* %% and anything unknown is copied */
		put(o, c);
		break;
	}
}

int ppcpv_vfmt(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, buf ? size : 0, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (fmt && *fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp);
		if (!*fmt)
			break;
		convert(&o, *fmt++, &sp, &args);
	}
	va_end(args);
	if (o.size)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return o.len > 0x7fffffff ? 0x7fffffff : (int)o.len;
}

void ppcpv_vprint(void (*write)(const char *s, size_t n), const char *fmt, va_list ap)
{
	char buf[256];
	int n = ppcpv_vfmt(buf, sizeof(buf), fmt, ap);

	write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

int ppcpv_fmt(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = ppcpv_vfmt(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
