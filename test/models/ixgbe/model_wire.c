/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The cable. wire=loop: what port 2k sends arrives at port 2k+1 and back
 * (a port without a partner is looped to itself), if the receiving port's
 * link is up; a frame the receiver has no descriptors for is missed there.
 * HLREG0.LPBK loops a port's transmit to its own receive.
 * wire=pcap: transmitted frames are appended to tx_pcap; rx_pcap is played
 * into the port once its link is up and its receiver enabled, one frame at
 * a time as descriptors become free (a file does not drop frames).
 * Frames on the wire carry no FCS. The pcap format is the classic one
 * (24-byte file header, 16-byte record headers, link type 1 = Ethernet).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "model.h"

#define PCAP_MAGIC	       0xa1b2c3d4u
#define PCAP_MAGIC_NSEC	       0xa1b23c4du
#define PCAP_LINKTYPE_ETHERNET 1
#define WIRE_PCAP_BUDGET       32

static uint32_t
wire_swap32(uint32_t value)
{
	return __builtin_bswap32(value);
}

static void
wire_name(const char *pattern, unsigned int port, char *out, size_t size)
{
	if (strstr(pattern, "%u") != NULL) {
		const char *mark = strstr(pattern, "%u");

		snprintf(out, size, "%.*s%u%s", (int)(mark - pattern), pattern,
			port, mark + 2);
	} else {
		snprintf(out, size, "%s", pattern);
	}
}

static int
wire_open_out(struct model_port *port, const char *name)
{
	uint32_t header[6] = { PCAP_MAGIC, 2 | 4u << 16, 0, 0, 65535,
		PCAP_LINKTYPE_ETHERNET };

	port->pcap_out = fopen(name, "wb");
	if (port->pcap_out == NULL) {
		fprintf(stderr, "ixgbe model: cannot create %s: %s\n", name,
			strerror(errno));
		return -errno;
	}
	if (fwrite(header, sizeof(header), 1, port->pcap_out) != 1)
		return -EIO;
	fflush(port->pcap_out);
	return 0;
}

static int
wire_open_in(struct model_port *port, const char *name)
{
	uint32_t header[6];

	port->pcap_in.file = fopen(name, "rb");
	if (port->pcap_in.file == NULL) {
		fprintf(stderr, "ixgbe model: cannot open %s: %s\n", name,
			strerror(errno));
		return -errno;
	}
	if (fread(header, sizeof(header), 1, port->pcap_in.file) != 1)
		goto bad_file;
	if (header[0] == PCAP_MAGIC || header[0] == PCAP_MAGIC_NSEC)
		port->pcap_in.swapped = 0;
	else if (wire_swap32(header[0]) == PCAP_MAGIC ||
		wire_swap32(header[0]) == PCAP_MAGIC_NSEC)
		port->pcap_in.swapped = 1;
	else
		goto bad_file;
	if ((port->pcap_in.swapped ? wire_swap32(header[5]) : header[5]) !=
		PCAP_LINKTYPE_ETHERNET)
		goto bad_file;
	return 0;
bad_file:
	fprintf(stderr, "ixgbe model: %s is not an Ethernet pcap file\n", name);
	fclose(port->pcap_in.file);
	port->pcap_in.file = NULL;
	return -EINVAL;
}

int
model_wire_open(struct model_port *port)
{
	const struct model_config *config = &model_state.config;
	char name[PATH_MAX + 16];
	int ret;

	if (config->wire != MODEL_WIRE_PCAP)
		return 0;
	if (config->tx_pcap[0] != '\0') {
		wire_name(config->tx_pcap, port->index, name, sizeof(name));
		ret = wire_open_out(port, name);
		if (ret != 0)
			return ret;
	}
	if (config->rx_pcap[0] != '\0') {
		wire_name(config->rx_pcap, port->index, name, sizeof(name));
		return wire_open_in(port, name);
	}
	return 0;
}

void
model_wire_close(struct model_port *port)
{
	if (port->pcap_out != NULL)
		fclose(port->pcap_out);
	port->pcap_out = NULL;
	if (port->pcap_in.file != NULL)
		fclose(port->pcap_in.file);
	port->pcap_in.file = NULL;
}

static void
wire_pcap_append(struct model_port *port, const uint8_t *frame, size_t len)
{
	struct timeval now;
	uint32_t record[4];

	gettimeofday(&now, NULL);
	record[0] = (uint32_t)now.tv_sec;
	record[1] = (uint32_t)now.tv_usec;
	record[2] = (uint32_t)len;
	record[3] = (uint32_t)len;
	if (fwrite(record, sizeof(record), 1, port->pcap_out) == 1)
		fwrite(frame, len, 1, port->pcap_out);
	fflush(port->pcap_out);
}

void
model_wire_send(struct model_port *port, const uint8_t *frame, size_t len)
{
	struct model_port *receiver = port->peer;

	atomic_fetch_add(&port->wire_tx, 1);
	if (mreg_read(port, MREG_HLREG0) & MREG_HLREG0_LPBK)
		receiver = port;
	else if (model_state.config.wire == MODEL_WIRE_PCAP) {
		if (port->pcap_out != NULL)
			wire_pcap_append(port, frame, len);
		return;
	}
	if (receiver == NULL || !model_link_is_up(receiver))
		return;
	atomic_fetch_add(&receiver->wire_rx, 1);
	model_rx_frame(receiver, frame, len, 0);
}

static int
wire_pcap_next(struct model_pcap_in *in)
{
	uint32_t record[4];
	uint32_t captured;

	if (fread(record, sizeof(record), 1, in->file) != 1)
		return 0;
	captured = in->swapped ? wire_swap32(record[2]) : record[2];
	if (captured > MODEL_MAX_FRAME ||
		fread(in->frame, captured, 1, in->file) != 1)
		return 0;
	in->frame_len = captured;
	in->have_frame = 1;
	return 1;
}

/* Play rx_pcap into the port while it has room. */
unsigned int
model_wire_poll(struct model_port *port)
{
	struct model_pcap_in *in = &port->pcap_in;
	unsigned int played = 0;

	if (in->file == NULL || !model_link_is_up(port))
		return 0;
	while (played < WIRE_PCAP_BUDGET) {
		if (!in->have_frame && !wire_pcap_next(in)) {
			fclose(in->file);
			in->file = NULL;
			break;
		}
		if (model_rx_frame(port, in->frame, in->frame_len, 1) == -EAGAIN)
			break;
		atomic_fetch_add(&port->wire_rx, 1);
		in->have_frame = 0;
		played++;
	}
	return played;
}
