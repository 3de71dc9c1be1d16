/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The registers, bits and descriptor layouts of the 82599 that this
 * driver uses: a hand-written subset, not a vendor header. Offsets and
 * bits: hardware-facts.md section 3. "ds" sections: 82599 datasheet
 * (331520, rev. 3.x); doc/ixgbe.md says how each number was checked.
 */
#ifndef IXGBE_REGS_H
#define IXGBE_REGS_H

#include <stdint.h>

/* General control, ds 8.2.3.1 (CTRL 8.2.3.1.1, CTRL_EXT 8.2.3.1.3) */
#define IXGBE_CTRL	      0x00000
#define IXGBE_CTRL_LNK_RST    (1u << 3)
#define IXGBE_CTRL_RST	      (1u << 26)
#define IXGBE_CTRL_EXT	      0x00018
#define IXGBE_CTRL_EXT_NS_DIS (1u << 16) /* no snoop disable, ds 4.6.7 */
#define IXGBE_EEC	      0x10010	 /* ds 8.2.3.2.1 */
#define IXGBE_EEC_ARD	      (1u << 9)	 /* EEPROM auto-read done */

/* Interrupts, ds 8.2.3.5 (one bit layout for EICR/EIMS/EIMC/EIAC/EIAM) */
#define IXGBE_EICR	       0x00800
#define IXGBE_EIAC	       0x00810
#define IXGBE_EIMS	       0x00880
#define IXGBE_EIMC	       0x00888
#define IXGBE_EIAM	       0x00890
#define IXGBE_EICR_RTX_QUEUE   0x0000FFFFu /* one bit per MSI-X vector 0..15 */
#define IXGBE_EICR_LSC	       (1u << 20)
#define IXGBE_GPIE	       0x00898
#define IXGBE_GPIE_MSIX_MODE   (1u << 4)
#define IXGBE_GPIE_EIAME       (1u << 30)
#define IXGBE_GPIE_PBA_SUPPORT (1u << 31)
/* IVAR(n): rx queue 2n in bits 7:0, tx 2n 15:8, rx 2n+1 23:16, tx 2n+1
 * 31:24; an entry is a vector with bit 7 (valid) set. */
#define IXGBE_IVAR(n)	     (0x00900 + 4 * (n))
#define IXGBE_IVAR_ALLOC_VAL 0x80u
/* IVAR_MISC: TCP timer in bits 7:0, other causes (LSC) 15:8 (as Linux
 * maps them) */
#define IXGBE_IVAR_MISC 0x00A00

/* Receive, ds 8.2.3.8 (RDLEN .3, SRRCTL .7, RDRXCTL .8, RXPBSIZE .9) */
#define IXGBE_RDBAL(i)			 (0x01000 + 0x40 * (i))
#define IXGBE_RDBAH(i)			 (0x01004 + 0x40 * (i))
#define IXGBE_RDLEN(i)			 (0x01008 + 0x40 * (i)) /* bytes, 128-aligned */
#define IXGBE_RDH(i)			 (0x01010 + 0x40 * (i))
#define IXGBE_RDT(i)			 (0x01018 + 0x40 * (i))
#define IXGBE_RXDCTL(i)			 (0x01028 + 0x40 * (i))
#define IXGBE_XDCTL_ENABLE		 (1u << 25) /* RXDCTL and TXDCTL */
#define IXGBE_SRRCTL(i)			 ((i) < 16 ? 0x02100 + 4 * (i) : 0x01014 + 0x40 * (i))
#define IXGBE_SRRCTL_BSIZEPKT_SHIFT	 10	    /* 1 KB units, bits 4:0 */
#define IXGBE_SRRCTL_DESCTYPE_ADV_ONEBUF (1u << 25) /* 001b in 27:25 */
#define IXGBE_SRRCTL_DROP_EN		 (1u << 28)
#define IXGBE_DCA_RXCTRL(i) \
	((i) < 16 ? 0x02200 + 4 * (i) : 0x0100C + 0x40 * (i))
/* Bit 12 resets to 1, "must be set to 0" (ds 8.2.3.11.1, 4.6.7). */
#define IXGBE_DCA_RXCTRL_BIT12 (1u << 12)
#define IXGBE_RDRXCTL	       0x02F00
#define IXGBE_RDRXCTL_CRCSTRIP (1u << 1)
#define IXGBE_RDRXCTL_DMAIDONE (1u << 3)
#define IXGBE_RQSMR(n)	       (0x02300 + 4 * (n)) /* ds 8.2.3.23.71 */
#define IXGBE_RXCTRL	       0x03000
#define IXGBE_RXCTRL_RXEN      (1u << 0)
#define IXGBE_RXPBSIZE(i)      (0x03C00 + 4 * (i))
#define IXGBE_RXPBSIZE_128KB   (128u << 10)

