// SPDX-License-Identifier: MIT
/*
 * ppcpv-patch's main() under another name, so that the patch fuzz target
 * (fuzz_patch.c) runs the command exactly as a user does, options and all,
 * without a process per run.
 */
int ppcpv_patch_main(int argc, char **argv);

#define main ppcpv_patch_main
#include "../patcher/tool/ppcpv-patch.c"
