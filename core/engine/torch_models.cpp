#include "torch_models.h"

#include <cmath>

namespace cs::torchnet {

namespace nn = torch::nn;

namespace {

void initConv(nn::Conv2d &c)
{
    // torchvision: kaiming_normal_(mode="fan_out", nonlinearity="relu"), bias 0.
    nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
    if (c->bias.defined())
        nn::init::zeros_(c->bias);
}

// Running statistics as a trained net would have them (not 0 and 1), so folding changes the weights.
// gammaScale < 1 damps a residual branch so random activations stay finite through 50 blocks in fp16.
void initBn(nn::BatchNorm2d &b, double gammaScale)
{
    torch::NoGradGuard ng;
    b->weight.uniform_(0.8 * gammaScale, 1.2 * gammaScale);
    b->bias.uniform_(-0.1, 0.1);
    b->running_mean.uniform_(-0.1, 0.1);
    b->running_var.uniform_(0.5, 1.5);
}

} // namespace

ConvBnImpl::ConvBnImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding)
    : mStride(stride)
    , mPadding(padding)
{
    conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false)));
    bn = register_module("bn", nn::BatchNorm2d(out));
    initConv(conv);
    initBn(bn, 1.0);
}

void ConvBnImpl::fold(const RunMode &mode)
{
    mMode = mode;
    if (!mode.folded)
        return;
    torch::NoGradGuard ng;
    // In float32 whatever the serving dtype, then cast once.
    const auto w = conv->weight.to(torch::kFloat);
    const auto scale = bn->weight.to(torch::kFloat) / torch::sqrt(bn->running_var.to(torch::kFloat) + bn->options.eps());
    mWeight = (w * scale.reshape({-1, 1, 1, 1}))
                  .to(mode.dtype)
                  .contiguous(mode.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
    mBias = (bn->bias.to(torch::kFloat) - bn->running_mean.to(torch::kFloat) * scale).to(mode.dtype);
}

torch::Tensor ConvBnImpl::forward(const torch::Tensor &x, bool relu, const torch::Tensor &residual)
{
    if (!mMode.folded) {
        auto y = bn(conv(x));
        if (residual.defined())
            y.add_(residual);
        return relu ? y.relu_() : y;
    }
    if (mMode.fused && relu) {
        if (residual.defined())
            return at::cudnn_convolution_add_relu(x, mWeight, residual, at::Scalar(1.0), mBias, {mStride, mStride},
                                                  {mPadding, mPadding}, {1, 1}, 1);
        return at::cudnn_convolution_relu(x, mWeight, mBias, {mStride, mStride}, {mPadding, mPadding}, {1, 1}, 1);
    }
    auto y = at::conv2d(x, mWeight, mBias, {mStride, mStride}, {mPadding, mPadding});
    if (residual.defined())
        y.add_(residual);
    return relu ? y.relu_() : y;
}

namespace {

// --- AlexNet and VGG (torchvision layouts; no batch-norm) ---------------------------------------------------

class PlainNet : public NetImpl
{
public:
    // cfg: channel counts, 0 = max-pool; alexnet uses its own first layers.
    PlainNet(bool alexnet, const std::vector<int> &cfg)
    {
        if (alexnet) {
            addConv(3, 64, 11, 4, 2); addPool(3, 2);
            addConv(64, 192, 5, 1, 2); addPool(3, 2);
            addConv(192, 384, 3, 1, 1); addConv(384, 256, 3, 1, 1); addConv(256, 256, 3, 1, 1); addPool(3, 2);
            mPoolSize = 6;
            mHidden = 256 * 6 * 6;
        } else {
            int in = 3;
            for (int c : cfg) {
                if (c == 0) {
                    addPool(2, 2);
                } else {
                    addConv(in, c, 3, 1, 1);
                    in = c;
                }
            }
            mPoolSize = 7;
            mHidden = 512 * 7 * 7;
        }
        fc1 = register_module("fc1", nn::Linear(mHidden, 4096));
        fc2 = register_module("fc2", nn::Linear(4096, 4096));
        fc3 = register_module("fc3", nn::Linear(4096, 1000));
        if (!alexnet) { // torchvision VGG init; AlexNet keeps PyTorch's default init, as torchvision does
            for (Layer &l : mLayers)
                if (!l.conv.is_empty())
                    initConv(l.conv);
            for (auto *l : {&fc1, &fc2, &fc3}) {
                nn::init::normal_((*l)->weight, 0, 0.01);
                nn::init::zeros_((*l)->bias);
            }
        }
    }

    torch::Tensor forward(torch::Tensor x) override
    {
        for (std::size_t i = 0; i < mLayers.size(); ++i) {
            Layer &l = mLayers[i];
            if (l.conv.is_empty()) {
                x = torch::max_pool2d(x, l.poolKernel, l.poolStride);
            } else if (mMode.fused) {
                x = at::cudnn_convolution_relu(x, l.conv->weight, l.conv->bias, {l.stride, l.stride},
                                               {l.padding, l.padding}, {1, 1}, 1);
            } else {
                x = l.conv(x).relu_();
            }
        }
        x = torch::adaptive_avg_pool2d(x, {mPoolSize, mPoolSize}).flatten(1);
        x = fc1(x).relu_(); // dropout is the identity at inference
        x = fc2(x).relu_();
        return fc3(x);
    }

    void prepareForInference(const RunMode &mode) override { mMode = mode; }

private:
    struct Layer
    {
        nn::Conv2d conv{nullptr};
        int64_t poolKernel = 0;
        int64_t poolStride = 0;
        int64_t stride = 1;
        int64_t padding = 0;
    };
    void addConv(int in, int out, int k, int s, int p)
    {
        Layer l;
        l.conv = register_module("conv" + std::to_string(mLayers.size()),
                                 nn::Conv2d(nn::Conv2dOptions(in, out, k).stride(s).padding(p)));
        l.stride = s;
        l.padding = p;
        mLayers.push_back(l);
    }
    void addPool(int k, int s) { mLayers.push_back(Layer{nullptr, k, s, 1, 0}); }

    std::vector<Layer> mLayers;
    nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
    int64_t mPoolSize = 0;
    int64_t mHidden = 0;
    RunMode mMode;
};

// --- ResNet (torchvision v1.5: the stride sits in the bottleneck's 3x3 convolution) --------------------------

class BlockImpl : public torch::nn::Module
{
public:
    BlockImpl(bool bottleneck, int64_t in, int64_t planes, int64_t stride)
        : mBottleneck(bottleneck)
    {
        const int64_t out = bottleneck ? planes * 4 : planes;
        if (bottleneck) {
            c1 = register_module("c1", ConvBn(in, planes, 1, 1, 0));
            c2 = register_module("c2", ConvBn(planes, planes, 3, stride, 1));
            c3 = register_module("c3", ConvBn(planes, out, 1, 1, 0));
        } else {
            c1 = register_module("c1", ConvBn(in, planes, 3, stride, 1));
            c2 = register_module("c2", ConvBn(planes, planes, 3, 1, 1));
        }
        // Damp the branch's last batch-norm (torchvision can zero it: zero_init_residual) so random activations
        // stay finite through deep nets in fp16.
        initBn((bottleneck ? c3 : c2)->bn, 0.2);
        if (stride != 1 || in != out)
            down = register_module("down", ConvBn(in, out, 1, stride, 0));
    }

    torch::Tensor forward(const torch::Tensor &x)
    {
        const torch::Tensor identity = down.is_empty() ? x : down(x, false);
        if (mBottleneck) {
            auto y = c1(x, true);
            y = c2(y, true);
            return c3(y, true, identity);
        }
        return c2(c1(x, true), true, identity);
    }

    void fold(const RunMode &m)
    {
        for (auto *c : {&c1, &c2, &c3, &down})
            if (!c->is_empty())
                (*c)->fold(m);
    }

private:
    bool mBottleneck;
    ConvBn c1{nullptr}, c2{nullptr}, c3{nullptr}, down{nullptr};
};
TORCH_MODULE(Block);

class ResNet : public NetImpl
{
public:
    ResNet(bool bottleneck, std::array<int, 4> layers)
    {
        stem = register_module("stem", ConvBn(3, 64, 7, 2, 3));
        int64_t in = 64;
        const int64_t widths[4] = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; ++stage) {
            for (int b = 0; b < layers[stage]; ++b) {
                const int64_t stride = (b == 0 && stage > 0) ? 2 : 1;
                blocks.push_back(register_module("block" + std::to_string(stage) + "_" + std::to_string(b),
                                                 Block(bottleneck, in, widths[stage], stride)));
                in = bottleneck ? widths[stage] * 4 : widths[stage];
            }
        }
        fc = register_module("fc", nn::Linear(in, 1000));
    }

    torch::Tensor forward(torch::Tensor x) override
    {
        x = stem(x, true);
        x = torch::max_pool2d(x, 3, 2, 1);
        for (auto &b : blocks)
            x = b(x);
        x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
        return fc(x);
    }

    void prepareForInference(const RunMode &m) override
    {
        stem->fold(m);
        for (auto &b : blocks)
            b->fold(m);
    }

private:
    ConvBn stem{nullptr};
    std::vector<Block> blocks;
    nn::Linear fc{nullptr};
};

} // namespace