/* MAC, ds 8.2.3.22 (HLREG0 .8, AUTOC .19) */
#define IXGBE_HLREG0		   0x04240
#define IXGBE_HLREG0_TXCRCEN	   (1u << 0)
#define IXGBE_HLREG0_RXCRCSTRP	   (1u << 1)
#define IXGBE_HLREG0_JUMBOEN	   (1u << 2)
#define IXGBE_HLREG0_TXPADEN	   (1u << 10)
#define IXGBE_MAXFRS		   0x04268 /* MFS 31:16 (82598: MHADD) */
#define IXGBE_MAXFRS_MFS_SHIFT	   16
#define IXGBE_AUTOC		   0x042A0
#define IXGBE_AUTOC_AN_RESTART	   (1u << 12)
#define IXGBE_AUTOC_LMS_MASK	   (7u << 13)
#define IXGBE_AUTOC_LMS_10G_SERIAL (3u << 13)
#define IXGBE_AUTOC_PMA_PMD_MASK   (3u << 7) /* 00b: XAUI */
#define IXGBE_LINKS		   0x042A4
#define IXGBE_LINKS_UP		   (1u << 30)
#define IXGBE_LINKS_SPEED_SHIFT	   28
#define IXGBE_LINKS_SPEED_MASK	   3u	      /* 3: 10G, 2: 1G, 1: 100M */
#define IXGBE_LINKS_SPEED_NON_STD  (1u << 27) /* X550: 2.5G / 5G */

/* Transmit, ds 8.2.3.9 (DMATXCTL .2, TXDCTL .10, TXPBSIZE .13); RTTDCS
 * 8.2.3.10.2 */
#define IXGBE_RTTDCS		0x04900
#define IXGBE_RTTDCS_ARBDIS	(1u << 6)
#define IXGBE_DMATXCTL		0x04A80
#define IXGBE_DMATXCTL_TE	(1u << 0)
#define IXGBE_TDBAL(i)		(0x06000 + 0x40 * (i))
#define IXGBE_TDBAH(i)		(0x06004 + 0x40 * (i))
#define IXGBE_TDLEN(i)		(0x06008 + 0x40 * (i))
#define IXGBE_TDH(i)		(0x06010 + 0x40 * (i))
#define IXGBE_TDT(i)		(0x06018 + 0x40 * (i))
#define IXGBE_TXDCTL(i)		(0x06028 + 0x40 * (i))
#define IXGBE_TXDCTL_PTHRESH(v) ((uint32_t)(v) << 0)
#define IXGBE_TXDCTL_HTHRESH(v) ((uint32_t)(v) << 8)
#define IXGBE_TXDCTL_WTHRESH(v) ((uint32_t)(v) << 16)
#define IXGBE_DTXMXSZRQ		0x08100
#define IXGBE_TQSM(n)		(0x08600 + 4 * (n)) /* ds 8.2.3.23.73 */
#define IXGBE_TXPBSIZE(i)	(0x0CC00 + 4 * (i))
#define IXGBE_TXPBSIZE_40KB	(40u << 10)

/* Filters, ds 8.2.3.7 (FCTRL .1, RXCSUM .5, RAH .9, MRQC .12) */
#define IXGBE_RXCSUM	  0x05000
#define IXGBE_RXCSUM_PCSD (1u << 13) /* RSS hash in the descriptor */
#define IXGBE_FCTRL	  0x05080
#define IXGBE_FCTRL_MPE	  (1u << 8)
#define IXGBE_FCTRL_UPE	  (1u << 9)
#define IXGBE_FCTRL_BAM	  (1u << 10)
#define IXGBE_RAL(i)	  ((i) < 16 ? 0x05400 + 8 * (i) : 0x0A200 + 8 * (i))
#define IXGBE_RAH(i)	  ((i) < 16 ? 0x05404 + 8 * (i) : 0x0A204 + 8 * (i))
#define IXGBE_RAH_AV	  (1u << 31)
#define IXGBE_NB_RAR	  128

