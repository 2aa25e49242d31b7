package proofs

import (
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/grpo"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/sketch"
)

func sketchCoeffs(f *fixture) sketch.Coefficients {
	return challenge.SketchCoefficients(f.prover.WindowSeed)
}

func sketchOf(h []float32, c sketch.Coefficients) uint32 { return sketch.Compute(h, c) }

func setAdvantages(t *testing.T, g []*Record, rewards []float32) {
	adv, err := grpo.Advantages(rewards)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range g {
		r.Advantage = adv[i]
	}
}

// otherSeedBackend is the same architecture with other random weights.
func otherSeedBackend(_ *model.Checkpoint) model.Backend {
	dir, _ := os.MkdirTemp("", "assay-other-")
	ck, _, _, err := initModel(filepath.Join(dir, "m"), 7)
	if err != nil {
		panic(err)
	}
	b, _ := model.NewCPU(ck, model.CPUConfig{})
	return b
}

// rewrite copies a checkpoint with each tensor passed through edit.
func rewrite(ck *model.Checkpoint, edit func(name string, v []float32) []float32, dropLayer int) model.Backend {
	dir, _ := os.MkdirTemp("", "assay-mutant-")
	var ts []model.TensorSource
	cfg, _ := os.ReadFile(filepath.Join(ck.Dir, "config.json"))
	for name, t := range ck.Tensors {
		vals := edit(name, t.Float32())
		shape := t.Shape
		ts = append(ts, model.TensorSource{Name: name, DType: model.F32, Shape: shape, Fill: func(w io.Writer) error {
			buf := make([]byte, 0, 4*len(vals))
			for _, v := range vals {
				buf = appendF32(buf, v)
			}
			_, err := w.Write(buf)
			return err
		}})
	}
	if err := model.WriteSafetensors(filepath.Join(dir, "model.safetensors"), ts, nil); err != nil {
		panic(err)
	}
	os.WriteFile(filepath.Join(dir, "config.json"), cfg, 0o644)
	m, err := model.OpenCheckpoint(dir)
	if err != nil {
		panic(err)
	}
	b, _ := model.NewCPU(m, model.CPUConfig{})
	if dropLayer >= 0 {
		return &skipLayer{CPU: b, layer: dropLayer, ck: m}
	}
	return b
}

func perturbedBackend(ck *model.Checkpoint, rel float64) model.Backend {
	rng := rand.New(rand.NewPCG(1, 2))
	return rewrite(ck, func(_ string, v []float32) []float32 {
		for i := range v {
			v[i] *= float32(1 + rel*rng.NormFloat64())
		}
		return v
	}, -1)
}

// droppedLayerBackend zeroes the last layer's output projections, which
// removes the layer from the residual stream (identity layer).
func droppedLayerBackend(ck *model.Checkpoint) model.Backend {
	last := ck.Config.Layers - 1
	return rewrite(ck, func(name string, v []float32) []float32 {
		if name == layerName(last, "self_attn.o_proj.weight") || name == layerName(last, "mlp.down_proj.weight") {
			for i := range v {
				v[i] = 0
			}
		}
		return v
	}, -1)
}

type skipLayer struct {
	*model.CPU
	layer int
	ck    *model.Checkpoint
}

func layerName(l int, s string) string { return "model.layers." + itoa(l) + "." + s }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func appendF32(b []byte, v float32) []byte {
	u := math.Float32bits(v)
	return append(b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24))
}
