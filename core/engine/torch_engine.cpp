// The LibTorch implementation of InferenceEngine. Torch lives only here and in torch_models.*.
#include "inference_engine.h"
#include "parse_error.h"
#include "torch_engine_loader.h"
#include "torch_models.h"

#include <torch/script.h>
#include <torch/torch.h>
#include <torch/version.h>
#include <ATen/CPUGeneratorImpl.h>

#ifdef CARBONSCOPE_TORCH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <algorithm>
#include <map>
#include <optional>
#include <thread>

namespace cs {

namespace {

std::string libtorchVersion()
{
    return TORCH_VERSION;
}

struct GraphEntry
{
#ifdef CARBONSCOPE_TORCH_CUDA
    std::unique_ptr<at::cuda::CUDAGraph> graph;
#endif
    torch::Tensor input;
    torch::Tensor output;
};

struct Resident
{
    EngineModelInfo info;
    std::shared_ptr<torchnet::NetImpl> net;
    std::optional<torch::jit::Module> script;
    std::map<int, GraphEntry> graphs; // by batch size
    torch::Tensor input;              // eager input of the largest batch asked so far
};

class TorchEngine : public InferenceEngine
{
public:
    explicit TorchEngine(const EngineOptions &options)
        : mOptions(options)
    {
        const bool cudaAvailable = torch::cuda::is_available();
        if (options.device == "cuda" && !cudaAvailable)
            throw InputError("device 'cuda' asked for, but no CUDA GPU is available to LibTorch " + libtorchVersion());
        if (options.device != "auto" && options.device != "cuda" && options.device != "cpu")
            throw InputError("unknown device '" + options.device + "' (auto, cuda or cpu)");
        const bool gpu = options.device != "cpu" && cudaAvailable;
        mDevice = gpu ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
        if (!gpu && options.precision == Precision::Fp16)
            throw InputError("fp16 inference needs a CUDA GPU; this engine runs on the CPU (use fp32)");
        mDtype = options.precision == Precision::Fp16 ? torch::kHalf : torch::kFloat;
        if (!gpu) {
            mDeviceName = "CPU (" + std::to_string(torch::get_num_threads()) + " threads)";
            if (options.device == "auto")
                mNotice = cudaAvailable ? "" : "no CUDA GPU available to LibTorch " + libtorchVersion()
                                                   + ": running on the CPU (slow; energy from RAPL where readable)";
            mOptions.cudaGraphs = false;
            mOptions.fusedConv = false;
        } else {
#ifdef CARBONSCOPE_TORCH_CUDA
            mDeviceName = std::string(at::cuda::getCurrentDeviceProperties()->name) + " (cuda:0)";
#else
            mDeviceName = "CUDA GPU (cuda:0)";
            mOptions.cudaGraphs = false;
#endif
            at::globalContext().setBenchmarkCuDNN(options.cudnnBenchmark);
        }
    }

    std::string deviceName() const override { return mDeviceName; }
    bool onGpu() const override { return mDevice.is_cuda(); }
    std::string notice() const override { return mNotice; }
    const EngineOptions &options() const override { return mOptions; }

    int addBuiltin(const std::string &architecture) override
    {
        torch::manual_seed(mOptions.seed + mModels.size());
        auto net = torchnet::makeNet(architecture);
        if (!net)
            throw InputError("unknown model architecture '" + architecture + "' (built in: AlexNet, VGG16, VGG19, "
                             "ResNet18, ResNet34, ResNet50, ResNet101, ResNet152)");
        auto r = std::make_unique<Resident>();
        r->info.name = architecture;
        r->info.origin = "built-in (torchvision architecture, random weights)";
        for (const auto &p : net->parameters())
            r->info.parameters += p.numel();
        torch::NoGradGuard ng;
        net->eval();
        net->to(mDevice);
        torchnet::RunMode mode;
        mode.folded = mOptions.foldBatchNorm;
        mode.fused = mOptions.fusedConv && onGpu();
        mode.dtype = mDtype;
        mode.channelsLast = mOptions.channelsLast;
        net->prepareForInference(mode);
        net->to(mDtype);
        if (mOptions.channelsLast)
            for (auto &p : net->parameters())
                if (p.dim() == 4)
                    p.set_data(p.contiguous(at::MemoryFormat::ChannelsLast));
        r->net = net;
        mModels.push_back(std::move(r));
        return modelCount() - 1;
    }

    int addTorchScript(const std::string &path, const std::string &name) override
    {
        auto r = std::make_unique<Resident>();
        try {
            torch::jit::Module m = torch::jit::load(path, mDevice);
            m.eval();
            m.to(mDtype);
            for (const auto &p : m.parameters())
                r->info.parameters += p.numel();
            r->script = std::move(m);
        } catch (const c10::Error &e) {
            throw InputError(path + ": not a TorchScript model LibTorch " + libtorchVersion() + " can load: "
                             + e.what_without_backtrace());
        }
        r->info.name = name;
        r->info.origin = "TorchScript file " + path;
        mModels.push_back(std::move(r));
        return modelCount() - 1;
    }

    int modelCount() const override { return static_cast<int>(mModels.size()); }
    EngineModelInfo modelInfo(int index) const override { return resident(index).info; }

    void prepare(int index, int batch) override
    {
        c10::InferenceMode guard;
        Resident &r = resident(index);
        if (useGraph(batch)) {
            graphFor(r, graphSize(batch));
            return;
        }
        torch::Tensor x = eagerInput(r, batch);
        for (int i = 0; i < std::max(1, mOptions.warmupBatches); ++i)
            forward(r, x);
        synchronize();
    }

