/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fake sysfs tree of doc/testing.md "The fake PCI device contract":
 *
 *   $root/devices/0000:42:00.0/{vendor,device,subsystem_*,class,numa_node,
 *                               resource,resource0,resource4,config,
 *                               driver -> ../../drivers/uio_pci_generic,
 *                               uio/uio0/, pollux-msix/{0,1,...}}
 *   $root/dev/uio0              INTx FIFO
 *   $root/drivers/uio_pci_generic/
 *   $root/control               test control FIFO (model_control.c)
 *
 * Config space follows the PCI Local Bus specification 3.0 (6.1 header,
 * 6.7 capability list, 6.8.2 MSI-X) with the layout an 82599ES shows in
 * lspci: PM at 0x40, MSI at 0x50, MSI-X at 0x70 (table in BAR4 at 0,
 * PBA at 0x2000), PCI Express at 0xA0.
 */

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"

#define TREE_BAR0_BASE 0xf0000000ull
#define TREE_BAR4_BASE 0xf8000000ull
/* Linux IORESOURCE_MEM | IORESOURCE_MEM_64 | IORESOURCE_SIZEALIGN */
#define TREE_MEM64_FLAGS 0x140204ull

static int
tree_write(const char *dir, const char *name, const void *data, size_t len)
{
	char path[2 * PATH_MAX + 128];
	int fd;
	ssize_t written;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	written = write(fd, data, len);
	close(fd);
	return written == (ssize_t)len ? 0 : -EIO;
}

static int
tree_text(const char *dir, const char *name, const char *text)
{
	return tree_write(dir, name, text, strlen(text));
}

static int
tree_sized_file(const char *dir, const char *name, size_t size)
{
	char path[2 * PATH_MAX + 128];
	int fd;
	int ret = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)size) != 0)
		ret = -errno;
	close(fd);
	return ret;
}

static void
put16(uint8_t *config, unsigned int offset, uint16_t value)
{
	config[offset] = value & 0xff;
	config[offset + 1] = value >> 8;
}

static void
put32(uint8_t *config, unsigned int offset, uint32_t value)
{
	put16(config, offset, value & 0xffff);
	put16(config, offset + 2, value >> 16);
}

/* PCI 3.0 6.1: type 0 header; 6.7: capabilities; 6.8.2: MSI-X. */
static void
tree_config_space(const struct model *model, const struct model_port *port,
	uint8_t *config)
{
	uint64_t bar0 = TREE_BAR0_BASE +
		port->index * (uint64_t)MREG_BAR0_SIZE * 2;
	uint64_t bar4 = TREE_BAR4_BASE +
		port->index * (uint64_t)MREG_BAR4_SIZE * 2;

	memset(config, 0, 4096);
	put16(config, 0x00, 0x8086);
	put16(config, 0x02, 0x10fb);
	put16(config, 0x04, 0x0002); /* COMMAND: memory space on */
	put16(config, 0x06, 0x0010); /* STATUS: capability list */
	config[0x08] = 0x01;	     /* revision */
	config[0x0b] = 0x02;	     /* class: network, ethernet */
	config[0x0e] = model->config.nb_ports > 1 ? 0x80 : 0x00;
	put32(config, 0x10, (uint32_t)bar0 | 0x4); /* 64-bit memory */
	put32(config, 0x14, (uint32_t)(bar0 >> 32));
	put32(config, 0x20, (uint32_t)bar4 | 0x4);
	put32(config, 0x24, (uint32_t)(bar4 >> 32));
	put16(config, 0x2c, 0x8086);
	put16(config, 0x2e, 0x000c);
	config[0x34] = 0x40;
	config[0x3d] = 1 +
		(port->index & 1); /* INTA for LAN 0, INTB for LAN 1 */
	/* PM: id 1, next 0x50, version 3 */
	config[0x40] = 0x01;
	config[0x41] = 0x50;
	put16(config, 0x42, 0x0003);
	/* MSI: id 5, next 0x70, 64-bit, per-vector masking */
	config[0x50] = 0x05;
	config[0x51] = 0x70;
	put16(config, 0x52, 0x0180);
	/* MSI-X: id 0x11, next 0xA0, table size N-1, table/PBA in BAR4 */
	config[0x70] = 0x11;
	config[0x71] = 0xa0;
	put16(config, 0x72, (uint16_t)(model->config.nb_vectors - 1));
	put32(config, 0x74, 0x0000 | 4);
	put32(config, 0x78, 0x2000 | 4);
	/* PCI Express: id 0x10, last, version 2, endpoint */
	config[0xa0] = 0x10;
	config[0xa1] = 0x00;
	put16(config, 0xa2, 0x0002);
}

