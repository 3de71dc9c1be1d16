/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Read and write side effects of BAR0 registers, in the application's own
 * accesses: the model interposes mmap() and munmap(), recognises a mapping
 * of one of its resource0 files (by device and inode) and protects the
 * pages that hold registers with side effects:
 *
 *   page 0x0000  EICR, EICS, EIMS, EIMC (interrupt cause and mask)
 *   page 0x3000  MPC(0..7)               (clear on read)
 *   page 0x4000  statistics              (clear on read)
 *   page 0x5000, 0xA000 RAL/RAH(0..15)    (two addresses, one register:
 *                                         a write is copied to the other)
 *   page 0x1000, 0x6000 per-queue counters (clear on read; qstats=rc)
 *
 * An access to such a page faults (SIGSEGV). The handler takes the port's
 * trap lock. If the instruction is a plain 32-bit move (8B load, 89 store,
 * C7 store of an immediate; what a volatile uint32_t access compiles to),
 * the handler performs it on the model's own view, applies the side effect
 * (zero the counter that was read; EICR write-1-to-clear, EIMS set, EIMC
 * clear, EICS set; a receive address copied to its alias) and moves RIP
 * past it: one signal, no mprotect(). Any
 * other instruction is single-stepped: the handler notes the register,
 * whether it is a write (the x86 page-fault error code, bit 1) and its
 * value before, opens the page and sets the trap flag; the instruction runs
 * once against the real memory, then SIGTRAP applies the side effect and
 * closes the page again. Faults that are not ours go to the handler that
 * was installed before.
 *
 * Limit: while one thread single-steps, another thread of the application
 * touching the same page is not trapped. Applications drive a port's
 * control registers from one thread at a time, so this does not arise in
 * the tests.
 */

/* Define mmap and mmap64 both: no redirection of one to the other. */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "ixgbe_model.h"
#include "model.h"

#define TRAP_MAX_MAPPINGS 32
#define TRAP_PAGE	  4096u
#define TRAP_FLAG	  0x100 /* EFLAGS.TF */
#define TRAP_PF_WRITE	  0x2	/* page-fault error code: write access */

struct trap_mapping {
	atomic_int used;
	struct model_port *port;
	uintptr_t start;
	size_t len;
	uint64_t offset;
};

struct trap_step {
	int active;
	struct model_port *port;
	uint32_t reg;
	int is_write;
	uint32_t before;
	uintptr_t page;
};

static struct trap_mapping trap_maps[TRAP_MAX_MAPPINGS];
static __thread struct trap_step trap_step;
static struct sigaction trap_old_segv;
static struct sigaction trap_old_trap;
static atomic_int trap_installed;

uint32_t
model_trap_pages(int qstats_rc, uint32_t *pages, uint32_t max)
{
	uint32_t all[] = { 0x0000, 0x3000, 0x4000, 0x5000, 0xA000, 0x1000,
		0x6000 };
	uint32_t count = qstats_rc ? 7 : 5;
	uint32_t i;

	for (i = 0; i < count && i < max; i++)
		pages[i] = all[i];
	return i;
}

static void
trap_protect(const struct trap_mapping *map, int prot)
{
	uint32_t pages[8];
	uint32_t count = model_trap_pages(model_state.config.qstats_rc, pages,
		8);
	uint32_t i;

	for (i = 0; i < count; i++) {
		if (pages[i] < map->offset ||
			pages[i] + TRAP_PAGE > map->offset + map->len)
			continue;
		mprotect((void *)(map->start + (pages[i] - map->offset)),
			TRAP_PAGE, prot);
	}
}

static void
trap_note_mapping(uintptr_t start, size_t len, int fd, uint64_t offset)
{
	struct stat st;
	unsigned int i;

	if (!atomic_load(&model_state.running) || fstat(fd, &st) != 0)
		return;
	for (i = 0; i < model_state.config.nb_ports; i++) {
		struct model_port *port = &model_state.ports[i];
		unsigned int slot;

		if (port->bar_dev != st.st_dev || port->bar_ino != st.st_ino)
			continue;
		for (slot = 0; slot < TRAP_MAX_MAPPINGS; slot++) {
			struct trap_mapping *map = &trap_maps[slot];
			int expected = 0;

			if (!atomic_compare_exchange_strong(&map->used,
				    &expected, -1))
				continue;
			map->port = port;
			map->start = start;
			map->len = len;
			map->offset = offset;
			atomic_store(&map->used, 1);
			trap_protect(map, PROT_NONE);
			return;
		}
	}
}

static struct trap_mapping *
trap_find(uintptr_t address)
{
	unsigned int slot;

	for (slot = 0; slot < TRAP_MAX_MAPPINGS; slot++) {
		struct trap_mapping *map = &trap_maps[slot];

		if (atomic_load(&map->used) == 1 && address >= map->start &&
			address < map->start + map->len)
			return map;
	}
	return NULL;
}

