// SPDX-License-Identifier: MIT
/*
 * PV discovery from the flat device tree: /hypervisor must be compatible
 * with "linux,kvm" and carry hcall-instructions, 1 to 4 big-endian words.
 * Each failure gets its own reason, so a guest that boots unpatched can say
 * exactly why.
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include <ppcpv/fmt.h>
#include <ppcpv/guest_pv.h>

#define HYPERVISOR_PATH "/hypervisor"

static int fail(struct ppcpv_pv_result *res, int err, const char *why)
{
	res->err = err;
	ppcpv_fmt(res->reason, sizeof(res->reason), "%s", why);
	return err;
}

static int read_words(const void *fdt, size_t size, int node, struct ppcpv_pv_result *res)
{
	const uint8_t *val;
	unsigned int i;
	int len;

	len = ppcpv_fdt_getprop(fdt, size, node, "hcall-instructions", (const void **)&val);
	if (len == -PPCPV_ERR_NOTFOUND)
		return fail(res, -PPCPV_ERR_NOTFOUND, HYPERVISOR_PATH " has no hcall-instructions");
	if (len < 0)
		return fail(res, len, "device tree unreadable at " HYPERVISOR_PATH);
	if (len == 0 || len % 4 || len > 4 * PPCPV_HCALL_INSN_COUNT) {
		res->err = -PPCPV_ERR_FORMAT;
		ppcpv_fmt(res->reason, sizeof(res->reason),
			  "hcall-instructions is %d bytes (must be 4 to 16, a multiple of 4)", len);
		return res->err;
	}
	res->n_hcall_words = (unsigned int)len / 4;
	for (i = 0; i < res->n_hcall_words; i++)
		res->hcall_words[i] = ppcpv_fdt_be32(val + 4 * i);
	return 0;
}

int ppcpv_guest_discover(const void *fdt, size_t fdt_size, struct ppcpv_pv_result *res)
{
	const void *compat;
	int node, len;

	if (!res)
		return -PPCPV_ERR_INVAL;
	res->stage = PPCPV_PV_DISCOVER;
	if (!fdt || ppcpv_fdt_check(fdt, fdt_size))
		return fail(res, -PPCPV_ERR_FORMAT, "no valid device tree");
	node = ppcpv_fdt_path_offset(fdt, fdt_size, HYPERVISOR_PATH);
	if (node < 0)
		return fail(res, -PPCPV_ERR_NOTFOUND, "no " HYPERVISOR_PATH " node in the device tree");
	len = ppcpv_fdt_getprop(fdt, fdt_size, node, "compatible", &compat);
	if (len < 0 || !ppcpv_fdt_stringlist_contains(compat, len, "linux,kvm"))
		return fail(res, -PPCPV_ERR_UNSUPPORTED,
			    HYPERVISOR_PATH " is not compatible with \"linux,kvm\"");
	res->has_idle = ppcpv_fdt_getprop(fdt, fdt_size, node, "has-idle", NULL) >= 0;
	return read_words(fdt, fdt_size, node, res);
}
