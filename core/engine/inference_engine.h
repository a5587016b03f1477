#pragma once

// The live-mode inference engine, seen without Torch: the GUI (Qt) and the CLI include this header only, since
// Torch's headers clash with Qt's `slots`/`signals`. The Torch implementation lives in torch_engine.cpp.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cs {

enum class Precision { Fp32, Fp16 };
std::string precisionName(Precision p);     // "fp32", "fp16"
Precision parsePrecision(const std::string &text); // throws InputError

struct EngineOptions
{
    std::string device = "auto";        // auto (CUDA where available, else CPU), cuda, cpu
    Precision precision = Precision::Fp32;
    bool channelsLast = true;
    bool foldBatchNorm = true;          // batch-norm folded into the convolution weights at load
    bool fusedConv = true;              // cuDNN conv + bias + ReLU (+ residual add) kernels, on CUDA only
    bool cudaGraphs = true;             // replay captured CUDA graphs for the batch sizes in graphBatchSizes
    bool cudnnBenchmark = true;         // cuDNN autotuning
    int imageSize = 224;                // synthetic inputs are imageSize x imageSize RGB
    int warmupBatches = 3;
    std::vector<int> graphBatchSizes;   // a batch is padded up to the smallest of these that holds it
    std::uint64_t seed = 20240101;      // random weights and inputs
};

struct EngineModelInfo
{
    std::string name;                   // "ResNet50", or the name given to a TorchScript file
    std::string origin;                 // "built-in (torchvision architecture, random weights)" or the file
    std::int64_t parameters = 0;
};

// A pool of models resident on one device, serving batches of synthetic images. Switching model is choosing
// another index: nothing is loaded or moved. run() is called from one thread at a time.
class InferenceEngine
{
public:
    virtual ~InferenceEngine() = default;

    virtual std::string deviceName() const = 0;     // "NVIDIA H100 80GB HBM3 (cuda:0)", "CPU"
    virtual bool onGpu() const = 0;
    virtual std::string notice() const = 0;         // e.g. why it runs on the CPU; empty when nothing to say
    virtual const EngineOptions &options() const = 0;

    // Adds a built-in architecture (builtinArchitectures()) or a TorchScript file; returns its index.
    // Throws InputError for an unknown name or a file that does not load.
    virtual int addBuiltin(const std::string &architecture) = 0;
    virtual int addTorchScript(const std::string &path, const std::string &name) = 0;

    virtual int modelCount() const = 0;
    virtual EngineModelInfo modelInfo(int index) const = 0;
    int indexOf(const std::string &name) const;     // -1 when absent

    // Warms model `index` up for batches of `batch` (cuDNN autotuning, a CUDA graph where enabled).
    virtual void prepare(int index, int batch) = 0;
    // Runs one batch of `batch` images through model `index`; returns when its outputs are ready.
    // Returns the batch size actually computed (larger where padded up to a captured graph's size).
    virtual int run(int index, int batch) = 0;
    // Runs one batch and returns the output's shape (for checks).
    virtual std::vector<std::int64_t> outputShape(int index, int batch) = 0;
    // Runs one batch of inputs drawn from `inputSeed` (the same values on every device, dtype and layout) the
    // way run() does (through the CUDA graph where one serves this batch) and returns the logits as float32,
    // row-major [batch, classes]: for checking one build against another.
    virtual std::vector<float> outputs(int index, int batch, std::uint64_t inputSeed) = 0;
};

// Batch sizes CUDA graphs are captured for: the powers of two up to maxBatch, and maxBatch itself.
std::vector<int> graphBatchSizes(int maxBatch);
// Runs model `index` once at each of the engine's graph batch sizes (batch 1 on the CPU), so that no measured
// request pays for loading, tuning or graph capture.
void warmUp(InferenceEngine &engine, int index);

// The paper's pool and more, as built-in architectures: AlexNet, VGG16, VGG19, ResNet18/34/50/101/152.
std::vector<std::string> builtinArchitectures();

// Whether this build has an engine (Torch found at build time), and the engine itself. makeInferenceEngine
// throws InputError where the options cannot be met (fp16 without CUDA, device "cuda" without a GPU).
std::unique_ptr<InferenceEngine> makeInferenceEngine(const EngineOptions &options);
std::string torchVersion();

} // namespace cs
