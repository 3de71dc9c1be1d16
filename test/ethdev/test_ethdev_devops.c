/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * VLAN, flow control, queue statistics mapping, burst modes, registers,
 * EEPROMs and time sync on a net_ethtest port: what ethdev passes to the
 * driver and keeps, every argument error, and -ENOTSUP for the operations
 * net_ethtest leaves out (time sync, module EEPROM, TPID, Tx burst mode)
 * and for every call on a port whose driver has none (net_null).
 */
#include <time.h>

#include <rte_dev_info.h>

#include <ethdev_driver.h>

#include "ethdev_test.h"

#define PORT 0

ETH_BODY(body_vlan)
{
	struct ethtest_private *priv = ethtest_priv(PORT);
	struct rte_eth_conf conf = { 0 };

	CHECK_OK(eth_port_up(PORT, 2, 128, &conf));
	/* Filtering is off: the filter table cannot be written. */
	CHECK_RET(rte_eth_dev_vlan_filter(PORT, 100, 1), -ENOSYS);
	CHECK_RET(rte_eth_dev_get_vlan_offload(PORT), 0);

	CHECK_RET(rte_eth_dev_set_vlan_offload(PORT,
			  RTE_ETH_VLAN_FILTER_OFFLOAD |
				  RTE_ETH_VLAN_STRIP_OFFLOAD),
		0);
	CHECK(priv->vlan_offload_mask ==
		(RTE_ETH_VLAN_FILTER_MASK | RTE_ETH_VLAN_STRIP_MASK));
	CHECK_RET(rte_eth_dev_get_vlan_offload(PORT),
		RTE_ETH_VLAN_FILTER_OFFLOAD | RTE_ETH_VLAN_STRIP_OFFLOAD);
	/* Nothing changes: the driver is not called. */
	priv->vlan_offload_mask = -1;
	CHECK_RET(rte_eth_dev_set_vlan_offload(PORT,
			  RTE_ETH_VLAN_FILTER_OFFLOAD |
				  RTE_ETH_VLAN_STRIP_OFFLOAD),
		0);
	CHECK(priv->vlan_offload_mask == -1);
	/* An offload the port lacks, and a driver failure, change nothing. */
	CHECK_RET(rte_eth_dev_set_vlan_offload(PORT,
			  RTE_ETH_VLAN_EXTEND_OFFLOAD),
		-ENOTSUP);
	ethtest_fail_next(PORT, ETHTEST_OP_VLAN, -EIO);
	CHECK_RET(rte_eth_dev_set_vlan_offload(PORT, 0), -EIO);
	CHECK_RET(rte_eth_dev_get_vlan_offload(PORT),
		RTE_ETH_VLAN_FILTER_OFFLOAD | RTE_ETH_VLAN_STRIP_OFFLOAD);

	CHECK_RET(rte_eth_dev_vlan_filter(PORT, 100, 1), 0);
	CHECK(priv->last_vlan_id == 100 && priv->last_vlan_on == 1);
	CHECK(rte_eth_devices[PORT].data->vlan_filter_conf.ids[1] ==
		UINT64_C(1) << 36);
	CHECK_RET(rte_eth_dev_vlan_filter(PORT, 100, 0), 0);
	CHECK(rte_eth_devices[PORT].data->vlan_filter_conf.ids[1] == 0);
	CHECK_RET(rte_eth_dev_vlan_filter(PORT, 4096, 1), -EINVAL);
	CHECK_RET(rte_eth_dev_vlan_filter(PORT + 1, 1, 1), -ENODEV);

	CHECK_RET(rte_eth_dev_set_vlan_strip_on_queue(PORT, 1, 1), 0);
	CHECK(priv->vlan_strip_queues == 2);
	CHECK_RET(rte_eth_dev_set_vlan_strip_on_queue(PORT, 1, 0), 0);
	CHECK(priv->vlan_strip_queues == 0);
	CHECK_RET(rte_eth_dev_set_vlan_strip_on_queue(PORT, 2, 1), -EINVAL);

	CHECK_RET(rte_eth_dev_set_vlan_pvid(PORT, 7, 1), 0);
	CHECK(priv->pvid == 7);
	CHECK_RET(rte_eth_dev_set_vlan_ether_type(PORT, RTE_ETH_VLAN_TYPE_OUTER,
			  0x88a8),
		-ENOTSUP);
	CHECK_RET(rte_eth_dev_set_vlan_ether_type(PORT, RTE_ETH_VLAN_TYPE_MAX,
			  0x88a8),
		-EINVAL);
	return eth_port_down(PORT);
}
ETH_CASE(test_vlan_ops, body_vlan)

