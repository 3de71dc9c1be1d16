/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap devargs: each rx_pcap, rx_iface or rx_iface_in is one rx
 * queue and each tx_pcap or tx_iface one tx queue, in the order given;
 * iface=IF alone is one rx and one tx queue on IF sharing a handle.
 * A port without rx (tx) arguments gets as many empty rx queues
 * (dropping tx queues) as it has of the other kind. Every handle is
 * opened here, so a missing file, a bad capture header or an unknown
 * interface fails the probe.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>

#include "pcap_private.h"
#include "pcap_args.h"

#define ETH_PCAP_ARG_RX_PCAP	 "rx_pcap"
#define ETH_PCAP_ARG_TX_PCAP	 "tx_pcap"
#define ETH_PCAP_ARG_RX_IFACE	 "rx_iface"
#define ETH_PCAP_ARG_RX_IFACE_IN "rx_iface_in"
#define ETH_PCAP_ARG_TX_IFACE	 "tx_iface"
#define ETH_PCAP_ARG_IFACE	 "iface"
#define ETH_PCAP_ARG_INFINITE_RX "infinite_rx"
#define ETH_PCAP_ARG_PHY_MAC	 "phy_mac"

static const char *const eth_pcap_valid_args[] = { ETH_PCAP_ARG_RX_PCAP,
	ETH_PCAP_ARG_TX_PCAP, ETH_PCAP_ARG_RX_IFACE, ETH_PCAP_ARG_RX_IFACE_IN,
	ETH_PCAP_ARG_TX_IFACE, ETH_PCAP_ARG_IFACE, ETH_PCAP_ARG_INFINITE_RX,
	ETH_PCAP_ARG_PHY_MAC, NULL };

/*
 * A live handle on iface: promiscuous and non-blocking, on a TPACKET_V3
 * ring of ETH_PCAP_IFACE_RING_BYTES whose blocks the kernel hands over when
 * full or after a 1 ms timeout. Measured on a veth, 300,000 64-byte
 * frames at top speed, both CPUs busy: immediate mode (TPACKET_V2, one
 * fixed slot per frame, sized for the snap length) holds 256 frames in
 * libpcap's default 2 MiB and received 7-55 % of them, still about half
 * in 64 MiB; TPACKET_V3 packs frames into blocks and received 82 % in
 * 2 MiB, all of them in 4 and 8 MiB. What the ring still loses is
 * counted as missed (pcap_stats.c).
 */
static pcap_t *
eth_pcap_iface_open(const char *name, const char *iface, int in_only)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *p;

	if (if_nametoindex(iface) == 0) {
		ETH_PCAP_LOG(ERR, "%s: no interface %s", name, iface);
		return NULL;
	}
	p = pcap_create(iface, errbuf);
	if (p == NULL) {
		ETH_PCAP_LOG(ERR, "%s: cannot open %s: %s", name, iface, errbuf);
		return NULL;
	}
	pcap_set_snaplen(p, ETH_PCAP_SNAPLEN);
	pcap_set_promisc(p, 1);
	pcap_set_timeout(p, 1);
	pcap_set_immediate_mode(p, 0);
	pcap_set_buffer_size(p, (int)ETH_PCAP_IFACE_RING_BYTES);
	if (pcap_activate(p) < 0) {
		ETH_PCAP_LOG(ERR,
			"%s: cannot capture on %s: %s (needs root or "
			"CAP_NET_RAW)",
			name, iface, pcap_geterr(p));
		goto fail;
	}
	if (pcap_setnonblock(p, 1, errbuf) < 0) {
		ETH_PCAP_LOG(ERR, "%s: %s: %s", name, iface, errbuf);
		goto fail;
	}
	if (in_only && pcap_setdirection(p, PCAP_D_IN) < 0) {
		ETH_PCAP_LOG(ERR, "%s: %s: cannot capture incoming only: %s",
			name, iface, pcap_geterr(p));
		goto fail;
	}
	return p;
fail:
	pcap_close(p);
	return NULL;
}

static int
eth_pcap_name_copy(char *dst, size_t size, const char *name, const char *key,
	const char *value)
{
	if (value == NULL || value[0] == '\0' || strlen(value) >= size) {
		ETH_PCAP_LOG(ERR,
			"%s: %s needs a value (a file or an interface)", name,
			key);
		return -EINVAL;
	}
	strcpy(dst, value);
	return 0;
}