static int
tree_resource_file(const struct model_port *port)
{
	uint64_t bar0 = TREE_BAR0_BASE +
		port->index * (uint64_t)MREG_BAR0_SIZE * 2;
	uint64_t bar4 = TREE_BAR4_BASE +
		port->index * (uint64_t)MREG_BAR4_SIZE * 2;
	char text[7 * 64];
	size_t used = 0;
	unsigned int bar;

	for (bar = 0; bar < 7; bar++) {
		uint64_t start = 0, end = 0, flags = 0;

		if (bar == 0) {
			start = bar0;
			end = bar0 + MREG_BAR0_SIZE - 1;
			flags = TREE_MEM64_FLAGS;
		} else if (bar == 4) {
			start = bar4;
			end = bar4 + MREG_BAR4_SIZE - 1;
			flags = TREE_MEM64_FLAGS;
		}
		used += snprintf(text + used, sizeof(text) - used,
			"0x%016llx 0x%016llx 0x%016llx\n",
			(unsigned long long)start, (unsigned long long)end,
			(unsigned long long)flags);
	}
	return tree_text(port->dir, "resource", text);
}

static int
tree_fifos(const struct model *model, const struct model_port *port)
{
	char path[2 * PATH_MAX + 128];
	unsigned int vector;

	snprintf(path, sizeof(path), "%s/uio%u", model->dev_dir, port->index);
	if (mkfifo(path, 0600) != 0)
		return -errno;
	snprintf(path, sizeof(path), "%s/pollux-msix", port->dir);
	if (mkdir(path, 0700) != 0)
		return -errno;
	for (vector = 0; vector < model->config.nb_vectors; vector++) {
		snprintf(path, sizeof(path), "%s/pollux-msix/%u", port->dir,
			vector);
		if (mkfifo(path, 0600) != 0)
			return -errno;
	}
	return 0;
}

static int
tree_map_bar(struct model_port *port)
{
	char path[2 * PATH_MAX + 128];
	struct stat st;
	void *mapped;

	snprintf(path, sizeof(path), "%s/resource0", port->dir);
	port->bar_fd = open(path, O_RDWR | O_CLOEXEC);
	if (port->bar_fd < 0)
		return -errno;
	if (fstat(port->bar_fd, &st) != 0)
		return -errno;
	port->bar_dev = st.st_dev;
	port->bar_ino = st.st_ino;
	/* Not through our mmap(): this view is never trapped. */
	mapped = model_real_mmap(NULL, MREG_BAR0_SIZE, PROT_READ | PROT_WRITE,
		MAP_SHARED, port->bar_fd, 0);
	if (mapped == MAP_FAILED)
		return -errno;
	port->regs = mapped;
	return 0;
}

