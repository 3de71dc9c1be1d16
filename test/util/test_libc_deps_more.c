/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * More libc names DPDK's headers bring along and applications use
 * without including their headers: <stdlib.h> through rte_cycles.h and
 * rte_ethdev.h, <netinet/ip6.h> through rte_ip.h, <string.h>, <errno.h>,
 * <pthread.h> and <time.h> through rte_malloc.h; and the DPDK headers
 * rte_ethdev.h pulls in (cycles, IP, UDP, TCP). Built as an application
 * is and run: it must compile.
 */
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>

int
main(void)
{
	struct ip6_hdr hdr;
	struct rte_ipv4_hdr ip4 = { 0 };
	struct rte_udp_hdr udp = { 0 };
	struct rte_tcp_hdr tcp = { 0 };
	void *p = malloc(16);
	time_t now = time(NULL);

	memset(&hdr, 0, sizeof(hdr));
	free(p);
	if (now == (time_t)-1 || pthread_self() == 0 || errno < 0 ||
		rte_get_timer_hz() == 0 || ip4.version_ihl != 0 ||
		udp.dgram_len != 0 || tcp.data_off != 0)
		return EXIT_FAILURE;
	return hdr.ip6_nxt == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
