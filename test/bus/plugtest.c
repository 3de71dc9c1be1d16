/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A driver plugin, loaded by test_plugins with -d: it registers the vdev
 * driver net_plugtest, whose probe counts the devices it got. The test
 * reads the count through plugtest_probe_count(), found with dlsym().
 */
#include <bus_vdev_driver.h>

int plugtest_probe_count(void);

static int probes;

int
plugtest_probe_count(void)
{
	return probes;
}

static int
plugtest_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	probes++;
	return 0;
}

static int
plugtest_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver plugtest_driver = {
	.probe = plugtest_probe,
	.remove = plugtest_remove,
};

RTE_PMD_REGISTER_VDEV(net_plugtest, plugtest_driver);