std::shared_ptr<NetImpl> makeNet(const std::string &name)
{
    const std::vector<int> vgg16 = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
    const std::vector<int> vgg19 = {64,  64,  0,   128, 128, 0,   256, 256, 256, 256, 0,
                                    512, 512, 512, 512, 0,   512, 512, 512, 512, 0};
    if (name == "AlexNet")
        return std::make_shared<PlainNet>(true, std::vector<int>{});
    if (name == "VGG16")
        return std::make_shared<PlainNet>(false, vgg16);
    if (name == "VGG19")
        return std::make_shared<PlainNet>(false, vgg19);
    if (name == "ResNet18")
        return std::make_shared<ResNet>(false, std::array<int, 4>{2, 2, 2, 2});
    if (name == "ResNet34")
        return std::make_shared<ResNet>(false, std::array<int, 4>{3, 4, 6, 3});
    if (name == "ResNet50")
        return std::make_shared<ResNet>(true, std::array<int, 4>{3, 4, 6, 3});
    if (name == "ResNet101")
        return std::make_shared<ResNet>(true, std::array<int, 4>{3, 4, 23, 3});
    if (name == "ResNet152")
        return std::make_shared<ResNet>(true, std::array<int, 4>{3, 8, 36, 3});
    return nullptr;
}

} // namespace cs::torchnet
