// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// The board support of the example: just enough for newlib to run the image
// under `qemu-arm` (Linux user mode) instead of on a board. On a real device
// these are your UART write, your reset, and your linker script's heap.
//
// - `_write` and `_exit` are Linux system calls (`svc 0`, number in r7).
// - The heap is a static array, so running out is newlib's ENOMEM, as on a
//   device, and its high-water mark is the heap the program needed.
// - The stack is a static array too: newlib's crt0 sets sp to `__stack`.
//   It lives in `.noinit`, because crt0 clears `.bss` with memset while
//   already running on that stack.

#include <cerrno>
#include <cstddef>

namespace {

long linux_syscall(long number, long a, long b, long c)
{
    register long r0 __asm__("r0") = a;
    register long r1 __asm__("r1") = b;
    register long r2 __asm__("r2") = c;
    register long r7 __asm__("r7") = number;
    __asm__ volatile("svc 0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
    return r0;
}

#define CORTI_STACK_SIZE 8192 // bytes; main.cpp reports how much was used
#define CORTI_STR2(x) #x
#define CORTI_STR(x) CORTI_STR2(x)

constexpr long sys_write = 4;
constexpr long sys_exit_group = 248;

constexpr std::size_t heap_size = 16 * 1024;
alignas(8) unsigned char heap[heap_size];
std::size_t heap_top = 0;

} // namespace

extern "C" {

// Read by main.cpp to report the stack's high-water mark.
extern std::size_t const corti_stack_size = CORTI_STACK_SIZE;
__attribute__((section(".noinit"))) alignas(8) unsigned char corti_stack[CORTI_STACK_SIZE];

std::size_t corti_heap_used() { return heap_top; }

int _write(int fd, char const* data, int size)
{
    return static_cast<int>(linux_syscall(sys_write, fd, reinterpret_cast<long>(data), size));
}

void _exit(int status)
{
    for(;;)
        linux_syscall(sys_exit_group, status, 0, 0);
}

void* _sbrk(std::ptrdiff_t increment)
{
    if(increment < 0 || static_cast<std::size_t>(increment) > heap_size - heap_top)
    {
        errno = ENOMEM;
        return reinterpret_cast<void*>(-1);
    }
    void* const p = heap + heap_top;
    heap_top += static_cast<std::size_t>(increment);
    return p;
}

} // extern "C"

// crt0 loads sp from the address of `__stack`: the top of the array.
__asm__(".global __stack\n"
        ".set __stack, corti_stack + " CORTI_STR(CORTI_STACK_SIZE) "\n");
