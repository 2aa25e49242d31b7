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
	"github.com/assaynet/assay/replicas"
)

var deviceFlag = &cli.StringFlag{Name: "device", Value: "cpu", EnvVars: envs("device"), Category: "Model",
	Usage: "compute device: cpu, cuda, cuda:N, or cuda[:N]+split2|+split3|+f16x2 for tensor-core products (not bit-identical; docs/protocol.md §6.2.1; CUDA needs a binary from `make build-cuda`); a comma-separated list (cuda:0,cuda:1) spreads the work over the devices, each holding the model"}

// device is a parsed --device value.
type device struct {
	kind    string // "cpu" or "cuda"
	ordinal int
	split   int  // bf16 terms per activation on tensor cores; 0 = exact products
	half    bool // +f16x2: two fp16 terms with row scales instead (split 2)
}

// parseDevice parses "cpu", "cuda", "cuda:1" or "cuda:1+split3".
func parseDevice(s string) (device, error) {
	spec, split, hasSplit := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "+")
	kind, num, has := strings.Cut(spec, ":")
	switch kind {
	case "", "cpu":
		if has || hasSplit {
			return device{}, fmt.Errorf("--device %q: the CPU takes no ordinal or options", s)
		}
		return device{kind: "cpu"}, nil
	case "cuda", "gpu":
		d := device{kind: "cuda"}
		if has {
			var err error
			if d.ordinal, err = strconv.Atoi(num); err != nil || d.ordinal < 0 {
				return device{}, fmt.Errorf("--device %q: bad device ordinal", s)
			}
		}
		switch split {
		case "":
			if hasSplit {
				return device{}, fmt.Errorf("--device %q: empty option", s)
			}
		case "split2", "split3":
			d.split = int(split[5] - '0')
		case "f16x2":
			d.split, d.half = 2, true
		default:
			return device{}, fmt.Errorf("--device %q: option %q: want split2, split3 or f16x2", s, split)
		}
		return d, nil
	}
	return device{}, fmt.Errorf("--device %q: want cpu, cuda or cuda:N", s)
}

// openDevice opens a backend on the named device, or on each device of a
// comma-separated list, spread over them (package replicas).
func openDevice(spec string, threads int, bf16 bool) network.OpenBackend {
	if list := strings.Split(spec, ","); len(list) > 1 {
		return openDevices(list, threads, bf16)
	}
	return func(ck *model.Checkpoint) (model.Backend, error) {
		d, err := parseDevice(spec)
		if err != nil {
			return nil, err
		}
		if d.kind == "cuda" {
			if bf16 {
				return nil, fmt.Errorf("bf16 activations are a CPU-only calibration reference")
			}
			// ASSAY_CUDA_PTX: kernels from a file instead of the embedded PTX
			// (kernel development; scripts/gpu/cuda_tests.sh sets it).
			// ASSAY_CUDA_SPLIT=2|3: tensor-core products as +split2|3 does.
			// ASSAY_CUDA_SPLIT_MIN_ROWS: the smallest pass that uses them
			// (default 4; 1 puts every pass on tensor cores, for calibration).
			env := func(name string) (int, error) {
				v := os.Getenv(name)
				if v == "" {
					return 0, nil
				}
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return 0, fmt.Errorf("%s=%q: want a number", name, v)
				}
				return n, nil
			}
			if d.split == 0 {
				if d.split, err = env("ASSAY_CUDA_SPLIT"); err != nil {
					return nil, err
				}
			}
			minRows, err := env("ASSAY_CUDA_SPLIT_MIN_ROWS")
			if err != nil {
				return nil, err
			}
			// ASSAY_CUDA_PDL=0: each kernel launched after the previous one
			// finished (for comparisons; the bits are the same).
			// ASSAY_CUDA_HALF=1: fp16 terms, as +f16x2 does.
			half := d.half || os.Getenv("ASSAY_CUDA_HALF") == "1"
			return cuda.Open(ck, cuda.Config{Device: d.ordinal, PTXFile: os.Getenv("ASSAY_CUDA_PTX"), TensorSplit: d.split, TensorMinRows: minRows,
				NoPDL: os.Getenv("ASSAY_CUDA_PDL") == "0", TensorHalf: half})
		}
		return model.NewCPU(ck, model.CPUConfig{Threads: threads, BF16Activations: bf16})
	}
}

// openDevices opens one backend per listed device and spreads the work
// over them. The devices must agree in kind and products: one miner's
// rollouts are computed one way.
func openDevices(list []string, threads int, bf16 bool) network.OpenBackend {
	return func(ck *model.Checkpoint) (model.Backend, error) {
		var first device
		for i, spec := range list {
			if strings.TrimSpace(spec) == "" {
				return nil, fmt.Errorf("--device %q: empty entry in the list", strings.Join(list, ","))
			}
			d, err := parseDevice(spec)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				first = d
			} else if d.kind != first.kind || d.split != first.split || d.half != first.half {
				return nil, fmt.Errorf("--device %q: every listed device must be of one kind with the same products (%q is not like %q)",
					strings.Join(list, ","), spec, list[0])
			}
		}
		parts := make([]model.Backend, 0, len(list))
		for _, spec := range list {
			b, err := openDevice(spec, threads, bf16)(ck)
			if err != nil {
				for _, p := range parts {
					closeBackend(p)
				}
				return nil, fmt.Errorf("--device %s: %w", spec, err)
			}
			parts = append(parts, b)
		}
		r, err := replicas.New(parts)
		if err != nil {
			for _, p := range parts {
				closeBackend(p)
			}
			return nil, err
		}
		return r, nil
	}
}

// backendOpener opens the backend the command's --device and --threads name.
func backendOpener(c *cli.Context) network.OpenBackend {
	return openDevice(c.String("device"), c.Int("threads"), false)
}

// loggedOpener is backendOpener logging which backend it opened (the CPU
// engine names its matrix kernel, a GPU its device): the roles' start-up
// line.
func loggedOpener(c *cli.Context) network.OpenBackend {
	open := backendOpener(c)
	return func(ck *model.Checkpoint) (model.Backend, error) {
		b, err := open(ck)
		if err == nil {
			logger(c).Info("backend", "model", ck.Config.Arch, "on", backendName(b))
		}
		return b, err
	}
}

// backendName is the backend's own description where it has one.
func backendName(b model.Backend) string {
	if n, ok := b.(interface{ Name() string }); ok {
		return n.Name()
	}
	return fmt.Sprintf("%T", b)
}

// closeBackend releases a backend that holds a device.
func closeBackend(b model.Backend) {
	if cl, ok := b.(io.Closer); ok {
		cl.Close()
	}
}
