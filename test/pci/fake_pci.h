/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Fake sysfs PCI trees for the PCI bus tests, laid out as doc/testing.md
 * says (the fake PCI device contract), in a temporary directory:
 *
 *   ROOT/devices/0000:00:04.0/{vendor,device,...,resource,resourceN,config}
 *   ROOT/devices/0000:00:04.0/driver -> ../../drivers/NAME
 *   ROOT/devices/0000:00:04.0/uio/uio0/
 *   ROOT/devices/0000:00:04.0/pollux-msix/{0,1,...}   FIFOs
 *   ROOT/drivers/NAME/
 *   ROOT/dev/uio0                                      FIFO
 *
 * fake_pci_env() points POLLUX_SYSFS_PCI and POLLUX_DEV_DIR at it.
 */
#ifndef FAKE_PCI_H
#define FAKE_PCI_H

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* Paths here are a short temporary root plus short names: GCC's
 * worst-case truncation warnings about PATH_MAX buffers do not apply. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

#define FAKE_PCI_MAX_BARS 6

struct fake_bar {
	uint64_t len;	   /* 0: not implemented */
	bool io;	   /* I/O BAR (else memory) */
	uint64_t file_len; /* resourceN size if not len (0: len) */
	bool wc;	   /* prefetchable, with a resourceN_wc file */
};

struct fake_dev {
	const char *addr; /* "0000:00:04.0" */
	uint16_t vendor, device, sub_vendor, sub_device;
	uint32_t class_id;
	int numa_node;		  /* -2: no numa_node file */
	const char *driver;	  /* NULL: unbound */
	int uio_num;		  /* -1: no uio/ directory */
	bool uio_node;		  /* create ROOT/dev/uioN */
	int nb_msix;		  /* pollux-msix FIFOs */
	int iommu_group;	  /* -1: none */
	unsigned int config_size; /* 256 or 4096 */
	struct fake_bar bars[FAKE_PCI_MAX_BARS];
};

struct fake_tree {
	char root[PATH_MAX];
};

static inline int fake_write(const char *dir, const char *file, const char *fmt,
	...) __attribute__((format(printf, 3, 4)));

static inline int
fake_write(const char *dir, const char *file, const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	return fclose(f);
}

static inline int
fake_mkdirf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static inline int
fake_mkdirf(const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

static inline int
fake_tree_create(struct fake_tree *t)
{
	snprintf(t->root, sizeof(t->root), "/tmp/pollux-pci-test.%d.XXXXXX",
		(int)getpid());
	if (mkdtemp(t->root) == NULL)
		return -1;
	if (fake_mkdirf("%s/devices", t->root) < 0 ||
		fake_mkdirf("%s/drivers", t->root) < 0 ||
		fake_mkdirf("%s/dev", t->root) < 0 ||
		fake_mkdirf("%s/dev/vfio", t->root) < 0)
		return -1;
	return 0;
}

static inline void
fake_pci_env(const struct fake_tree *t)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/devices", t->root);
	setenv("POLLUX_SYSFS_PCI", path, 1);
	snprintf(path, sizeof(path), "%s/dev", t->root);
	setenv("POLLUX_DEV_DIR", path, 1);
}

static inline void
fake_dev_dir(const struct fake_tree *t, const char *addr, char *buf, size_t size)
{
	snprintf(buf, size, "%s/devices/%s", t->root, addr);
}

static inline int
fake_sized_file(const char *dir, const char *file, uint64_t size)
{
	char path[PATH_MAX];
	int fd, ret;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	ret = ftruncate(fd, (off_t)size);
	close(fd);
	return ret;
}

static inline int
fake_resources(const char *dir, const struct fake_dev *d)
{
	char line[FAKE_PCI_MAX_BARS + 7][80], file[32], all[1024] = "";
	uint64_t start = 0xfe000000;
	int i;

	for (i = 0; i < FAKE_PCI_MAX_BARS + 7; i++) {
		const struct fake_bar *b = i < FAKE_PCI_MAX_BARS ? &d->bars[i] :
								   NULL;

		if (b == NULL || b->len == 0) {
			snprintf(line[i], sizeof(line[i]),
				"0x%016x 0x%016x "
				"0x%016x\n",
				0, 0, 0);
		} else {
			uint64_t base = b->io ? 0xc000 + 0x100 * (uint64_t)i :
						start;

			snprintf(line[i], sizeof(line[i]),
				"0x%016llx 0x%016llx "
				"0x%016llx\n",
				(unsigned long long)base,
				(unsigned long long)(base + b->len - 1),
				(unsigned long long)(b->io ? 0x40101 :
						b->wc	   ? 0x42208 :
							     0x40200));
			if (!b->io)
				start += b->len < 0x1000 ? 0x1000 : b->len;
			snprintf(file, sizeof(file), "resource%d", i);
			if (fake_sized_file(dir, file,
				    b->file_len != 0 ? b->file_len : b->len) < 0)
				return -1;
			snprintf(file, sizeof(file), "resource%d_wc", i);
			if (b->wc && fake_sized_file(dir, file, b->len) < 0)
				return -1;
		}
		strcat(all, line[i]);
	}
	return fake_write(dir, "resource", "%s", all);
}

