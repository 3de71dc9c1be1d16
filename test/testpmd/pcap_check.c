/* A small libpcap checker for the pollux-testpmd pcap tests.
 *   pcap_check FILE [LEN]    every record a well-formed Ethernet/IPv4/UDP
 *                            frame (of LEN bytes if given); prints the
 *                            count; exits 1 on a bad record or none.
 *   pcap_check --make N FILE writes N UDP/IPv4 frames of 64 bytes.
 *   pcap_check --count FILE  prints the number of records.
 *   pcap_check --macs FILE   prints "DST SRC" of each record, a line each.
 */
#include <pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pcap_t *
open_file(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);

	if (p == NULL) {
		fprintf(stderr, "%s: %s\n", path, err);
		exit(2);
	}
	return p;
}

static uint16_t
be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint16_t
ip_csum(const uint8_t *h, unsigned int len)
{
	uint32_t sum = 0;

	for (unsigned int i = 0; i < len; i += 2)
		sum += be16(h + i);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static int
make(long n, const char *path)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(p, path);
	uint8_t f[64];

	if (d == NULL) {
		fprintf(stderr, "%s: %s\n", path, pcap_geterr(p));
		return 2;
	}
	for (long i = 0; i < n; i++) {
		struct pcap_pkthdr h = { .caplen = sizeof(f), .len = sizeof(f) };
		uint8_t *ip = f + 14, *udp = ip + 20;
		uint16_t c;

		memset(f, 0, sizeof(f));
		memcpy(f, "\x02\x00\x00\x00\x00\x01", 6);     /* dst */
		memcpy(f + 6, "\x02\x00\x00\x00\x00\x02", 6); /* src */
		f[12] = 0x08;
		ip[0] = 0x45;
		ip[3] = 64 - 14;
		ip[4] = (uint8_t)(i >> 8);
		ip[5] = (uint8_t)i;
		ip[8] = 64;
		ip[9] = 17;
		memcpy(ip + 12, "\xc0\xa8\x00\x01\xc0\xa8\x00\x02", 8);
		c = ip_csum(ip, 20);
		ip[10] = (uint8_t)(c >> 8);
		ip[11] = (uint8_t)c;
		udp[0] = 0x04;
		udp[1] = (uint8_t)(i & 0xff);
		udp[2] = 0x04;
		udp[3] = 0xd2;
		udp[5] = 64 - 14 - 20;
		pcap_dump((u_char *)d, &h, f);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}

static const char *
bad(const struct pcap_pkthdr *h, const uint8_t *f, long len)
{
	const uint8_t *ip = f + 14;
	unsigned int ihl;

	if (h->caplen != h->len)
		return "truncated capture";
	if (len > 0 && h->len != (unsigned long)len)
		return "frame length != --txpkts";
	if (h->caplen < 14 + 20 + 8)
		return "too short";
	if (be16(f + 12) != 0x0800)
		return "ether type not IPv4";
	if (ip[0] >> 4 != 4)
		return "IP version not 4";
	ihl = (ip[0] & 0xf) * 4u;
	if (ihl < 20 || 14 + ihl + 8 > h->caplen)
		return "bad IHL";
	if (be16(ip + 2) != h->caplen - 14)
		return "IP total length != captured length - 14";
	if (ip_csum(ip, ihl) != 0)
		return "bad IPv4 header checksum";
	if (ip[9] != 17)
		return "protocol not UDP";
	if (be16(ip + ihl + 4) != be16(ip + 2) - ihl)
		return "UDP length != IP payload length";
	return NULL;
}

int
main(int argc, char **argv)
{
	struct pcap_pkthdr *h;
	const u_char *f;
	long n = 0, nbad = 0, len = 0;
	int mode = 0; /* 0 check, 1 count, 2 macs */
	pcap_t *p;

	if (argc == 4 && strcmp(argv[1], "--make") == 0)
		return make(atol(argv[2]), argv[3]);
	if (argc == 3 && strcmp(argv[1], "--count") == 0)
		mode = 1;
	else if (argc == 3 && strcmp(argv[1], "--macs") == 0)
		mode = 2;
	else if (argc == 2 || argc == 3)
		len = argc == 3 ? atol(argv[2]) : 0;
	else {
		fprintf(stderr,
			"usage: %s FILE [LEN] | --make N FILE | "
			"--count FILE | --macs FILE\n",
			argv[0]);
		return 2;
	}
	p = open_file(argv[mode ? 2 : 1]);
	while (pcap_next_ex(p, &h, &f) == 1) {
		const char *why;

		n++;
		if (mode == 2) {
			for (int i = 0; i < 12; i++)
				printf("%02x%s", f[i], i == 5 ? " " : "");
			printf("\n");
		} else if (mode == 0 && (why = bad(h, f, len)) != NULL) {
			if (nbad++ < 5)
				fprintf(stderr, "record %ld: %s\n", n, why);
		}
	}
	pcap_close(p);
	if (mode == 2)
		return 0;
	printf("%ld\n", n);
	if (mode == 1)
		return 0;
	if (nbad)
		fprintf(stderr, "%ld bad records of %ld\n", nbad, n);
	return nbad || n == 0;
}