/* RSS, ds 7.1.2.8 and 8.2.3.7 */
#define IXGBE_MRQC	    0x05818
#define IXGBE_MRQC_RSSEN    0x1u /* MRQE 0001b: RSS only */
#define IXGBE_MRQC_IPV4_TCP (1u << 16)
#define IXGBE_MRQC_IPV4	    (1u << 17)
#define IXGBE_MRQC_IPV6	    (1u << 20)
#define IXGBE_MRQC_IPV6_TCP (1u << 21)
#define IXGBE_MRQC_IPV4_UDP (1u << 22)
#define IXGBE_MRQC_IPV6_UDP (1u << 23)
#define IXGBE_RETA(n)	    (0x05C00 + 4 * (n)) /* 4 one-byte entries */
#define IXGBE_RSSRK(n)	    (0x05C80 + 4 * (n)) /* key byte 4n in 7:0 */
#define IXGBE_RETA_SIZE	    128
#define IXGBE_RSS_KEY_SIZE  40
/* RSS spreads over up to 16 queues (82598 ds table 3-48). */
#define IXGBE_RSS_MAX_QUEUES 16

/* Statistics, ds 8.2.3.23, cleared on read (ds 4.6.5) */
#define IXGBE_CRCERRS	0x04000
#define IXGBE_ILLERRC	0x04004
#define IXGBE_ERRBC	0x04008
#define IXGBE_MPC(i)	(0x03FA0 + 4 * (i)) /* i < 8 */
#define IXGBE_RLEC	0x04040
#define IXGBE_PRC64	0x0405C /* PRC64..PRC1522: 6 regs */
#define IXGBE_GPRC	0x04074
#define IXGBE_BPRC	0x04078
#define IXGBE_MPRC	0x0407C
#define IXGBE_GPTC	0x04080
#define IXGBE_GORCL	0x04088
#define IXGBE_GORCH	0x0408C
#define IXGBE_GOTCL	0x04090
#define IXGBE_GOTCH	0x04094
#define IXGBE_RUC	0x040A4
#define IXGBE_RFC	0x040A8
#define IXGBE_ROC	0x040AC
#define IXGBE_RJC	0x040B0
#define IXGBE_TPR	0x040D0
#define IXGBE_TPT	0x040D4
#define IXGBE_PTC64	0x040D8 /* PTC64..PTC1522: 6 regs */
#define IXGBE_MPTC	0x040F0
#define IXGBE_BPTC	0x040F4
#define IXGBE_QPRC(i)	(0x01030 + 0x40 * (i)) /* i < 16 */
#define IXGBE_QPTC(i)	(0x06030 + 0x40 * (i))
#define IXGBE_NB_QSTATS 16

/*
 * Advanced receive descriptor, ds 7.1.6.1 (read), 7.1.6.2 (write-back).
 *
 *   read (driver writes)        write-back (device writes)
 *   0  pkt_addr (le64)          0 pkt_info (RSS type 3:0) | 2 hdr_info
 *                               4 RSS hash (le32, with RXCSUM.PCSD)
 *   8  hdr_addr (le64, 0)       8 status_error (le32)  12 length (le16)
 *                              14 vlan (le16)
 *
 * status_error overlaps hdr_addr: re-arming a descriptor with hdr_addr 0
 * clears DD.
 */
union ixgbe_rx_desc {
	struct {
		uint64_t pkt_addr;
		uint64_t hdr_addr;
	} read;
	struct {
		uint16_t pkt_info;
		uint16_t hdr_info;
		uint32_t rss_hash;
		uint32_t status_error;
		uint16_t length;
		uint16_t vlan;
	} wb;
};
#define IXGBE_RXD_STAT_DD	(1u << 0)
#define IXGBE_RXD_STAT_EOP	(1u << 1)
#define IXGBE_RXD_ERR_RXE	(1u << 29)
#define IXGBE_RXD_RSS_TYPE_MASK 0xFu

/*
 * Advanced transmit data descriptor, ds 7.2.3.2.4 (16 bytes).
 *
 *   0  buffer address (le64)
 *   8  cmd_type_len: length 15:0, DTYP 23:20 = 0011b, EOP 24, IFCS 25,
 *      RS 27, DEXT 29
 *  12  olinfo_status: PAYLEN 31:14; DD in bit 0 when written back
 */
struct ixgbe_tx_desc {
	uint64_t buffer_addr;
	uint32_t cmd_type_len;
	uint32_t olinfo_status;
};
#define IXGBE_TXD_DTYP_DATA    (3u << 20)
#define IXGBE_TXD_CMD_EOP      (1u << 24)
#define IXGBE_TXD_CMD_IFCS     (1u << 25)
#define IXGBE_TXD_CMD_RS       (1u << 27)
#define IXGBE_TXD_CMD_DEXT     (1u << 29)
#define IXGBE_TXD_PAYLEN_SHIFT 14
#define IXGBE_TXD_STAT_DD      (1u << 0)

#endif /* IXGBE_REGS_H */
