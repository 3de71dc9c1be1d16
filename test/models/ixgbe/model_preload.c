/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared-library form of the model: LD_PRELOAD it into any application
 * (pollux-testpmd, DPDK's examples built against Pollux) and the model starts
 * before main() with the configuration in $POLLUX_IXGBE_MODEL, and removes
 * its tree when the process exits.
 */

#include <stdio.h>
#include <string.h>

#include "ixgbe_model.h"

__attribute__((constructor)) static void
model_preload_start(void)
{
	int ret = ixgbe_model_start(NULL);

	/* ixgbe_model_start() registers the removal of the tree at exit. */
	if (ret != 0)
		fprintf(stderr,
			"ixgbe model: not started (%s); check POLLUX_IXGBE_MODEL\n",
			strerror(-ret));
}

__attribute__((destructor)) static void
model_preload_stop(void)
{
	ixgbe_model_stop();
}
