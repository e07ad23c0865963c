#include "cli/input_budget.hpp"

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ceplan::cli {

std::size_t InputBudget::acquire(std::size_t bytes) {
  const std::size_t taken = std::min(bytes, m_capacity);
  std::unique_lock<std::mutex> lock(m_mutex);
  m_freed.wait(lock, [&] { return m_free >= taken; });
  m_free -= taken;
  return taken;
}

void InputBudget::release(std::size_t taken) {
#if defined(__GLIBC__)
  // glibc keeps what a thread freed in that thread's arena: without a trim, a large file checked
  // on each of N threads in turn would hold N files' worth of memory.
  if (taken >= trim_after_bytes) {
    (void)malloc_trim(0);
  }
#endif
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_free += taken;
  }
  m_freed.notify_all();
}

}  // namespace ceplan::cli
