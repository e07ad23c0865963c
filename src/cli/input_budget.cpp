#include "cli/input_budget.hpp"

#include <algorithm>

namespace ceplan::cli {

std::size_t InputBudget::acquire(std::size_t bytes) {
  const std::size_t taken = std::min(bytes, m_capacity);
  std::unique_lock<std::mutex> lock(m_mutex);
  m_freed.wait(lock, [&] { return m_free >= taken; });
  m_free -= taken;
  return taken;
}

void InputBudget::release(std::size_t taken) {
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_free += taken;
  }
  m_freed.notify_all();
}

}  // namespace ceplan::cli
