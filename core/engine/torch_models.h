#pragma once

// Private to the engine (includes Torch): the torchvision architectures as LibTorch modules. Never include this
// from code that also includes Qt.

#include <torch/torch.h>

#include <memory>
#include <string>

namespace cs::torchnet {

// How convolutions run after load: batch-norm folded into the weights, and (CUDA only) cuDNN's fused
// conv + bias + ReLU (+ residual add) kernels instead of separate passes.
struct RunMode
{
    bool folded = false;
    bool fused = false;
    torch::Dtype dtype = torch::kFloat;   // the serving dtype (folded weights are computed in fp32, then cast)
    bool channelsLast = false;
};

// A convolution followed by batch-norm; fold() moves the batch-norm into the convolution's weight and bias
// (w' = w·γ/√(σ²+ε), b' = β − μ·γ/√(σ²+ε)), so inference runs one convolution instead of two passes.
class ConvBnImpl : public torch::nn::Module
{
public:
    ConvBnImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding);
    // relu: apply ReLU; residual: added before the ReLU (a ResNet block's last convolution).
    torch::Tensor forward(const torch::Tensor &x, bool relu, const torch::Tensor &residual = {});
    void fold(const RunMode &mode);

    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};

private:
    int64_t mStride;
    int64_t mPadding;
    RunMode mMode;
    torch::Tensor mWeight; // folded
    torch::Tensor mBias;
};
TORCH_MODULE(ConvBn);

// Any pool network: forward on a batch of images [N, 3, H, W] gives logits [N, 1000].
class NetImpl : public torch::nn::Module
{
public:
    virtual torch::Tensor forward(torch::Tensor x) = 0;
    // Folds batch-norm (and picks fused kernels) after the net is on its device in its dtype.
    virtual void prepareForInference(const RunMode &) {}
};

// Builds a torchvision architecture by name ("ResNet50"), randomly initialised as torchvision initialises it,
// with batch-norm running statistics drawn at random (so folding is not a no-op). Nothing where unknown.
std::shared_ptr<NetImpl> makeNet(const std::string &name);

} // namespace cs::torchnet
