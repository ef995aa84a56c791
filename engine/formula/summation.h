#pragma once
// Compensated (Neumaier) summation, as LibreOffice sums: a column of satang-exact amounts adds up to the
// double nearest the exact total instead of drifting by an ulp every few thousand rows.

#include <cmath>

namespace raingan::formula {

class Summation {
 public:
  void add(double x) {
    const double t = sum_ + x;
    if (std::fabs(sum_) >= std::fabs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  double total() const { return sum_ + compensation_; }

 private:
  double sum_ = 0;
  double compensation_ = 0;
};

}  // namespace raingan::formula
