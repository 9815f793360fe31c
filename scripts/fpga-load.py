#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""fpga-load.py - run a program on the Outrider FPGA top over its UART.

Sends PROG.elf to the boot loader of the board (fpga/rtl/outrider_fpga.sv,
sw/boot/), prints the program's console output on stdout and exits with the
program's exit code (& 0xFF), like build/smtsim. The protocol is described
in docs/fpga-uart.md.

usage: fpga-load.py [--port /dev/ttyUSB0] [--baud 115200] [--mem-latency N]
                    [--ram-size N] [--timeout S] [--run-timeout S] [--verbose]
                    PROG.elf

Exit status: the program's exit code; on a problem a line "fpga-load: ..." on
stderr and 2 (bad input: no such file, not a 32-bit RISC-V executable, a
segment outside RAM, too big), 3 (the board refused the transfer: bad
checksum, truncated, does not fit, garbage; its message is printed), 4 (no
answer or an unexpected reset of the board), 5 (serial port problem),
124 (--run-timeout reached).

The serial port is opened with pyserial when it is installed (the FPGA
venv, $(FPGA_PY)); without it, a POSIX terminal device (a USB-serial
adapter or the board simulation's pseudo-terminal) is opened directly with
termios.
"""
import argparse
import os
import struct
import sys
import time
import zlib

DLE = 0x10
MAGIC = b"ORLD"
RAM_BASE = 0x80000000
KEEP_WAIT = 0xFFFFFFFF
ERRORS = {1: "bad magic (garbage instead of a header)", 2: "bad header checksum",
          3: "program does not fit in the board's RAM", 4: "timeout (truncated transfer)",
          5: "bad data checksum", 6: "receive overrun (bytes lost)"}
INJECT = ("bad-crc", "truncate", "garbage", "too-large")

EXIT_INPUT, EXIT_REFUSED, EXIT_NO_ANSWER, EXIT_PORT, EXIT_RUN_TIMEOUT = 2, 3, 4, 5, 124


class LoadError(Exception):
    def __init__(self, status, msg):
        super().__init__(msg)
        self.status = status


# ---- ELF -----------------------------------------------------------------
def read_elf(path, ram_size):
    """The loadable image of an ELF32 RISC-V executable: (address, bytes, entry)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise LoadError(EXIT_INPUT, f"{path}: {e.strerror}")
    if len(data) < 52 or data[:4] != b"\x7fELF":
        raise LoadError(EXIT_INPUT, f"{path}: not an ELF file")
    if data[4] != 1 or data[5] != 1:
        raise LoadError(EXIT_INPUT, f"{path}: not a 32-bit little-endian ELF")
    (e_type, e_machine, _, e_entry, e_phoff, _, _, _, e_phentsize,
     e_phnum) = struct.unpack_from("<HHIIIIIHHH", data, 16)
    if e_machine != 243:
        raise LoadError(EXIT_INPUT, f"{path}: not a RISC-V ELF (e_machine {e_machine})")
    (e_flags,) = struct.unpack_from("<I", data, 36)
    if e_flags & 0x1:      # EF_RISCV_RVC
        raise LoadError(EXIT_INPUT, f"{path}: compiled for compressed instructions (EF_RISCV_RVC); "
                        "the core runs RV32IMA without C")
    if e_flags & 0x8:      # EF_RISCV_RVE
        raise LoadError(EXIT_INPUT, f"{path}: compiled for RV32E (EF_RISCV_RVE); the core runs RV32I")
    if e_flags & 0x6:      # EF_RISCV_FLOAT_ABI
        raise LoadError(EXIT_INPUT, f"{path}: uses a hardware floating-point ABI; the core has no FPU")
    if e_type != 2 or e_phnum == 0:
        raise LoadError(EXIT_INPUT, f"{path}: not an executable (no program headers)")
    if e_phoff + e_phnum * e_phentsize > len(data) or e_phentsize < 32:
        raise LoadError(EXIT_INPUT, f"{path}: truncated (program headers)")
    ram_end = RAM_BASE + ram_size if ram_size else 1 << 32
    segs = []
    for i in range(e_phnum):
        p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz = struct.unpack_from(
            "<IIIIII", data, e_phoff + i * e_phentsize)
        if p_type != 1 or p_memsz == 0:          # PT_LOAD
            continue
        if p_vaddr < RAM_BASE or p_vaddr + p_memsz > ram_end:
            raise LoadError(EXIT_INPUT, f"{path}: segment 0x{p_vaddr:08x}..0x{p_vaddr + p_memsz:08x} "
                            f"is outside RAM 0x{RAM_BASE:08x}..0x{ram_end:08x}")
        if p_filesz:
            if p_offset + p_filesz > len(data):
                raise LoadError(EXIT_INPUT, f"{path}: truncated (segment data)")
            segs.append((p_vaddr, data[p_offset:p_offset + p_filesz]))
    if not segs:
        raise LoadError(EXIT_INPUT, f"{path}: nothing to load")
    lo = min(a for a, _ in segs)
    hi = max(a + len(b) for a, b in segs)
    image = bytearray(hi - lo)
    for a, b in segs:
        image[a - lo:a - lo + len(b)] = b
    while len(image) % 4:
        image.append(0)
    return lo, bytes(image), e_entry


def header(addr, image, entry, wait):
    h = MAGIC + struct.pack("<IIIII", addr, len(image), entry, zlib.crc32(image), wait)
    return h + struct.pack("<I", zlib.crc32(h))


# ---- serial port ---------------------------------------------------------
class TermiosPort:
    """A POSIX terminal device in raw mode (used when pyserial is missing)."""

    def __init__(self, path, baud):
        import termios
        import tty
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)
        attr = termios.tcgetattr(self.fd)
        speed = getattr(termios, f"B{baud}", None)
        if speed is None:
            raise OSError(f"unsupported baud rate {baud}")
        attr[4] = attr[5] = speed
        attr[6][termios.VMIN] = 0
        attr[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd, termios.TCSANOW, attr)
        self._termios = termios

    def read(self, n, timeout):
        import select
        r, _, _ = select.select([self.fd], [], [], timeout)
        return os.read(self.fd, n) if r else b""

    def write(self, b):
        view = memoryview(b)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def flush_input(self):
        self._termios.tcflush(self.fd, self._termios.TCIFLUSH)

    def close(self):
        os.close(self.fd)


