#!/usr/bin/env python3
"""PyTorch peers for bench_gpu_energy, measured the same way in the same run: torchvision architecture (random
weights), same batch and dtype, channels-last, cuDNN autotuning, energy from the same NVML total-energy counter
over the window, divided by images served (idle included). Each peer at its best: the batch loop is pipelined,
synchronised every --sync-every batches (20 by default; 1 synchronises after every batch, which costs a peer
throughput while the GPU waits for Python), and torch.compile in both of its modes.
  eager       PyTorch eager
  graph       eager captured once as a CUDA graph and replayed
  compile     torch.compile (inductor, default mode)
  compile-ro  torch.compile (inductor, mode="reduce-overhead": CUDA graphs inside)
Prints CSV: impl,model,dtype,batch,ms_p50,images_per_s,mj_per_image,watts,sync_every (ms_p50: per batch)"""
import argparse, statistics, sys, time

import pynvml
import torch
import torchvision

ARCH = {"AlexNet": "alexnet", "VGG16": "vgg16", "VGG19": "vgg19", "ResNet18": "resnet18", "ResNet34": "resnet34",
        "ResNet50": "resnet50", "ResNet101": "resnet101", "ResNet152": "resnet152"}


def measure(step, batch, seconds, handle, sync_every):
    for _ in range(20):
        step()
    torch.cuda.synchronize()
    lat = []
    e0 = pynvml.nvmlDeviceGetTotalEnergyConsumption(handle)
    t0 = time.perf_counter()
    n = 0
    while True:
        b0 = time.perf_counter()
        for _ in range(sync_every):
            step()
        torch.cuda.synchronize()
        b1 = time.perf_counter()
        lat.append((b1 - b0) * 1000 / sync_every)
        n += sync_every
        if b1 - t0 >= seconds:
            break
    t1 = time.perf_counter()
    e1 = pynvml.nvmlDeviceGetTotalEnergyConsumption(handle)
    images = n * batch
    joules = (e1 - e0) / 1000.0
    return statistics.median(lat), images / (t1 - t0), joules * 1000 / images, joules / (t1 - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="ResNet50")
    ap.add_argument("--batches", default="1,256")
    ap.add_argument("--impls", default="eager,graph,compile,compile-ro")
    ap.add_argument("--sync-every", type=int, default=20)
    ap.add_argument("--compile-models", default="ResNet50")
    ap.add_argument("--seconds", type=float, default=3)
    a = ap.parse_args()
    pynvml.nvmlInit()
    handle = pynvml.nvmlDeviceGetHandleByIndex(0)
    torch.backends.cudnn.benchmark = True
    print("impl,model,dtype,batch,ms_p50,images_per_s,mj_per_image,watts,sync_every", flush=True)
    for model in a.models.split(","):
        net = getattr(torchvision.models, ARCH[model])(weights=None).eval().half().cuda()
        net = net.to(memory_format=torch.channels_last)
        for impl in a.impls.split(","):
            if impl.startswith("compile") and model not in a.compile_models.split(","):
                continue
            for batch in [int(b) for b in a.batches.split(",")]:
                x = torch.randn(batch, 3, 224, 224, device="cuda", dtype=torch.half)
                x = x.contiguous(memory_format=torch.channels_last)
                try:
                    with torch.inference_mode():
                        if impl == "eager":
                            step = lambda: net(x)
                        elif impl == "graph":
                            s = torch.cuda.Stream()
                            s.wait_stream(torch.cuda.current_stream())
                            with torch.cuda.stream(s):
                                for _ in range(3):
                                    net(x)
                            torch.cuda.current_stream().wait_stream(s)
                            g = torch.cuda.CUDAGraph()
                            with torch.cuda.graph(g):
                                y = net(x)
                            step = g.replay
                        else:
                            c = torch.compile(net, mode="reduce-overhead" if impl == "compile-ro" else None)
                            t = time.perf_counter()
                            c(x)
                            torch.cuda.synchronize()
                            print(f"# compile {model} batch {batch}: {time.perf_counter() - t:.0f} s", file=sys.stderr)
                            step = lambda: c(x)
                        ms, ips, mj, w = measure(step, batch, a.seconds, handle, a.sync_every)
                    print(f"torch-{impl},{model},fp16,{batch},{ms:.4f},{ips:.1f},{mj:.4f},{w:.1f},{a.sync_every}",
                          flush=True)
                except Exception as e:  # one failing peer must not stop the others
                    print(f"# torch-{impl} {model} {batch}: {e}", file=sys.stderr)
                torch.cuda.empty_cache()
        del net
        torch.cuda.empty_cache()


if __name__ == "__main__":
    main()
