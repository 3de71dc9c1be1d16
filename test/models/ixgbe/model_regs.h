/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Intel 82599 registers the model implements: offsets and bits, written
 * from the datasheet's facts (shared/hardware-facts.md section 3; where a
 * fact is checked against a datasheet text the section is named here and
 * in doc/testing.md "The 82599 model"). [unverified] marks facts the model
 * relies on without a primary source.
 */

#ifndef IXGBE_MODEL_REGS_H
#define IXGBE_MODEL_REGS_H

/* BAR0 is 512 KiB on an 82599ES (lspci of an 82599ES, see doc/testing.md). */
#define MREG_BAR0_SIZE (512u * 1024u)
#define MREG_BAR4_SIZE (16u * 1024u) /* MSI-X table at 0, PBA at 0x2000 */

/* General control */
#define MREG_CTRL		 0x00000
#define MREG_CTRL_LNK_RST	 (1u << 3)
#define MREG_CTRL_RST		 (1u << 26)
#define MREG_STATUS		 0x00008
#define MREG_STATUS_LAN_ID_SHIFT 2
#define MREG_CTRL_EXT		 0x00018
#define MREG_EEC		 0x10010
#define MREG_EEC_PRES		 (1u << 8)
#define MREG_EEC_ARD		 (1u << 9)

/* Interrupts (datasheet 7.3; bit meanings as in the 82598 datasheet 7.3) */
#define MREG_EICR	     0x00800 /* 8.2.3.5.1 */
#define MREG_EICS	     0x00808
#define MREG_EIAC	     0x00810
#define MREG_EITR(n)	     (0x00820 + 4u * (n))
#define MREG_EIMS	     0x00880
#define MREG_EIMC	     0x00888
#define MREG_EIAM	     0x00890
#define MREG_GPIE	     0x00898
#define MREG_GPIE_MSIX_MODE  (1u << 4)
#define MREG_GPIE_OCD	     (1u << 5)
#define MREG_GPIE_EIAME	     (1u << 30)
#define MREG_IVAR(n)	     (0x00900 + 4u * (n))
#define MREG_IVAR_MISC	     0x00A00
#define MREG_IVAR_VALID	     0x80u
#define MREG_EICR_RTX_MASK   0x0000FFFFu /* bits 15:0: queue causes */
#define MREG_EICR_LSC	     (1u << 20)
#define MREG_EICR_OTHER_MASK 0x7FFF0000u /* bits 30:16: "other" causes */
#define MREG_EICR_OCD_MASK \
	0x3FFF0000u /* bits 29:16: cleared by a read with OCD */
#define MREG_EICR_TCP_TIMER (1u << 30)

/* Receive queues i < 64 (block of 0x40 per queue) */
#define MREG_RDBAL(i)		   (0x01000 + 0x40u * (i))
#define MREG_RDBAH(i)		   (0x01004 + 0x40u * (i))
#define MREG_RDLEN(i)		   (0x01008 + 0x40u * (i))
#define MREG_RDH(i)		   (0x01010 + 0x40u * (i))
#define MREG_SRRCTL_ALIAS(i)	   (0x01014 + 0x40u * (i))
#define MREG_RDT(i)		   (0x01018 + 0x40u * (i))
#define MREG_RXDCTL(i)		   (0x01028 + 0x40u * (i))
#define MREG_XDCTL_ENABLE	   (1u << 25)
#define MREG_QPRC(i)		   (0x01030 + 0x40u * (i)) /* [unverified] */
#define MREG_QBRC_L(i)		   (0x01034 + 0x40u * (i)) /* [unverified] */
#define MREG_QBRC_H(i)		   (0x01038 + 0x40u * (i)) /* [unverified] */
#define MREG_DCA_RXCTRL(i)	   (0x0100C + 0x40u * (i))
#define MREG_DCA_RXCTRL_ALIAS(i)   (0x02200 + 4u * (i)) /* i < 16 */
#define MREG_DCA_RXCTRL_BIT12	   (1u << 12) /* reserved, resets to 1 */
#define MREG_SRRCTL(i)		   (0x02100 + 4u * (i)) /* i < 16 */
#define MREG_SRRCTL_BSIZEPKT_MASK  0x7Fu		/* 1 KiB units */
#define MREG_SRRCTL_DESCTYPE_SHIFT 25
#define MREG_SRRCTL_DROP_EN	   (1u << 28)
#define MREG_RDRXCTL		   0x02F00
#define MREG_RDRXCTL_DMAIDONE	   (1u << 3)
#define MREG_RXCTRL		   0x03000
#define MREG_RXCTRL_RXEN	   (1u << 0)
#define MREG_RXPBSIZE(i)	   (0x03C00 + 4u * (i))
#define MREG_MPC(i)		   (0x03FA0 + 4u * (i))

/* Statistics (offsets as the 82598 datasheet 4.4.3.9 lists them) */
#define MREG_CRCERRS	 0x04000
#define MREG_PRC64	 0x0405C /* PRC64, 127, 255, 511, 1023, 1522: +4 each */
#define MREG_GPRC	 0x04074
#define MREG_BPRC	 0x04078
#define MREG_MPRC	 0x0407C
#define MREG_GPTC	 0x04080
#define MREG_GORCL	 0x04088
#define MREG_GORCH	 0x0408C
#define MREG_GOTCL	 0x04090
#define MREG_GOTCH	 0x04094
#define MREG_ROC	 0x040AC
#define MREG_TORL	 0x040C0
#define MREG_TORH	 0x040C4
#define MREG_TPR	 0x040D0
#define MREG_TPT	 0x040D4
#define MREG_PTC64	 0x040D8 /* PTC64, 127, 255, 511, 1023, 1522: +4 each */
#define MREG_MPTC	 0x040F0
#define MREG_BPTC	 0x040F4
#define MREG_STATS_FIRST 0x04000
#define MREG_STATS_LAST	 0x040F4