/* Whether an earlier rx queue of the port counts rxq's interface drops. */
static int
eth_pcap_iface_counted(const struct eth_pcap_internals *priv,
	const struct eth_pcap_rx_queue *rxq)
{
	const struct eth_pcap_rx_queue *q;

	for (q = priv->rxq; q < rxq; q++)
		if (q->kind == ETH_PCAP_QUEUE_IFACE && q->missed.iface_drops &&
			strcmp(q->name, rxq->name) == 0)
			return 1;
	return 0;
}

static int
eth_pcap_add_rxq(struct eth_pcap_internals *priv, const char *name,
	const char *key, const char *value)
{
	struct eth_pcap_rx_queue *rxq;

	if (priv->nb_rxq == ETH_PCAP_MAX_QUEUES) {
		ETH_PCAP_LOG(ERR, "%s: more than %d rx queues", name,
			ETH_PCAP_MAX_QUEUES);
		return -EINVAL;
	}
	rxq = &priv->rxq[priv->nb_rxq];
	if (eth_pcap_name_copy(rxq->name, sizeof(rxq->name), name, key,
		    value) != 0)
		return -EINVAL;
	rxq->queue_id = priv->nb_rxq++;
	if (strcmp(key, ETH_PCAP_ARG_RX_PCAP) == 0) {
		rxq->kind = ETH_PCAP_QUEUE_FILE;
		return eth_pcap_rx_file_open(rxq);
	}
	rxq->kind = ETH_PCAP_QUEUE_IFACE;
	rxq->in_only = strcmp(key, ETH_PCAP_ARG_RX_IFACE_IN) == 0;
	rxq->missed.iface_drops = !eth_pcap_iface_counted(priv, rxq);
	rxq->pcap = eth_pcap_iface_open(name, value, rxq->in_only);
	if (rxq->pcap == NULL)
		return -EINVAL;
	/* From here the socket sees every frame: what the interface drops
	 * from now on was offered to this port. */
	rxq->missed.last_rx_dropped = eth_pcap_iface_rx_dropped(value);
	return 0;
}

/* The next tx queue, named, with its flattening buffer; NULL on error. */
static struct eth_pcap_tx_queue *
eth_pcap_txq_new(struct eth_pcap_internals *priv, const char *name,
	const char *key, const char *value)
{
	struct eth_pcap_tx_queue *txq;

	if (priv->nb_txq == ETH_PCAP_MAX_QUEUES) {
		ETH_PCAP_LOG(ERR, "%s: more than %d tx queues", name,
			ETH_PCAP_MAX_QUEUES);
		return NULL;
	}
	txq = &priv->txq[priv->nb_txq];
	if (eth_pcap_name_copy(txq->name, sizeof(txq->name), name, key,
		    value) != 0)
		return NULL;
	txq->queue_id = priv->nb_txq++;
	txq->linear = rte_malloc("eth_pcap_tx_linear", ETH_PCAP_SNAPLEN, 0);
	if (txq->linear == NULL) {
		ETH_PCAP_LOG(ERR, "%s: no memory for tx queue %u", name,
			txq->queue_id);
		return NULL;
	}
	return txq;
}

static int
eth_pcap_add_txq(struct eth_pcap_internals *priv, const char *name,
	const char *key, const char *value)
{
	struct eth_pcap_tx_queue *txq;

	txq = eth_pcap_txq_new(priv, name, key, value);
	if (txq == NULL)
		return -EINVAL;
	if (strcmp(key, ETH_PCAP_ARG_TX_IFACE) == 0) {
		txq->kind = ETH_PCAP_QUEUE_IFACE;
		txq->pcap = eth_pcap_iface_open(name, value, 0);
		return txq->pcap != NULL ? 0 : -EINVAL;
	}
	txq->kind = ETH_PCAP_QUEUE_FILE;
	txq->pcap = pcap_open_dead(DLT_EN10MB, ETH_PCAP_SNAPLEN);
	if (txq->pcap != NULL)
		txq->dumper = pcap_dump_open(txq->pcap, value);
	if (txq->dumper == NULL) {
		ETH_PCAP_LOG(ERR, "%s: cannot create capture file %s: %s", name,
			value,
			txq->pcap != NULL ? pcap_geterr(txq->pcap) :
					    "out of memory");
		return -EINVAL;
	}
	return 0;
}