static inline int
fake_config(const char *dir, const struct fake_dev *d)
{
	unsigned int size = d->config_size != 0 ? d->config_size : 256;
	uint8_t *cfg = calloc(1, size);
	char path[PATH_MAX];
	int fd, ret;

	if (cfg == NULL)
		return -1;
	memcpy(cfg + 0, &d->vendor, 2);
	memcpy(cfg + 2, &d->device, 2);
	cfg[9] = (uint8_t)(d->class_id);
	cfg[10] = (uint8_t)(d->class_id >> 8);
	cfg[11] = (uint8_t)(d->class_id >> 16);
	memcpy(cfg + 0x2c, &d->sub_vendor, 2);
	memcpy(cfg + 0x2e, &d->sub_device, 2);
	snprintf(path, sizeof(path), "%s/config", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ret = fd >= 0 && write(fd, cfg, size) == (ssize_t)size ? 0 : -1;
	if (fd >= 0)
		close(fd);
	free(cfg);
	return ret;
}

static inline int
fake_binding(const struct fake_tree *t, const char *dir,
	const struct fake_dev *d)
{
	char path[PATH_MAX], target[PATH_MAX];
	int i;

	if (d->driver != NULL) {
		if (fake_mkdirf("%s/drivers/%s", t->root, d->driver) < 0)
			return -1;
		snprintf(path, sizeof(path), "%s/driver", dir);
		snprintf(target, sizeof(target), "../../drivers/%s", d->driver);
		if (symlink(target, path) < 0)
			return -1;
	}
	if (d->uio_num >= 0) {
		if (fake_mkdirf("%s/uio", dir) < 0 ||
			fake_mkdirf("%s/uio/uio%d", dir, d->uio_num) < 0)
			return -1;
		snprintf(path, sizeof(path), "%s/dev/uio%d", t->root,
			d->uio_num);
		if (d->uio_node && mkfifo(path, 0600) < 0 && errno != EEXIST)
			return -1;
	}
	if (d->nb_msix > 0 && fake_mkdirf("%s/pollux-msix", dir) < 0)
		return -1;
	for (i = 0; i < d->nb_msix; i++) {
		snprintf(path, sizeof(path), "%s/pollux-msix/%d", dir, i);
		if (mkfifo(path, 0600) < 0)
			return -1;
	}
	if (d->iommu_group >= 0) {
		if (fake_mkdirf("%s/iommu_groups", t->root) < 0 ||
			fake_mkdirf("%s/iommu_groups/%d", t->root,
				d->iommu_group) < 0 ||
			fake_mkdirf("%s/iommu_groups/%d/devices", t->root,
				d->iommu_group) < 0)
			return -1;
		snprintf(path, sizeof(path), "%s/iommu_group", dir);
		snprintf(target, sizeof(target), "../../iommu_groups/%d",
			d->iommu_group);
		if (symlink(target, path) < 0)
			return -1;
		snprintf(path, sizeof(path), "%s/iommu_groups/%d/devices/%s",
			t->root, d->iommu_group, d->addr);
		snprintf(target, sizeof(target), "../../../devices/%s", d->addr);
		if (symlink(target, path) < 0)
			return -1;
	}
	return 0;
}

static inline int
fake_dev_add(const struct fake_tree *t, const struct fake_dev *d)
{
	char dir[PATH_MAX];

	fake_dev_dir(t, d->addr, dir, sizeof(dir));
	if (mkdir(dir, 0755) < 0)
		return -1;
	if (fake_write(dir, "vendor", "0x%04x\n", d->vendor) < 0 ||
		fake_write(dir, "device", "0x%04x\n", d->device) < 0 ||
		fake_write(dir, "subsystem_vendor", "0x%04x\n", d->sub_vendor) <
			0 ||
		fake_write(dir, "subsystem_device", "0x%04x\n", d->sub_device) <
			0 ||
		fake_write(dir, "class", "0x%06x\n", d->class_id) < 0)
		return -1;
	if (d->numa_node != -2 &&
		fake_write(dir, "numa_node", "%d\n", d->numa_node) < 0)
		return -1;
	if (fake_resources(dir, d) < 0 || fake_config(dir, d) < 0)
		return -1;
	return fake_binding(t, dir, d);
}

static inline int
fake_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void
fake_tree_destroy(struct fake_tree *t)
{
	if (t->root[0] != '\0')
		nftw(t->root, fake_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	t->root[0] = '\0';
}

/* Reads or writes bytes of a device file (config, resourceN). */
static inline int
fake_file_io(const struct fake_tree *t, const char *addr, const char *file,
	void *buf, size_t len, off_t offset, bool write)
{
	char dir[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n;
	int fd;

	fake_dev_dir(t, addr, dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, write ? O_WRONLY : O_RDONLY);
	if (fd < 0)
		return -1;
	n = write ? pwrite(fd, buf, len, offset) : pread(fd, buf, len, offset);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

#endif /* FAKE_PCI_H */
