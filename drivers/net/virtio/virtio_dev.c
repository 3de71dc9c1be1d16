/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Device initialization, virtio 1.2 section 3.1.1, one function per step,
 * and the reads of the net config space (5.1.4).
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>

#include "virtio_dev.h"
#include "virtio_log.h"

static const char *const feature_names[64] = {
	[VIRTIO_NET_F_CSUM] = "CSUM",
	[VIRTIO_NET_F_GUEST_CSUM] = "GUEST_CSUM",
	[VIRTIO_NET_F_MTU] = "MTU",
	[VIRTIO_NET_F_MAC] = "MAC",
	[VIRTIO_NET_F_MRG_RXBUF] = "MRG_RXBUF",
	[VIRTIO_NET_F_STATUS] = "STATUS",
	[VIRTIO_NET_F_CTRL_VQ] = "CTRL_VQ",
	[VIRTIO_NET_F_CTRL_RX] = "CTRL_RX",
	[VIRTIO_NET_F_CTRL_VLAN] = "CTRL_VLAN",
	[VIRTIO_NET_F_GUEST_ANNOUNCE] = "GUEST_ANNOUNCE",
	[VIRTIO_NET_F_MQ] = "MQ",
	[VIRTIO_NET_F_CTRL_MAC_ADDR] = "CTRL_MAC_ADDR",
	[VIRTIO_F_ANY_LAYOUT] = "ANY_LAYOUT",
	[VIRTIO_F_INDIRECT_DESC] = "INDIRECT_DESC",
	[VIRTIO_F_EVENT_IDX] = "EVENT_IDX",
	[VHOST_USER_F_PROTOCOL_FEATURES] = "PROTOCOL_FEATURES",
	[VIRTIO_F_VERSION_1] = "VERSION_1",
	[VIRTIO_F_ACCESS_PLATFORM] = "ACCESS_PLATFORM",
	[VIRTIO_F_RING_PACKED] = "RING_PACKED",
	[VIRTIO_F_IN_ORDER] = "IN_ORDER",
};

const char *
virtio_feature_name(unsigned int bit)
{
	return bit < 64 && feature_names[bit] != NULL ? feature_names[bit] : "";
}

int
virtio_dev_reset(struct virtio_hw *hw)
{
	hw->started = false;
	return hw->ops->reset(hw);
}

/* Sets status bits on top of those already set (2.1: never clear one). */
static int
dev_status_add(struct virtio_hw *hw, uint8_t bits)
{
	return hw->ops->set_status(hw, hw->ops->get_status(hw) | bits);
}

/* Logs, at debug level, what each side offers and what was agreed. */
static void
dev_log_features(const struct virtio_hw *hw, uint64_t wanted)
{
	unsigned int bit;
	uint64_t b;

	for (bit = 0; bit < 64; bit++) {
		b = VIRTIO_BIT(bit);
		if (((hw->device_features | VIRTIO_DRIVER_FEATURES) & b) == 0)
			continue;
		VIRTIO_LOG(DEBUG, "%s: feature %u %s: device %s, driver %s%s",
			hw->name, bit, virtio_feature_name(bit),
			hw->device_features & b ? "offers" : "lacks",
			VIRTIO_DRIVER_FEATURES & b ? "uses" : "ignores",
			hw->features & b ?
				" -> negotiated" :
				(wanted & b ? " -> MISSING, needed" : ""));
	}
}

/* Step 4: the subset of the device's features the driver accepts. */
static int
dev_negotiate(struct virtio_hw *hw, uint64_t wanted)
{
	uint64_t missing;
	unsigned int bit;

	hw->device_features = hw->ops->get_features(hw);
	hw->features = hw->device_features & VIRTIO_DRIVER_FEATURES;
	/* 5.1.3.1: these need the control queue. */
	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_VQ))
		hw->features &= ~(VIRTIO_BIT(VIRTIO_NET_F_CTRL_RX) |
			VIRTIO_BIT(VIRTIO_NET_F_CTRL_MAC_ADDR) |
			VIRTIO_BIT(VIRTIO_NET_F_MQ));
	dev_log_features(hw, wanted);
	missing = wanted & ~hw->features;
	if (missing != 0) {
		bit = (unsigned int)__builtin_ctzll(missing);
		VIRTIO_LOG(ERR,
			"%s: the device lacks feature %u (%s), which "
			"the configuration needs: ask for less (fewer queues, "
			"a smaller MTU)",
			hw->name, bit, virtio_feature_name(bit));
		return -ENOTSUP;
	}
	return hw->ops->set_features(hw, hw->features);
}