/* iface=IF: one rx and one tx queue on one handle, so that the rx side
 * does not see what the tx side sends (the kernel does not loop a
 * packet back to the socket that sent it). */
static int
eth_pcap_add_iface(struct eth_pcap_internals *priv, const char *name,
	const char *value)
{
	struct eth_pcap_tx_queue *txq;
	int ret;

	ret = eth_pcap_add_rxq(priv, name, ETH_PCAP_ARG_RX_IFACE, value);
	if (ret != 0)
		return ret;
	txq = eth_pcap_txq_new(priv, name, ETH_PCAP_ARG_IFACE, value);
	if (txq == NULL)
		return -EINVAL;
	txq->kind = ETH_PCAP_QUEUE_IFACE;
	txq->pcap = priv->rxq[priv->nb_rxq - 1].pcap;
	txq->shared = 1;
	return 0;
}

/* A 0/1 flag value. */
static int
eth_pcap_flag(const char *name, const struct rte_kvargs *kvlist,
	const char *key, uint8_t *flag)
{
	const char *value;

	*flag = 0;
	if (rte_kvargs_count(kvlist, key) == 0)
		return 0;
	value = rte_kvargs_get(kvlist, key);
	if (rte_kvargs_count(kvlist, key) != 1 || value == NULL ||
		(strcmp(value, "0") != 0 && strcmp(value, "1") != 0)) {
		ETH_PCAP_LOG(ERR, "%s: %s takes one value, 0 or 1", name, key);
		return -EINVAL;
	}
	*flag = value[0] == '1';
	return 0;
}

/* iface goes alone: checked before anything is opened. */
static int
eth_pcap_check_iface_alone(const char *name, const struct rte_kvargs *kvlist)
{
	unsigned int nb_iface = rte_kvargs_count(kvlist, ETH_PCAP_ARG_IFACE);

	if (nb_iface != 0 &&
		nb_iface !=
			kvlist->count -
				rte_kvargs_count(kvlist, ETH_PCAP_ARG_PHY_MAC)) {
		ETH_PCAP_LOG(ERR,
			"%s: iface goes alone (with phy_mac at most); "
			"use rx_iface/tx_iface to mix",
			name);
		return -EINVAL;
	}
	return 0;
}

/* Checks the combinations that no single argument shows wrong. */
static int
eth_pcap_check_combination(const char *name,
	const struct eth_pcap_internals *priv, uint8_t infinite_rx)
{
	if (infinite_rx &&
		(priv->nb_rxq != 1 ||
			priv->rxq[0].kind != ETH_PCAP_QUEUE_FILE)) {
		ETH_PCAP_LOG(ERR, "%s: infinite_rx needs exactly one rx_pcap",
			name);
		return -EINVAL;
	}
	if (infinite_rx && priv->rxq[0].fifo) {
		ETH_PCAP_LOG(ERR,
			"%s: infinite_rx cannot rewind FIFO %s: give a "
			"regular file",
			name, priv->rxq[0].name);
		return -EINVAL;
	}
	if (priv->phy_mac && priv->link_iface[0] == '\0') {
		ETH_PCAP_LOG(ERR, "%s: phy_mac needs an interface", name);
		return -EINVAL;
	}
	return 0;
}

/* One queue argument, in the order given. */
static int
eth_pcap_parse_pair(struct eth_pcap_internals *priv, const char *name,
	const struct rte_kvargs_pair *pair)
{
	const char *key = pair->key;

	if (strcmp(key, ETH_PCAP_ARG_RX_PCAP) == 0 ||
		strcmp(key, ETH_PCAP_ARG_RX_IFACE) == 0 ||
		strcmp(key, ETH_PCAP_ARG_RX_IFACE_IN) == 0)
		return eth_pcap_add_rxq(priv, name, key, pair->value);
	if (strcmp(key, ETH_PCAP_ARG_TX_PCAP) == 0 ||
		strcmp(key, ETH_PCAP_ARG_TX_IFACE) == 0)
		return eth_pcap_add_txq(priv, name, key, pair->value);
	if (strcmp(key, ETH_PCAP_ARG_IFACE) == 0)
		return eth_pcap_add_iface(priv, name, pair->value);
	return 0;
}

