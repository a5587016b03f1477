// The C++ engine's energy and speed per model and batch, in three builds of the same architecture:
//   cpp-eager   LibTorch eager (batch-norm apart, no graphs), the engine's baseline
//   cpp-graph   batch-norm folded, CUDA graph replay
//   cpp-fused   batch-norm folded, cuDNN fused conv+bias+ReLU(+add), CUDA graph replay
// Energy from the NVML counter around a timed window after warm-up, divided by images served. Prints CSV rows
// (impl,model,dtype,batch,ms_p50,images_per_s,mj_per_image,watts); compare.py sets them against peers.py's.
#include "inference_engine.h"
#include "meter_factory.h"
#include "profiler.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> split(const std::string &s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string x; std::getline(ss, x, ',');)
        if (!x.empty())
            out.push_back(x);
    return out;
}

} // namespace

// Correctness first: the fast builds against the plain one (fp32, batch-norm apart, eager, NCHW) on the same
// weights and inputs, as ||fast - ref|| / ||ref||. fp32 builds should land near 1e-3 at most (cuDNN may use
// TF32), fp16 ones within 1e-2.
void check(const std::string &models, int batch)
{
    std::printf("check,model,variant,rel_err\n");
    for (const std::string &model : split(models)) {
        try {
            cs::EngineOptions ref;
            ref.channelsLast = false;
            ref.foldBatchNorm = ref.fusedConv = ref.cudaGraphs = false;
            auto refEngine = cs::makeInferenceEngine(ref);
            const std::vector<float> a = refEngine->outputs(refEngine->addBuiltin(model), batch, 99);
            refEngine.reset();
            for (const char *variant : {"fp32-fused-graph", "fp16-fused-graph", "fp16-graph"}) {
                cs::EngineOptions o;
                o.precision = std::string(variant).starts_with("fp16") ? cs::Precision::Fp16 : cs::Precision::Fp32;
                o.fusedConv = std::string(variant).find("fused") != std::string::npos;
                o.graphBatchSizes = {batch};
                auto e = cs::makeInferenceEngine(o);
                const std::vector<float> b = e->outputs(e->addBuiltin(model), batch, 99);
                double num = 0, den = 0;
                bool finite = b.size() == a.size();
                for (std::size_t i = 0; finite && i < a.size(); ++i) {
                    finite = std::isfinite(b[i]);
                    num += (double(b[i]) - a[i]) * (double(b[i]) - a[i]);
                    den += double(a[i]) * a[i];
                }
                char err[32] = "NON-FINITE";
                if (finite)
                    std::snprintf(err, sizeof err, "%.3e", std::sqrt(num / den));
                std::printf("check,%s,%s,%s\n", model.c_str(), variant, err);
                std::fflush(stdout);
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "check %s: %s\n", model.c_str(), e.what());
        }
    }
}

int main(int argc, char **argv)
{
    std::string models = "ResNet50", batches = "1,256", variants = "cpp-eager,cpp-graph,cpp-fused", dtype = "fp16";
    double seconds = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--models") models = v;
        else if (k == "--batches") batches = v;
        else if (k == "--variants") variants = v;
        else if (k == "--dtype") dtype = v;
        else if (k == "--seconds") seconds = std::atof(v.c_str());
        else if (k == "--check") {
            check(v, 8);
            return 0;
        }
    }
    auto meter = cs::makeEnergyMeter("auto");
    std::fprintf(stderr, "meter: %s\n", meter->notice().c_str());
    std::vector<int> bs;
    for (const auto &b : split(batches))
        bs.push_back(std::atoi(b.c_str()));
    std::printf("impl,model,dtype,batch,ms_p50,images_per_s,mj_per_image,watts\n");
    for (const std::string &variant : split(variants)) {
        for (const std::string &model : split(models)) {
            cs::EngineOptions o;
            o.precision = cs::parsePrecision(dtype);
            o.channelsLast = true;
            o.foldBatchNorm = variant != "cpp-eager";
            o.cudaGraphs = variant != "cpp-eager";
            o.fusedConv = variant == "cpp-fused";
            o.graphBatchSizes = bs;
            o.warmupBatches = 5;
            try {
                auto engine = cs::makeInferenceEngine(o);
                const int idx = engine->addBuiltin(model);
                for (int b : bs) {
                    cs::ProfileOptions po;
                    po.seconds = seconds;
                    // Extra warm-up beyond prepare(): let clocks and power settle before the window.
                    engine->prepare(idx, b);
                    for (int w = 0; w < 20; ++w)
                        engine->run(idx, b);
                    const cs::ProfileRow r = cs::profileModel(*engine, idx, b, *meter, po);
                    std::printf("%s,%s,%s,%d,%.4f,%.1f,%s,%s\n", variant.c_str(), model.c_str(), dtype.c_str(), b,
                                r.p50Ms, r.imagesPerS, r.mjPerImage ? std::to_string(*r.mjPerImage).c_str() : "",
                                r.meanWatts ? std::to_string(*r.meanWatts).c_str() : "");
                    std::fflush(stdout);
                }
            } catch (const std::exception &e) {
                std::fprintf(stderr, "%s %s: %s\n", variant.c_str(), model.c_str(), e.what());
            }
        }
    }
    return 0;
}