class PyserialPort:
    def __init__(self, path, baud):
        import serial
        self.s = serial.Serial(path, baud, timeout=0)

    def read(self, n, timeout):
        self.s.timeout = timeout
        return self.s.read(n)

    def write(self, b):
        self.s.write(b)
        self.s.flush()

    def flush_input(self):
        self.s.reset_input_buffer()

    def close(self):
        self.s.close()


def open_port(path, baud):
    try:
        import serial  # noqa: F401
        cls = PyserialPort
    except ImportError:
        cls = TermiosPort
    try:
        return cls(path, baud)
    except Exception as e:   # pyserial raises SerialException, termios OSError
        raise LoadError(EXIT_PORT, f"cannot open {path}: {e}")


# ---- the board's byte stream ---------------------------------------------
class Stream:
    """Splits what the board sends into console bytes and DLE frames."""

    def __init__(self, port):
        self.port = port
        self.buf = bytearray()

    def _byte(self, deadline):
        while not self.buf:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return None
            chunk = self.port.read(4096, 0.2 if left is None else min(left, 0.2))
            self.buf += chunk
        b = self.buf[0]
        del self.buf[0]
        return b

    def next(self, deadline):
        """('text', byte) | ('frame', kind, payload) | None on timeout."""
        b = self._byte(deadline)
        if b is None:
            return None
        if b != DLE:
            return ("text", b)
        k = self._byte(deadline)
        if k is None:
            return None
        if k == DLE:
            return ("text", DLE)
        n = {ord("E"): 1, ord("X"): 4}.get(k, 0)
        payload = bytearray()
        while len(payload) < n:
            c = self._byte(deadline)
            if c is None:
                return None
            payload.append(c)
        return ("frame", chr(k), bytes(payload))


def wait_for(stream, kinds, timeout, verbose, what):
    """Wait for a frame in `kinds`; the board's text before it is kept."""
    deadline = time.monotonic() + timeout
    text = bytearray()
    while True:
        ev = stream.next(deadline)
        if ev is None:
            raise LoadError(EXIT_NO_ANSWER, f"no answer from the board while waiting for {what} "
                            f"({timeout:g} s; is the boot loader running? press reset)")
        if ev[0] == "text":
            text.append(ev[1])
            continue
        if verbose and text:
            sys.stderr.write(text.decode("utf-8", "replace"))
        if ev[1] in kinds:
            return ev, text
        if ev[1] == "B":          # loader (re)started: its banner is not ours
            text.clear()
            continue
        raise LoadError(EXIT_NO_ANSWER, f"unexpected frame DLE '{ev[1]}' while waiting for {what}")


def refused(stream, ev, text, timeout):
    """The board's error; wait for it to be ready again (DLE 'B' after the
    line has been quiet), so the next transfer is not taken for the rest of
    this one."""
    try:
        wait_for(stream, "B", timeout, False, "the boot loader to be ready again")
    except LoadError:
        pass
    code = ev[2][0]
    msg = text.decode("utf-8", "replace").strip().splitlines()
    board = msg[-1] if msg else ""
    return LoadError(EXIT_REFUSED, f"the board refused the transfer: {ERRORS.get(code, f'error {code}')}"
                     + (f"\n  board: {board}" if board else ""))