/* The interface whose link the port reports: its first one. */
static void
eth_pcap_pick_link_iface(struct eth_pcap_internals *priv)
{
	uint16_t q;

	for (q = 0; q < priv->nb_rxq; q++)
		if (priv->rxq[q].kind == ETH_PCAP_QUEUE_IFACE) {
			snprintf(priv->link_iface, sizeof(priv->link_iface),
				"%.*s", (int)sizeof(priv->link_iface) - 1,
				priv->rxq[q].name);
			return;
		}
	for (q = 0; q < priv->nb_txq; q++)
		if (priv->txq[q].kind == ETH_PCAP_QUEUE_IFACE) {
			snprintf(priv->link_iface, sizeof(priv->link_iface),
				"%.*s", (int)sizeof(priv->link_iface) - 1,
				priv->txq[q].name);
			return;
		}
}

/* Fills the missing direction with empty rx or dropping tx queues. */
static void
eth_pcap_fill_missing(struct eth_pcap_internals *priv)
{
	uint16_t q;

	if (priv->nb_rxq == 0)
		for (q = 0; q < priv->nb_txq; q++)
			priv->rxq[q].queue_id = q;
	if (priv->nb_rxq == 0)
		priv->nb_rxq = priv->nb_txq;
	if (priv->nb_txq == 0)
		for (q = 0; q < priv->nb_rxq; q++)
			priv->txq[q].queue_id = q;
	if (priv->nb_txq == 0)
		priv->nb_txq = priv->nb_rxq;
}

int
eth_pcap_args_parse(struct eth_pcap_internals *priv, const char *name,
	const char *args)
{
	struct rte_kvargs *kvlist;
	uint8_t infinite_rx = 0;
	unsigned int i;
	int ret;

	kvlist = rte_kvargs_parse(args, eth_pcap_valid_args);
	if (kvlist == NULL)
		return -EINVAL; /* rte_kvargs_parse() said why */
	ret = eth_pcap_check_iface_alone(name, kvlist);
	if (ret == 0)
		ret = eth_pcap_flag(name, kvlist, ETH_PCAP_ARG_INFINITE_RX,
			&infinite_rx);
	if (ret == 0)
		ret = eth_pcap_flag(name, kvlist, ETH_PCAP_ARG_PHY_MAC,
			&priv->phy_mac);
	for (i = 0; ret == 0 && i < kvlist->count; i++)
		ret = eth_pcap_parse_pair(priv, name, &kvlist->pairs[i]);
	if (ret == 0 && priv->nb_rxq == 0 && priv->nb_txq == 0) {
		ETH_PCAP_LOG(ERR,
			"%s: needs rx_pcap, tx_pcap, rx_iface, "
			"rx_iface_in, tx_iface or iface",
			name);
		ret = -EINVAL;
	}
	if (ret == 0) {
		eth_pcap_pick_link_iface(priv);
		ret = eth_pcap_check_combination(name, priv, infinite_rx);
	}
	if (ret == 0) {
		priv->rxq[0].infinite = infinite_rx;
		eth_pcap_fill_missing(priv);
	}
	rte_kvargs_free(kvlist);
	return ret == 0 ? 0 : -EINVAL;
}

void
eth_pcap_args_release(struct eth_pcap_internals *priv)
{
	uint16_t q;

	for (q = 0; q < ETH_PCAP_MAX_QUEUES; q++) {
		if (priv->rxq[q].pcap != NULL)
			pcap_close(priv->rxq[q].pcap);
		priv->rxq[q].pcap = NULL;
		if (priv->txq[q].dumper != NULL)
			pcap_dump_close(priv->txq[q].dumper);
		priv->txq[q].dumper = NULL;
		if (priv->txq[q].pcap != NULL && !priv->txq[q].shared)
			pcap_close(priv->txq[q].pcap);
		priv->txq[q].pcap = NULL;
		rte_free(priv->txq[q].linear);
		priv->txq[q].linear = NULL;
	}
}
