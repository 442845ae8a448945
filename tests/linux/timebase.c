// SPDX-License-Identifier: MIT
/*
 * ppcpv-timebase: a Linux user program (static, ppc64le, no libc) that
 * prints the timebase register in decimal.  Under QEMU's -icount shift=0
 * the timebase is the guest's virtual time, one nanosecond per instruction,
 * so the init of a Linux guest reports instruction counts with it: the same
 * quantity ppcpv-run reads from the reference guest (GUEST-RESULT timebase).
 */
#include <stdint.h>
#include <asm/unistd.h>

/* Digits of a 64-bit number and the newline. */
#define OUT_MAX	24

void ppcpv_timebase_main(void) __attribute__((noreturn));

/* Linux system call: r0 = number, r3.. = arguments, result in r3. */
static long syscall3(long nr, long a, long b, long c)
{
	register long r0 __asm__("r0") = nr;
	register long r3 __asm__("r3") = a;
	register long r4 __asm__("r4") = b;
	register long r5 __asm__("r5") = c;

	__asm__ __volatile__("sc"
		: "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
		:
		: "r6", "r7", "r8", "r9", "r10", "r11", "r12", "ctr", "xer", "cr0", "memory");
	return r3;
}

void ppcpv_timebase_main(void)
{
	char out[OUT_MAX];
	unsigned int n = OUT_MAX;
	uint64_t tb;

	__asm__ __volatile__("mftb %0" : "=r"(tb));
	out[--n] = '\n';
	do {
		out[--n] = (char)('0' + tb % 10);
		tb /= 10;
	} while (tb);
	syscall3(__NR_write, 1, (long)(out + n), OUT_MAX - n);
	syscall3(__NR_exit_group, 0, 0, 0);
	for (;;)
		;
}

/* The entry: a 16-byte aligned stack with an empty frame (the kernel's r1
 * points at argc, which a callee's LR save would overwrite), then C. */
__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	clrrdi 1, 1, 4\n"
	"	li 0, 0\n"
	"	stdu 0, -32(1)\n"
	"	bl ppcpv_timebase_main\n");