def load_and_run(args):
    addr, image, entry = read_elf(args.prog, args.ram_size)
    wait = KEEP_WAIT if args.mem_latency is None else args.mem_latency
    hdr = header(addr, image, entry, wait)
    if args.inject == "bad-crc":
        h = bytearray(hdr[:24])
        h[16:20] = struct.pack("<I", zlib.crc32(image) ^ 0xFFFFFFFF)
        hdr = bytes(h) + struct.pack("<I", zlib.crc32(bytes(h)))
    elif args.inject == "too-large":
        h = bytearray(hdr[:24])
        h[8:12] = struct.pack("<I", 0x01000000)      # 16 MiB
        hdr = bytes(h) + struct.pack("<I", zlib.crc32(bytes(h)))

    port = open_port(args.port, args.baud)
    try:
        stream = Stream(port)
        port.flush_input()
        if args.inject == "garbage":
            port.write(b"GARBAGE: this is not a program header, just noise\n")
            ev, text = wait_for(stream, "E", args.timeout, args.verbose, "the header answer")
            raise refused(stream, ev, text, args.timeout)
        port.write(hdr)
        ev, text = wait_for(stream, "HE", args.timeout, args.verbose, "the header answer")
        if ev[1] == "E":
            raise refused(stream, ev, text, args.timeout)
        data = image[:len(image) // 2] if args.inject == "truncate" else image
        port.write(data)
        t = args.timeout + len(image) * 10 * 2 / args.baud
        ev, text = wait_for(stream, "KE", t, args.verbose, "the checksum answer")
        if ev[1] == "E":
            raise refused(stream, ev, text, args.timeout)
        if args.verbose:
            sys.stderr.write(f"fpga-load: {len(image)} bytes at 0x{addr:08x}, entry 0x{entry:08x}: running\n")
        # the program's console, until its exit frame
        out = sys.stdout.buffer
        deadline = None if args.run_timeout is None else time.monotonic() + args.run_timeout
        while True:
            ev = stream.next(deadline)
            if ev is None:
                out.flush()
                raise LoadError(EXIT_RUN_TIMEOUT, f"the program did not exit within {args.run_timeout:g} s")
            if ev[0] == "text":
                out.write(bytes([ev[1]]))
                if ev[1] == 0x0A:
                    out.flush()
                continue
            if ev[1] == "X":
                out.flush()
                value = struct.unpack("<I", ev[2])[0]
                if args.verbose:
                    sys.stderr.write(f"fpga-load: exit value {value}\n")
                return value & 0xFF
            out.flush()
            raise LoadError(EXIT_NO_ANSWER, f"the board restarted during the run (frame DLE '{ev[1]}')")
    except OSError as e:
        raise LoadError(EXIT_PORT, f"{args.port}: {e}")
    finally:
        port.close()


def number(s):
    mult = {"K": 1 << 10, "M": 1 << 20}.get(s[-1:].upper(), 1)
    return int(s[:-1] if mult > 1 else s, 0) * mult


def main():
    ap = argparse.ArgumentParser(description="Run PROG.elf on the Outrider FPGA top over its UART "
                                 "(docs/fpga-uart.md).")
    ap.add_argument("prog", metavar="PROG.elf")
    ap.add_argument("--port", default=os.environ.get("PORT", "/dev/ttyUSB0"),
                    help="serial port (default $PORT or /dev/ttyUSB0)")
    ap.add_argument("--baud", type=int, default=115200)
    ap.add_argument("--mem-latency", type=number, default=None, metavar="N",
                    help="set the latency register to N extra wait states before the run "
                         "(= smtsim --mem-latency N); default: leave it")
    ap.add_argument("--ram-size", type=number, default=0, metavar="N",
                    help="the board's RAM bytes (K/M suffixes): check segments here first")
    ap.add_argument("--timeout", type=float, default=10.0, metavar="S",
                    help="seconds to wait for each answer of the boot loader (default 10)")
    ap.add_argument("--run-timeout", type=float, default=None, metavar="S",
                    help="give up if the program has not exited after S seconds (exit 124)")
    ap.add_argument("--verbose", action="store_true", help="the board's messages and progress on stderr")
    ap.add_argument("--inject", choices=INJECT, help=argparse.SUPPRESS)   # fault injection (tests)
    args = ap.parse_args()
    if args.mem_latency is not None and not 0 <= args.mem_latency <= 0xFFFF:
        ap.error("--mem-latency must be 0..65535")
    try:
        return load_and_run(args)
    except LoadError as e:
        sys.stderr.write(f"fpga-load: {e}\n")
        return e.status
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