    int run(int index, int batch) override
    {
        c10::InferenceMode guard;
        Resident &r = resident(index);
        if (useGraph(batch)) {
            const int size = graphSize(batch);
#ifdef CARBONSCOPE_TORCH_CUDA
            GraphEntry &g = graphFor(r, size);
            g.graph->replay();
#endif
            synchronize();
            return size;
        }
        forward(r, eagerInput(r, batch));
        synchronize();
        return batch;
    }

    std::vector<std::int64_t> outputShape(int index, int batch) override
    {
        c10::InferenceMode guard;
        Resident &r = resident(index);
        const torch::Tensor y = forward(r, eagerInput(r, batch));
        synchronize();
        if (!torch::isfinite(y).all().item<bool>())
            throw InputError(r.info.name + ": the output holds non-finite values");
        return y.sizes().vec();
    }

    std::vector<float> outputs(int index, int batch, std::uint64_t inputSeed) override
    {
        c10::InferenceMode guard;
        Resident &r = resident(index);
        auto gen = at::detail::createCPUGenerator(inputSeed);
        torch::Tensor x = torch::randn({batch, 3, mOptions.imageSize, mOptions.imageSize}, gen,
                                       torch::TensorOptions().dtype(torch::kFloat))
                              .to(mDevice, mDtype);
        if (mOptions.channelsLast)
            x = x.contiguous(at::MemoryFormat::ChannelsLast);
        torch::Tensor y;
        if (useGraph(batch) && graphSize(batch) == batch) {
#ifdef CARBONSCOPE_TORCH_CUDA
            GraphEntry &g = graphFor(r, batch);
            g.input.copy_(x);
            g.graph->replay();
            y = g.output.clone();
#endif
        } else {
            y = forward(r, x);
        }
        synchronize();
        y = y.to(torch::kCPU, torch::kFloat).contiguous();
        return std::vector<float>(y.data_ptr<float>(), y.data_ptr<float>() + y.numel());
    }

private:
    Resident &resident(int index) const
    {
        if (index < 0 || index >= modelCount())
            throw InputError("no model " + std::to_string(index) + " in the engine");
        return *mModels[static_cast<std::size_t>(index)];
    }

    torch::Tensor makeInput(int batch) const
    {
        auto x = torch::randn({batch, 3, mOptions.imageSize, mOptions.imageSize},
                              torch::TensorOptions().device(mDevice).dtype(mDtype));
        return mOptions.channelsLast ? x.contiguous(at::MemoryFormat::ChannelsLast) : x;
    }

    torch::Tensor eagerInput(Resident &r, int batch) const
    {
        if (!r.input.defined() || r.input.size(0) < batch)
            r.input = makeInput(batch);
        return r.input.narrow(0, 0, batch);
    }

    torch::Tensor forward(Resident &r, const torch::Tensor &x) const
    {
        if (r.net)
            return r.net->forward(x);
        return r.script->forward({x}).toTensor();
    }

    void synchronize() const
    {
#ifdef CARBONSCOPE_TORCH_CUDA
        if (onGpu())
            c10::cuda::getCurrentCUDAStream().synchronize();
#else
        if (onGpu())
            torch::cuda::synchronize();
#endif
    }

    bool useGraph(int batch) const
    {
        return mOptions.cudaGraphs && onGpu() && !mOptions.graphBatchSizes.empty()
               && batch <= *std::max_element(mOptions.graphBatchSizes.begin(), mOptions.graphBatchSizes.end());
    }

    int graphSize(int batch) const
    {
        int best = 0;
        for (int s : mOptions.graphBatchSizes)
            if (s >= batch && (best == 0 || s < best))
                best = s;
        return best;
    }

    GraphEntry &graphFor(Resident &r, int size)
    {
        auto it = r.graphs.find(size);
        if (it != r.graphs.end())
            return it->second;
        GraphEntry g;
        g.input = makeInput(size);
#ifdef CARBONSCOPE_TORCH_CUDA
        // Warm up (cuDNN autotuning) on a side stream, then capture one forward pass; replays reuse its memory.
        auto stream = c10::cuda::getStreamFromPool();
        {
            c10::cuda::CUDAStreamGuard streamGuard(stream);
            for (int i = 0; i < std::max(2, mOptions.warmupBatches); ++i)
                forward(r, g.input);
            stream.synchronize();
            g.graph = std::make_unique<at::cuda::CUDAGraph>();
            g.graph->capture_begin();
            g.output = forward(r, g.input);
            g.graph->capture_end();
            stream.synchronize();
        }
        g.graph->replay();
        synchronize();
#endif
        return r.graphs.emplace(size, std::move(g)).first->second;
    }

    EngineOptions mOptions;
    torch::Device mDevice{torch::kCPU};
    torch::Dtype mDtype = torch::kFloat;
    std::string mDeviceName;
    std::string mNotice;
    std::vector<std::unique_ptr<Resident>> mModels;
};

} // namespace

} // namespace cs

// The module's entry points (torch_engine_loader.h), the only symbols it exports. The engine is deleted through
// its virtual destructor, which is this module's code; exceptions (cs::InputError) cross as C++ exceptions (same
// compiler, same libstdc++).
extern "C" __attribute__((visibility("default"))) cs::InferenceEngine *
carbonscope_torch_make_engine(const cs::EngineOptions *options)
{
    return new cs::TorchEngine(*options);
}

extern "C" __attribute__((visibility("default"))) const char *carbonscope_torch_version()
{
    return TORCH_VERSION;
}

extern "C" __attribute__((visibility("default"))) int carbonscope_torch_abi()
{
    return cs::torchEngineAbi;
}
