/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* rte_hexdump() and rte_memdump(). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_hexdump.h>

#define HEXDUMP_LINE 16

/* One line: offset, up to 16 bytes in hex (padded), then as text. */
static void
hexdump_line(FILE *f, const uint8_t *p, unsigned int off, unsigned int n)
{
	unsigned int i;

	fprintf(f, "%08X:", off);
	for (i = 0; i < HEXDUMP_LINE; i++) {
		if (i < n)
			fprintf(f, " %02X", p[i]);
		else
			fputs("   ", f);
	}
	fputs(" | ", f);
	for (i = 0; i < n; i++)
		fputc(isprint(p[i]) ? p[i] : '.', f);
	fputc('\n', f);
}

void
rte_hexdump(FILE *f, const char *title, const void *buf, unsigned int len)
{
	const uint8_t *p = buf;
	unsigned int off;

	if (f == NULL)
		return;
	fprintf(f, "%s at [%p], len=%u\n", title != NULL ? title : "", buf, len);
	if (buf == NULL)
		return;
	for (off = 0; off < len; off += HEXDUMP_LINE)
		hexdump_line(f, p + off, off,
			len - off < HEXDUMP_LINE ? len - off : HEXDUMP_LINE);
	fflush(f);
}

void
rte_memdump(FILE *f, const char *title, const void *buf, unsigned int len)
{
	const uint8_t *p = buf;
	unsigned int i;

	if (f == NULL)
		return;
	if (title != NULL)
		fprintf(f, "%s: ", title);
	for (i = 0; buf != NULL && i < len; i++)
		fprintf(f, "%02x%s", p[i], i + 1 < len ? ":" : "");
	fputc('\n', f);
	fflush(f);
}
