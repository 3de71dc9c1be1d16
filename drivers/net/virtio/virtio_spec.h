/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-net facts from the virtio 1.2 specification (section numbers of
 * 1.2 cs01; 1.1 numbers differ, see shared/hardware-facts.md): feature
 * bits, device status, the net header, config space and control queue
 * commands. Facts only: no code.
 */
#ifndef VIRTIO_SPEC_H
#define VIRTIO_SPEC_H

#include <stdint.h>

/* 2.1 Device status field. */
#define VIRTIO_STATUS_RESET		 0x00
#define VIRTIO_STATUS_ACKNOWLEDGE	 0x01
#define VIRTIO_STATUS_DRIVER		 0x02
#define VIRTIO_STATUS_DRIVER_OK		 0x04
#define VIRTIO_STATUS_FEATURES_OK	 0x08
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED		 0x80

/* 5.1.3 Net feature bits. */
#define VIRTIO_NET_F_CSUM	    0
#define VIRTIO_NET_F_GUEST_CSUM	    1
#define VIRTIO_NET_F_MTU	    3
#define VIRTIO_NET_F_MAC	    5
#define VIRTIO_NET_F_MRG_RXBUF	    15
#define VIRTIO_NET_F_STATUS	    16
#define VIRTIO_NET_F_CTRL_VQ	    17
#define VIRTIO_NET_F_CTRL_RX	    18
#define VIRTIO_NET_F_CTRL_VLAN	    19
#define VIRTIO_NET_F_GUEST_ANNOUNCE 21
#define VIRTIO_NET_F_MQ		    22
#define VIRTIO_NET_F_CTRL_MAC_ADDR  23

/* 6 Reserved feature bits (transport and ring). */
#define VIRTIO_F_NOTIFY_ON_EMPTY       24
#define VIRTIO_F_ANY_LAYOUT	       27
#define VIRTIO_F_INDIRECT_DESC	       28
#define VIRTIO_F_EVENT_IDX	       29
#define VHOST_USER_F_PROTOCOL_FEATURES 30 /* vhost-user only */
#define VIRTIO_F_VERSION_1	       32
#define VIRTIO_F_ACCESS_PLATFORM       33
#define VIRTIO_F_RING_PACKED	       34
#define VIRTIO_F_IN_ORDER	       35

#define VIRTIO_BIT(b) (UINT64_C(1) << (b))

/* 4.1.2 PCI ids. */
#define VIRTIO_PCI_VENDOR_ID	 0x1af4
#define VIRTIO_PCI_LEGACY_NET_ID 0x1000
#define VIRTIO_PCI_MODERN_NET_ID 0x1041

/* 5.1.4 struct virtio_net_config: offsets in the device config space. */
#define VIRTIO_NET_CFG_MAC	 0  /* 6 bytes */
#define VIRTIO_NET_CFG_STATUS	 6  /* le16, with STATUS */
#define VIRTIO_NET_CFG_MAX_PAIRS 8  /* le16, with MQ */
#define VIRTIO_NET_CFG_MTU	 10 /* le16, with MTU */
#define VIRTIO_NET_CFG_SIZE	 12 /* the part we read */
#define VIRTIO_NET_S_LINK_UP	 1
#define VIRTIO_NET_S_ANNOUNCE	 2

/* 5.1.6 struct virtio_net_hdr, 12 bytes with VERSION_1 or MRG_RXBUF. */
struct virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers; /* rx, MRG_RXBUF: buffers of this packet */
};
#define VIRTIO_NET_HDR_LEGACY_SIZE 10 /* legacy without MRG_RXBUF */

/* 5.1.6.5 Control virtqueue: classes, commands and acks. */
#define VIRTIO_NET_CTRL_RX		0
#define VIRTIO_NET_CTRL_RX_PROMISC	0
#define VIRTIO_NET_CTRL_RX_ALLMULTI	1
#define VIRTIO_NET_CTRL_MAC		1
#define VIRTIO_NET_CTRL_MAC_TABLE_SET	0
#define VIRTIO_NET_CTRL_MAC_ADDR_SET	1
#define VIRTIO_NET_CTRL_MQ		4
#define VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET 0
#define VIRTIO_NET_OK			0
#define VIRTIO_NET_ERR			1

/* 5.1.4: max_virtqueue_pairs range. */
#define VIRTIO_NET_MAX_PAIRS 0x8000

#endif /* VIRTIO_SPEC_H */