static int
tree_port(struct model *model, struct model_port *port)
{
	uint8_t config[4096];
	char path[2 * PATH_MAX + 128];
	int ret;

	snprintf(port->pci_addr, sizeof(port->pci_addr), "0000:42:%02x.%x",
		port->index / 2, port->index % 2);
	/* Through a local buffer: port->dir and model->sysfs_dir are both in *model. */
	snprintf(path, sizeof(path), "%s/%s", model->sysfs_dir, port->pci_addr);
	if (strlen(path) >= sizeof(port->dir))
		return -ENAMETOOLONG;
	memcpy(port->dir, path, strlen(path) + 1);
	if (mkdir(port->dir, 0700) != 0)
		return -errno;
	ret = tree_text(port->dir, "vendor", "0x8086\n");
	ret = ret ? ret : tree_text(port->dir, "device", "0x10fb\n");
	ret = ret ? ret : tree_text(port->dir, "subsystem_vendor", "0x8086\n");
	ret = ret ? ret : tree_text(port->dir, "subsystem_device", "0x000c\n");
	ret = ret ? ret : tree_text(port->dir, "class", "0x020000\n");
	ret = ret ? ret : tree_text(port->dir, "numa_node", "-1\n");
	ret = ret ? ret : tree_resource_file(port);
	ret = ret ? ret :
		    tree_sized_file(port->dir, "resource0", MREG_BAR0_SIZE);
	ret = ret ? ret :
		    tree_sized_file(port->dir, "resource4", MREG_BAR4_SIZE);
	if (ret != 0)
		return ret;
	tree_config_space(model, port, config);
	ret = tree_write(port->dir, "config", config, sizeof(config));
	if (ret != 0)
		return ret;
	snprintf(path, sizeof(path), "%s/driver", port->dir);
	if (symlink("../../drivers/uio_pci_generic", path) != 0)
		return -errno;
	snprintf(path, sizeof(path), "%s/uio", port->dir);
	if (mkdir(path, 0700) != 0)
		return -errno;
	snprintf(path, sizeof(path), "%s/uio/uio%u", port->dir, port->index);
	if (mkdir(path, 0700) != 0)
		return -errno;
	ret = tree_fifos(model, port);
	return ret ? ret : tree_map_bar(port);
}

int
model_tree_create(struct model *model)
{
	const char *tmp = getenv("TMPDIR");
	char path[2 * PATH_MAX + 128];
	unsigned int i;
	int ret;

	if (model->config.dir[0] != '\0') {
		/* A directory the caller names; it must be new (we remove it at the end). */
		if (mkdir(model->config.dir, 0700) != 0) {
			ret = -errno;
			fprintf(stderr,
				"ixgbe model: cannot create dir=%s: %s (give a new path)\n",
				model->config.dir, strerror(errno));
			return ret;
		}
		snprintf(model->root, sizeof(model->root), "%s",
			model->config.dir);
	} else {
		snprintf(model->root, sizeof(model->root),
			"%s/pollux-ixgbe-model.XXXXXX",
			tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
		if (mkdtemp(model->root) == NULL) {
			ret = -errno;
			model->root[0] = '\0';
			return ret;
		}
	}
	snprintf(model->sysfs_dir, sizeof(model->sysfs_dir), "%s/devices",
		model->root);
	snprintf(model->dev_dir, sizeof(model->dev_dir), "%s/dev", model->root);
	snprintf(path, sizeof(path), "%s/drivers", model->root);
	if (mkdir(model->sysfs_dir, 0700) != 0 ||
		mkdir(model->dev_dir, 0700) != 0 || mkdir(path, 0700) != 0)
		return -errno;
	snprintf(path, sizeof(path), "%s/drivers/uio_pci_generic", model->root);
	if (mkdir(path, 0700) != 0)
		return -errno;
	for (i = 0; i < model->config.nb_ports; i++) {
		ret = tree_port(model, &model->ports[i]);
		if (ret != 0)
			return ret;
	}
	return 0;
}

static int
tree_remove_entry(const char *path, const struct stat *st, int type,
	struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void
model_tree_remove(struct model *model)
{
	unsigned int i;

	for (i = 0; i < MODEL_MAX_PORTS; i++) {
		struct model_port *port = &model->ports[i];

		if (port->regs != NULL) {
			model_real_munmap((void *)port->regs, MREG_BAR0_SIZE);
			port->regs = NULL;
		}
		if (port->bar_fd >= 0) {
			close(port->bar_fd);
			port->bar_fd = -1;
		}
	}
	if (model->root[0] != '\0')
		nftw(model->root, tree_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	model->root[0] = '\0';
}
