// SPDX-License-Identifier: Apache-2.0
// fpga_sim.cpp - the board-level simulator: the Verilated FPGA top
// (fpga/rtl/outrider_fpga.sv, with the real boot ROM image) whose UART is
// bridged to a pseudo-terminal, so that the host tool (scripts/fpga-load.py)
// talks to it exactly as to a board's serial port.
//
//   fpga-sim [--link PATH] [--max-cycles N] [--trace FILE.fst]
//
// Prints the pty's path on stdout (and makes PATH a symlink to it), then
// runs until SIGTERM/SIGINT or --max-cycles. Bytes the host writes to the
// pty are sent to uart_rx_i bit by bit (8N1, back to back, the model's
// ClkHz/Baud cycles per bit); what the FPGA sends on uart_tx_o is decoded
// (sampled in the middle of each bit) and written to the pty. The LEDs'
// changes are reported on stderr with --verbose.
// What it is not: a model of a USB-serial chip's buffering or of a noisy
// line. One job: the bridge; the tests are in test_fpga.py.
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <string>
#include <termios.h>
#include <unistd.h>

#include "Voutrider_fpga.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_fst_c.h"
#endif

#ifndef FPGA_SIM_DIV
#error "FPGA_SIM_DIV (clock cycles per UART bit of the model) must be defined"
#endif

static volatile sig_atomic_t g_stop = 0;
static void on_signal(int) { g_stop = 1; }

static void usage(const char *argv0) {
    std::fprintf(stderr, "usage: %s [--link PATH] [--max-cycles N] [--trace FILE.fst] [--verbose]\n", argv0);
}

int main(int argc, char **argv) {
    const char *link = nullptr, *trace = nullptr;
    uint64_t max_cycles = 0;
    bool verbose = false;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--link") && i + 1 < argc) link = argv[++i];
        else if (!std::strcmp(argv[i], "--max-cycles") && i + 1 < argc) max_cycles = std::strtoull(argv[++i], nullptr, 0);
        else if (!std::strcmp(argv[i], "--trace") && i + 1 < argc) trace = argv[++i];
        else if (!std::strcmp(argv[i], "--verbose")) verbose = true;
        else { usage(argv[0]); return 2; }
    }

    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        std::perror("fpga-sim: pty");
        return 2;
    }
    const char *slave_name = ptsname(master);
    if (!slave_name) { std::perror("fpga-sim: ptsname"); return 2; }
    std::string slave_path(slave_name);
    // keep the slave open ourselves: the master then never reads EIO while
    // no host is connected, and the raw mode set here stays in place
    int slave = open(slave_path.c_str(), O_RDWR | O_NOCTTY);
    if (slave < 0) { std::perror("fpga-sim: open slave"); return 2; }
    struct termios tio;
    if (tcgetattr(slave, &tio) == 0) {
        cfmakeraw(&tio);
        tcsetattr(slave, TCSANOW, &tio);
    }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    if (link) {
        unlink(link);
        if (symlink(slave_path.c_str(), link) != 0) { std::perror("fpga-sim: symlink"); return 2; }
    }
    std::printf("%s\n", slave_path.c_str());
    std::fflush(stdout);
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    std::signal(SIGPIPE, SIG_IGN);

    VerilatedContext ctx;
    Voutrider_fpga top(&ctx);
#if VM_TRACE
    VerilatedFstC *tfp = nullptr;
    if (trace) {
        ctx.traceEverOn(true);
        tfp = new VerilatedFstC;
        top.trace(tfp, 99);
        tfp->open(trace);
    }
#else
    if (trace) { std::fprintf(stderr, "fpga-sim: built without tracing\n"); return 2; }
#endif
    top.clk_i = 0;
    top.rst_ni = 0;
    top.uart_rx_i = 1;
    top.eval();

    const unsigned div = FPGA_SIM_DIV;
    std::deque<uint8_t> to_fpga;      // from the host, not yet on the line
    std::string to_host;              // decoded from the line, not yet written
    // receive-side (host -> FPGA) shifter
    int rx_bit = -1;                  // -1 idle, 0 start, 1..8 data, 9 stop
    unsigned rx_cnt = 0;
    uint8_t rx_byte = 0;
    // transmit-side (FPGA -> host) decoder
    int tx_bit = -1;
    unsigned tx_cnt = 0;
    uint8_t tx_byte = 0;
    unsigned leds = 0xFFFF;
    uint64_t cycle = 0;
    uint8_t buf[256];

    while (!g_stop && (max_cycles == 0 || cycle < max_cycles)) {
        if (cycle == 4) top.rst_ni = 1;
        // the host side, every 64 cycles
        if ((cycle & 63) == 0) {
            ssize_t n = read(master, buf, sizeof buf);
            for (ssize_t i = 0; i < n; i++) to_fpga.push_back(buf[i]);
            if (!to_host.empty()) {
                ssize_t w = write(master, to_host.data(), to_host.size());
                if (w > 0) to_host.erase(0, (size_t)w);
            }
        }
        // drive uart_rx_i
        if (rx_bit < 0 && !to_fpga.empty()) {
            rx_byte = to_fpga.front();
            to_fpga.pop_front();
            rx_bit = 0;
            rx_cnt = 0;
        }
        if (rx_bit < 0) top.uart_rx_i = 1;
        else if (rx_bit == 0) top.uart_rx_i = 0;
        else if (rx_bit <= 8) top.uart_rx_i = (rx_byte >> (rx_bit - 1)) & 1;
        else top.uart_rx_i = 1;
        if (rx_bit >= 0 && ++rx_cnt == div) {
            rx_cnt = 0;
            rx_bit = (rx_bit == 9) ? -1 : rx_bit + 1;
        }
        // one clock cycle
        top.clk_i = 0;
        top.eval();
#if VM_TRACE
        if (tfp) tfp->dump(2 * cycle);
#endif
        // sample uart_tx_o
        unsigned line = top.uart_tx_o & 1u;
        if (tx_bit < 0) {
            if (!line) { tx_bit = 0; tx_cnt = 0; tx_byte = 0; }
        } else if (++tx_cnt == (tx_bit == 0 ? div / 2 : div)) {
            tx_cnt = 0;
            if (tx_bit == 0) {
                tx_bit = line ? -1 : 1;      // a glitch is not a start bit
            } else if (tx_bit <= 8) {
                tx_byte |= (uint8_t)(line << (tx_bit - 1));
                tx_bit++;
            } else {
                if (line) to_host.push_back((char)tx_byte);
                else std::fprintf(stderr, "fpga-sim: framing error on uart_tx_o at cycle %llu\n",
                                  (unsigned long long)cycle);
                tx_bit = -1;
            }
        }
        if (verbose && top.led_o != leds) {
            leds = top.led_o;
            std::fprintf(stderr, "fpga-sim: cycle %llu leds 0x%02x\n", (unsigned long long)cycle, leds);
        }
        top.clk_i = 1;
        top.eval();
#if VM_TRACE
        if (tfp) tfp->dump(2 * cycle + 1);
#endif
        cycle++;
    }
    // flush what the FPGA sent
    if (!to_host.empty()) {
        fcntl(master, F_SETFL, fcntl(master, F_GETFL) & ~O_NONBLOCK);
        (void)!write(master, to_host.data(), to_host.size());
    }
#if VM_TRACE
    if (tfp) { tfp->close(); delete tfp; }
#endif
    top.final();
    if (link) unlink(link);
    std::fprintf(stderr, "fpga-sim: %llu cycles\n", (unsigned long long)cycle);
    close(slave);
    close(master);
    return 0;
}
