/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The peer: the other test NIC, still owned by the guest kernel and wired
 * to the device under test by a QEMU hub, reached with an AF_PACKET socket
 * that sees only the test's EtherType.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "guest_check.h"

#define GUEST_ETHERTYPE 0x88b5 /* IEEE 802 local experimental */

int
guest_peer_open(const char *ifname, uint8_t mac[6])
{
	struct sockaddr_ll addr = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(GUEST_ETHERTYPE),
	};
	struct ifreq ifr;
	int fd;

	fd = socket(AF_PACKET, SOCK_RAW, htons(GUEST_ETHERTYPE));
	if (fd < 0) {
		printf("  peer: socket(AF_PACKET): %s\n", strerror(errno));
		return -1;
	}
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	addr.sll_ifindex = (int)if_nametoindex(ifname);
	if (addr.sll_ifindex == 0 || ioctl(fd, SIOCGIFHWADDR, &ifr) != 0 ||
		bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
		printf("  peer: %s: %s\n", ifname, strerror(errno));
		close(fd);
		return -1;
	}
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	return fd;
}

int
guest_peer_send(int fd, const void *frame, size_t len)
{
	return send(fd, frame, len, 0) == (ssize_t)len ? 0 : -1;
}

int
guest_peer_expect(int fd, const void *frame, size_t len, unsigned int timeout_ms)
{
	uint64_t end = guest_now_ms() + timeout_ms;
	uint8_t buf[2048];
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	for (;;) {
		uint64_t now = guest_now_ms();
		struct sockaddr_ll from;
		socklen_t from_len = sizeof(from);
		ssize_t n;

		if (now >= end || poll(&pfd, 1, (int)(end - now)) <= 0)
			return -1;
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			&from_len);
		/* the socket also sees what the peer itself sends */
		if (n < 0 || from.sll_pkttype == PACKET_OUTGOING)
			continue;
		if ((size_t)n >= len && memcmp(buf, frame, len) == 0)
			return 0;
	}
}
