#pragma once
// How much input `validate -j N` parses at once. Parsing takes many times a file's size in
// memory, so N large files at once could take N times what one does: files run in parallel only
// while their sizes fit one budget, and a file larger than the budget runs alone.

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace ceplan::cli {

/// A counting semaphore of input bytes.
class InputBudget {
public:
  /// A budget of `capacity` bytes in flight.
  explicit InputBudget(std::size_t capacity) : m_free(capacity), m_capacity(capacity) {}

  /// Waits until `bytes` (at most the whole budget) are free and takes them; returns what was taken.
  std::size_t acquire(std::size_t bytes);
  /// Gives back what acquire() took.
  void release(std::size_t taken);

private:
  static constexpr std::size_t trim_after_bytes = std::size_t{1} << 20;
  std::mutex m_mutex;
  std::condition_variable m_freed;
  std::size_t m_free;
  std::size_t m_capacity;
};

/// Holds a share of an InputBudget for as long as it lives.
class BudgetShare {
public:
  /// Takes `bytes` of `budget`, waiting for them if need be.
  BudgetShare(InputBudget& budget, std::size_t bytes) : m_budget(budget), m_taken(budget.acquire(bytes)) {}
  ~BudgetShare() { m_budget.release(m_taken); }
  BudgetShare(const BudgetShare&) = delete;
  BudgetShare& operator=(const BudgetShare&) = delete;

private:
  InputBudget& m_budget;
  std::size_t m_taken;
};

}  // namespace ceplan::cli
