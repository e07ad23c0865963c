#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "cli/input_budget.hpp"

TEST_CASE("a file larger than the budget takes all of it, and so runs alone") {
  ceplan::cli::InputBudget budget(10);
  CHECK(budget.acquire(25) == 10);
  budget.release(10);
  CHECK(budget.acquire(4) == 4);
  CHECK(budget.acquire(6) == 6);
}

TEST_CASE("a share waits until the budget has room for it") {
  ceplan::cli::InputBudget budget(10);
  std::atomic<bool> started{false};
  std::atomic<bool> taken{false};
  std::thread waiter;
  {
    const ceplan::cli::BudgetShare first(budget, 8);
    waiter = std::thread([&] {
      started = true;
      const ceplan::cli::BudgetShare second(budget, 5);
      taken = true;
    });
    while (!started) std::this_thread::yield();
    // Whatever the timing, the second share cannot be taken while the first holds 8 of 10.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(taken);
  }
  waiter.join();
  CHECK(taken);
}