ETH_BODY(body_flow_ctrl)
{
	struct rte_eth_fc_conf fc = { 0 }, got;

	fc.high_water = 800;
	fc.low_water = 100;
	fc.pause_time = 0x680;
	fc.send_xon = 1;
	fc.mode = RTE_ETH_FC_FULL;
	CHECK_RET(rte_eth_dev_flow_ctrl_set(PORT, &fc), 0);
	memset(&got, 0xff, sizeof(got));
	CHECK_RET(rte_eth_dev_flow_ctrl_get(PORT, &got), 0);
	CHECK(memcmp(&got, &fc, sizeof(fc)) == 0);
	fc.send_xon = 2;
	CHECK_RET(rte_eth_dev_flow_ctrl_set(PORT, &fc), -EINVAL);
	fc.send_xon = 0;
	fc.mode = (enum rte_eth_fc_mode)7;
	CHECK_RET(rte_eth_dev_flow_ctrl_set(PORT, &fc), -EINVAL);
	fc.mode = RTE_ETH_FC_NONE;
	fc.high_water = 10; /* below low_water: the driver refuses */
	CHECK_RET(rte_eth_dev_flow_ctrl_set(PORT, &fc), -EINVAL);
	CHECK_RET(rte_eth_dev_flow_ctrl_set(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_flow_ctrl_get(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_flow_ctrl_get(PORT + 1, &got), -ENODEV);
	return 0;
}
ETH_CASE(test_flow_ctrl, body_flow_ctrl)

ETH_BODY(body_queue_info)
{
	struct ethtest_private *priv = ethtest_priv(PORT);
	struct rte_eth_burst_mode mode;

	CHECK_OK(eth_port_up(PORT, 2, 128, NULL));
	CHECK_RET(rte_eth_dev_set_rx_queue_stats_mapping(PORT, 1, 5), 0);
	CHECK_RET(rte_eth_dev_set_tx_queue_stats_mapping(PORT, 0, 3), 0);
	CHECK(priv->rx_stat_map[1] == 5 && priv->tx_stat_map[0] == 3);
	CHECK_RET(rte_eth_dev_set_rx_queue_stats_mapping(PORT, 2, 0), -EINVAL);
	CHECK_RET(rte_eth_dev_set_tx_queue_stats_mapping(PORT, 0,
			  RTE_ETHDEV_QUEUE_STAT_CNTRS),
		-EINVAL);

	CHECK_RET(rte_eth_rx_burst_mode_get(PORT, 1, &mode), 0);
	CHECK(strcmp(mode.info, "ring loop, queue 1") == 0);
	CHECK_RET(rte_eth_rx_burst_mode_get(PORT, 2, &mode), -EINVAL);
	CHECK_RET(rte_eth_rx_burst_mode_get(PORT, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_tx_burst_mode_get(PORT, 0, &mode), -ENOTSUP);
	return eth_port_down(PORT);
}
ETH_CASE(test_queue_info, body_queue_info)

ETH_BODY(body_regs_eeprom)
{
	struct rte_dev_reg_info reg = { 0 };
	struct rte_dev_eeprom_info ee = { 0 };
	struct rte_eth_dev_module_info mod;
	uint8_t buf[ETHTEST_EEPROM_SIZE], back[ETHTEST_EEPROM_SIZE];
	uint32_t regs[ETHTEST_NB_REGS];
	unsigned int i;

	/* Size first, then the contents. */
	CHECK_RET(rte_eth_dev_get_reg_info(PORT, &reg), 0);
	CHECK(reg.length == ETHTEST_NB_REGS && reg.width == 4);
	CHECK(reg.version == ETHTEST_REG_VERSION);
	reg.data = regs;
	reg.offset = 2;
	reg.length = 3;
	CHECK_RET(rte_eth_dev_get_reg_info(PORT, &reg), 0);
	CHECK(regs[0] == ETHTEST_REG_VALUE(0, 2));
	CHECK(regs[2] == ETHTEST_REG_VALUE(0, 4));
	CHECK_RET(rte_eth_dev_get_reg_info(PORT, NULL), -EINVAL);

	CHECK_RET(rte_eth_dev_get_eeprom_length(PORT), ETHTEST_EEPROM_SIZE);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 7);
	ee.data = buf + 8;
	ee.offset = 8;
	ee.length = 16;
	ee.magic = ETHTEST_EEPROM_MAGIC;
	CHECK_RET(rte_eth_dev_set_eeprom(PORT, &ee), 0);
	ee.data = back;
	ee.magic = 0;
	CHECK_RET(rte_eth_dev_get_eeprom(PORT, &ee), 0);
	CHECK(memcmp(back, buf + 8, 16) == 0);
	CHECK(ee.magic == ETHTEST_EEPROM_MAGIC);
	ee.offset = ETHTEST_EEPROM_SIZE - 4; /* runs past the end */
	CHECK_RET(rte_eth_dev_get_eeprom(PORT, &ee), -EINVAL);
	CHECK_RET(rte_eth_dev_get_eeprom(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_set_eeprom(PORT, NULL), -EINVAL);

	CHECK_RET(rte_eth_dev_get_module_info(PORT, &mod), -ENOTSUP);
	CHECK_RET(rte_eth_dev_get_module_info(PORT, NULL), -EINVAL);
	ee.data = back;
	ee.length = 8;
	CHECK_RET(rte_eth_dev_get_module_eeprom(PORT, &ee), -ENOTSUP);
	ee.length = 0;
	CHECK_RET(rte_eth_dev_get_module_eeprom(PORT, &ee), -EINVAL);
	ee.data = NULL;
	ee.length = 8;
	CHECK_RET(rte_eth_dev_get_module_eeprom(PORT, &ee), -EINVAL);
	CHECK_RET(rte_eth_dev_get_eeprom_length(PORT + 1), -ENODEV);
	return 0;
}
ETH_CASE(test_regs_eeprom, body_regs_eeprom)

ETH_BODY(body_timesync)
{
	struct timespec ts = { 0 };

	CHECK_RET(rte_eth_timesync_enable(PORT), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_disable(PORT), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_read_rx_timestamp(PORT, &ts, 0), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_read_tx_timestamp(PORT, &ts), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_adjust_time(PORT, 1000), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_read_time(PORT, &ts), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_write_time(PORT, &ts), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_read_rx_timestamp(PORT, NULL, 0), -EINVAL);
	CHECK_RET(rte_eth_timesync_read_tx_timestamp(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_timesync_read_time(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_timesync_write_time(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_timesync_enable(PORT + 1), -ENODEV);
	return 0;
}
ETH_CASE(test_timesync, body_timesync)

/* A driver with none of these operations: every call says -ENOTSUP. */
ETH_BODY(body_no_ops)
{
	struct rte_dev_reg_info reg = { 0 };
	struct rte_eth_fc_conf fc = { 0 };
	struct rte_eth_burst_mode mode;
	struct rte_eth_conf conf = { 0 };

	CHECK_OK(eth_port_up(PORT, 1, 128, &conf));
	CHECK_RET(rte_eth_dev_flow_ctrl_get(PORT, &fc), -ENOTSUP);
	CHECK_RET(rte_eth_dev_flow_ctrl_set(PORT, &fc), -ENOTSUP);
	CHECK_RET(rte_eth_dev_set_vlan_pvid(PORT, 1, 1), -ENOTSUP);
	CHECK_RET(rte_eth_dev_set_vlan_strip_on_queue(PORT, 0, 1), -ENOTSUP);
	CHECK_RET(rte_eth_dev_set_rx_queue_stats_mapping(PORT, 0, 0), -ENOTSUP);
	CHECK_RET(rte_eth_rx_burst_mode_get(PORT, 0, &mode), -ENOTSUP);
	CHECK_RET(rte_eth_dev_get_reg_info(PORT, &reg), -ENOTSUP);
	CHECK_RET(rte_eth_dev_get_eeprom_length(PORT), -ENOTSUP);
	CHECK_RET(rte_eth_timesync_enable(PORT), -ENOTSUP);
	/* net_null has no VLAN offloads to turn on. */
	CHECK_RET(rte_eth_dev_set_vlan_offload(PORT, RTE_ETH_VLAN_STRIP_OFFLOAD),
		-ENOTSUP);
	CHECK_RET(rte_eth_dev_get_vlan_offload(PORT), 0);
	return eth_port_down(PORT);
}
ETH_CASE_ARGS(test_no_ops, ETH_EAL_ARGS " --vdev net_null0", body_no_ops)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vlan_ops),
		cmocka_unit_test(test_flow_ctrl),
		cmocka_unit_test(test_queue_info),
		cmocka_unit_test(test_regs_eeprom),
		cmocka_unit_test(test_timesync),
		cmocka_unit_test(test_no_ops),
	};

	return cmocka_run_group_tests_name("ethdev_devops", tests, NULL, NULL);
}
