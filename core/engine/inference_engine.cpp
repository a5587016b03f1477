#include "inference_engine.h"

#include "parse_error.h"

namespace cs {

std::string precisionName(Precision p)
{
    return p == Precision::Fp16 ? "fp16" : "fp32";
}

Precision parsePrecision(const std::string &text)
{
    if (text == "fp32" || text == "float32")
        return Precision::Fp32;
    if (text == "fp16" || text == "float16" || text == "half")
        return Precision::Fp16;
    throw InputError("unknown precision '" + text + "' (fp32 or fp16)");
}

int InferenceEngine::indexOf(const std::string &name) const
{
    for (int i = 0; i < modelCount(); ++i)
        if (modelInfo(i).name == name)
            return i;
    return -1;
}

std::vector<int> graphBatchSizes(int maxBatch)
{
    std::vector<int> sizes;
    for (int b = 1; b <= maxBatch; b *= 2)
        sizes.push_back(b);
    if (sizes.empty() || sizes.back() != maxBatch)
        sizes.push_back(maxBatch);
    return sizes;
}

void warmUp(InferenceEngine &engine, int index)
{
    for (int b : engine.onGpu() ? engine.options().graphBatchSizes : std::vector<int>{1})
        engine.prepare(index, b);
}

std::vector<std::string> builtinArchitectures()
{
    return {"AlexNet", "VGG16", "VGG19", "ResNet18", "ResNet34", "ResNet50", "ResNet101", "ResNet152"};
}

} // namespace cs