/* MAC */
#define MREG_HLREG0	      0x04240
#define MREG_HLREG0_TXCRCEN   (1u << 0)
#define MREG_HLREG0_RXCRCSTRP (1u << 1)
#define MREG_HLREG0_JUMBOEN   (1u << 2)
#define MREG_HLREG0_TXPADEN   (1u << 10)
#define MREG_HLREG0_LPBK      (1u << 15)
#define MREG_MAXFRS	      0x04268 /* MFS in bits 31:16 [unverified] */
#define MREG_AUTOC	      0x042A0
#define MREG_AUTOC_AN_RESTART (1u << 12)
#define MREG_LINKS	      0x042A4
#define MREG_LINKS_UP	      (1u << 30)
#define MREG_LINKS_SPEED_10G  (3u << 28)
#define MREG_DMATXCTL	      0x04A80
#define MREG_DMATXCTL_TE      (1u << 0)

#define MREG_RXCSUM	 0x05000
#define MREG_RXCSUM_PCSD (1u << 13)

/* Receive filters */
#define MREG_FCTRL     0x05080
#define MREG_FCTRL_MPE (1u << 8)
#define MREG_FCTRL_UPE (1u << 9)
#define MREG_FCTRL_BAM (1u << 10)
#define MREG_MCSTCTRL \
	0x05090 /* MO bits 1:0 [unverified], MFE bit 2 (8.2.3.7.3) */
#define MREG_MCSTCTRL_MFE (1u << 2)
#define MREG_MTA(i)	  (0x05200 + 4u * (i)) /* 128 */
/* Receive address pairs (8.2.3.7.8, 8.2.3.7.9; 7.1.1.1.1: 128 host
 * addresses): 128 at 0x0A200; the first 16 also at 0x05400 (the same
 * registers under a second address). */
#define MREG_RAR_ENTRIES     128u
#define MREG_RAR_LOW_ENTRIES 16u
#define MREG_RAL(i)	     (0x0A200 + 8u * (i))
#define MREG_RAH(i)	     (0x0A204 + 8u * (i))
#define MREG_RAL_LOW(i)	     (0x05400 + 8u * (i)) /* i < 16 */
#define MREG_RAH_LOW(i)	     (0x05404 + 8u * (i))
#define MREG_RAH_AV	     (1u << 31)
#define MREG_MRQC	     0x05818
#define MREG_MRQC_RSSEN	     (1u << 0)
#define MREG_MRQC_IPV4_TCP   (1u << 16)
#define MREG_MRQC_IPV4	     (1u << 17)
#define MREG_MRQC_IPV6	     (1u << 20)
#define MREG_MRQC_IPV6_TCP   (1u << 21)
#define MREG_MRQC_IPV4_UDP   (1u << 22)
#define MREG_MRQC_IPV6_UDP   (1u << 23)
#define MREG_RETA(i)	     (0x05C00 + 4u * (i)) /* 32 x 4 entries */
#define MREG_RSSRK(i)	     (0x05C80 + 4u * (i)) /* 10 x 4 bytes */

/* Transmit queues i < 64 */
#define MREG_TDBAL(i)	 (0x06000 + 0x40u * (i))
#define MREG_TDBAH(i)	 (0x06004 + 0x40u * (i))
#define MREG_TDLEN(i)	 (0x06008 + 0x40u * (i))
#define MREG_TDH(i)	 (0x06010 + 0x40u * (i))
#define MREG_TDT(i)	 (0x06018 + 0x40u * (i))
#define MREG_TXDCTL(i)	 (0x06028 + 0x40u * (i))
#define MREG_QPTC(i)	 (0x06030 + 0x40u * (i)) /* [unverified] */
#define MREG_QBTC(i)	 (0x06034 + 0x40u * (i)) /* [unverified] */
#define MREG_TDWBAL(i)	 (0x06038 + 0x40u * (i))
#define MREG_TDWBAH(i)	 (0x0603C + 0x40u * (i))
#define MREG_TXPBSIZE(i) (0x0CC00 + 4u * (i))

/* Descriptors: 16 bytes, little-endian (datasheet 7.1.6 / 7.2.3.2.4) */
#define MDESC_SIZE	     16u
#define MDESC_RX_STAT_DD     (1u << 0)
#define MDESC_RX_STAT_EOP    (1u << 1)
#define MDESC_RX_STAT_PIF    (1u << 7)
#define MDESC_TX_DTALEN_MASK 0xFFFFu
#define MDESC_TX_DTYP_SHIFT  20
#define MDESC_TX_DTYP_CTXT   0x2u
#define MDESC_TX_CMD_EOP     (1u << 24)
#define MDESC_TX_CMD_IFCS    (1u << 25)
#define MDESC_TX_CMD_RS	     (1u << 27)
#define MDESC_TX_CMD_DEXT    (1u << 29)
#define MDESC_TX_STA_DD	     (1u << 0)

/* RSS type in rx write-back bits 3:0 (82598 datasheet 3.5.2.10 table; 0x7-0x9 seen) */
#define MRSS_TYPE_NONE	   0x0u
#define MRSS_TYPE_IPV4_TCP 0x1u
#define MRSS_TYPE_IPV4	   0x2u
#define MRSS_TYPE_IPV6_TCP 0x3u
#define MRSS_TYPE_IPV6	   0x5u
#define MRSS_TYPE_IPV4_UDP 0x7u
#define MRSS_TYPE_IPV6_UDP 0x8u

#endif /* IXGBE_MODEL_REGS_H */