/* Steps 5-6: FEATURES_OK, and the device must keep it (modern only). */
static int
dev_features_ok(struct virtio_hw *hw)
{
	int ret;

	if (!virtio_with_feature(hw, VIRTIO_F_VERSION_1))
		return 0; /* 3.1.2: legacy devices have no FEATURES_OK */
	ret = dev_status_add(hw, VIRTIO_STATUS_FEATURES_OK);
	if (ret != 0)
		return ret;
	if ((hw->ops->get_status(hw) & VIRTIO_STATUS_FEATURES_OK) == 0) {
		VIRTIO_LOG(ERR,
			"%s: the device refused the features "
			"0x%" PRIx64,
			hw->name, hw->features);
		dev_status_add(hw, VIRTIO_STATUS_FAILED);
		return -EIO;
	}
	return 0;
}

/* 5.1.4: what the config says about pairs and MTU. */
static void
dev_read_config(struct virtio_hw *hw)
{
	uint16_t v;

	hw->max_pairs = 1;
	if (virtio_with_feature(hw, VIRTIO_NET_F_MQ)) {
		hw->ops->read_dev_config(hw, VIRTIO_NET_CFG_MAX_PAIRS, &v,
			sizeof(v));
		hw->max_pairs = RTE_MAX(v, 1);
	}
	hw->max_mtu = VIRTIO_MAX_MTU;
	if (virtio_with_feature(hw, VIRTIO_NET_F_MTU)) {
		hw->ops->read_dev_config(hw, VIRTIO_NET_CFG_MTU, &v, sizeof(v));
		hw->max_mtu = RTE_MIN(v, VIRTIO_MAX_MTU);
	}
	/* 5.1.6.1: the header always has num_buffers with VERSION_1. */
	hw->hdr_size = virtio_with_feature(hw, VIRTIO_F_VERSION_1) ||
			virtio_with_feature(hw, VIRTIO_NET_F_MRG_RXBUF) ?
		sizeof(struct virtio_net_hdr) :
		VIRTIO_NET_HDR_LEGACY_SIZE;
	hw->modern = virtio_with_feature(hw, VIRTIO_F_VERSION_1);
}

int
virtio_dev_init(struct virtio_hw *hw, uint64_t wanted)
{
	int ret;

	/* 1. Reset. 2-3. ACKNOWLEDGE, DRIVER. */
	ret = virtio_dev_reset(hw);
	if (ret == 0)
		ret = dev_status_add(hw, VIRTIO_STATUS_ACKNOWLEDGE);
	if (ret == 0)
		ret = dev_status_add(hw, VIRTIO_STATUS_DRIVER);
	/* 4. Features. 5-6. FEATURES_OK. */
	if (ret == 0)
		ret = dev_negotiate(hw, wanted);
	if (ret == 0)
		ret = dev_features_ok(hw);
	if (ret != 0) {
		hw->ops->reset(hw);
		return ret;
	}
	dev_read_config(hw);
	return 0;
}

int
virtio_dev_driver_ok(struct virtio_hw *hw)
{
	int ret = dev_status_add(hw, VIRTIO_STATUS_DRIVER_OK);

	hw->started = ret == 0;
	return ret;
}

bool
virtio_dev_link_up(struct virtio_hw *hw)
{
	uint16_t status;

	if (!virtio_with_feature(hw, VIRTIO_NET_F_STATUS))
		return true; /* 5.1.4: assume the link is up */
	hw->ops->read_dev_config(hw, VIRTIO_NET_CFG_STATUS, &status,
		sizeof(status));
	return (status & VIRTIO_NET_S_LINK_UP) != 0;
}

bool
virtio_dev_read_mac(struct virtio_hw *hw, struct rte_ether_addr *mac)
{
	if ((hw->device_features & VIRTIO_BIT(VIRTIO_NET_F_MAC)) == 0)
		return false;
	hw->ops->read_dev_config(hw, VIRTIO_NET_CFG_MAC, mac->addr_bytes,
		RTE_ETHER_ADDR_LEN);
	return true;
}