typedef void *(*trap_mmap_fn)(void *, size_t, int, int, int, off_t);
typedef int (*trap_munmap_fn)(void *, size_t);

static trap_mmap_fn trap_next_mmap;
static trap_munmap_fn trap_next_munmap;
static __thread int trap_resolving;

/*
 * The mmap() after ours: libc's, or a sanitizer's interceptor (which must
 * see every mapping). Until it is known (and while dlsym() itself runs),
 * the system call.
 */
void *
model_real_mmap(void *addr, size_t len, int prot, int flags, int fd,
	off_t offset)
{
	long mapped;

	if (trap_next_mmap == NULL && !trap_resolving) {
		trap_resolving = 1;
		trap_next_mmap = (trap_mmap_fn)dlsym(RTLD_NEXT, "mmap");
		trap_resolving = 0;
	}
	if (trap_next_mmap != NULL)
		return trap_next_mmap(addr, len, prot, flags, fd, offset);
	mapped = syscall(SYS_mmap, addr, len, prot, flags, fd, offset);
	return mapped == -1 ? MAP_FAILED : (void *)mapped;
}

int
model_real_munmap(void *addr, size_t len)
{
	if (trap_next_munmap == NULL && !trap_resolving) {
		trap_resolving = 1;
		trap_next_munmap = (trap_munmap_fn)dlsym(RTLD_NEXT, "munmap");
		trap_resolving = 0;
	}
	if (trap_next_munmap != NULL)
		return trap_next_munmap(addr, len);
	return (int)syscall(SYS_munmap, addr, len);
}

void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	void *mapped = model_real_mmap(addr, len, prot, flags, fd, offset);

	if (mapped != MAP_FAILED && fd >= 0 && (flags & MAP_SHARED) != 0)
		trap_note_mapping((uintptr_t)mapped, len, fd, (uint64_t)offset);
	return mapped;
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t offset);

void *
mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	return mmap(addr, len, prot, flags, fd, offset);
}

int
munmap(void *addr, size_t len)
{
	uintptr_t start = (uintptr_t)addr;
	unsigned int slot;

	for (slot = 0; slot < TRAP_MAX_MAPPINGS; slot++) {
		struct trap_mapping *map = &trap_maps[slot];

		if (atomic_load(&map->used) == 1 &&
			start < map->start + map->len &&
			map->start < start + len)
			atomic_store(&map->used, 0);
	}
	return model_real_munmap(addr, len);
}

static void
trap_chain(const struct sigaction *old, int sig, siginfo_t *info, void *context)
{
	if ((old->sa_flags & SA_SIGINFO) != 0 && old->sa_sigaction != NULL) {
		old->sa_sigaction(sig, info, context);
		return;
	}
	if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
		old->sa_handler(sig);
		return;
	}
	/* Default action: return and fault again with the default handler. */
	signal(sig, SIG_DFL);
}

/* A decoded 32-bit move between a register (or an immediate) and memory. */
struct trap_move {
	int is_store;
	int has_immediate;
	unsigned int reg; /* x86 register number 0..15 */
	uint32_t immediate;
	size_t len;
};

/* x86 register number to its slot in mcontext gregs. */
/* clang-format off */
static const int trap_greg[16] = {
	REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
	REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};
/* clang-format on */

/* Decode [REX] 8B/89/C7 modrm [sib] [disp] [imm32]; -1 for anything else. */
static int
trap_decode(const uint8_t *code, struct trap_move *move)
{
	uint8_t rex = 0, opcode, modrm, mod, rm;
	size_t i = 0;

	if ((code[i] & 0xf0) == 0x40)
		rex = code[i++];
	if (rex & 0x08) /* REX.W: a 64-bit access */
		return -1;
	opcode = code[i++];
	if (opcode != 0x8b && opcode != 0x89 && opcode != 0xc7)
		return -1;
	modrm = code[i++];
	mod = modrm >> 6;
	rm = modrm & 7;
	if (mod == 3 || (opcode == 0xc7 && ((modrm >> 3) & 7) != 0))
		return -1;
	move->is_store = opcode != 0x8b;
	move->has_immediate = opcode == 0xc7;
	move->reg = ((modrm >> 3) & 7) | ((rex & 0x04) ? 8 : 0);
	if (rm == 4) {
		uint8_t sib = code[i++];

		if (mod == 0 && (sib & 7) == 5)
			i += 4;
	} else if (mod == 0 && rm == 5) {
		i += 4; /* RIP-relative */
	}
	if (mod == 1)
		i += 1;
	else if (mod == 2)
		i += 4;
	if (move->has_immediate) {
		memcpy(&move->immediate, code + i, 4);
		i += 4;
	}
	move->len = i;
	return 0;
}

