package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/cuda"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
)

var deviceFlag = &cli.StringFlag{Name: "device", Value: "cpu", EnvVars: envs("device"), Category: "Model",
	Usage: "compute device: cpu, cuda or cuda:N (CUDA needs a binary from `make build-cuda`)"}

// parseDevice splits "cuda:1" into kind and ordinal.
func parseDevice(s string) (kind string, ordinal int, err error) {
	kind, num, has := strings.Cut(strings.ToLower(strings.TrimSpace(s)), ":")
	switch kind {
	case "", "cpu":
		if has {
			return "", 0, fmt.Errorf("--device %q: the CPU takes no ordinal", s)
		}
		return "cpu", 0, nil
	case "cuda", "gpu":
		if has {
			if ordinal, err = strconv.Atoi(num); err != nil || ordinal < 0 {
				return "", 0, fmt.Errorf("--device %q: bad device ordinal", s)
			}
		}
		return "cuda", ordinal, nil
	}
	return "", 0, fmt.Errorf("--device %q: want cpu, cuda or cuda:N", s)
}

// openDevice opens a backend on the named device.
func openDevice(device string, threads int, bf16 bool) network.OpenBackend {
	return func(ck *model.Checkpoint) (model.Backend, error) {
		kind, ord, err := parseDevice(device)
		if err != nil {
			return nil, err
		}
		if kind == "cuda" {
			if bf16 {
				return nil, fmt.Errorf("bf16 activations are a CPU-only calibration reference")
			}
			// ASSAY_CUDA_PTX: kernels from a file instead of the embedded PTX
			// (kernel development; scripts/gpu/cuda_tests.sh sets it).
			// ASSAY_CUDA_SPLIT=2|3: tensor-core products for large passes
			// (not bit-identical to the CPU; docs/protocol.md §6.2.1).
			split := 0
			if v := os.Getenv("ASSAY_CUDA_SPLIT"); v != "" {
				if split, err = strconv.Atoi(v); err != nil {
					return nil, fmt.Errorf("ASSAY_CUDA_SPLIT=%q: want 2 or 3", v)
				}
			}
			return cuda.Open(ck, cuda.Config{Device: ord, PTXFile: os.Getenv("ASSAY_CUDA_PTX"), TensorSplit: split})
		}
		return model.NewCPU(ck, model.CPUConfig{Threads: threads, BF16Activations: bf16})
	}
}

// backendOpener opens the backend the command's --device and --threads name.
func backendOpener(c *cli.Context) network.OpenBackend {
	return openDevice(c.String("device"), c.Int("threads"), false)
}

// closeBackend releases a backend that holds a device.
func closeBackend(b model.Backend) {
	if cl, ok := b.(io.Closer); ok {
		cl.Close()
	}
}
