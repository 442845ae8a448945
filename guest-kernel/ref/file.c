// SPDX-License-Identifier: MIT
/*
 * Open files: a system-wide table of open devices shared through per-process
 * descriptor tables (dup2 and fork share an entry, as on Unix), and the two
 * devices a shell loop needs: /dev/null and the console.
 */
#include "proc.h"

#define NFILE	16

struct file_ops {
	const char *path;
	long (*write)(const uint8_t *buf, size_t n);
};

struct file {
	const struct file_ops *ops;	/* NULL: a free entry */
	unsigned int refs;		/* descriptors naming it */
};

static struct file files[NFILE];

static long null_write(const uint8_t *buf, size_t n)
{
	kstats.null_bytes += n;
	return (long)n;
}

static long console_dev_write(const uint8_t *buf, size_t n)
{
	console_write((const char *)buf, n);
	return (long)n;
}

static const struct file_ops devices[] = {
	{ "/dev/null", null_write },
	{ "/dev/console", console_dev_write },
};

static const struct file_ops *find_device(const char *path)
{
	size_t i, n = strlen(path);

	for (i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
		if (strlen(devices[i].path) == n && !memcmp(devices[i].path, path, n))
			return &devices[i];
	return NULL;
}

static struct file *file_alloc(const struct file_ops *ops)
{
	unsigned int i;

	for (i = 0; i < NFILE; i++) {
		if (!files[i].ops) {
			files[i].ops = ops;
			files[i].refs = 1;
			return &files[i];
		}
	}
	return NULL;
}

static void file_put(struct file *f)
{
	if (--f->refs == 0)
		f->ops = NULL;
}

static int fd_alloc(const struct proc *p)
{
	int fd;

	for (fd = 0; fd < NFD; fd++)
		if (!p->fd[fd])
			return fd;
	return -EMFILE;
}

static struct file *fd_file(const struct proc *p, uint64_t fd)
{
	return fd < NFD ? p->fd[fd] : NULL;
}

int files_open_console(struct proc *p)
{
	struct file *f = file_alloc(&devices[1]);
	int fd;

	if (!f)
		return -ENFILE;
	for (fd = 0; fd < 3; fd++)
		p->fd[fd] = f;
	f->refs = 3;
	return 0;
}

void files_fork(struct proc *child, const struct proc *parent)
{
	unsigned int fd;

	for (fd = 0; fd < NFD; fd++) {
		child->fd[fd] = parent->fd[fd];
		if (child->fd[fd])
			child->fd[fd]->refs++;
	}
}

void files_close_all(struct proc *p)
{
	unsigned int fd;

	for (fd = 0; fd < NFD; fd++) {
		if (p->fd[fd]) {
			file_put(p->fd[fd]);
			p->fd[fd] = NULL;
		}
	}
}

/* open(path, flags, mode): devices only; every device is writable. */
long sys_open(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	const struct file_ops *ops;
	struct file *f;
	char path[64];
	long n = user_string(p, regs->gpr[3], path, sizeof(path));
	int fd;

	if (n < 0)
		return n;
	ops = find_device(path);
	if (!ops)
		return -ENOENT;
	fd = fd_alloc(p);
	if (fd < 0)
		return fd;
	f = file_alloc(ops);
	if (!f)
		return -ENFILE;
	p->fd[fd] = f;
	return fd;
}

long sys_close(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	struct file *f = fd_file(p, regs->gpr[3]);

	if (!f)
		return -EBADF;
	file_put(f);
	p->fd[regs->gpr[3]] = NULL;
	return 0;
}

long sys_dup2(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	struct file *f = fd_file(p, regs->gpr[3]);
	uint64_t to = regs->gpr[4];

	if (!f || to >= NFD)
		return -EBADF;
	if (p->fd[to] == f)
		return (long)to;
	if (p->fd[to])
		file_put(p->fd[to]);
	p->fd[to] = f;
	f->refs++;
	return (long)to;
}

long sys_write(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	struct file *f = fd_file(p, regs->gpr[3]);
	size_t n = regs->gpr[5];
	const uint8_t *buf = user_ptr(p, regs->gpr[4], n, PROT_READ);

	if (!f)
		return -EBADF;
	if (n && !buf)
		return -EFAULT;
	return f->ops->write(buf, n);
}