/* The side effect of an access that has just run (trap lock held). */
static void
trap_side_effect(struct model_port *port, uint32_t reg, int is_write,
	uint32_t before)
{
	if (!is_write &&
		model_stat_clears_on_read(reg, model_state.config.qstats_rc)) {
		mreg_write(port, reg, 0);
		return;
	}
	if (is_write && model_rx_address_written_locked(port, reg))
		return;
	model_intr_register_access_locked(port, reg, is_write, before);
}

/* Perform the move on the model's view and apply its side effect. */
static void
trap_emulate(struct model_port *port, uint32_t reg,
	const struct trap_move *move, ucontext_t *uc)
{
	greg_t *gregs = uc->uc_mcontext.gregs;
	uint32_t before = mreg_read(port, reg);

	if (move->is_store) {
		mreg_write(port, reg,
			move->has_immediate ?
				move->immediate :
				(uint32_t)gregs[trap_greg[move->reg]]);
	} else {
		/* A 32-bit load zero-extends into the 64-bit register. */
		gregs[trap_greg[move->reg]] = (greg_t)before;
	}
	trap_side_effect(port, reg, move->is_store, before);
	gregs[REG_RIP] += (greg_t)move->len;
}

static void
trap_on_segv(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	uintptr_t address = (uintptr_t)info->si_addr;
	struct trap_mapping *map = trap_find(address);
	struct trap_move move;
	struct model_port *port;
	uint64_t offset;

	if (map == NULL || trap_step.active) {
		trap_chain(&trap_old_segv, sig, info, context);
		return;
	}
	port = map->port;
	offset = map->offset + (address - map->start);
	model_lock(port);
	if ((offset & 3) == 0 &&
		trap_decode((const uint8_t *)uc->uc_mcontext.gregs[REG_RIP],
			&move) == 0) {
		trap_emulate(port, (uint32_t)offset, &move, uc);
		model_unlock(port);
		return;
	}
	trap_step.port = port;
	trap_step.reg = (uint32_t)offset & ~3u;
	trap_step.is_write = (uc->uc_mcontext.gregs[REG_ERR] & TRAP_PF_WRITE) !=
		0;
	trap_step.before = mreg_read(port, trap_step.reg);
	trap_step.page = address & ~(uintptr_t)(TRAP_PAGE - 1);
	trap_step.active = 1;
	mprotect((void *)trap_step.page, TRAP_PAGE, PROT_READ | PROT_WRITE);
	uc->uc_mcontext.gregs[REG_EFL] |= TRAP_FLAG;
}

static void
trap_on_step(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	struct model_port *port = trap_step.port;

	if (!trap_step.active) {
		trap_chain(&trap_old_trap, sig, info, context);
		return;
	}
	uc->uc_mcontext.gregs[REG_EFL] &= ~TRAP_FLAG;
	trap_side_effect(port, trap_step.reg, trap_step.is_write,
		trap_step.before);
	mprotect((void *)trap_step.page, TRAP_PAGE, PROT_NONE);
	trap_step.active = 0;
	model_unlock(port);
}

static int
trap_install(int sig, void (*handler)(int, siginfo_t *, void *),
	struct sigaction *saved)
{
	struct sigaction action;
	struct sigaction previous;

	memset(&action, 0, sizeof(action));
	sigemptyset(&action.sa_mask);
	action.sa_flags = SA_SIGINFO | SA_RESTART;
	action.sa_sigaction = handler;
	if (sigaction(sig, &action, &previous) != 0)
		return -errno;
	/* Chain to what was there, unless it is ourselves (installed again). */
	if (!((previous.sa_flags & SA_SIGINFO) &&
		    previous.sa_sigaction == handler))
		*saved = previous;
	return 0;
}

int
ixgbe_model_install_traps(void)
{
	int ret = trap_install(SIGSEGV, trap_on_segv, &trap_old_segv);

	return ret != 0 ? ret :
			  trap_install(SIGTRAP, trap_on_step, &trap_old_trap);
}

int
model_trap_init(void)
{
	int expected = 0;

	if (!atomic_compare_exchange_strong(&trap_installed, &expected, 1))
		return 0;
	return ixgbe_model_install_traps();
}

/* The model stops: open the application's pages again and forget them. */
void
model_trap_forget_port(struct model_port *port)
{
	unsigned int slot;

	for (slot = 0; slot < TRAP_MAX_MAPPINGS; slot++) {
		struct trap_mapping *map = &trap_maps[slot];

		if (atomic_load(&map->used) != 1 || map->port != port)
			continue;
		trap_protect(map, PROT_READ | PROT_WRITE);
		atomic_store(&map->used, 0);
	}
}
