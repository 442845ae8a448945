/* SPDX-License-Identifier: MIT */
/* What an e500 test guest's payload uses of the runtime (lib.c). */
#ifndef PPCPV_TEST_E500_T_GUEST_H
#define PPCPV_TEST_E500_T_GUEST_H

#include <stddef.h>
#include <stdint.h>
#include "guest.h"

/* Each payload defines this; the return value is the exit status. */
int guest_test_main(const void *fdt, size_t fdt_size);

void guest_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void guest_exit(int status) __attribute__((noreturn));
void guest_check(int cond, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int guest_failures(void);
/* 1 when booted without a host (no host device in the device tree). */
int guest_native(void);
/* The host device's page from the device tree (0 natively). */
uintptr_t guest_hostdev(void);
/* Where the console bytes go: 'm' the UART (the host device's, natively
 * the SoC's), 'b' the byte-channel hypercall (once the hypercall sequence
 * is installed). */
void guest_console_use(char how);
typedef void (*guest_handler)(struct guest_frame *f);
void guest_set_handler(unsigned int ivor, guest_handler h);
int guest_install_hcalls(const void *fdt, size_t fdt_size);
/* Does /chosen/bootargs contain word (words separated by spaces)? */
int guest_bootarg_is(const char *word);

/* Privileged instructions: each one traps to the host. */
#define MFSPR(n) ({ uint32_t v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(n)); v_; })
#define MTSPR(n, v) __asm__ __volatile__("mtspr %0,%1" : : "i"(n), "r"((uint32_t)(v)) : "memory")

static inline uint32_t mfmsr(void)
{
	uint32_t v;

	__asm__ __volatile__("mfmsr %0" : "=r"(v));
	return v;
}

static inline void wrteei(int on)
{
	if (on)
		__asm__ __volatile__("wrteei 1" : : : "memory");
	else
		__asm__ __volatile__("wrteei 0" : : : "memory");
}

/* The timebase's low word (user-readable). */
static inline uint32_t tbl(void)
{
	return MFSPR(PPC_SPR_TBL);
}

#endif /* PPCPV_TEST_E500_T_GUEST_H */
