/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The model's configuration string ($POLLUX_IXGBE_MODEL or the argument of
 * ixgbe_model_start()): "key=value,key=value". See ixgbe_model.h.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

static int
config_uint(const char *key, const char *value, unsigned int min,
	unsigned int max, unsigned int *out)
{
	char *end;
	unsigned long number;

	errno = 0;
	number = strtoul(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || number < min ||
		number > max) {
		fprintf(stderr,
			"ixgbe model: %s=%s is not a number in %u..%u\n", key,
			value, min, max);
		return -EINVAL;
	}
	*out = (unsigned int)number;
	return 0;
}

static int
config_path(const char *key, const char *value, char *out)
{
	if (strlen(value) == 0 || strlen(value) >= PATH_MAX) {
		fprintf(stderr,
			"ixgbe model: %s= needs a file name shorter than %d bytes\n",
			key, PATH_MAX);
		return -EINVAL;
	}
	strcpy(out, value);
	return 0;
}

static int
config_pair(struct model_config *config, const char *key, const char *value)
{
	if (strcmp(key, "ports") == 0)
		return config_uint(key, value, 1, MODEL_MAX_PORTS,
			&config->nb_ports);
	if (strcmp(key, "queues") == 0)
		return config_uint(key, value, 1, MODEL_MAX_QUEUES,
			&config->nb_queues);
	if (strcmp(key, "vectors") == 0)
		return config_uint(key, value, 1, MODEL_MAX_VECTORS,
			&config->nb_vectors);
	if (strcmp(key, "link_delay_ms") == 0)
		return config_uint(key, value, 0, 10000, &config->link_delay_ms);
	if (strcmp(key, "rx_pcap") == 0)
		return config_path(key, value, config->rx_pcap);
	if (strcmp(key, "tx_pcap") == 0)
		return config_path(key, value, config->tx_pcap);
	if (strcmp(key, "dir") == 0) {
		if (strlen(value) == 0 || strlen(value) >= sizeof(config->dir)) {
			fprintf(stderr,
				"ixgbe model: dir= needs a path shorter than %zu bytes\n",
				sizeof(config->dir));
			return -EINVAL;
		}
		strcpy(config->dir, value);
		return 0;
	}
	if (strcmp(key, "wire") == 0) {
		if (strcmp(value, "loop") == 0)
			config->wire = MODEL_WIRE_LOOP;
		else if (strcmp(value, "pcap") == 0)
			config->wire = MODEL_WIRE_PCAP;
		else
			goto bad_value;
		return 0;
	}
	if (strcmp(key, "qstats") == 0) {
		if (strcmp(value, "rc") == 0)
			config->qstats_rc = 1;
		else if (strcmp(value, "plain") == 0)
			config->qstats_rc = 0;
		else
			goto bad_value;
		return 0;
	}
	fprintf(stderr,
		"ixgbe model: unknown key '%s' (ports, wire, rx_pcap, tx_pcap, "
		"queues, vectors, link_delay_ms, qstats, dir)\n",
		key);
	return -EINVAL;
bad_value:
	fprintf(stderr,
		"ixgbe model: bad value '%s' for %s (wire=loop|pcap, qstats=rc|plain)\n",
		value, key);
	return -EINVAL;
}

/* A pcap file name shared by several ports must name each port with %u. */
static int
config_check(const struct model_config *config)
{
	if (config->wire != MODEL_WIRE_PCAP)
		return 0;
	if (config->tx_pcap[0] == '\0' && config->rx_pcap[0] == '\0') {
		fprintf(stderr,
			"ixgbe model: wire=pcap needs rx_pcap=FILE and/or tx_pcap=FILE\n");
		return -EINVAL;
	}
	if (config->nb_ports > 1 && config->tx_pcap[0] != '\0' &&
		strstr(config->tx_pcap, "%u") == NULL) {
		fprintf(stderr,
			"ixgbe model: with ports=%u, tx_pcap needs %%u for the port\n",
			config->nb_ports);
		return -EINVAL;
	}
	return 0;
}

int
model_config_parse(const char *text, struct model_config *config)
{
	char buffer[2 * PATH_MAX + 256];
	char *saveptr = NULL;
	char *item;
	int ret;

	memset(config, 0, sizeof(*config));
	config->nb_ports = 2;
	config->wire = MODEL_WIRE_LOOP;
	config->nb_queues = 16;
	config->nb_vectors = MODEL_MAX_VECTORS;
	config->link_delay_ms = 20;
	config->qstats_rc = 1;
	if (text == NULL)
		return 0;
	if (strlen(text) >= sizeof(buffer)) {
		fprintf(stderr,
			"ixgbe model: configuration longer than %zu bytes\n",
			sizeof(buffer) - 1);
		return -EINVAL;
	}
	strcpy(buffer, text);
	for (item = strtok_r(buffer, ",", &saveptr); item != NULL;
		item = strtok_r(NULL, ",", &saveptr)) {
		char *equals = strchr(item, '=');

		if (equals == NULL) {
			fprintf(stderr, "ixgbe model: '%s' is not key=value\n",
				item);
			return -EINVAL;
		}
		*equals = '\0';
		ret = config_pair(config, item, equals + 1);
		if (ret != 0)
			return ret;
	}
	return config_check(config);
}
