/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A plugin that needs a function nobody defines: dlopen(RTLD_NOW) must
 * refuse it, and rte_eal_init() must fail naming it.
 */
#include <bus_vdev_driver.h>

void pollux_plugtest_no_such_function(void);

static int
unresolved_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	pollux_plugtest_no_such_function();
	return 0;
}

static struct rte_vdev_driver unresolved_driver = {
	.probe = unresolved_probe,
};

RTE_PMD_REGISTER_VDEV(net_unresolved, unresolved_driver);
