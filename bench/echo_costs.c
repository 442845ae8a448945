// SPDX-License-Identifier: MIT
/*
 * bench-echo --exit-costs DIR: the host's instructions per exit by kind,
 * which exit-costs (bench/exit_costs.c) measured from an instruction trace
 * of each hosted mode (bench/exit-trace.sh writes DIR/<mode key>.txt):
 * added to the table and to each hosted mode in results.json as
 * host_insns_per_exit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_echo.h"

int exit_costs_read(const char *dir, enum mode m, struct exit_costs *c)
{
	char path[4096], kind[sizeof(c->kind[0])];
	char *line = NULL;
	size_t cap = 0;
	double per_iter, insns;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.txt", dir, mode_key[m]);
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "bench-echo: %s: %s\n", path, strerror(errno));
		return -1;
	}
	memset(c, 0, sizeof(*c));
	while (getline(&line, &cap, f) > 0 && c->n < MAX_PAIRS) {
		if (sscanf(line, "exit %23s %lf %lf", kind, &per_iter, &insns) != 3)
			continue;
		memcpy(c->kind[c->n], kind, sizeof(kind));
		c->per_iter[c->n] = per_iter;
		c->insns[c->n++] = insns;
	}
	free(line);
	fclose(f);
	if (!c->n) {
		fprintf(stderr, "bench-echo: %s: no exit line\n", path);
		return -1;
	}
	c->have = 1;
	return 0;
}

static int cost_of(const struct exit_costs *c, const char *kind, double *insns)
{
	unsigned int i;

	for (i = 0; i < c->n; i++) {
		if (!strcmp(c->kind[i], kind)) {
			*insns = c->insns[i];
			return 1;
		}
	}
	return 0;
}

/* One row per kind any hosted mode has: its host instructions per exit. */
void exit_costs_print(const struct result *res)
{
	enum mode m, k;
	unsigned int i;
	double v;

	if (!res[NO_PV].costs.have && !res[PV].costs.have)
		return;
	printf("\nhost instructions per exit, by kind (traced: bench/exit-trace.sh, "
	       "exit-costs; per exit of the loop)\n\n  %-34s", "");
	for (m = NO_PV; m < MODES; m++)
		if (res[m].costs.have)
			printf(" %12s", mode_label[m]);
	printf("\n");
	for (k = NO_PV; k < MODES; k++) {
		const struct exit_costs *c = &res[k].costs;

		for (i = 0; c->have && i < c->n; i++) {
			/* printed already, from an earlier mode */
			if (k == PV && res[NO_PV].costs.have && cost_of(&res[NO_PV].costs, c->kind[i], &v))
				continue;
			printf("  %-34s", c->kind[i]);
			for (m = NO_PV; m < MODES; m++) {
				if (!res[m].costs.have)
					continue;
				if (cost_of(&res[m].costs, c->kind[i], &v))
					printf(" %12.1f", v);
				else
					printf(" %12s", "-");
			}
			printf("\n");
		}
	}
}

void exit_costs_json(FILE *f, const struct exit_costs *c)
{
	unsigned int i;

	if (!c->have)
		return;
	fprintf(f, ",\"host_insns_per_exit\":{");
	for (i = 0; i < c->n; i++)
		fprintf(f, "%s\"%s\":%.1f", i ? "," : "", c->kind[i], c->insns[i]);
	fprintf(f, "},\"traced_exits_per_iter\":{");
	for (i = 0; i < c->n; i++)
		fprintf(f, "%s\"%s\":%g", i ? "," : "", c->kind[i], c->per_iter[i]);
	fprintf(f, "}");
}
