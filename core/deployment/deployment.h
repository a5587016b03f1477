#pragma once

#include <string>

namespace cs {

// What a deployment emits besides the GPUs' work (issue #16), each accounted apart:
// - gpus: GPUs serving the trace; an interval's requests are spread evenly over them, and each idles when
//   it has nothing to do (only where the pool has load curves);
// - hostWatts: the rest of the server(s) while serving (CPU, memory, fans), measured with RAPL or entered;
// - pue: the facility's power usage effectiveness; (pue - 1) x the IT energy is the overhead (cooling, power
//   conversion);
// - embodiedGPerGpuHour: manufacturing emissions amortised over the GPU's life, charged per GPU-hour whether
//   it serves or idles (docs/energy_model.md works an example out with its source).
struct Deployment
{
    int gpus = 1;
    double hostWatts = 0;
    double pue = 1.0;
    double embodiedGPerGpuHour = 0;

    // Throws InputError naming the field outside its range.
    void validate() const;
};

} // namespace cs
